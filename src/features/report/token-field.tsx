import { useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import type { RestSourceConfig } from '../../data/config.ts';
import {
  forgetReportToken,
  keepReportToken,
  reportToken,
  subscribeReportTokens,
  tokenProblem,
} from '../../data/reports/report-token.ts';
import { useI18n } from '../../ui/i18n/context.tsx';

/** Whether a token for `sourceId` is kept on this device (the token itself stays in storage). */
export function useHasToken(sourceId: string): boolean {
  return useSyncExternalStore(
    subscribeReportTokens,
    () => reportToken(sourceId) !== undefined,
    () => false,
  );
}

/**
 * The observer's token for one source: entered once on this device, in a password field, and
 * forgotten on request. Its own small form, so that the report form never holds the token.
 */
export function TokenField({
  source,
  onKept,
}: {
  source: RestSourceConfig;
  /** After a token is kept: send what waited for it. */
  onKept: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const kept = useHasToken(source.id);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<'empty' | 'invalid' | 'not-kept' | undefined>();

  const keep = (event: FormEvent) => {
    event.preventDefault();
    const found = tokenProblem(value);
    if (found) return setProblem(found);
    if (!keepReportToken(source.id, value)) return setProblem('not-kept');
    setValue('');
    setProblem(undefined);
    onKept();
  };

  return (
    <section className="panel report-token" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        {t('report.token.title')}
      </h2>
      {kept ? (
        <div className="report-token__kept">
          <p>{t('report.token.kept', { source: source.name })}</p>
          <button
            type="button"
            className="report-button report-button--secondary"
            onClick={() => forgetReportToken(source.id)}
          >
            {t('report.token.forget')}
          </button>
        </div>
      ) : (
        // No name on the field and method post: even a submit without script never puts the
        // token in a URL.
        <form className="report-token__form" method="post" onSubmit={keep} noValidate>
          <p className="notice notice--warning">{t('report.token.missing')}</p>
          <label className="report-field__label" htmlFor={`${id}-token`}>
            {t('report.token.label', { source: source.name })}
          </label>
          <input
            id={`${id}-token`}
            className="report-input"
            type="password"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            value={value}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-note${problem ? ` ${id}-problem` : ''}`}
            onChange={(e) => setValue(e.target.value)}
          />
          <p id={`${id}-note`} className="report-field__hint">
            {t('report.token.note', { source: source.name })}
          </p>
          {problem ? (
            <p id={`${id}-problem`} className="report-field__problem" role="alert">
              {t(problem === 'not-kept' ? 'report.token.notKept' : `report.token.${problem}`)}
            </p>
          ) : null}
          <button type="submit" className="report-button">
            {t('report.token.save')}
          </button>
        </form>
      )}
    </section>
  );
}
