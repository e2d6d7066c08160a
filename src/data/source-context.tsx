import { createContext, useContext, type ReactNode } from 'react';
import type { AppConfig, SourceConfig } from './config.ts';
import type { DataSourceAdapter } from './contract.ts';

export interface ActiveSource {
  config: AppConfig;
  source: SourceConfig;
  adapter: DataSourceAdapter;
  /** The configured source the page was opened with (the file in view stands in for it). */
  configured?: { source: SourceConfig; adapter: DataSourceAdapter };
}

const SourceContext = createContext<ActiveSource | null>(null);

export function SourceProvider({ value, children }: { value: ActiveSource; children: ReactNode }) {
  return <SourceContext.Provider value={value}>{children}</SourceContext.Provider>;
}

/** The source the view shows, chosen at start from config.json and the URL. */
export function useActiveSource(): ActiveSource {
  const value = useContext(SourceContext);
  if (!value) throw new Error('useActiveSource needs a <SourceProvider> above it');
  return value;
}
