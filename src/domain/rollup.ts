/**
 * Roll-ups at the source (issue 12): the few rows a chart can draw instead of every record of a
 * long range. One definition of the semantics, shared by whatever answers `resolution=` — the
 * mock API, a real server, the tabular adapters' worker. Rules that hold for every dataset:
 * - a roll-up row never mixes sources or verification levels: its group always holds
 *   `sourceId` and `verification`, so a disagreement stays visible at every resolution;
 * - a row says how many records and how many distinct days it stands on (`records`,
 *   `daysReported`) and how many days its bucket spans inside the range (`days`), so
 *   "6 of 7 days reported" and gaps survive: a bucket nobody reported on has no row at all;
 * - buckets are the chart's: days, ISO weeks (Monday–Sunday) or calendar months, cut at the
 *   range (`bucketsFor`), keyed by their first day inside the range.
 * Input records are valid ones (after `validateRecords`); rejects are reported beside roll-ups.
 */
import type {
  AidFlow,
  CrossingStatus,
  FacilityStatus,
  FuelEntry,
  Movement,
  TruckGaps,
  UtilityStatus,
} from './schemas.ts';
import { bucketsFor, chooseResolution, dayCount, dayNumber, type Resolution } from './series.ts';
import { theatreDay, startOfTheatreDay, shiftDay, type Day } from './time.ts';
import {
  CROSSING_STATES,
  FUNCTIONALITIES,
  type CrossingState,
  type Functionality,
  type Verification,
} from './vocabulary.ts';

// Which datasets roll up is asked in the first page load (the REST adapter); the roll-up code
// itself is not, so the list lives apart (rollup-datasets.ts).
export { ROLLUP_DATASETS, isRollupDataset, type RollupDataset } from './rollup-datasets.ts';
import type { RollupDataset } from './rollup-datasets.ts';

/**
 * Aid flow's rows keep crossing and commodity by default; `by` keeps only one of them and sums
 * over the other (a chart stacked by commodity needs no crossing), so "all" costs about as many
 * rows as a month. Sources, verification levels and stages are never summed.
 */
export { AID_FLOW_BY, MOVEMENTS_BY, ROLLUP_BY } from './rollup-datasets.ts';
import type { AID_FLOW_BY, MOVEMENTS_BY } from './rollup-datasets.ts';
export type AidFlowBy = (typeof AID_FLOW_BY)[number];

/**
 * Movements' rows keep outcome, purpose and destination zone by default; `by` keeps outcome
 * only, or outcome with one of purpose and zone, summing over the rest — a weekly chart of 18
 * months is then ~600 rows instead of ~5,500. Sources and verification levels are never summed.
 */
export type MovementsBy = (typeof MOVEMENTS_BY)[number];

export const RESOLUTIONS = ['day', 'week', 'month'] as const;
export type RollupResolution = Resolution;
/** What a client may ask for: a resolution, or `auto` for the server to choose from the range. */
export type RequestedResolution = RollupResolution | 'auto';

/** Most buckets `auto` gives: a wide chart has about a thousand pixels for its series. */
export const AUTO_MAX_BUCKETS = 400;

/** `auto` → the finest resolution with at most AUTO_MAX_BUCKETS buckets over the range. */
export function resolveResolution(
  requested: RequestedResolution,
  range: { from: Day; to: Day },
): RollupResolution {
  return requested === 'auto' ? chooseResolution(dayCount(range), AUTO_MAX_BUCKETS) : requested;
}

/** Identity of a roll-up row's bucket and provenance, common to every dataset. */
export interface RollupBase {
  /** First day of the bucket inside the range. */
  bucket: Day;
  /** Last day of the bucket inside the range. */
  to: Day;
  /** Days the bucket spans inside the range. */
  days: number;
  sourceId: string;
  verification: Verification;
  /** Records the row stands on, and the distinct days they report. */
  records: number;
  daysReported: number;
  /**
   * Which days of the bucket were reported: bit i stands for the bucket's (i+1)-th day (a
   * month has at most 31, so it fits an unsigned 32-bit integer). Rows merged by a client
   * (over crossings, commodities or verification levels) OR their masks: the days reported of
   * the merge are exact, never the sum or the largest of the parts.
   */
  dayMask: number;
}

/** The number of days set in a day mask. */
export function daysInMask(mask: number): number {
  let m = mask >>> 0;
  let n = 0;
  while (m) {
    m &= m - 1;
    n++;
  }
  return n;
}

/** Maps each day of a range to its bucket, once per range (day labels repeat a lot). */
function bucketIndex(range: { from: Day; to: Day }, resolution: RollupResolution) {
  const buckets = bucketsFor(range, resolution);
  const first = dayNumber(range.from);
  const byDay = new Int32Array(dayCount(range));
  buckets.forEach((b, i) => byDay.fill(i, b.start, b.start + b.days));
  return {
    buckets,
    of(day: Day): number {
      const n = dayNumber(day) - first;
      return n >= 0 && n < byDay.length ? byDay[n]! : -1;
    },
    /** The day's bit in its bucket's day mask. */
    bit(day: Day, i: number): number {
      return (1 << (dayNumber(day) - first - buckets[i]!.start)) >>> 0;
    },
  };
}

/** A group of rows keyed by a string; each group remembers its distinct days. */
function grouped<T extends { records: number; daysReported: number; dayMask: number }>() {
  const rows = new Map<string, T>();
  return {
    /** The row of `key`, counting one more record on the day of bit `bit`. */
    take(key: string, bit: number, create: () => T): T {
      let row = rows.get(key);
      if (!row) {
        row = create();
        rows.set(key, row);
      }
      row.records++;
      if (!(row.dayMask & bit)) {
        row.dayMask = (row.dayMask | bit) >>> 0;
        row.daysReported++;
      }
      return row;
    },
    rows(): T[] {
      return [...rows.values()];
    },
  };
}

const base = (
  b: { from: Day; to: Day; days: number },
  sourceId: string,
  verification: Verification,
): RollupBase => ({
  bucket: b.from,
  to: b.to,
  days: b.days,
  sourceId,
  verification,
  records: 0,
  daysReported: 0,
  dayMask: 0,
});

export interface AidFlowRollup extends RollupBase {
  /** Absent when the rows are `by: 'commodity'` (summed over crossings). */
  crossingId?: string;
  /** Absent when the rows are `by: 'crossing'` (summed over commodities). */
  commodity?: AidFlow['commodity'];
  stage: AidFlow['stage'];
  /** Sums over the bucket; absent when no record of the row carried that measure. */
  trucks?: number;
  tonnes?: number;
  litres?: number;
}

/**
 * Aid flow: sums of trucks, tonnes and litres per bucket × crossing × commodity × stage ×
 * source × verification; with `by`, per bucket × that one of crossing and commodity × stage ×
 * source × verification (summed over the other).
 */
export function rollUpAidFlow(
  records: readonly AidFlow[],
  range: { from: Day; to: Day },
  resolution: RollupResolution,
  by?: AidFlowBy,
): AidFlowRollup[] {
  const index = bucketIndex(range, resolution);
  const groups = grouped<AidFlowRollup>();
  const keepCrossing = by !== 'commodity';
  const keepCommodity = by !== 'crossing';
  for (const r of records) {
    const i = index.of(r.date);
    if (i < 0) continue;
    const { sourceId, verification } = r.provenance;
    const crossing = keepCrossing ? r.crossingId : '';
    const commodity = keepCommodity ? r.commodity : '';
    const key = `${i}|${crossing}|${commodity}|${r.stage}|${sourceId}|${verification}`;
    const row = groups.take(key, index.bit(r.date, i), () => ({
      ...base(index.buckets[i]!, sourceId, verification),
      ...(keepCrossing ? { crossingId: r.crossingId } : {}),
      ...(keepCommodity ? { commodity: r.commodity } : {}),
      stage: r.stage,
    }));
    if (r.trucks !== undefined) row.trucks = (row.trucks ?? 0) + r.trucks;
    if (r.tonnes !== undefined) row.tonnes = round((row.tonnes ?? 0) + r.tonnes);
    if (r.litres !== undefined) row.litres = (row.litres ?? 0) + r.litres;
  }
  return groups.rows();
}

export interface FacilityStatusRollup extends RollupBase {
  /** Facility-days reported at each functionality level. */
  facilityDays: Record<Functionality, number>;
  /** Distinct facilities reported on in the bucket. */
  facilities: number;
  /** Sums over facility-days, with how many facility-days carried each measure. */
  bedsAvailable: { sum: number; reported: number };
  bedsOccupied: { sum: number; reported: number };
}

/** Facility status: facility-days by functionality and bed sums per bucket. */
export function rollUpFacilityStatus(
  records: readonly FacilityStatus[],
  range: { from: Day; to: Day },
  resolution: RollupResolution,
): FacilityStatusRollup[] {
  const index = bucketIndex(range, resolution);
  const groups = grouped<FacilityStatusRollup & { ids: Set<string> }>();
  for (const r of records) {
    const i = index.of(r.date);
    if (i < 0) continue;
    const { sourceId, verification } = r.provenance;
    const row = groups.take(`${i}|${sourceId}|${verification}`, index.bit(r.date, i), () => ({
      ...base(index.buckets[i]!, sourceId, verification),
      facilityDays: Object.fromEntries(FUNCTIONALITIES.map((f) => [f, 0])) as Record<
        Functionality,
        number
      >,
      facilities: 0,
      bedsAvailable: { sum: 0, reported: 0 },
      bedsOccupied: { sum: 0, reported: 0 },
      ids: new Set<string>(),
    }));
    row.facilityDays[r.functionality]++;
    row.ids.add(r.facilityId);
    row.facilities = row.ids.size;
    if (r.bedsAvailable !== undefined) {
      row.bedsAvailable.sum += r.bedsAvailable;
      row.bedsAvailable.reported++;
    }
    if (r.bedsOccupied !== undefined) {
      row.bedsOccupied.sum += r.bedsOccupied;
      row.bedsOccupied.reported++;
    }
  }
  return groups.rows().map(({ ids: _ids, ...row }) => row);
}

export interface UtilityStatusRollup extends RollupBase {
  areaId?: string;
  assetId?: string;
  service: UtilityStatus['service'];
  unit: UtilityStatus['unit'];
  /** Mean and minimum of the values reported in the bucket. */
  mean: number;
  min: number;
  baseline?: number;
}

/** Utility status: mean and minimum per bucket × area (or asset) × service × unit. */
export function rollUpUtilityStatus(
  records: readonly UtilityStatus[],
  range: { from: Day; to: Day },
  resolution: RollupResolution,
): UtilityStatusRollup[] {
  const index = bucketIndex(range, resolution);
  const groups = grouped<UtilityStatusRollup & { total: number }>();
  for (const r of records) {
    const i = index.of(r.date);
    if (i < 0) continue;
    const { sourceId, verification } = r.provenance;
    const place = `${r.areaId ?? ''}|${r.assetId ?? ''}`;
    const key = `${i}|${place}|${r.service}|${r.unit}|${sourceId}|${verification}`;
    const row = groups.take(key, index.bit(r.date, i), () => ({
      ...base(index.buckets[i]!, sourceId, verification),
      ...(r.areaId !== undefined ? { areaId: r.areaId } : {}),
      ...(r.assetId !== undefined ? { assetId: r.assetId } : {}),
      service: r.service,
      unit: r.unit,
      mean: 0,
      min: Number.POSITIVE_INFINITY,
      total: 0,
    }));
    row.total += r.value;
    row.min = Math.min(row.min, r.value);
    row.mean = round(row.total / row.records);
    if (r.baseline !== undefined) row.baseline = r.baseline;
  }
  return groups.rows().map(({ total: _total, ...row }) => row);
}

export interface CrossingStatusRollup extends RollupBase {
  crossingId: string;
  /**
   * Share of the bucket's time (0–1) in each state, as reported by this source at this level;
   * `unreported` is the time before its first observation (or after now). The shares sum to 1.
   */
  shares: Record<CrossingState | 'unreported', number>;
}

/**
 * Crossing status: the share of time in each state per bucket × crossing. Observations are
 * steps: a state holds from its `at` until the same source's next observation of the crossing.
 * Include the carried-in observation before the range so that its first bucket starts known.
 * Time after `now` is not counted as any state (`unreported`). Each (source, verification)
 * pair is its own timeline: a source's verified and unverified reports never blend.
 */
export function rollUpCrossingStatus(
  records: readonly CrossingStatus[],
  range: { from: Day; to: Day },
  resolution: RollupResolution,
  timeZone: string,
  now: number,
): CrossingStatusRollup[] {
  const buckets = bucketsFor(range, resolution);
  const bounds = buckets.map((b) => ({
    b,
    start: +startOfTheatreDay(b.from, timeZone),
    end: +startOfTheatreDay(shiftDay(b.to, 1), timeZone),
  }));
  const timelines = new Map<string, CrossingStatus[]>();
  for (const r of records) {
    const key = `${r.crossingId}|${r.provenance.sourceId}|${r.provenance.verification}`;
    let list = timelines.get(key);
    if (!list) timelines.set(key, (list = []));
    list.push(r);
  }
  const out: CrossingStatusRollup[] = [];
  for (const list of timelines.values()) {
    const steps = list
      .map((r) => ({ at: Date.parse(r.at), record: r }))
      .sort((a, b) => a.at - b.at);
    const first = steps[0]!.record;
    for (const { b, start, end } of bounds) {
      const held = Object.fromEntries(
        [...CROSSING_STATES, 'unreported'].map((s) => [s, 0]),
      ) as CrossingStatusRollup['shares'];
      let dayMask = 0;
      let records = 0;
      let cursor = start;
      const stop = Math.min(end, now);
      let state: CrossingState | 'unreported' = 'unreported';
      for (const step of steps) {
        if (step.at >= stop) break;
        if (step.at > cursor) {
          held[state] += step.at - cursor;
          cursor = step.at;
        }
        state = step.record.status;
        if (step.at >= start) {
          records++;
          const offset = dayNumber(theatreDay(step.at, timeZone)) - dayNumber(b.from);
          dayMask = (dayMask | (1 << offset)) >>> 0;
        }
      }
      if (stop > cursor) held[state] += stop - cursor;
      if (end > Math.max(stop, start)) held.unreported += end - Math.max(stop, start);
      const total = end - start;
      if (held.unreported === total) continue; // nothing known in this bucket: no row
      out.push({
        ...base(b, first.provenance.sourceId, first.provenance.verification),
        records,
        daysReported: daysInMask(dayMask),
        dayMask,
        crossingId: first.crossingId,
        shares: Object.fromEntries(
          Object.entries(held).map(([s, ms]) => [s, round(ms / total, 4)]),
        ) as CrossingStatusRollup['shares'],
      });
    }
  }
  return out;
}

export interface MovementRollup extends RollupBase {
  outcome: Movement['outcome'];
  /** Absent when summed over (`by`: outcome or zone). */
  purpose?: Movement['purpose'];
  /** Absent when summed over (`by`: outcome or purpose). */
  toZone?: Movement['toZone'];
  /** Requests summed over the bucket (a record may stand for several, `missions`). */
  missions: number;
}

/**
 * Movements: requests per bucket × outcome × purpose × destination zone × source × level; with
 * `by`, per bucket × outcome (× purpose or zone) × source × level, summed over the rest.
 */
export function rollUpMovements(
  records: readonly Movement[],
  range: { from: Day; to: Day },
  resolution: RollupResolution,
  by?: MovementsBy,
): MovementRollup[] {
  const index = bucketIndex(range, resolution);
  const groups = grouped<MovementRollup>();
  const keepPurpose = by === undefined || by === 'purpose';
  const keepZone = by === undefined || by === 'zone';
  for (const r of records) {
    const i = index.of(r.date);
    if (i < 0) continue;
    const { sourceId, verification } = r.provenance;
    const purpose = keepPurpose ? r.purpose : '';
    const zone = keepZone ? r.toZone : '';
    const key = `${i}|${r.outcome}|${purpose}|${zone}|${sourceId}|${verification}`;
    const row = groups.take(key, index.bit(r.date, i), () => ({
      ...base(index.buckets[i]!, sourceId, verification),
      outcome: r.outcome,
      ...(keepPurpose ? { purpose: r.purpose } : {}),
      ...(keepZone ? { toZone: r.toZone } : {}),
      missions: 0,
    }));
    row.missions += r.missions;
  }
  return groups.rows();
}

export interface FuelEntryRollup extends RollupBase {
  crossingId: string;
  fuel: FuelEntry['fuel'];
  unit: FuelEntry['unit'];
  /** Quantity entered, summed over the bucket. */
  quantity: number;
  /** The stated need summed over the days that state one, and how many days did. */
  need?: { sum: number; reported: number };
}

/** Fuel entry: quantity (and stated need) per bucket × crossing × fuel type × source × level. */
export function rollUpFuelEntry(
  records: readonly FuelEntry[],
  range: { from: Day; to: Day },
  resolution: RollupResolution,
): FuelEntryRollup[] {
  const index = bucketIndex(range, resolution);
  const groups = grouped<FuelEntryRollup>();
  for (const r of records) {
    const i = index.of(r.date);
    if (i < 0) continue;
    const { sourceId, verification } = r.provenance;
    const key = `${i}|${r.crossingId}|${r.fuel}|${r.unit}|${sourceId}|${verification}`;
    const row = groups.take(key, index.bit(r.date, i), () => ({
      ...base(index.buckets[i]!, sourceId, verification),
      crossingId: r.crossingId,
      fuel: r.fuel,
      unit: r.unit,
      quantity: 0,
    }));
    row.quantity = round(row.quantity + r.quantity);
    if (r.need !== undefined) {
      const need = (row.need ??= { sum: 0, reported: 0 });
      need.sum = round(need.sum + r.need);
      need.reported++;
    }
  }
  return groups.rows();
}

export interface TruckGapsRollup extends RollupBase {
  crossingId: string;
  /**
   * Trucks waiting for collection is a stock, not a flow: never summed over days. `last` is the
   * figure of the bucket's last reported day, `max` the largest; absent when no day said.
   */
  waiting?: { last: number; max: number };
  /** Trucks intercepted on the route, summed over the bucket. */
  intercepted?: number;
}

/** Truck gaps per bucket × crossing × source × level: waiting (last, largest), intercepted (sum). */
export function rollUpTruckGaps(
  records: readonly TruckGaps[],
  range: { from: Day; to: Day },
  resolution: RollupResolution,
): TruckGapsRollup[] {
  const index = bucketIndex(range, resolution);
  const groups = grouped<TruckGapsRollup & { lastDay: Day }>();
  for (const r of records) {
    const i = index.of(r.date);
    if (i < 0) continue;
    const { sourceId, verification } = r.provenance;
    const key = `${i}|${r.crossingId}|${sourceId}|${verification}`;
    const row = groups.take(key, index.bit(r.date, i), () => ({
      ...base(index.buckets[i]!, sourceId, verification),
      crossingId: r.crossingId,
      lastDay: '' as Day,
    }));
    if (r.waiting !== undefined) {
      const w = row.waiting;
      if (!w) row.waiting = { last: r.waiting, max: r.waiting };
      else {
        w.max = Math.max(w.max, r.waiting);
        // Two records for one day (a correction): the larger stands, as for the largest.
        if (r.date > row.lastDay) w.last = r.waiting;
        else if (r.date === row.lastDay) w.last = Math.max(w.last, r.waiting);
      }
      if (r.date > row.lastDay) row.lastDay = r.date;
    }
    if (r.intercepted !== undefined) row.intercepted = (row.intercepted ?? 0) + r.intercepted;
  }
  return groups.rows().map(({ lastDay: _lastDay, ...row }) => row);
}

/** Sums of decimals drift (187.42000000000002): keep what the data can carry. */
function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The roll-up row of each dataset that has roll-ups. */
export interface RollupRows {
  'aid-flow': AidFlowRollup;
  'crossing-status': CrossingStatusRollup;
  'facility-status': FacilityStatusRollup;
  'utility-status': UtilityStatusRollup;
  movements: MovementRollup;
  'fuel-entry': FuelEntryRollup;
  'truck-gaps': TruckGapsRollup;
}
export type RollupRow<D extends RollupDataset> = RollupRows[D];

/** What to roll up, beyond the range and resolution: aid flow's `by` and its filters. */
export interface RollupShape {
  /** Aid flow's AidFlowBy or movements' MovementsBy (ROLLUP_BY); ignored by other datasets. */
  by?: AidFlowBy | MovementsBy;
  crossingIds?: readonly string[];
  commodities?: readonly string[];
}

/**
 * The roll-up of one dataset's valid records, as the API answers it: the one function every
 * source that holds records (the mock, a file read in a worker) calls, so all agree.
 */
export function rollUpDataset<D extends RollupDataset>(
  dataset: D,
  records: readonly unknown[],
  range: { from: Day; to: Day },
  resolution: RollupResolution,
  shape: RollupShape,
  clock: { timeZone: string; now: number },
): RollupRow<D>[] {
  const crossings = shape.crossingIds?.length ? new Set(shape.crossingIds) : undefined;
  const commodities = shape.commodities?.length ? new Set(shape.commodities) : undefined;
  const picked =
    crossings || commodities
      ? records.filter((raw) => {
          const r = raw as { crossingId?: string; commodity?: string };
          if (crossings && r.crossingId !== undefined && !crossings.has(r.crossingId)) return false;
          if (commodities && dataset === 'aid-flow' && !commodities.has(r.commodity ?? ''))
            return false;
          return true;
        })
      : records;
  const rows: Record<RollupDataset, () => unknown[]> = {
    'aid-flow': () =>
      rollUpAidFlow(picked as AidFlow[], range, resolution, shape.by as AidFlowBy | undefined),
    'facility-status': () => rollUpFacilityStatus(picked as FacilityStatus[], range, resolution),
    'utility-status': () => rollUpUtilityStatus(picked as UtilityStatus[], range, resolution),
    'crossing-status': () =>
      rollUpCrossingStatus(
        picked as CrossingStatus[],
        range,
        resolution,
        clock.timeZone,
        clock.now,
      ),
    movements: () =>
      rollUpMovements(picked as Movement[], range, resolution, shape.by as MovementsBy | undefined),
    'fuel-entry': () => rollUpFuelEntry(picked as FuelEntry[], range, resolution),
    'truck-gaps': () => rollUpTruckGaps(picked as TruckGaps[], range, resolution),
  };
  return rows[dataset]() as RollupRow<D>[];
}
