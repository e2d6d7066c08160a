import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { I18nProvider } from '../ui/i18n/context.tsx';
import { App } from './app.tsx';
import { boot, DemoUnavailableError, type Booted } from './boot.ts';
import { ConfigErrorView, DemoUnavailableView } from './config-error.tsx';
import { BootFrame, PendingShell } from './pending-shell.tsx';
import { AppProviders } from './providers.tsx';

/**
 * Starts the app in `root`: the shell is painted at once, and the sources are mounted once
 * config.json is read (and, for the demo, the mock API runs). A configuration error replaces
 * the waiting page under the same header. Resolves once the app or the error is rendered.
 */
export function start(root: Root, booting: () => Promise<Booted> = boot): Promise<void> {
  // boot() first: it rewrites an old link synchronously, before the shell reads the URL.
  const booted = booting();
  root.render(
    <StrictMode>
      <I18nProvider>
        <PendingShell />
      </I18nProvider>
    </StrictMode>,
  );
  return booted.then(
    ({ config, source, rejectedRequest }) =>
      root.render(
        <StrictMode>
          <AppProviders config={config} source={source}>
            <App rejectedSource={rejectedRequest} />
          </AppProviders>
        </StrictMode>,
      ),
    (error: unknown) =>
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
      ),
  );
}
