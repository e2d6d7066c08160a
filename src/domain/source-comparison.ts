/**
 * Two sources' counts of the same thing, side by side (issue 14, "sources compared"). A pair
 * is made only on equal keys — the same thing counted (crossing, stage, commodity) over the
 * same bucket and the same days reported — and is never averaged or summed across sources.
 * A figure only one source gives is not a disagreement of zero: it is missing from the other.
 */
import type { Filters } from './filters.ts';
import { daysInMask, type AidFlowRollup, type TruckGapsRollup } from './rollup.ts';
import type { Bucket } from './series.ts';
import type { Day } from './time.ts';
import type { Stage } from './vocabulary.ts';

/** One source's figure for one thing over one bucket (rows of one source may be merged). */
export interface CountedFigure {
  /** First day of the bucket inside the range (a roll-up row's `bucket`). */
  bucket: Day;
  /** What is counted besides the day, e.g. a crossing id: equal `thing`s count the same. */
  thing: string;
  sourceId: string;
  value: number;
  /** The days of the bucket the figure stands on (a roll-up row's `dayMask`). */
  dayMask: number;
}

/** One source's side of a pair. */
export interface SourceFigure {
  value: number;
  dayMask: number;
  daysReported: number;
}

/**
 * - `compared`: both sources report it over the same days;
 * - `missing-from-a` / `missing-from-b`: only the other source reports it;
 * - `days-differ`: both report it in the bucket but over different days (a week one source
 *   reported on 7 days and the other on 5), so the sums do not count the same thing.
 */
export type PairState = 'compared' | 'missing-from-a' | 'missing-from-b' | 'days-differ';

export interface FigurePair {
  bucket: Day;
  thing: string;
  a?: SourceFigure;
  b?: SourceFigure;
  state: PairState;
  /** a − b, only when compared. */
  difference?: number;
  /** a ÷ b, only when compared and b is not 0 (undefined, never Infinity). */
  ratio?: number;
}

const SEP = '\u0000';

/** A source's figures per bucket and thing; several rows of one key are summed, masks ORed. */
function merged(figures: readonly CountedFigure[], sourceId: string): Map<string, SourceFigure> {
  const out = new Map<string, SourceFigure>();
  for (const f of figures) {
    if (f.sourceId !== sourceId) continue;
    const key = `${f.bucket}${SEP}${f.thing}`;
    const had = out.get(key);
    if (had) {
      had.value = round(had.value + f.value);
      had.dayMask = (had.dayMask | f.dayMask) >>> 0;
      had.daysReported = daysInMask(had.dayMask);
    } else
      out.set(key, {
        value: f.value,
        dayMask: f.dayMask >>> 0,
        daysReported: daysInMask(f.dayMask),
      });
  }
  return out;
}

/**
 * Every bucket × thing that source `a` or source `b` reports, as a pair: compared where both
 * report it over the same days, otherwise saying which side is missing. Figures of any other
 * source are ignored. Sorted by bucket, then thing.
 */
export function pairFigures(figures: readonly CountedFigure[], a: string, b: string): FigurePair[] {
  const ofA = merged(figures, a);
  const ofB = merged(figures, b);
  const keys = [...new Set([...ofA.keys(), ...ofB.keys()])].sort();
  return keys.map((key) => {
    const [bucket, thing] = key.split(SEP) as [Day, string];
    const fa = ofA.get(key);
    const fb = ofB.get(key);
    const base = { bucket, thing, ...(fa ? { a: fa } : {}), ...(fb ? { b: fb } : {}) };
    if (!fa) return { ...base, state: 'missing-from-a' };
    if (!fb) return { ...base, state: 'missing-from-b' };
    if (fa.dayMask !== fb.dayMask) return { ...base, state: 'days-differ' };
    return {
      ...base,
      state: 'compared',
      difference: round(fa.value - fb.value),
      ...(fb.value !== 0 ? { ratio: fa.value / fb.value } : {}),
    };
  });
}

/**
 * The compared pairs that disagree, largest absolute difference first (ties: the larger
 * ratio either way, then the earlier bucket), at most `limit` of them.
 */
export function largestDisagreements(pairs: readonly FigurePair[], limit = 15): FigurePair[] {
  const spread = (p: FigurePair) =>
    p.ratio === undefined || p.ratio === 0 ? Infinity : Math.abs(Math.log(p.ratio));
  return pairs
    .filter((p) => p.state === 'compared' && p.difference !== 0)
    .sort(
      (x, y) =>
        Math.abs(y.difference!) - Math.abs(x.difference!) ||
        spread(y) - spread(x) ||
        x.bucket.localeCompare(y.bucket) ||
        x.thing.localeCompare(y.thing),
    )
    .slice(0, limit);
}

/** Per bucket: what each source says, and how they compare where both count the same. */
export interface ComparedBucket {
  bucket: Bucket;
  /** Each source's own total over everything it reports in the bucket (null: no report). */
  a: number | null;
  b: number | null;
  /** Sums over the compared pairs only (null: nothing compared in the bucket). */
  comparedA: number | null;
  comparedB: number | null;
  difference: number | null;
  /** comparedA ÷ comparedB; null when nothing was compared or comparedB is 0. */
  ratio: number | null;
  /** Pairs of the bucket that could not be compared, by why. */
  missingFromA: number;
  missingFromB: number;
  daysDiffer: number;
}

/** The pairs per bucket of the chart, in bucket order; a bucket with no report keeps nulls. */
export function comparisonByBucket(
  pairs: readonly FigurePair[],
  buckets: readonly Bucket[],
): ComparedBucket[] {
  const at = new Map(buckets.map((b, i) => [b.from, i]));
  const out: ComparedBucket[] = buckets.map((bucket) => ({
    bucket,
    a: null,
    b: null,
    comparedA: null,
    comparedB: null,
    difference: null,
    ratio: null,
    missingFromA: 0,
    missingFromB: 0,
    daysDiffer: 0,
  }));
  const add = (x: number | null, y: number) => round((x ?? 0) + y);
  for (const p of pairs) {
    const i = at.get(p.bucket);
    if (i === undefined) continue;
    const row = out[i]!;
    if (p.a) row.a = add(row.a, p.a.value);
    if (p.b) row.b = add(row.b, p.b.value);
    if (p.state === 'compared') {
      row.comparedA = add(row.comparedA, p.a!.value);
      row.comparedB = add(row.comparedB, p.b!.value);
    } else if (p.state === 'missing-from-a') row.missingFromA++;
    else if (p.state === 'missing-from-b') row.missingFromB++;
    else row.daysDiffer++;
  }
  for (const row of out)
    if (row.comparedA !== null && row.comparedB !== null) {
      row.difference = round(row.comparedA - row.comparedB);
      row.ratio = row.comparedB !== 0 ? row.comparedA / row.comparedB : null;
    }
  return out;
}

/** Counts of the pairs by state, for the chart's notes. */
export function pairCounts(pairs: readonly FigurePair[]): Record<PairState, number> {
  const out: Record<PairState, number> = {
    compared: 0,
    'missing-from-a': 0,
    'missing-from-b': 0,
    'days-differ': 0,
  };
  for (const p of pairs) out[p.state]++;
  return out;
}

export const COMPARED_MEASURES = ['trucks', 'tonnes', 'litres'] as const;
export type ComparedMeasure = (typeof COMPARED_MEASURES)[number];

/**
 * Aid-flow roll-up rows (kept per crossing, summed over the commodities asked at the source)
 * as figures of one stage and measure, one thing per crossing: a crossing's figure of a source
 * is its rows' sum over the verification levels the filters let through. `crossingId` keeps
 * one crossing; undefined keeps every crossing, each its own thing (so pairs stay per crossing
 * and a crossing one source left out is missing, not zero).
 */
export function aidFlowFigures(
  rows: readonly AidFlowRollup[],
  selection: { stage: Stage; measure: ComparedMeasure; crossingId?: string },
  filters: Pick<Filters, 'verification'>,
): CountedFigure[] {
  const out: CountedFigure[] = [];
  for (const row of rows) {
    if (row.stage !== selection.stage) continue;
    if (selection.crossingId !== undefined && row.crossingId !== selection.crossingId) continue;
    if (filters.verification.length && !filters.verification.includes(row.verification)) continue;
    const value = row[selection.measure];
    if (value === undefined) continue;
    out.push({
      bucket: row.bucket,
      thing: row.crossingId ?? '',
      sourceId: row.sourceId,
      value,
      dayMask: row.dayMask,
    });
  }
  return out;
}

export const COMPARED_GAPS = ['waiting', 'intercepted'] as const;
export type ComparedGap = (typeof COMPARED_GAPS)[number];

/** The highest day set in a mask (the bucket's last reported day), -1 for none. */
const lastDayOf = (mask: number) => 31 - Math.clz32(mask >>> 0);

/**
 * Truck-gap roll-up rows as figures, one thing per crossing. Trucks intercepted are a flow:
 * a source's rows of a key (its verification levels) are summed. Trucks waiting are a stock,
 * never summed over days: a key's figure is the one of its last reported day (of the row whose
 * days reach furthest; the larger on a tie, as the roll-up keeps a correction), so the figures
 * of a bucket stand for that day only.
 */
export function truckGapFigures(
  rows: readonly TruckGapsRollup[],
  selection: { gap: ComparedGap; crossingId?: string },
  filters: Pick<Filters, 'verification'>,
): CountedFigure[] {
  const byKey = new Map<string, CountedFigure & { last: number }>();
  const out: CountedFigure[] = [];
  for (const row of rows) {
    if (selection.crossingId !== undefined && row.crossingId !== selection.crossingId) continue;
    if (filters.verification.length && !filters.verification.includes(row.verification)) continue;
    const figure = {
      bucket: row.bucket,
      thing: row.crossingId,
      sourceId: row.sourceId,
      dayMask: row.dayMask,
    };
    if (selection.gap === 'intercepted') {
      if (row.intercepted !== undefined) out.push({ ...figure, value: row.intercepted });
      continue;
    }
    if (!row.waiting) continue;
    const key = `${row.bucket}${SEP}${row.crossingId}${SEP}${row.sourceId}`;
    const last = lastDayOf(row.dayMask);
    const had = byKey.get(key);
    if (!had) {
      byKey.set(key, { ...figure, value: row.waiting.last, last });
      continue;
    }
    // The days of the key are every row's; its figure is the latest day's.
    had.dayMask = (had.dayMask | row.dayMask) >>> 0;
    if (last > had.last || (last === had.last && row.waiting.last > had.value)) {
      had.value = row.waiting.last;
      had.last = last;
    }
  }
  for (const f of byKey.values())
    out.push({
      bucket: f.bucket,
      thing: f.thing,
      sourceId: f.sourceId,
      value: f.value,
      dayMask: f.dayMask,
    });
  return out;
}

/** Sums of decimals drift: keep what the data can carry. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
