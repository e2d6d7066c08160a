import { TZDate } from '@date-fns/tz';
import type { CorridorStatus, FacilityStatus, UtilityStatus } from './schemas.ts';
import type { Day } from './time.ts';
import type { Service } from './vocabulary.ts';

/**
 * The state of corridors, facilities and utilities at one moment, for the map: like
 * `crossingStatusAt`, the latest observation at or before the moment wins.
 */

/** The corridor status in force at `at`, or undefined when none was reported before it. */
export function corridorStatusAt(
  observations: readonly CorridorStatus[],
  corridorId: string,
  at: Date,
): CorridorStatus | undefined {
  return latest(
    observations.filter((o) => o.corridorId === corridorId && Date.parse(o.at) <= +at),
    (a, b) => Date.parse(a.at) - Date.parse(b.at),
  );
}

export interface WindowState {
  /** The window in force or the next one today, as "HH:MM–HH:MM"; undefined without windows. */
  window: { start: string; end: string } | undefined;
  /** True when `at` falls inside one of the daily windows (theatre time). */
  inWindow: boolean;
}

/** Whether a daily time window (theatre-local, may run past midnight) is on at `at`. */
export function windowStateAt(
  windows: readonly { start: string; end: string }[],
  at: Date,
  timeZone: string,
): WindowState {
  if (windows.length === 0) return { window: undefined, inWindow: false };
  const local = new TZDate(+at, timeZone);
  const clock = `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
  const isIn = (w: { start: string; end: string }) =>
    w.start <= w.end ? clock >= w.start && clock < w.end : clock >= w.start || clock < w.end;
  const current = windows.find(isIn);
  if (current) return { window: current, inWindow: true };
  const next = [...windows]
    .sort((a, b) => a.start.localeCompare(b.start))
    .find((w) => w.start > clock);
  return { window: next ?? windows[0], inWindow: false };
}

/** The facility's latest daily report on or before `day`. */
export function facilityStatusOn(
  reports: readonly FacilityStatus[],
  facilityId: string,
  day: Day,
): FacilityStatus | undefined {
  return latest(
    reports.filter((r) => r.facilityId === facilityId && r.date <= day),
    byDayThenReport,
  );
}

export interface UtilityLevel {
  /** value / baseline, e.g. 0.2 for water at 20 % of the pre-crisis supply. */
  ratio: number;
  record: UtilityStatus;
}

/** An area's latest level of a service against its baseline, on or before `day`. */
export function utilityLevelOn(
  records: readonly UtilityStatus[],
  areaId: string,
  service: Service,
  day: Day,
): UtilityLevel | undefined {
  const record = latest(
    records.filter(
      (r) =>
        r.areaId === areaId &&
        r.assetId === undefined &&
        r.service === service &&
        r.date <= day &&
        (r.baseline !== undefined ? r.baseline > 0 : r.unit === 'percent'),
    ),
    byDayThenReport,
  );
  if (!record) return undefined;
  const ratio = record.baseline !== undefined ? record.value / record.baseline : record.value / 100;
  return { ratio, record };
}

/** Daily records: the later day wins, then the later report about that day. */
function byDayThenReport(
  a: { date: Day; provenance: { reportedAt: string } },
  b: { date: Day; provenance: { reportedAt: string } },
): number {
  return (
    a.date.localeCompare(b.date) ||
    Date.parse(a.provenance.reportedAt) - Date.parse(b.provenance.reportedAt)
  );
}

/** The greatest item by `compare`; of equals, the last given. */
function latest<T>(items: readonly T[], compare: (a: T, b: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || compare(item, best) >= 0) best = item;
  return best;
}
