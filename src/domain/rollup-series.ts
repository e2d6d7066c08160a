/**
 * The series the charts draw, from roll-up rows (rollup.ts) instead of records: the same shapes
 * as aid-flow-series.ts, hospital-series.ts and utility-series.ts, so a chart draws a five-year
 * range from a few thousand rows. Rows merged here (crossings, commodities or verification
 * levels of one source) OR their day masks, so "days reported" stays exact; sources are never
 * merged in the aid-flow chart, and per-day averages divide by the days a source reported.
 */
import type { AidFlowOptions, AidFlowSeries, FlowGroup } from './aid-flow-series.ts';
import { matchesFilters, type Filters } from './filters.ts';
import type { HospitalSeries } from './hospital-series.ts';
import type { SourceShare } from './provenance.ts';
import {
  daysInMask,
  type AidFlowRollup,
  type FacilityStatusRollup,
  type RollupBase,
  type UtilityStatusRollup,
} from './rollup.ts';
import {
  bucketsFor,
  dayCount,
  dayLabel,
  dayNumber,
  intervalDays,
  movingAverage,
  type Bucket,
  type Resolution,
  type Series,
} from './series.ts';
import type { Day } from './time.ts';
import type { UtilityLine, UtilityMeasure } from './utility-series.ts';
import {
  COMMODITIES,
  FUNCTIONALITIES,
  STAGES,
  VERIFICATIONS,
  type Functionality,
  type Stage,
  type Verification,
} from './vocabulary.ts';

const SEP = '\u0000';

/** The bucket index of each row's `bucket`, for the buckets of a range. */
function bucketLookup(buckets: readonly Bucket[]): (day: Day) => number {
  const at = new Map(buckets.map((b, i) => [b.from, i]));
  return (day) => at.get(day) ?? -1;
}

/** As a record's provenance, for `matchesFilters`. */
const asRecord = <R extends RollupBase>(row: R) => ({
  ...row,
  provenance: { verification: row.verification },
});

/** Shares of a chart's figures per source, counted in the records the rows stand on. */
export function rollupShares(rows: readonly RollupBase[]): SourceShare[] {
  const out = new Map<string, SourceShare>();
  for (const r of rows) {
    let s = out.get(r.sourceId);
    if (!s) {
      s = {
        sourceId: r.sourceId,
        records: 0,
        verification: Object.fromEntries(VERIFICATIONS.map((v) => [v, 0])) as Record<
          Verification,
          number
        >,
      };
      out.set(r.sourceId, s);
    }
    s.records += r.records;
    s.verification[r.verification] += r.records;
  }
  return [...out.values()];
}

/**
 * Per bucket, what the bars stand for: the average per day over the days the source reported
 * (the y axis stays "per day" and target lines apply), or the total over the bucket.
 */
export type FlowAggregate = 'average' | 'total';

/** As for records; `resolution` is the rows' own. */
export interface AidFlowRollupOptions extends AidFlowOptions {
  /** Default `average`, as the records' series. */
  aggregate?: FlowAggregate;
}

/** One source's stage over the whole range: its total, the days it reported and when. */
export interface FlowPeriod {
  total: number;
  daysReported: number;
  /** First and last day reported in the range; undefined when none was. */
  first: Day | undefined;
  last: Day | undefined;
}

/** A group of the roll-up series, with what a reader needs to trust a total. */
export interface RollupFlowGroup extends FlowGroup {
  /**
   * Per bucket: the source reported fewer days than the whole interval has (a week cut at the
   * range, or days without a report). A total over it is not comparable with a full one.
   */
  partial: boolean[];
  period: FlowPeriod;
}

export interface AidFlowRollupSeries extends AidFlowSeries {
  aggregate: FlowAggregate;
  groups: RollupFlowGroup[];
  /** Per bucket: days of the whole interval (7 for a week, 28–31 for a month, 1 for a day). */
  intervalDays: number[];
  shares: SourceShare[];
}

/**
 * `aidFlowSeries` from roll-up rows: per source × stage, stacked by commodity or crossing,
 * per-day averages over the days the source reported at that stage in each bucket (the OR of
 * the masks of every row shown) — average = bucket total / days reported, the rule of the
 * headline's averages too — or (`aggregate: 'total'`) the bucket's total. Either way the
 * segments of a bar add up to its total, and each bucket says whether it is partial.
 */
export function aidFlowSeriesFromRollups(
  rows: readonly AidFlowRollup[],
  options: AidFlowRollupOptions,
): AidFlowRollupSeries {
  const { range, filters, measure, stackBy, resolution } = options;
  const aggregate = options.aggregate ?? 'average';
  const stages = options.stages ?? STAGES;
  const buckets = bucketsFor(range, resolution);
  const bucketOf = bucketLookup(buckets);
  const n = buckets.length;
  interface Cell {
    sourceId: string;
    stage: Stage;
    sums: Map<string, Float64Array>;
    has: Map<string, Uint8Array>;
    masks: Uint32Array;
  }
  const cells = new Map<string, Cell>();
  const shown: AidFlowRollup[] = [];
  let recordCount = 0;
  for (const row of rows) {
    if (!stages.includes(row.stage) || !matchesFilters(asRecord(row), filters)) continue;
    const i = bucketOf(row.bucket);
    if (i < 0) continue;
    const v = row[measure];
    if (v === undefined) continue;
    shown.push(row);
    recordCount += row.records;
    const id = `${row.sourceId}${SEP}${row.stage}`;
    let cell = cells.get(id);
    if (!cell) {
      cell = {
        sourceId: row.sourceId,
        stage: row.stage,
        sums: new Map(),
        has: new Map(),
        masks: new Uint32Array(n),
      };
      cells.set(id, cell);
    }
    const key = (stackBy === 'commodity' ? row.commodity : row.crossingId) ?? '';
    let sums = cell.sums.get(key);
    let has = cell.has.get(key);
    if (!sums || !has) {
      sums = new Float64Array(n);
      has = new Uint8Array(n);
      cell.sums.set(key, sums);
      cell.has.set(key, has);
    }
    sums[i]! += v;
    has[i] = 1;
    cell.masks[i] = (cell.masks[i]! | row.dayMask) >>> 0;
  }

  const keysSeen = new Set<string>();
  for (const c of cells.values()) for (const k of c.sums.keys()) keysSeen.add(k);
  const order =
    stackBy === 'commodity' ? (COMMODITIES as readonly string[]) : (options.crossingOrder ?? []);
  const stackKeys = [
    ...order.filter((k) => keysSeen.has(k)),
    ...[...keysSeen].filter((k) => !order.includes(k)).sort(),
  ];
  const full = buckets.map((b) => intervalDays(b, resolution));
  // Average: the bucket's sum over the days reported; total: the sum itself.
  const figure = (sum: number, reported: number) => (aggregate === 'total' ? sum : sum / reported);
  const groups: RollupFlowGroup[] = [...cells.values()]
    .sort(
      (a, b) =>
        STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.sourceId.localeCompare(b.sourceId),
    )
    .map((c) => {
      const reported = [...c.masks].map(daysInMask);
      const stacks = new Map<string, Series>();
      const total: Series = new Array<number | null>(n).fill(null);
      let periodTotal = 0;
      for (const k of stackKeys) {
        const sums = c.sums.get(k);
        const has = c.has.get(k);
        if (!sums || !has) continue;
        stacks.set(
          k,
          [...sums].map((v, i) => (has[i] && reported[i] ? figure(v, reported[i]!) : null)),
        );
        for (let i = 0; i < n; i++)
          if (has[i] && reported[i]) {
            total[i] = (total[i] ?? 0) + figure(sums[i]!, reported[i]!);
            periodTotal += sums[i]!;
          }
      }
      return {
        id: `${c.sourceId}${SEP}${c.stage}`,
        sourceId: c.sourceId,
        stage: c.stage,
        stacks,
        total,
        reported,
        partial: reported.map((r, i) => total[i] !== null && r < full[i]!),
        period: periodOf(buckets, c.masks, periodTotal),
        // Buckets are days: the trailing week's average of the daily total, as from records.
        average7: resolution === 'day' ? movingAverage(total, 7, 4) : undefined,
      };
    });
  return {
    resolution,
    aggregate,
    buckets,
    groups,
    stackKeys,
    recordCount,
    intervalDays: full,
    shares: rollupShares(shown),
  };
}

/** The whole range of one group: its total, days reported, and first and last day reported. */
function periodOf(buckets: readonly Bucket[], masks: Uint32Array, total: number): FlowPeriod {
  let daysReported = 0;
  let first: Day | undefined;
  let last: Day | undefined;
  buckets.forEach((b, i) => {
    const mask = masks[i]!;
    if (!mask) return;
    daysReported += daysInMask(mask);
    // Bit k is the bucket's (k+1)-th day: the lowest set bit is its first day reported.
    first ??= dayLabel(dayNumber(b.from) + Math.log2((mask & -mask) >>> 0));
    last = dayLabel(dayNumber(b.from) + 31 - Math.clz32(mask));
  });
  return { total, daysReported, first, last };
}

/** Per source and stage, the average per day over the days reported in a range (headline). */
export function averagePerDayFromRollups(
  rows: readonly AidFlowRollup[],
  range: { from: Day; to: Day },
  filters: Filters,
  stages: readonly Stage[],
): { sourceId: string; stage: Stage; perDay: number | null; daysReported: number; days: number }[] {
  const days = dayCount(range);
  // Per source × stage, the trucks and the OR of masks per bucket.
  const cells = new Map<
    string,
    { sourceId: string; stage: Stage; sum: number; masks: Map<Day, number> }
  >();
  for (const row of rows) {
    if (!stages.includes(row.stage) || row.trucks === undefined) continue;
    if (!matchesFilters(asRecord(row), filters)) continue;
    if (row.bucket < range.from || row.bucket > range.to) continue;
    const id = `${row.sourceId}${SEP}${row.stage}`;
    let c = cells.get(id);
    if (!c)
      cells.set(id, (c = { sourceId: row.sourceId, stage: row.stage, sum: 0, masks: new Map() }));
    c.sum += row.trucks;
    c.masks.set(row.bucket, ((c.masks.get(row.bucket) ?? 0) | row.dayMask) >>> 0);
  }
  return [...cells.values()]
    .sort(
      (a, b) =>
        STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.sourceId.localeCompare(b.sourceId),
    )
    .map((c) => {
      let n = 0;
      for (const m of c.masks.values()) n += daysInMask(m);
      return {
        sourceId: c.sourceId,
        stage: c.stage,
        perDay: n ? c.sum / n : null,
        daysReported: n,
        days,
      };
    });
}

/**
 * `hospitalSeries` from roll-up rows: facilities per functionality level per day reported
 * (facility-days over the days any facility reported), and beds per day reported. Sources'
 * rows of one bucket are added, as the chart adds facilities whoever reports them.
 */
export function hospitalSeriesFromRollups(
  rows: readonly FacilityStatusRollup[],
  range: { from: Day; to: Day },
  filters: Filters,
  resolution: Resolution,
): HospitalSeries & { shares: SourceShare[] } {
  const buckets = bucketsFor(range, resolution);
  const bucketOf = bucketLookup(buckets);
  const n = buckets.length;
  const levels = Object.fromEntries(FUNCTIONALITIES.map((f) => [f, new Float64Array(n)])) as Record<
    Functionality,
    Float64Array
  >;
  const masks = new Uint32Array(n);
  const beds = { bedsAvailable: new Float64Array(n), bedsOccupied: new Float64Array(n) };
  const bedsSeen = { bedsAvailable: new Uint8Array(n), bedsOccupied: new Uint8Array(n) };
  const shown: FacilityStatusRollup[] = [];
  let recordCount = 0;
  for (const row of rows) {
    if (!matchesFilters(asRecord(row), filters)) continue;
    const i = bucketOf(row.bucket);
    if (i < 0) continue;
    shown.push(row);
    recordCount += row.records;
    masks[i] = (masks[i]! | row.dayMask) >>> 0;
    for (const f of FUNCTIONALITIES) levels[f][i]! += row.facilityDays[f];
    for (const field of ['bedsAvailable', 'bedsOccupied'] as const)
      if (row[field].reported > 0) {
        beds[field][i]! += row[field].sum;
        bedsSeen[field][i] = 1;
      }
  }
  const reported = [...masks].map(daysInMask);
  const perDay = (values: Float64Array, seen?: Uint8Array): Series =>
    [...values].map((v, i) => (reported[i] && (!seen || seen[i]) ? v / reported[i]! : null));
  return {
    resolution,
    buckets,
    functionality: Object.fromEntries(FUNCTIONALITIES.map((f) => [f, perDay(levels[f])])) as Record<
      Functionality,
      Series
    >,
    bedsAvailable: perDay(beds.bedsAvailable, bedsSeen.bedsAvailable),
    bedsOccupied: perDay(beds.bedsOccupied, bedsSeen.bedsOccupied),
    reported,
    recordCount,
    shares: rollupShares(shown),
  };
}

/**
 * `utilityLines` from roll-up rows, one value per bucket (the mean of the days reported; water
 * as % of the pre-crisis baseline). `daily` is indexed by the bucket's first day in the range
 * (`Bucket.start`), as the small multiples read it; the other days are null.
 */
export function utilityLinesFromRollups(
  rows: readonly UtilityStatusRollup[],
  range: { from: Day; to: Day },
  service: UtilityMeasure,
  filters: Filters,
): UtilityLine[] & { shares?: SourceShare[] } {
  const n = dayCount(range);
  const first = dayNumber(range.from);
  const lines = new Map<
    string,
    { areaId: string; sourceId: string; sum: Series; weight: Series }
  >();
  const shown: UtilityStatusRollup[] = [];
  for (const row of rows) {
    if (row.service !== service || row.assetId !== undefined || row.areaId === undefined) continue;
    if (!matchesFilters(asRecord(row), filters)) continue;
    const value =
      service === 'water' ? (row.baseline ? (100 * row.mean) / row.baseline : undefined) : row.mean;
    if (value === undefined) continue;
    const at = dayNumber(row.bucket) - first;
    if (at < 0 || at >= n) continue;
    shown.push(row);
    const key = `${row.areaId}${SEP}${row.sourceId}`;
    let line = lines.get(key);
    if (!line)
      lines.set(
        key,
        (line = {
          areaId: row.areaId,
          sourceId: row.sourceId,
          sum: new Array<number | null>(n).fill(null),
          weight: new Array<number | null>(n).fill(null),
        }),
      );
    // Two verification levels of one source in a bucket: their means weighted by records.
    line.sum[at] = (line.sum[at] ?? 0) + value * row.records;
    line.weight[at] = (line.weight[at] ?? 0) + row.records;
  }
  const out: UtilityLine[] & { shares?: SourceShare[] } = [...lines.values()].map((l) => ({
    areaId: l.areaId,
    sourceId: l.sourceId,
    daily: l.sum.map((s, i) => (s === null || !l.weight[i] ? null : s / l.weight[i]!)),
  }));
  out.shares = rollupShares(shown);
  return out;
}

/**
 * The headline's water and power figures from roll-up rows, per source over a period: power
 * (and telecom) as the mean of the values reported, weighted by the records behind each row;
 * water as the supply reported over the pre-crisis supply of the same reports (the ratio of
 * the sums, each row weighted by its records) — a long period is one ratio, not a mean of
 * daily ratios. Assets are left out: they are part of their governorate's figure.
 */
export function utilityAverageFromRollups(
  rows: readonly UtilityStatusRollup[],
  range: { from: Day; to: Day },
  service: UtilityMeasure,
  filters: Filters,
): { sourceId: string; value: number | null }[] {
  const bySource = new Map<string, { value: number; weight: number; baseline: number }>();
  for (const row of rows) {
    if (row.service !== service || row.assetId !== undefined || row.areaId === undefined) continue;
    if (row.bucket < range.from || row.bucket > range.to) continue;
    if (!matchesFilters(asRecord(row), filters)) continue;
    if (service === 'water' && !row.baseline) continue;
    const s = bySource.get(row.sourceId) ?? { value: 0, weight: 0, baseline: 0 };
    s.value += row.mean * row.records;
    s.weight += row.records;
    s.baseline += (row.baseline ?? 0) * row.records;
    bySource.set(row.sourceId, s);
  }
  return [...bySource.entries()]
    .map(([sourceId, s]) => ({
      sourceId,
      value:
        service === 'water'
          ? s.baseline
            ? s.value / s.baseline
            : null
          : s.weight
            ? s.value / s.weight
            : null,
    }))
    .sort((a, b) => a.sourceId.localeCompare(b.sourceId));
}

/** Shares of several lists added per source, in order of first appearance. */
export function mergeShares(...lists: readonly (readonly SourceShare[])[]): SourceShare[] {
  const out = new Map<string, SourceShare>();
  for (const list of lists)
    for (const s of list) {
      const had = out.get(s.sourceId);
      if (!had) {
        out.set(s.sourceId, { ...s, verification: { ...s.verification } });
        continue;
      }
      had.records += s.records;
      for (const v of VERIFICATIONS) had.verification[v] += s.verification[v];
    }
  return [...out.values()];
}
