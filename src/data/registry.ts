import { HXL_READABLE, type SourceConfig } from './config.ts';
import type { DataSourceAdapter } from './contract.ts';
import { lazyAdapter } from './adapters/lazy.ts';
import { createRestAdapter } from './adapters/rest/rest-adapter.ts';
import { LICENCE_NOT_STATED, LICENCE_PER_PUBLISHER } from '../domain/licence.ts';

/**
 * Builds the adapter a configured source names. New adapters register here. Only REST (the
 * demo's and the project's API) is in the first page load; the others load on first use.
 */
export function createAdapter(source: SourceConfig): DataSourceAdapter {
  const description = {
    name: source.name,
    adapter: source.adapter,
    attribution: source.attribution ?? source.name,
    licence: source.licence ?? LICENCE_NOT_STATED,
    synthetic: false,
    ...(source.method ? { method: source.method } : {}),
  };
  switch (source.adapter) {
    case 'rest':
      return createRestAdapter(source);
    case 'hxl':
      return lazyAdapter(
        source.id,
        { ...description, capabilities: source.dataset ? [source.dataset] : HXL_READABLE },
        () => import('./adapters/hxl/hxl-adapter.ts').then((m) => m.createHxlAdapter(source)),
      );
    case 'ckan':
      return lazyAdapter(
        source.id,
        { ...description, capabilities: source.dataset ? [source.dataset] : HXL_READABLE },
        () => import('./adapters/ckan/ckan-adapter.ts').then((m) => m.createCkanAdapter(source)),
      );
    case 'static':
      return lazyAdapter(
        source.id,
        {
          ...description,
          licence: source.licence ?? LICENCE_PER_PUBLISHER,
          capabilities: source.datasets,
        },
        () =>
          import('./adapters/static/static-adapter.ts').then((m) => m.createStaticAdapter(source)),
      );
  }
}
