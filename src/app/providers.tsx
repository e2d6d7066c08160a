import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { restoreDroppedFiles, useActiveFile } from '../data/dropped-files.ts';
import { createAdapter } from '../data/registry.ts';
import { SourceProvider, type ActiveSource } from '../data/source-context.tsx';
import type { AppConfig, SourceConfig } from '../data/config.ts';
import type { DataSourceAdapter } from '../data/contract.ts';
import { I18nProvider } from '../ui/i18n/context.tsx';

export function createQueryClient() {
  // TanStack assumes "online" until an event says otherwise; a page opened offline is offline.
  // Queries then pause (no error) and the panels show what this device kept, and resume online.
  if (typeof navigator !== 'undefined' && navigator.onLine === false)
    onlineManager.setOnline(false);
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A poor connection fails often: retry with backoff before showing an error.
        retry: 2,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 15_000),
        refetchOnWindowFocus: true,
      },
    },
  });
}

export function AppProviders({
  config,
  source,
  queryClient,
  adapter: sourceAdapter,
  children,
}: {
  config: AppConfig;
  source: SourceConfig;
  queryClient?: QueryClient;
  /** The configured source's adapter when the caller already made it (start.tsx prefetches). */
  adapter?: DataSourceAdapter;
  children: ReactNode;
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  // Issue 7: a file the user dropped (Sources page) may be shown in place of the configured source.
  const file = useActiveFile();
  const fileSource = file?.source;
  const fileAdapter = file?.adapter;
  const configured = useMemo(() => sourceAdapter ?? createAdapter(source), [source, sourceAdapter]);
  // Files kept on this device (issue 18): read again, matched to the configured source's theatre.
  useEffect(() => {
    void restoreDroppedFiles(
      configured,
      config.sources.map((s) => s.id),
    );
  }, [configured, config]);
  const active = useMemo<ActiveSource>(
    () =>
      fileSource && fileAdapter
        ? {
            config,
            source: fileSource,
            adapter: fileAdapter,
            configured: { source, adapter: configured },
          }
        : { config, source, adapter: configured, configured: { source, adapter: configured } },
    [config, source, configured, fileSource, fileAdapter],
  );
  return (
    <QueryClientProvider client={client}>
      <I18nProvider>
        <SourceProvider value={active}>{children}</SourceProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
