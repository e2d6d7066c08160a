import { QueryClient } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { AppProviders } from '../src/app/providers.tsx';
import { parseConfig, type AppConfig } from '../src/data/config.ts';

/** The demo configuration as shipped, pointing at the mock API that msw/node serves in tests. */
export const testConfig: AppConfig = parseConfig({
  defaultSource: 'demo',
  sources: [
    {
      id: 'demo',
      name: 'Demo scenario (synthetic)',
      adapter: 'rest',
      url: '/api/v1',
      demo: true,
      timeoutMs: 2000,
    },
  ],
});

/** Render inside the app's providers with a fresh cache that does not retry (tests want the first answer). */
export function renderWithApp(ui: ReactElement, config: AppConfig = testConfig) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
  return {
    queryClient,
    ...render(
      <AppProviders config={config} source={config.sources[0]!} queryClient={queryClient}>
        {ui}
      </AppProviders>,
    ),
  };
}

/** The app's providers as a `wrapper` for renderHook, with a fresh cache that does not retry. */
export function appWrapper(config: AppConfig = testConfig) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <AppProviders config={config} source={config.sources[0]!} queryClient={queryClient}>
        {children}
      </AppProviders>
    );
  };
}

/**
 * Opens every chart's "Show as table" and rejected-records list under `container` (both are
 * built when opened) and
 * returns the container, for `within(openTables(panel)).getByRole('table')`.
 */
export function openTables<E extends HTMLElement>(container: E): E {
  act(() => {
    for (const details of container.querySelectorAll<HTMLDetailsElement>(
      'details.chart__table, details.notice__details',
    ))
      if (!details.open) {
        details.open = true;
        details.dispatchEvent(new Event('toggle'));
      }
  });
  return container;
}
