import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { boot, DemoUnavailableError } from './app/boot.ts';
import { BootMessage, ConfigErrorView, DemoUnavailableView } from './app/config-error.tsx';
import { AppProviders } from './app/providers.tsx';
import { I18nProvider } from './ui/i18n/context.tsx';
import './ui/theme.css';

const root = createRoot(document.getElementById('root')!);

root.render(
  <StrictMode>
    <I18nProvider>
      <BootMessage />
    </I18nProvider>
  </StrictMode>,
);

boot().then(
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
          {error instanceof DemoUnavailableError ? (
            <DemoUnavailableView error={error} />
          ) : (
            <ConfigErrorView error={error} />
          )}
        </I18nProvider>
      </StrictMode>,
    ),
);
