import { parseConfig, type CkanSourceConfig } from '../../src/data/config.ts';

/** A config whose one source is a CKAN DataStore resource at data.example.org ("hdx"). */
export function ckanConfig(extra: Record<string, unknown> = {}) {
  return parseConfig({
    defaultSource: 'hdx',
    sources: [
      {
        id: 'hdx',
        name: 'HDX crossings',
        adapter: 'ckan',
        url: 'https://data.example.org',
        resourceId: 'res-1',
        theatreUrl: 'https://data.example.org/theatre.json',
        timeoutMs: 1000,
        ...extra,
      },
    ],
  });
}

/** That source's config alone, for the adapter. */
export const ckanSource = (extra: Record<string, unknown> = {}) =>
  ckanConfig(extra).sources[0] as CkanSourceConfig;
