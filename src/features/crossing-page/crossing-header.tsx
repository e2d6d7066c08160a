import { useId } from 'react';
import type { CrossingStatus, Crossing } from '../../domain/schemas.ts';
import { otherPlaceNames, placeName } from '../../domain/place-names.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { eachIsolated, isolated } from '../../ui/i18n/isolate.tsx';
import { StatusBadge } from '../../ui/status-symbol.tsx';

/**
 * Who the crossing is: its name in the reader's language with the others it goes by, what it
 * passes, the border it sits on and its agreed target.
 */
export function CrossingHeading({ crossing }: { crossing: Crossing }) {
  const { t, locale } = useI18n();
  const others = otherPlaceNames(crossing.names, crossing.aliases, locale);
  const target = crossing.targetTrucksPerDay;
  return (
    <header className="crossing-page__header">
      <h1 className="page-title">
        <bdi>{placeName(crossing.names, locale)}</bdi>
      </h1>
      {others.length ? (
        <p className="crossing-page__aliases" lang="">
          {isolated(t, 'crossings.aliases', { names: eachIsolated(others, ' · ') })}
        </p>
      ) : null}
      <dl className="crossing-page__facts">
        <div>
          <dt>{t('crossingPage.facts.passes')}</dt>
          <dd>{crossing.passes.map((p) => t(`pass.${p}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('crossingPage.facts.border')}</dt>
          <dd>
            <bdi>{crossing.border}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('crossingPage.facts.target')}</dt>
          <dd>
            {target !== undefined
              ? t('crossingPage.facts.targetValue', { count: target })
              : t('crossingPage.facts.noTarget')}
          </dd>
        </div>
      </dl>
    </header>
  );
}

/** Each source's latest word on the crossing, side by side: never one merged status. */
export function StatusNow({
  reports,
  loading,
  days,
  timeZone,
  sourceName,
}: {
  reports: readonly CrossingStatus[];
  loading: boolean;
  /** How many days back the reports were looked for. */
  days: number;
  timeZone: string;
  sourceName: (id: string) => string;
}) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const states = new Set(reports.map((r) => r.status));
  return (
    <section
      className="panel crossing-page__now"
      aria-labelledby={headingId}
      aria-busy={loading}
      data-state={loading ? 'loading' : reports.length ? 'ready' : 'empty'}
    >
      <header className="panel__header">
        <h2 id={headingId} className="panel__title">
          {t('crossingPage.now.title')}
        </h2>
        {states.size > 1 ? (
          <p className="panel__subtitle crossing-page__disagree-now" role="note">
            {t('crossingPage.now.disagree', { count: states.size })}
          </p>
        ) : null}
      </header>
      {loading ? <p className="panel__loading">{t('chart.loading')}</p> : null}
      {!loading && reports.length === 0 ? <p>{t('crossingPage.now.none', { days })}</p> : null}
      {reports.length ? (
        <ul className="crossing-page__now-list">
          {reports.map((r) => (
            <li key={r.provenance.sourceId}>
              <StatusBadge state={r.status} />{' '}
              <span>
                {isolated(
                  t,
                  'crossings.reportBy',
                  { source: sourceName(r.provenance.sourceId) },
                  {
                    time: formatDateTime(r.at, locale, timeZone),
                    verification: t(`verification.${r.provenance.verification}`),
                  },
                )}
              </span>
              {r.hours ? <span> · {t('crossings.hours', r.hours)}</span> : null}
              {r.observersPresent !== null ? (
                <span>
                  {' '}
                  · {t(r.observersPresent ? 'crossings.observers.yes' : 'crossings.observers.no')}
                </span>
              ) : null}
              {r.note ? (
                <p className="history__note">
                  <bdi>{r.note}</bdi>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
