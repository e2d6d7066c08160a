import { ConfigError } from '../data/config.ts';
import { permalink } from '../ui/export/links.ts';
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

/** In a frame of another page? (Comparing `top` is allowed across origins; reading it is not.) */
function framed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

/** The page this one stands for, opened on its own: the overview at the chart for an embed. */
function fullPageUrl(): string {
  const crossing = /^\/embed\/crossing\/([^/]+)\/([^/]+)/.exec(window.location.pathname);
  const embed = /^\/embed\/([^/]+)/.exec(window.location.pathname);
  if (!embed) return window.location.href;
  try {
    if (crossing)
      return permalink(decodeURIComponent(crossing[2]!), undefined, {
        path: `crossings/${crossing[1]!}`,
        embedPath: `crossing/${crossing[1]!}`,
      });
    return permalink(decodeURIComponent(embed[1]!));
  } catch {
    return window.location.href;
  }
}

/**
 * The demo's mock API could not start (see DemoUnavailableError): one plain sentence, and in a
 * frame a link to the full page, where the browser allows it. Not a configuration error.
 */
export function DemoUnavailableView({ error }: { error: Error }) {
  const { t } = useI18n();
  const inFrame = framed();
  return (
    <main id="main" className="config-error demo-unavailable">
      <p role="alert">
        {t(inFrame ? 'demo.unavailable.framed' : 'demo.unavailable')}{' '}
        {inFrame ? (
          <a href={fullPageUrl()} target="_blank" rel="noopener">
            {t('demo.unavailable.open')}
          </a>
        ) : null}
      </p>
      {/* For an operator at the page itself: what the browser said. */}
      {inFrame ? null : (
        <p className="muted">
          <code>{error.message}</code>
        </p>
      )}
    </main>
  );
}
