import { chooseSource, loadConfig, type SourceChoice, type AppConfig } from '../data/config.ts';
import { migrateSearch } from '../domain/url-version.ts';

export interface Booted extends SourceChoice {
  config: AppConfig;
}

/**
 * Read config.json, pick the source the URL asks for (only among configured ones), and start
 * the in-browser mock API when that source is the demo. MSW is imported only then, so a
 * deployment on real sources never downloads it.
 */
export async function boot(): Promise<Booted> {
  upgradeLink();
  const config = await loadConfig();
  const choice = chooseSource(config, new URLSearchParams(window.location.search).get('source'));
  if (choice.source.demo) {
    const [{ setupWorker }, { createHandlers }] = await Promise.all([
      import('msw/browser'),
      import('../../mocks/handlers.ts'),
    ]);
    const worker = setupWorker(...createHandlers({ baseUrl: choice.source.url }));
    await worker.start({
      serviceWorker: { url: '/mockServiceWorker.js' },
      onUnhandledRequest: 'bypass',
      quiet: true,
    });
  }
  return { config, ...choice };
}

/** An old link is rewritten to the current URL version before anything reads it. */
export function upgradeLink(): void {
  const { pathname, search, hash } = window.location;
  const migrated = migrateSearch(search);
  if (migrated.changed)
    window.history.replaceState(window.history.state, '', `${pathname}${migrated.search}${hash}`);
}
