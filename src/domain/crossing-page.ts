/**
 * What a crossing's own page shows, as pure functions over roll-up rows and a few days of
 * records (issue 14): each source's status over time and the days sources disagree, the gaps
 * between stages per source (waiting is a stock, never summed), corridors' windows now, the
 * events at the crossing and the latest reports about it. Sources are never merged or averaged.
 */
import { matchesFilters, type Filters } from './filters.ts';
import { daysInMask, type CrossingStatusRollup, type TruckGapsRollup } from './rollup.ts';
import type {
  AidFlow,
  Corridor,
  CorridorStatus,
  CrossingStatus,
  TheatreEvent,
  TruckGaps,
} from './schemas.ts';
import type { Bucket, Series } from './series.ts';
import type { Day } from './time.ts';
import {
  CROSSING_STATES,
  VERIFICATIONS,
  type CrossingState,
  type Verification,
} from './vocabulary.ts';

/** Whether the verification filter lets a level through (empty: every level). */
const levelShown = (level: Verification, filters: Pick<Filters, 'verification'>) =>
  filters.verification.length === 0 || filters.verification.includes(level);

/** The bucket index of each row's `bucket`, for the buckets of a range. */
function bucketLookup(buckets: readonly Bucket[]): (day: Day) => number {
  const at = new Map(buckets.map((b, i) => [b.from, i]));
  return (day) => at.get(day) ?? -1;
}

/** What one source at one verification level said about a bucket: the state it held longest. */
export interface LaneCell {
  state: CrossingState;
  /** Share of the bucket's time (0–1) in that state; the rest was other states or unreported. */
  share: number;
}

/** One source at one verification level: its reported state per bucket (null: nothing said). */
export interface StatusLane {
  id: string;
  sourceId: string;
  verification: Verification;
  cells: (LaneCell | null)[];
  records: number;
}

/** A bucket on which sources reported different states. */
export interface StatusDisagreement {
  bucket: Bucket;
  /** Each source's state on that bucket (the level it held longest when it has several). */
  states: { sourceId: string; verification: Verification; state: CrossingState; share: number }[];
}

export interface StatusHistory {
  lanes: StatusLane[];
  disagreements: StatusDisagreement[];
  /** Per bucket: true when two sources disagree (the disagreement lane). */
  disagree: boolean[];
}

/** The state held longest in a roll-up row's shares; unreported time does not count. */
export function heldState(
  shares: CrossingStatusRollup['shares'],
): { state: CrossingState; share: number } | undefined {
  let best: { state: CrossingState; share: number } | undefined;
  for (const state of CROSSING_STATES) {
    const share = shares[state] ?? 0;
    if (share > 0 && (!best || share > best.share)) best = { state, share };
  }
  return best;
}

/**
 * Each source's (and verification level's) status per bucket from crossing-status roll-up rows
 * of one crossing, and the buckets on which two sources held different states. Lanes are in
 * order of source, then verification level.
 */
export function statusHistory(
  rows: readonly CrossingStatusRollup[],
  buckets: readonly Bucket[],
  filters: Pick<Filters, 'verification'>,
): StatusHistory {
  const bucketOf = bucketLookup(buckets);
  const lanes = new Map<string, StatusLane>();
  for (const row of rows) {
    if (!levelShown(row.verification, filters)) continue;
    const i = bucketOf(row.bucket);
    if (i < 0) continue;
    const held = heldState(row.shares);
    if (!held) continue;
    const id = `${row.sourceId}|${row.verification}`;
    let lane = lanes.get(id);
    if (!lane) {
      lane = {
        id,
        sourceId: row.sourceId,
        verification: row.verification,
        cells: new Array<LaneCell | null>(buckets.length).fill(null),
        records: 0,
      };
      lanes.set(id, lane);
    }
    lane.cells[i] = held;
    lane.records += row.records;
  }
  const ordered = [...lanes.values()].sort(
    (a, b) =>
      a.sourceId.localeCompare(b.sourceId) ||
      VERIFICATIONS.indexOf(a.verification) - VERIFICATIONS.indexOf(b.verification),
  );
  const disagreements: StatusDisagreement[] = [];
  const disagree = buckets.map((bucket, i) => {
    // One state per source: its level that held a state longest on the bucket.
    const bySource = new Map<string, StatusDisagreement['states'][number]>();
    for (const lane of ordered) {
      const cell = lane.cells[i];
      if (!cell) continue;
      const kept = bySource.get(lane.sourceId);
      if (!kept || cell.share > kept.share)
        bySource.set(lane.sourceId, {
          sourceId: lane.sourceId,
          verification: lane.verification,
          ...cell,
        });
    }
    const states = [...bySource.values()];
    const differ = states.length > 1 && states.some((s) => s.state !== states[0]!.state);
    if (differ) disagreements.push({ bucket, states });
    return differ;
  });
  return { lanes: ordered, disagreements, disagree };
}

/** Consecutive buckets of a lane in the same state, drawn as one span. */
export interface StateRun {
  state: CrossingState;
  /** Indices of the first and last bucket of the run. */
  first: number;
  last: number;
}

/** A lane's runs of equal states; buckets with nothing reported break a run. */
export function stateRuns(cells: readonly (LaneCell | null)[]): StateRun[] {
  const runs: StateRun[] = [];
  cells.forEach((cell, i) => {
    if (!cell) return;
    const open = runs.at(-1);
    if (open && open.state === cell.state && open.last === i - 1) open.last = i;
    else runs.push({ state: cell.state, first: i, last: i });
  });
  return runs;
}

/** Per source: trucks waiting for collection and intercepted per bucket. */
export interface GapSeries {
  sourceId: string;
  /** Waiting at the end of the bucket's last reported day (a stock: never summed). */
  waitingLast: Series;
  /** The most waiting on any day of the bucket. */
  waitingMax: Series;
  /** Intercepted on the route, summed over the bucket's days. */
  intercepted: Series;
  /** Days reported per bucket (the OR of the rows' day masks). */
  reported: number[];
  records: number;
}

/** The last day a row's day mask marks, as an index into its bucket (−1: none). */
function lastDayIndex(mask: number): number {
  return mask === 0 ? -1 : 31 - Math.clz32(mask >>> 0);
}

/**
 * Truck gaps per source from truck-gaps roll-up rows of one crossing. A source's verification
 * levels are merged the way a stock must be: the waiting figure of the latest reported day (the
 * larger if two levels said that day), the largest of the maxima; intercepted trucks (a flow)
 * are added up within the source. Sources stay apart.
 */
export function gapSeries(
  rows: readonly TruckGapsRollup[],
  buckets: readonly Bucket[],
  filters: Pick<Filters, 'verification'>,
): GapSeries[] {
  const bucketOf = bucketLookup(buckets);
  const n = buckets.length;
  const out = new Map<string, GapSeries & { lastDay: number[]; masks: number[] }>();
  for (const row of rows) {
    if (!levelShown(row.verification, filters)) continue;
    const i = bucketOf(row.bucket);
    if (i < 0) continue;
    let s = out.get(row.sourceId);
    if (!s) {
      s = {
        sourceId: row.sourceId,
        waitingLast: new Array<number | null>(n).fill(null),
        waitingMax: new Array<number | null>(n).fill(null),
        intercepted: new Array<number | null>(n).fill(null),
        reported: new Array<number>(n).fill(0),
        records: 0,
        lastDay: new Array<number>(n).fill(-1),
        masks: new Array<number>(n).fill(0),
      };
      out.set(row.sourceId, s);
    }
    s.records += row.records;
    s.masks[i] = (s.masks[i]! | row.dayMask) >>> 0;
    s.reported[i] = daysInMask(s.masks[i]!);
    if (row.waiting) {
      const day = lastDayIndex(row.dayMask);
      const last = s.waitingLast[i];
      if (last == null || day > s.lastDay[i]!) {
        s.waitingLast[i] = row.waiting.last;
        s.lastDay[i] = day;
      } else if (day === s.lastDay[i]) s.waitingLast[i] = Math.max(last, row.waiting.last);
      s.waitingMax[i] = Math.max(s.waitingMax[i] ?? 0, row.waiting.max);
    }
    if (row.intercepted !== undefined) s.intercepted[i] = (s.intercepted[i] ?? 0) + row.intercepted;
  }
  return [...out.values()]
    .sort((a, b) => a.sourceId.localeCompare(b.sourceId))
    .map(({ lastDay: _lastDay, masks: _masks, ...s }) => s);
}

/** A source's latest status observation of the crossing at or before a moment. */
export function statusPerSource(
  observations: readonly CrossingStatus[],
  crossingId: string,
  at: Date,
): CrossingStatus[] {
  const latest = new Map<string, CrossingStatus>();
  for (const o of observations) {
    if (o.crossingId !== crossingId || Date.parse(o.at) > +at) continue;
    const kept = latest.get(o.provenance.sourceId);
    if (!kept || Date.parse(o.at) >= Date.parse(kept.at)) latest.set(o.provenance.sourceId, o);
  }
  return [...latest.values()].sort((a, b) =>
    a.provenance.sourceId.localeCompare(b.provenance.sourceId),
  );
}

/** Each corridor's latest status per source at a moment, in the theatre's order of corridors. */
export function corridorStatusesAt(
  corridors: readonly Corridor[],
  observations: readonly CorridorStatus[],
  at: Date,
): { corridor: Corridor; reports: CorridorStatus[] }[] {
  return corridors.map((corridor) => {
    const latest = new Map<string, CorridorStatus>();
    for (const o of observations) {
      if (o.corridorId !== corridor.id || Date.parse(o.at) > +at) continue;
      const kept = latest.get(o.provenance.sourceId);
      if (!kept || Date.parse(o.at) >= Date.parse(kept.at)) latest.set(o.provenance.sourceId, o);
    }
    return {
      corridor,
      reports: [...latest.values()].sort((a, b) =>
        a.provenance.sourceId.localeCompare(b.provenance.sourceId),
      ),
    };
  });
}

/** The events that name this crossing, latest start first. */
export function eventsAtCrossing(
  events: readonly TheatreEvent[],
  crossingId: string,
): TheatreEvent[] {
  return events
    .filter((e) => e.crossingIds.includes(crossingId))
    .sort((a, b) => Date.parse(b.start) - Date.parse(a.start) || a.id.localeCompare(b.id));
}

/** One report about the crossing: a status observation, an aid-flow figure or truck gaps. */
export type CrossingReport =
  | { kind: 'status'; key: string; reportedAt: string; record: CrossingStatus }
  | { kind: 'aid-flow'; key: string; reportedAt: string; record: AidFlow }
  | { kind: 'truck-gaps'; key: string; reportedAt: string; record: TruckGaps };

/**
 * The reports about one crossing, newest report first (by the time the source reported it;
 * then by the time or day reported on), passing the filters. Nothing is merged: each record is
 * one report with its own publisher and verification.
 */
export function crossingReports(
  crossingId: string,
  records: {
    statuses: readonly CrossingStatus[];
    flows: readonly AidFlow[];
    gaps: readonly TruckGaps[];
  },
  filters: Filters,
): CrossingReport[] {
  const mine = <R extends { crossingId: string }>(r: R) => r.crossingId === crossingId;
  const passes = (r: Parameters<typeof matchesFilters>[0]) =>
    matchesFilters(r, { ...filters, crossings: [] });
  const out: (CrossingReport & { about: string })[] = [
    ...records.statuses
      .filter(mine)
      .filter(passes)
      .map((record) => ({
        kind: 'status' as const,
        key: `s|${record.provenance.sourceId}|${record.at}|${record.provenance.reportedAt}`,
        reportedAt: record.provenance.reportedAt,
        about: record.at,
        record,
      })),
    ...records.flows
      .filter(mine)
      .filter(passes)
      .map((record) => ({
        kind: 'aid-flow' as const,
        key: `f|${record.provenance.sourceId}|${record.date}|${record.commodity}|${record.stage}|${record.provenance.reportedAt}`,
        reportedAt: record.provenance.reportedAt,
        about: record.date,
        record,
      })),
    ...records.gaps
      .filter(mine)
      .filter(passes)
      .map((record) => ({
        kind: 'truck-gaps' as const,
        key: `g|${record.provenance.sourceId}|${record.date}|${record.provenance.reportedAt}`,
        reportedAt: record.provenance.reportedAt,
        about: record.date,
        record,
      })),
  ];
  out.sort(
    (a, b) =>
      Date.parse(b.reportedAt) - Date.parse(a.reportedAt) ||
      b.about.localeCompare(a.about) ||
      a.key.localeCompare(b.key),
  );
  // Two identical records (a source sending one twice) are one report.
  const seen = new Set<string>();
  return out
    .filter((r) => (seen.has(r.key) ? false : (seen.add(r.key), true)))
    .map(({ about: _about, ...r }) => r as CrossingReport);
}
