import {
  COMMODITIES,
  VERIFICATIONS,
  type Commodity,
  type Dataset,
  type Verification,
} from './vocabulary.ts';
import { daysBetween, shiftDay, type Day } from './time.ts';

/**
 * The one set of filters every panel shares, and its URL form. Parsing never throws: a bad or
 * unknown value falls back to the default and leaves a notice saying what was ignored, so an
 * old or mangled permalink still opens a sensible view.
 */
export const RANGE_PRESETS = ['7d', '30d', '90d', '1y', 'all'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export type RangeFilter = { preset: RangePreset } | { preset: 'custom'; from: Day; to: Day };

export interface Filters {
  range: RangeFilter;
  /** Empty means every crossing. */
  crossings: string[];
  /** Empty means every commodity. */
  commodities: Commodity[];
  /** Empty means every verification level. */
  verification: Verification[];
}

export const DEFAULT_FILTERS: Filters = {
  range: { preset: '30d' },
  crossings: [],
  commodities: [],
  verification: [],
};

export interface FilterNotice {
  param: string;
  value: string;
  /** Why it was ignored, for the catalog: 'unknown-value' | 'bad-date' | 'reversed-range'. */
  problem: 'unknown-value' | 'bad-date' | 'reversed-range';
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const isDay = (v: string) =>
  DAY.test(v) &&
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

function list<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[] | ((v: string) => boolean),
  notices: FilterNotice[],
): T[] {
  const raw = params.get(name);
  if (!raw) return [];
  const ok =
    typeof allowed === 'function'
      ? allowed
      : (v: string) => (allowed as readonly string[]).includes(v);
  const out: T[] = [];
  for (const v of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (ok(v) && !out.includes(v as T)) out.push(v as T);
    else if (!ok(v)) notices.push({ param: name, value: v, problem: 'unknown-value' });
  }
  return out;
}

/**
 * Filters from a query string. `crossingIds` are the crossings the theatre knows (undefined
 * while it loads: then any well-formed id is kept).
 */
export function parseFilters(
  params: URLSearchParams,
  crossingIds?: readonly string[],
): { filters: Filters; notices: FilterNotice[] } {
  const notices: FilterNotice[] = [];
  let range: RangeFilter = DEFAULT_FILTERS.range;
  const preset = params.get('range');
  const from = params.get('from');
  const to = params.get('to');
  if (from !== null || to !== null) {
    const badFrom = from !== null && !isDay(from);
    const badTo = to !== null && !isDay(to);
    if (badFrom) notices.push({ param: 'from', value: from, problem: 'bad-date' });
    if (badTo) notices.push({ param: 'to', value: to, problem: 'bad-date' });
    if (!badFrom && !badTo && from !== null && to !== null) {
      if (from <= to) range = { preset: 'custom', from, to };
      else notices.push({ param: 'from', value: `${from}…${to}`, problem: 'reversed-range' });
    }
  } else if (preset !== null) {
    if ((RANGE_PRESETS as readonly string[]).includes(preset))
      range = { preset: preset as RangePreset };
    else notices.push({ param: 'range', value: preset, problem: 'unknown-value' });
  }
  const knownCrossing = crossingIds
    ? (v: string) => crossingIds.includes(v)
    : (v: string) => /^[A-Za-z0-9_-]{1,80}$/.test(v);
  return {
    filters: {
      range,
      crossings: list(params, 'crossings', knownCrossing, notices),
      commodities: list(params, 'commodities', COMMODITIES, notices),
      verification: list(params, 'verification', VERIFICATIONS, notices),
    },
    notices,
  };
}

/** Writes filters into a copy of `params`, leaving other parameters (source, crossing…) alone. Defaults are omitted. */
export function writeFilters(filters: Filters, params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const name of ['range', 'from', 'to', 'crossings', 'commodities', 'verification'])
    out.delete(name);
  if (filters.range.preset === 'custom') {
    out.set('from', filters.range.from);
    out.set('to', filters.range.to);
  } else if (filters.range.preset !== DEFAULT_FILTERS.range.preset) {
    out.set('range', filters.range.preset);
  }
  if (filters.crossings.length) out.set('crossings', filters.crossings.join(','));
  if (filters.commodities.length) out.set('commodities', filters.commodities.join(','));
  if (filters.verification.length) out.set('verification', filters.verification.join(','));
  return out;
}

const PRESET_DAYS: Record<Exclude<RangePreset, 'all'>, number> = {
  '7d': 7,
  '30d': 30,
  '90d': 90,
  '1y': 365,
};

/**
 * The days a range covers, ending today in the theatre (or at a custom end). "all" starts at
 * the first day the source covers.
 */
export function resolveRange(
  range: RangeFilter,
  today: Day,
  coverageStart: Day,
): { from: Day; to: Day } {
  if (range.preset === 'custom') return { from: range.from, to: range.to };
  if (range.preset === 'all') return { from: coverageStart, to: today };
  return { from: shiftDay(today, -(PRESET_DAYS[range.preset] - 1)), to: today };
}

/** The range just before, of the same length: for "change against the previous period". */
export function previousRange(range: { from: Day; to: Day }): { from: Day; to: Day } {
  const days = daysBetween(range.from, range.to).length;
  return { from: shiftDay(range.from, -days), to: shiftDay(range.from, -1) };
}

/** Whether a record passes the crossing, commodity and verification filters. */
export function matchesFilters(
  record: {
    crossingId?: string;
    commodity?: Commodity;
    provenance: { verification: Verification };
  },
  filters: Filters,
): boolean {
  if (
    filters.crossings.length &&
    record.crossingId !== undefined &&
    !filters.crossings.includes(record.crossingId)
  )
    return false;
  if (
    filters.commodities.length &&
    record.commodity !== undefined &&
    !filters.commodities.includes(record.commodity)
  )
    return false;
  if (filters.verification.length && !filters.verification.includes(record.provenance.verification))
    return false;
  return true;
}

/** The filters besides the range, each a list of allowed values. */
export const FILTER_PARTS = ['crossings', 'commodities', 'verification'] as const;
export type FilterPart = (typeof FILTER_PARTS)[number];

/**
 * The filters that can change a dataset's records. A filter on a field the records lack lets
 * every record through (see `matchesFilters`), so a panel need not follow it.
 */
export const FILTERS_BY_DATASET: Record<Dataset, readonly FilterPart[]> = {
  'crossing-status': ['crossings', 'verification'],
  'corridor-status': ['verification'],
  'aid-flow': ['crossings', 'commodities', 'verification'],
  'facility-status': ['verification'],
  'utility-status': ['verification'],
  events: ['verification'],
  movements: ['verification'],
  'fuel-entry': ['crossings', 'verification'],
  'truck-gaps': ['crossings', 'verification'],
};

/** The filters that can change any of these datasets, in the order of `FILTER_PARTS`. */
export function filterPartsFor(datasets: readonly Dataset[]): FilterPart[] {
  return FILTER_PARTS.filter((p) => datasets.some((d) => FILTERS_BY_DATASET[d].includes(p)));
}

/** The same filters with the parts that cannot change these datasets left empty. */
export function narrowFilters(filters: Filters, datasets: readonly Dataset[]): Filters {
  const parts = filterPartsFor(datasets);
  return {
    range: filters.range,
    crossings: parts.includes('crossings') ? filters.crossings : [],
    commodities: parts.includes('commodities') ? filters.commodities : [],
    verification: parts.includes('verification') ? filters.verification : [],
  };
}

/**
 * Only the URL parameters of the range and of these filter parts, in a fixed order: two
 * queries with the same result show the same view of those filters.
 */
export function filterSearch(search: string, parts: readonly FilterPart[]): string {
  const params = new URLSearchParams(search);
  const out = new URLSearchParams();
  for (const name of ['range', 'from', 'to', ...parts]) {
    const value = params.get(name);
    if (value !== null) out.set(name, value);
  }
  return out.toString();
}
