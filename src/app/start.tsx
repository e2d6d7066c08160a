import { StrictMode } from 'react';
import { onlineManager, type QueryClient } from '@tanstack/react-query';
import type { Root } from 'react-dom/client';
import { keepAnswers, openIndexedDbStore } from '../data/kept-answers.ts';
import { createAdapter } from '../data/registry.ts';
import { prefetchBoard } from '../features/crossings/board-queries.ts';
import { I18nProvider, initialLocale } from '../ui/i18n/context.tsx';
import { catalogLoaded, loadCatalog } from '../ui/i18n/translate.ts';
import { App } from './app.tsx';
import { boot, DemoUnavailableError, type Booted } from './boot.ts';
import { ConfigErrorView, DemoUnavailableView } from './config-error.tsx';
import { BootFrame, PendingShell } from './pending-shell.tsx';
import { AppProviders, createQueryClient } from './providers.tsx';

/** The pages that open on the crossings board (the overview, the wall). */
const BOARD_FIRST = new Set(['/', '/wall']);

/** A device whose storage hangs must not hold the page: past this, start without kept data. */
const RESTORE_LIMIT_MS = 2000;

/**
 * Restores into `client` the answers this device kept of `sourceId` and keeps new answers from
 * now on (kept-answers.ts). Without IndexedDB, nothing. Requests already on their way are not
 * held back: a kept answer older than what the network brought does not replace it (hydrate).
 */
async function restoreKept(
  client: QueryClient,
  store: ReturnType<typeof openIndexedDbStore>,
  sourceId: string,
): Promise<void> {
  const restoring = store.then(async (opened) => {
    if (opened) await keepAnswers(client, opened, { sourceId, version: __APP_VERSION__ });
  });
  const limit = new Promise<void>((resolve) => setTimeout(resolve, RESTORE_LIMIT_MS));
  await Promise.race([restoring.catch(() => undefined), limit]);
}

/**
 * Starts the app in `root`: the shell is painted at once, and the sources are mounted once
 * config.json is read (and, for the demo, the mock API runs). A configuration error replaces
 * the waiting page under the same header. Resolves once the app or the error is rendered.
 */
export function start(root: Root, booting: () => Promise<Booted> = boot): Promise<void> {
  // boot() first: it rewrites an old link synchronously, before the shell reads the URL.
  const booted = booting();
  // Opening the device's store takes a while on a slow phone: alongside config.json.
  const store = openIndexedDbStore();
  store.catch(() => undefined);
  // The reader's language first (Arabic and Hebrew are chunks of their own), alongside
  // config.json: nothing is painted in a language the reader did not choose. Failing that
  // (offline, never loaded), the page speaks English. English is always here: painted at once.
  const locale = initialLocale();
  const paintShell = () =>
    root.render(
      <StrictMode>
        <I18nProvider>
          <PendingShell />
        </I18nProvider>
      </StrictMode>,
    );
  const language = loadCatalog(locale).catch(() => undefined);
  if (catalogLoaded(locale)) paintShell();
  else void language.then(paintShell);
  return booted.then(
    async ({ config, source, rejectedRequest }) => {
      const queryClient = createQueryClient();
      const adapter = createAdapter(source);
      // The board's answers are the first screen: ask now, not once the kept answers are read
      // and the whole page has rendered. Not offline: nothing would leave, and the board's
      // questions must reach the kept answers (which fill in another day's answer) as new ones.
      if (BOARD_FIRST.has(window.location.pathname) && onlineManager.isOnline())
        prefetchBoard(queryClient, adapter, new Date());
      await restoreKept(queryClient, store, source.id);
      await language;
      root.render(
        <StrictMode>
          <AppProviders config={config} source={source} queryClient={queryClient} adapter={adapter}>
            <App rejectedSource={rejectedRequest} />
          </AppProviders>
        </StrictMode>,
      );
    },
    async (error: unknown) => {
      await language;
      root.render(
        <StrictMode>
          <I18nProvider>
            <BootFrame>
              {error instanceof DemoUnavailableError ? (
                <DemoUnavailableView error={error} />
              ) : (
                <ConfigErrorView error={error} />
              )}
            </BootFrame>
          </I18nProvider>
        </StrictMode>,
      );
    },
  );
}
