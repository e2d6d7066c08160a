import type { Filters } from './filters.ts';
import type { SourceShare } from './provenance.ts';
import type { AidFlow } from './schemas.ts';
import { dayNumber } from './series.ts';
import { COMMODITIES, STAGES, VERIFICATIONS, type Verification } from './vocabulary.ts';

/**
 * Aid-flow records as columns of small integers, built once per list of records (one query
 * result) and kept while that list lives. At range "all" every filter change reads ~340 000
 * records again: comparing integers in typed arrays costs a fraction of reading objects and
 * hashing strings.
 */
export interface AidFlowIndex {
  length: number;
  /** Days since 1970-01-01 of each record's date. */
  day: Int32Array;
  /** Index into `crossings`. */
  crossing: Uint16Array;
  crossings: string[];
  /** Index into COMMODITIES, STAGES and VERIFICATIONS. */
  commodity: Uint8Array;
  stage: Uint8Array;
  verification: Uint8Array;
  /** Index into `sources`, which are in order of first appearance. */
  source: Uint16Array;
  sources: string[];
  /** NaN where the record does not give the figure. */
  trucks: Float64Array;
  tonnes: Float64Array;
}

const cache = new WeakMap<readonly AidFlow[], AidFlowIndex>();

const codes = (values: readonly string[]) => new Map(values.map((v, i) => [v, i]));
const COMMODITY_CODE = codes(COMMODITIES);
const STAGE_CODE = codes(STAGES);
const VERIFICATION_CODE = codes(VERIFICATIONS);

/** The index of a list of records: built on first use, then the same object for that list. */
export function aidFlowIndex(flows: readonly AidFlow[]): AidFlowIndex {
  const cached = cache.get(flows);
  if (cached) return cached;
  const n = flows.length;
  const index: AidFlowIndex = {
    length: n,
    day: new Int32Array(n),
    crossing: new Uint16Array(n),
    crossings: [],
    commodity: new Uint8Array(n),
    stage: new Uint8Array(n),
    verification: new Uint8Array(n),
    source: new Uint16Array(n),
    sources: [],
    trucks: new Float64Array(n),
    tonnes: new Float64Array(n),
  };
  const dayOf = new Map<string, number>();
  const crossingOf = new Map<string, number>();
  const sourceOf = new Map<string, number>();
  const codeIn = (map: Map<string, number>, list: string[], key: string) => {
    let code = map.get(key);
    if (code === undefined) {
      map.set(key, (code = list.length));
      list.push(key);
    }
    return code;
  };
  for (let i = 0; i < n; i++) {
    const f = flows[i]!;
    let day = dayOf.get(f.date);
    if (day === undefined) dayOf.set(f.date, (day = dayNumber(f.date)));
    index.day[i] = day;
    index.crossing[i] = codeIn(crossingOf, index.crossings, f.crossingId);
    index.commodity[i] = COMMODITY_CODE.get(f.commodity)!;
    index.stage[i] = STAGE_CODE.get(f.stage)!;
    index.verification[i] = VERIFICATION_CODE.get(f.provenance.verification)!;
    index.source[i] = codeIn(sourceOf, index.sources, f.provenance.sourceId);
    index.trucks[i] = f.trucks ?? NaN;
    index.tonnes[i] = f.tonnes ?? NaN;
  }
  cache.set(flows, index);
  return index;
}

/** Which records pass the crossing, commodity and verification filters (as `matchesFilters`). */
export function filterTest(index: AidFlowIndex, filters: Filters): (i: number) => boolean {
  const allow = (size: number, names: readonly string[], all: readonly string[]) => {
    const out = new Uint8Array(size).fill(names.length ? 0 : 1);
    for (const name of names) {
      const code = all.indexOf(name);
      if (code >= 0) out[code] = 1;
    }
    return out;
  };
  const crossing = allow(index.crossings.length, filters.crossings, index.crossings);
  const commodity = allow(COMMODITIES.length, filters.commodities, COMMODITIES);
  const verification = allow(VERIFICATIONS.length, filters.verification, VERIFICATIONS);
  return (i) =>
    crossing[index.crossing[i]!] === 1 &&
    commodity[index.commodity[i]!] === 1 &&
    verification[index.verification[i]!] === 1;
}

/**
 * Per source, the records passing the filters and how far they were verified, in order of
 * first appearance: `sourceShares(flows.filter((f) => matchesFilters(f, filters)))`, faster.
 */
export function aidFlowShares(flows: readonly AidFlow[], filters: Filters): SourceShare[] {
  const index = aidFlowIndex(flows);
  const passes = filterTest(index, filters);
  const first = new Array<number>(index.sources.length).fill(-1);
  const counts = index.sources.map(() => new Array<number>(VERIFICATIONS.length).fill(0));
  for (let i = 0; i < index.length; i++) {
    if (!passes(i)) continue;
    const s = index.source[i]!;
    if (first[s] === -1) first[s] = i;
    counts[s]![index.verification[i]!]! += 1;
  }
  return index.sources
    .map((sourceId, s) => ({ sourceId, s }))
    .filter(({ s }) => first[s] !== -1)
    .sort((a, b) => first[a.s]! - first[b.s]!)
    .map(({ sourceId, s }) => ({
      sourceId,
      records: counts[s]!.reduce((a, b) => a + b, 0),
      verification: Object.fromEntries(VERIFICATIONS.map((v, k) => [v, counts[s]![k]!])) as Record<
        Verification,
        number
      >,
    }));
}
