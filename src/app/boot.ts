import { chooseSource, loadConfig, type SourceChoice, type AppConfig } from '../data/config.ts';
import { localStorageOrNull } from '../lib/storage.ts';
import { migrateSearch } from '../domain/url-version.ts';
import { OFFLINE_WORKER_URL, quietUpdates, registerOfflineWorker } from './offline-worker.ts';

export interface Booted extends SourceChoice {
  config: AppConfig;
}

/**
 * The demo's in-browser mock API cannot run here: the browser refuses it storage or a service
 * worker (typically a frame of another site with third-party storage blocked). Not a fault of
 * config.json: the page says so in a sentence instead of showing a configuration error.
 */
export class DemoUnavailableError extends Error {
  constructor(detail: string, options?: ErrorOptions) {
    super(`The demo's mock API cannot start here: ${detail}`, options);
    this.name = 'DemoUnavailableError';
  }
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
  if (choice.source.demo) await startMockApi(choice.source.url);
  else registerOfflineWorker();
  return { config, ...choice };
}

async function startMockApi(baseUrl: string): Promise<void> {
  // MSW reads localStorage as it loads (its cookie store) and needs a service worker: check
  // first, so that a blocked frame neither downloads it nor fails inside it.
  if (!localStorageOrNull()) throw new DemoUnavailableError('storage is blocked');
  if (!('serviceWorker' in navigator) || !navigator.serviceWorker)
    throw new DemoUnavailableError('service workers are not available');
  const [{ setupWorker }, { createHandlers }] = await Promise.all([
    import('msw/browser'),
    import('../../mocks/handlers.ts'),
  ]);
  const worker = setupWorker(...createHandlers({ baseUrl }));
  // In the built app, MSW runs inside the offline worker (one worker per scope); under the dev
  // server, on its own worker, as nothing is built to keep offline (see offline-worker.ts).
  // Embeds too: two scripts for one scope would replace each other.
  const offline = import.meta.env.PROD;
  if (offline) {
    const existing = await navigator.serviceWorker.getRegistration('/');
    if (existing) quietUpdates(existing);
  }
  try {
    await worker.start({
      serviceWorker: { url: offline ? OFFLINE_WORKER_URL : '/mockServiceWorker.js' },
      onUnhandledRequest: 'bypass',
      quiet: true,
    });
  } catch (error) {
    throw new DemoUnavailableError(error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
}

/** An old link is rewritten to the current URL version before anything reads it. */
export function upgradeLink(): void {
  const { pathname, search, hash } = window.location;
  const migrated = migrateSearch(search);
  if (migrated.changed)
    window.history.replaceState(window.history.state, '', `${pathname}${migrated.search}${hash}`);
}
