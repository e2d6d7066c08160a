import { crossingStatusAt } from './crossing-status.ts';
import { matchesFilters, type Filters } from './filters.ts';
import type { CrossingStatus, FacilityStatus, UtilityStatus } from './schemas.ts';
import { dayCount, dailyByKey } from './series.ts';
import type { Day } from './time.ts';
import type { Service } from './vocabulary.ts';

/**
 * The headline figures: one value per source (sources are compared, never merged), for the
 * selected period and the one before it.
 */
export interface SourceFigure {
  sourceId: string;
  value: number | null;
  /** What the value is out of (crossings observed, facilities reporting), when it is a count. */
  of?: number;
  /** For counts of facilities: how many of the functional ones are fully functional. */
  detail?: number;
}

/** Per source: crossings whose latest status from that source at `at` is open. */
export function openCrossingsAt(
  statuses: readonly CrossingStatus[],
  crossingIds: readonly string[],
  at: Date,
  filters: Filters,
): SourceFigure[] {
  const bySource = new Map<string, CrossingStatus[]>();
  for (const s of statuses) {
    if (!matchesFilters(s, filters)) continue;
    const list = bySource.get(s.provenance.sourceId) ?? [];
    list.push(s);
    bySource.set(s.provenance.sourceId, list);
  }
  const ids = filters.crossings.length
    ? crossingIds.filter((id) => filters.crossings.includes(id))
    : crossingIds;
  return [...bySource.entries()]
    .map(([sourceId, list]) => {
      let open = 0;
      let observed = 0;
      for (const id of ids) {
        const now = crossingStatusAt(list, id, at);
        if (!now.latest) continue;
        observed++;
        if (now.state === 'open') open++;
      }
      return { sourceId, value: observed ? open : null, of: observed };
    })
    .sort((a, b) => a.sourceId.localeCompare(b.sourceId));
}

/**
 * Per source: facilities fully or partly functional in their latest report on or before `day`
 * (reports older than `maxAgeDays` are too old to count), out of the facilities reporting.
 */
/** A facility report older than this many days no longer says whether it is functional. */
export const FUNCTIONAL_MAX_AGE_DAYS = 7;

export function functionalFacilitiesAt(
  reports: readonly FacilityStatus[],
  day: Day,
  filters: Filters,
  maxAgeDays = FUNCTIONAL_MAX_AGE_DAYS,
): SourceFigure[] {
  const latest = new Map<string, FacilityStatus>();
  for (const r of reports) {
    if (r.date > day || !matchesFilters(r, filters)) continue;
    if (dayCount({ from: r.date, to: day }) > maxAgeDays) continue;
    const key = `${r.provenance.sourceId}\u0000${r.facilityId}`;
    const prev = latest.get(key);
    if (!prev || prev.date < r.date) latest.set(key, r);
  }
  const bySource = new Map<string, SourceFigure>();
  for (const r of latest.values()) {
    const f = bySource.get(r.provenance.sourceId) ?? {
      sourceId: r.provenance.sourceId,
      value: 0,
      of: 0,
      detail: 0,
    };
    f.of! += 1;
    if (r.functionality === 'full' || r.functionality === 'partial') f.value! += 1;
    if (r.functionality === 'full') f.detail! += 1;
    bySource.set(r.provenance.sourceId, f);
  }
  return [...bySource.values()].sort((a, b) => a.sourceId.localeCompare(b.sourceId));
}

/**
 * Per source: the average over the days of a range of a service across governorates.
 * Water: supply as a share of the pre-crisis baseline (sum of supply over sum of baselines of
 * the governorates reporting that day). Power: hours per day, averaged over governorates.
 * Records of single assets (a desalination plant) are left out: they are part of their area.
 */
export function utilityAverage(
  records: readonly UtilityStatus[],
  range: { from: Day; to: Day },
  service: Extract<Service, 'water' | 'power' | 'telecom'>,
  filters: Filters,
): SourceFigure[] {
  const mine = records.filter(
    (r) =>
      r.service === service &&
      r.assetId === undefined &&
      r.areaId !== undefined &&
      matchesFilters(r, filters),
  );
  const days = (value: (r: UtilityStatus) => number | undefined, combine: 'sum' | 'mean') =>
    dailyByKey(
      mine,
      range,
      (r) => r.date,
      (r) => r.provenance.sourceId,
      value,
      combine,
    );
  const mean = (s: (number | null)[]) => {
    const reported = s.filter((v): v is number => v !== null);
    return reported.length ? reported.reduce((a, b) => a + b, 0) / reported.length : null;
  };
  if (service === 'power' || service === 'telecom')
    return [...days((r) => r.value, 'mean').entries()]
      .map(([sourceId, s]) => ({ sourceId, value: mean(s) }))
      .sort((a, b) => a.sourceId.localeCompare(b.sourceId));
  const withBaseline = (r: UtilityStatus) => (r.baseline ? r : undefined);
  const supply = days((r) => withBaseline(r)?.value, 'sum');
  const baseline = days((r) => withBaseline(r)?.baseline, 'sum');
  return [...supply.entries()]
    .map(([sourceId, s]) => {
      const b = baseline.get(sourceId)!;
      return { sourceId, value: mean(s.map((v, i) => (v === null || !b[i] ? null : v / b[i]!))) };
    })
    .sort((a, b) => a.sourceId.localeCompare(b.sourceId));
}
