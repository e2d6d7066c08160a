/**
 * The URL is versioned (`v=2`) so that old links keep working when parameters change (after
 * OWID's GrapherUrlMigrations): a link without `v` is version 1, and every migration from its
 * version to the current one is applied in order before anything reads the parameters.
 *
 * Version 1: the filters (`range`, `from`, `to`, `crossings`, `commodities`, `verification`),
 * `source`, `crossing`; chart options were component state, so a v1 link always showed their
 * defaults. Version 2 adds chart options namespaced per chart (`aid.stack`, `map.layers`…),
 * absent meaning the default: a v1 link reads the same, so migration 2 only stamps the version.
 * A later version that changes a default must pin the old default in its migration.
 */
export const URL_VERSION = 2;
export const VERSION_PARAM = 'v';

export interface UrlMigration {
  /** The version this migration brings a link to (from the one before). */
  to: number;
  /** Rewrites the parameters in place. */
  migrate: (params: URLSearchParams) => void;
}

export const MIGRATIONS: readonly UrlMigration[] = [
  // v1 → v2: chart options are new and absent means their v1 behaviour (the defaults).
  { to: 2, migrate: () => {} },
];

export interface Migrated {
  search: string;
  /** The version the link was written in. */
  from: number;
  /** The parameters were rewritten (beyond stamping the version). */
  changed: boolean;
  /** A version this app does not know (newer, or not a number): read as the current one. */
  unknownVersion?: string;
}

/** The query string of a link brought to the current version, `v` last. */
export function migrateSearch(
  search: string,
  migrations: readonly UrlMigration[] = MIGRATIONS,
  current = URL_VERSION,
): Migrated {
  const params = new URLSearchParams(search);
  const raw = params.get(VERSION_PARAM);
  const parsed = raw === null ? 1 : /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  const known = parsed >= 1 && parsed <= current;
  const from = known ? parsed : current;
  const before = withoutVersion(params);
  for (const m of [...migrations].sort((a, b) => a.to - b.to))
    if (m.to > from && m.to <= current) m.migrate(params);
  params.delete(VERSION_PARAM);
  const changed = params.toString() !== before;
  params.set(VERSION_PARAM, String(current));
  return {
    search: `?${params.toString()}`,
    from,
    changed,
    ...(known ? {} : { unknownVersion: raw ?? '' }),
  };
}

/** The query string with the current version stamped last, for links the app hands out. */
export function stampVersion(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(VERSION_PARAM);
  params.set(VERSION_PARAM, String(URL_VERSION));
  return `?${params.toString()}`;
}

function withoutVersion(params: URLSearchParams): string {
  const copy = new URLSearchParams(params);
  copy.delete(VERSION_PARAM);
  return copy.toString();
}
