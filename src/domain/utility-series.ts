import { matchesFilters, type Filters } from './filters.ts';
import type { UtilityStatus } from './schemas.ts';
import { dailyByKey, type Series } from './series.ts';
import type { Day } from './time.ts';
import type { Service } from './vocabulary.ts';

export type UtilityMeasure = Extract<Service, 'water' | 'power' | 'telecom'>;

/** One line of a small multiple: what one source says of one governorate, per day. */
export interface UtilityLine {
  areaId: string;
  sourceId: string;
  /** Water: % of the pre-crisis supply; power: hours per day; telecom: % connectivity. */
  daily: Series;
}

/**
 * Per governorate and source, the daily figure of a service. Water is turned into a share of
 * its pre-crisis baseline (a record without a baseline cannot be, and is left out). Single
 * assets (a desalination plant) are left out: they are part of their governorate's figure.
 */
export function utilityLines(
  records: readonly UtilityStatus[],
  range: { from: Day; to: Day },
  service: UtilityMeasure,
  filters: Filters,
): UtilityLine[] {
  const mine = records.filter(
    (r) =>
      r.service === service &&
      r.assetId === undefined &&
      r.areaId !== undefined &&
      matchesFilters(r, filters),
  );
  const daily = dailyByKey(
    mine,
    range,
    (r) => r.date,
    (r) => `${r.areaId}\u0000${r.provenance.sourceId}`,
    (r) =>
      service === 'water' ? (r.baseline ? (100 * r.value) / r.baseline : undefined) : r.value,
    'mean',
  );
  return [...daily.entries()].map(([key, s]) => {
    const [areaId, sourceId] = key.split('\u0000') as [string, string];
    return { areaId, sourceId, daily: s };
  });
}
