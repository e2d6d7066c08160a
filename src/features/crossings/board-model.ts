import { truckCountsForCrossing, type TruckCount } from '../../domain/aid-flow.ts';
import { crossingStatusAt, type CrossingStatusNow } from '../../domain/crossing-status.ts';
import type { AidFlow, Crossing, CrossingStatus } from '../../domain/schemas.ts';
import { shiftDay, theatreDay, type Day } from '../../domain/time.ts';

export interface BoardRow {
  crossing: Crossing;
  status: CrossingStatusNow;
  /** Entered and collected counts per source; delivered is for the detail view. */
  trucks: TruckCount[];
  /** The newest report of any kind about this crossing. */
  lastReportAt: string | undefined;
  /**
   * Each source's latest status report at or before now: the one in force first, then the
   * others newest first. Every status shown names its source and time from here.
   */
  statusBySource: CrossingStatus[];
  /** Status reports over the last 7 days, newest first, for the detail view. */
  history: CrossingStatus[];
  /** The theatre-local day the counts call today. */
  today: Day;
}

/**
 * The days the board asks the source for. It is computed from UTC so that the requests can
 * go out before the theatre (and its time zone) has loaded: no zone is more than a day away
 * from UTC, so one extra day on each side always covers the theatre's last 7 days.
 */
export function boardFetchRange(now: Date): { from: Day; to: Day } {
  const utcToday = now.toISOString().slice(0, 10);
  return { from: shiftDay(utcToday, -7), to: shiftDay(utcToday, 1) };
}

export function buildBoardRows(
  crossings: readonly Crossing[],
  statuses: readonly CrossingStatus[],
  flows: readonly AidFlow[],
  now: Date,
  timeZone: string,
): BoardRow[] {
  const today = theatreDay(now, timeZone);
  const weekStart = Date.parse(`${shiftDay(today, -7)}T00:00:00Z`);
  return crossings.map((crossing) => {
    const status = crossingStatusAt(statuses, crossing.id, now);
    const trucks = truckCountsForCrossing(flows, crossing.id, today).filter(
      (c) => c.stage !== 'delivered',
    );
    const times = [
      status.latest?.provenance.reportedAt,
      ...trucks.map((c) => c.lastReportedAt),
    ].filter((x): x is string => x !== undefined);
    const lastReportAt = times.sort((a, b) => Date.parse(b) - Date.parse(a))[0];
    const history = statuses
      .filter(
        (s) =>
          s.crossingId === crossing.id && Date.parse(s.at) >= weekStart && Date.parse(s.at) <= +now,
      )
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    return {
      crossing,
      status,
      statusBySource: latestPerSource(statuses, crossing.id, now, status.latest),
      trucks,
      lastReportAt,
      history,
      today,
    };
  });
}

/** Each source's latest report about the crossing at or before `now`: in force first, then newest. */
function latestPerSource(
  statuses: readonly CrossingStatus[],
  crossingId: string,
  now: Date,
  inForce: CrossingStatus | undefined,
): CrossingStatus[] {
  const latest = new Map<string, CrossingStatus>();
  for (const s of statuses) {
    if (s.crossingId !== crossingId || Date.parse(s.at) > +now) continue;
    const seen = latest.get(s.provenance.sourceId);
    if (!seen || Date.parse(s.at) >= Date.parse(seen.at)) latest.set(s.provenance.sourceId, s);
  }
  const rank = (s: CrossingStatus) => (s === inForce ? 1 : 0);
  return [...latest.values()].sort(
    (a, b) => rank(b) - rank(a) || Date.parse(b.at) - Date.parse(a.at),
  );
}
