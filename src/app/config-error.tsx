import { ConfigError } from '../data/config.ts';
import { useI18n } from '../ui/i18n/context.tsx';

/** config.json is missing or wrong: say so on the page, listing every problem. */
export function ConfigErrorView({ error }: { error: unknown }) {
  const { t } = useI18n();
  const problems =
    error instanceof ConfigError
      ? error.problems
      : [error instanceof Error ? error.message : String(error)];
  return (
    <main id="main" className="config-error">
      <section aria-labelledby="config-error-title" className="panel notice--error" role="alert">
        <h1 id="config-error-title">{t('config.error.title')}</h1>
        <p>{t('config.error.intro')}</p>
        <ul>
          {problems.map((p) => (
            <li key={p}>
              <code>{p}</code>
            </li>
          ))}
        </ul>
        <p>{t('config.error.fix')}</p>
      </section>
    </main>
  );
}

/** Shown for the moment between the first paint and config.json arriving. */
export function BootMessage() {
  const { t } = useI18n();
  return (
    <p className="boot-message" role="status">
      {t('app.loadingConfig')}
    </p>
  );
}
