import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { choice, parseOptions } from './chart-options.ts';
import { parseFilters, type Filters } from './filters.ts';
import { migrateSearch, stampVersion, URL_VERSION, type UrlMigration } from './url-version.ts';

/** Links today's app handed out before the URL had a version (Copy link, Copy embed code). */
const V1_LINKS = JSON.parse(readFileSync('test/fixtures/links/v1.json', 'utf8')) as {
  chart: string;
  kind: 'permalink' | 'embed';
  href: string;
  filters: Filters;
}[];

describe('URL versions', () => {
  it('opens every v1 link with the same filters, chart and parameters', () => {
    expect(V1_LINKS.length).toBeGreaterThan(100);
    for (const link of V1_LINKS) {
      const url = new URL(link.href, 'https://example.org');
      const migrated = migrateSearch(url.search);
      expect(migrated.from, link.href).toBe(1);
      expect(migrated.unknownVersion).toBeUndefined();
      const params = new URLSearchParams(migrated.search);
      expect(parseFilters(params).filters, link.href).toEqual(link.filters);
      expect(params.get('v')).toBe(String(URL_VERSION));
      // Nothing but the version was added or dropped.
      params.delete('v');
      expect(params.toString()).toBe(new URLSearchParams(url.search).toString());
      // Chart options absent: the defaults, which is what v1 showed.
      const stack = choice(['commodity', 'crossing'], 'commodity');
      expect(parseOptions('aid', { stack }, params).values.stack).toBe('commodity');
    }
  });

  it('leaves a current link as it is', () => {
    const search = stampVersion('?range=90d&aid.measure=tonnes');
    expect(search).toBe(`?range=90d&aid.measure=tonnes&v=${URL_VERSION}`);
    expect(migrateSearch(search)).toEqual({ search, from: URL_VERSION, changed: false });
  });

  it('applies each migration after the link’s version, in order', () => {
    const migrations: UrlMigration[] = [
      // v3 renamed aid.by to aid.stack; v4 changed the default measure to tonnes.
      {
        to: 4,
        migrate: (p) => (p.get('aid.measure') ? undefined : p.set('aid.measure', 'trucks')),
      },
      {
        to: 3,
        migrate: (p) =>
          p.has('aid.by') ? (p.set('aid.stack', p.get('aid.by')!), p.delete('aid.by')) : undefined,
      },
    ];
    expect(migrateSearch('?v=2&aid.by=crossing', migrations, 4)).toEqual({
      search: '?aid.stack=crossing&aid.measure=trucks&v=4',
      from: 2,
      changed: true,
    });
    expect(migrateSearch('?v=4&aid.by=crossing', migrations, 4).changed).toBe(false);
  });

  it('reads a link of an unknown version as the current one, and says so', () => {
    expect(migrateSearch('?v=99&range=7d')).toMatchObject({
      search: `?range=7d&v=${URL_VERSION}`,
      unknownVersion: '99',
    });
    expect(migrateSearch('?v=abc').unknownVersion).toBe('abc');
  });
});
