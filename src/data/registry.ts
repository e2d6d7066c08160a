import type { SourceConfig } from './config.ts';
import type { DataSourceAdapter } from './contract.ts';
import { createRestAdapter } from './adapters/rest/rest-adapter.ts';

/** Builds the adapter a configured source names. New adapters register here. */
export function createAdapter(source: SourceConfig): DataSourceAdapter {
  switch (source.adapter) {
    case 'rest':
      return createRestAdapter(source);
  }
}
