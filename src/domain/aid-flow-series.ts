import { aidFlowIndex, filterTest } from './aid-flow-index.ts';
import type { Filters } from './filters.ts';
import type { AidFlow } from './schemas.ts';
import {
  bucketsFor,
  dayCount,
  dayNumber,
  movingAverage,
  reportedDays,
  rollUp,
  sumSeries,
  type Bucket,
  type Resolution,
  type Series,
} from './series.ts';
import type { Day } from './time.ts';
import { COMMODITIES, STAGES, type Stage } from './vocabulary.ts';

export type StackBy = 'commodity' | 'crossing';
export type FlowMeasure = 'trucks' | 'tonnes';

/** What one source counts at one stage: one bar per bucket, stacked by commodity or crossing. */
export interface FlowGroup {
  id: string;
  sourceId: string;
  stage: Stage;
  /** Per stack key (commodity or crossing id), per bucket: per-day average over the bucket. */
  stacks: Map<string, Series>;
  /** Per bucket: the group's total per day. Equals the sum of its stacks. */
  total: Series;
  /** Per bucket: days the source reported anything at this stage. */
  reported: number[];
  /** Trailing 7-day average of the daily total, at daily resolution only. */
  average7: Series | undefined;
}

export interface AidFlowSeries {
  resolution: Resolution;
  buckets: Bucket[];
  /** Ordered by stage (entered, collected, delivered), then source id. Never summed together. */
  groups: FlowGroup[];
  /** The stack keys that have data, in the vocabulary's (or the given crossings') order. */
  stackKeys: string[];
  /** Records that passed the filters and the range. */
  recordCount: number;
}

export interface AidFlowOptions {
  range: { from: Day; to: Day };
  filters: Filters;
  measure: FlowMeasure;
  stackBy: StackBy;
  /** Stages to show; default all. */
  stages?: readonly Stage[];
  /** Order of crossings for stacking by crossing (the theatre's order). */
  crossingOrder?: readonly string[];
  /** Days, weeks or months: from `chooseResolution(days, what the chart has room for)`. */
  resolution: Resolution;
}

const SEP = '\u0000';

/**
 * Trucks (or tonnes) per day for the aid-flow chart, per source and stage, stacked by commodity
 * or by crossing. Two sources counting the same stage stay two groups: they are never added.
 * Long ranges are rolled up to weeks or months as per-day averages over the days reported, so
 * the y axis stays "per day" and the target lines still apply.
 * Filters are those of `matchesFilters`, applied to the records' integer index.
 * Within a day a source reported, a commodity or crossing it did not mention counts as nothing
 * in the average, so that the segments of a bar add up to its total.
 */
export function aidFlowSeries(flows: readonly AidFlow[], options: AidFlowOptions): AidFlowSeries {
  const { range, filters, measure, stackBy } = options;
  const days = dayCount(range);
  const { resolution } = options;
  const buckets = bucketsFor(range, resolution);
  const { cells, recordCount } = accumulate(flows, range, filters, {
    stages: options.stages ?? STAGES,
    measure,
    stackBy,
  });

  const keysSeen = new Set<string>();
  for (const c of cells) for (const k of c.stacks.keys()) keysSeen.add(k);
  const order =
    stackBy === 'commodity' ? (COMMODITIES as readonly string[]) : (options.crossingOrder ?? []);
  const stackKeys = [
    ...order.filter((k) => keysSeen.has(k)),
    ...[...keysSeen].filter((k) => !order.includes(k)).sort(),
  ];

  const groups: FlowGroup[] = cells.map((g) => {
    const dailyTotal = sumSeries([...g.stacks.values()], days);
    const reported = reportedDays(dailyTotal, buckets);
    const stacks = new Map<string, Series>();
    for (const k of stackKeys) {
      const s = g.stacks.get(k);
      if (!s) continue;
      const sums = rollUp(s, buckets, 'sum');
      stacks.set(
        k,
        sums.map((v, i) => (v === null || reported[i] === 0 ? null : v / reported[i]!)),
      );
    }
    return {
      id: `${g.sourceId}${SEP}${g.stage}`,
      sourceId: g.sourceId,
      stage: g.stage,
      stacks,
      total: rollUp(dailyTotal, buckets, 'mean'),
      reported,
      average7: resolution === 'day' ? movingAverage(dailyTotal, 7, 4) : undefined,
    };
  });

  return { resolution, buckets, groups, stackKeys, recordCount };
}

interface Cell {
  sourceId: string;
  stage: Stage;
  /** Per stack key, a daily series (null: not reported). */
  stacks: Map<string, Series>;
}

/**
 * The one pass over the records, per source × stage × stack key × day. It reads the records'
 * integer index (aid-flow-index.ts), not the records: at range "all" it sees ~340 000 of them
 * on every filter change.
 */
function accumulate(
  flows: readonly AidFlow[],
  range: { from: Day; to: Day },
  filters: Filters,
  options: {
    stages: readonly Stage[];
    measure: FlowMeasure;
    stackBy: StackBy | 'none';
  },
): { cells: Cell[]; recordCount: number } {
  const index = aidFlowIndex(flows);
  const passes = filterTest(index, filters);
  const first = dayNumber(range.from);
  const n = dayCount(range);
  const stageShown = STAGES.map((s) => options.stages.includes(s));
  const values = options.measure === 'trucks' ? index.trucks : index.tonnes;
  const stackCodes =
    options.stackBy === 'commodity'
      ? index.commodity
      : options.stackBy === 'crossing'
        ? index.crossing
        : undefined;
  const stackNames: readonly string[] =
    options.stackBy === 'commodity'
      ? COMMODITIES
      : options.stackBy === 'crossing'
        ? index.crossings
        : [''];
  const cells: Cell[] = [];
  // Per source × stage slot, the cell and its series by stack code.
  const cellAt: Cell[] = [];
  const seriesAt: Series[][] = [];
  let recordCount = 0;
  for (let r = 0; r < index.length; r++) {
    const stage = index.stage[r]!;
    if (!stageShown[stage] || !passes(r)) continue;
    const i = index.day[r]! - first;
    if (!(i >= 0 && i < n)) continue;
    const v = values[r]!;
    if (Number.isNaN(v)) continue;
    recordCount++;
    const slot = index.source[r]! * STAGES.length + stage;
    let cell = cellAt[slot];
    if (!cell) {
      cell = {
        sourceId: index.sources[index.source[r]!]!,
        stage: STAGES[stage]!,
        stacks: new Map(),
      };
      cellAt[slot] = cell;
      seriesAt[slot] = [];
      cells.push(cell);
    }
    const code = stackCodes ? stackCodes[r]! : 0;
    let s = seriesAt[slot]![code];
    if (!s) {
      s = new Array<number | null>(n).fill(null);
      seriesAt[slot]![code] = s;
      cell.stacks.set(stackNames[code]!, s);
    }
    s[i] = (s[i] ?? 0) + v;
  }
  cells.sort(
    (a, b) =>
      STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.sourceId.localeCompare(b.sourceId),
  );
  return { cells, recordCount };
}

/** Per source and stage, the average per day over the days reported in a range (headline). */
export interface DailyAverage {
  sourceId: string;
  stage: Stage;
  perDay: number | null;
  daysReported: number;
  days: number;
}

export function averageTrucksPerDay(
  flows: readonly AidFlow[],
  range: { from: Day; to: Day },
  filters: Filters,
  stages: readonly Stage[],
): DailyAverage[] {
  const days = dayCount(range);
  const { cells } = accumulate(flows, range, filters, {
    stages,
    measure: 'trucks',
    stackBy: 'none',
  });
  return cells.map((c) => {
    let sum = 0;
    let n = 0;
    for (const v of c.stacks.get('') ?? [])
      if (v !== null) {
        sum += v;
        n++;
      }
    return {
      sourceId: c.sourceId,
      stage: c.stage,
      perDay: n ? sum / n : null,
      daysReported: n,
      days,
    };
  });
}
