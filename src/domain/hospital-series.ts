import { matchesFilters, type Filters } from './filters.ts';
import type { FacilityStatus } from './schemas.ts';
import {
  bucketsFor,
  dayCount,
  dailyByKey,
  reportedDays,
  rollUp,
  type Bucket,
  type Resolution,
  type Series,
} from './series.ts';
import type { Day } from './time.ts';
import { FUNCTIONALITIES, type Functionality } from './vocabulary.ts';

export interface HospitalSeries {
  resolution: Resolution;
  buckets: Bucket[];
  /** Facilities per functionality level per bucket (per-day average when rolled up). */
  functionality: Record<Functionality, Series>;
  bedsAvailable: Series;
  bedsOccupied: Series;
  /** Days with any facility report, per bucket. */
  reported: number[];
  recordCount: number;
}

/**
 * Facilities by functionality and beds over time. On a day some facilities reported, a level
 * nobody reported is a real zero; on a day nobody reported, every level is a gap.
 */
export function hospitalSeries(
  reports: readonly FacilityStatus[],
  range: { from: Day; to: Day },
  filters: Filters,
  resolution: Resolution,
): HospitalSeries {
  const mine = reports.filter((r) => matchesFilters(r, filters));
  const buckets = bucketsFor(range, resolution);
  const n = dayCount(range);
  const byLevel = dailyByKey(
    mine,
    range,
    (r) => r.date,
    (r) => r.functionality,
    () => 1,
  );
  const any =
    dailyByKey(
      mine,
      range,
      (r) => r.date,
      () => 'all',
      () => 1,
    ).get('all') ?? new Array(n).fill(null);
  const beds = (field: 'bedsAvailable' | 'bedsOccupied') =>
    dailyByKey(
      mine,
      range,
      (r) => r.date,
      () => 'all',
      (r) => r[field],
    ).get('all') ?? new Array(n).fill(null);
  const functionality = Object.fromEntries(
    FUNCTIONALITIES.map((level) => {
      const daily = byLevel.get(level);
      const filled = any.map((v, i) => (v === null ? null : (daily?.[i] ?? 0)));
      return [level, rollUp(filled, buckets, 'mean')];
    }),
  ) as Record<Functionality, Series>;
  return {
    resolution,
    buckets,
    functionality,
    bedsAvailable: rollUp(beds('bedsAvailable'), buckets, 'mean'),
    bedsOccupied: rollUp(beds('bedsOccupied'), buckets, 'mean'),
    reported: reportedDays(any, buckets),
    recordCount: mine.length,
  };
}

/** A fuel stock older than this many days is too old to show as the current one. */
export const FUEL_MAX_AGE_DAYS = 7;

export interface FuelStock {
  facilityId: string;
  fuelDays: number;
  date: Day;
  sourceId: string;
  functionality: Functionality;
}

/**
 * Each facility's latest fuel stock reported on or before `day` (at most `maxAgeDays` old),
 * lowest first. Facilities with no recent figure are returned apart, never as zero.
 */
export function fuelStocks(
  reports: readonly FacilityStatus[],
  facilityIds: readonly string[],
  day: Day,
  filters: Filters,
  maxAgeDays = FUEL_MAX_AGE_DAYS,
): { stocks: FuelStock[]; missing: string[] } {
  const latest = new Map<string, FacilityStatus>();
  for (const r of reports) {
    if (r.fuelDays === undefined || r.date > day || !matchesFilters(r, filters)) continue;
    if (dayCount({ from: r.date, to: day }) > maxAgeDays) continue;
    const prev = latest.get(r.facilityId);
    if (!prev || prev.date < r.date) latest.set(r.facilityId, r);
  }
  const stocks = [...latest.values()]
    .map((r) => ({
      facilityId: r.facilityId,
      fuelDays: r.fuelDays!,
      date: r.date,
      sourceId: r.provenance.sourceId,
      functionality: r.functionality,
    }))
    .sort((a, b) => a.fuelDays - b.fuelDays || a.facilityId.localeCompare(b.facilityId));
  return { stocks, missing: facilityIds.filter((id) => !latest.has(id)) };
}
