import type { ChartData, ChartView, ChartWords, RollupAsk } from '../../charts/chart-spec.ts';
import type { OptionsSpec } from '../../domain/chart-options.ts';
import type { FacilityStatusRollup } from '../../domain/rollup.ts';
import { hospitalSeriesFromRollups } from '../../domain/rollup-series.ts';
import { chooseResolution, dayCount } from '../../domain/series.ts';
import { matchesFilters, type Filters } from '../../domain/filters.ts';
import { sourceShares } from '../../domain/provenance.ts';
import type { FacilityStatus } from '../../domain/schemas.ts';
import type { Bucket, Resolution } from '../../domain/series.ts';
import { bucketLabel } from '../../ui/chart/time-labels.ts';
import type { TooltipLine } from '../../ui/chart/recharts-parts.tsx';
import type { FUNCTIONALITIES } from '../../domain/vocabulary.ts';
import { formatNumber } from '../../ui/format.ts';

/** Below this many days of generator fuel, a facility is about to stop. */
export const CRITICAL_FUEL_DAYS = 3;
export const HEIGHT = 260;

/** What the three hospital charts say alike: levels, numbers, their sources, the usual notes. */
export function hospitalWords({ t, locale }: Pick<ChartWords, 't' | 'locale'>) {
  return {
    level: (l: (typeof FUNCTIONALITIES)[number]) => t(`hospitals.level.${l}`),
    num: (v: number | null | undefined, digits = 0) =>
      v == null ? t('chart.noReport') : formatNumber(v, locale, { maximumFractionDigits: digits }),
    notes: (resolution: Resolution) => [
      ...(resolution !== 'day' ? [t(`chart.note.rolledUp.${resolution as 'week'}`)] : []),
      t('chart.note.gaps'),
    ],
  };
}

/** Who reported the facilities shown, with the verification mix. */
export const hospitalShares = (reports: readonly FacilityStatus[], filters: Filters) =>
  sourceShares(reports.filter((r) => matchesFilters(r, filters)));

/** A time chart's tooltip: the bucket in words, then a line per series at that bucket. */
export function bucketTooltip(
  s: { buckets: readonly Bucket[]; resolution: Resolution },
  { t, locale }: Pick<ChartWords, 't' | 'locale'>,
  lines: (i: number) => TooltipLine[],
) {
  return (key: string) => {
    const i = s.buckets.findIndex((b) => b.key === key);
    const b = s.buckets[i];
    return b ? { title: bucketLabel(b, s.resolution, t, locale), lines: lines(i) } : undefined;
  };
}

/**
 * A hospital chart's roll-up: facility status at the finest resolution its width can draw
 * (`maxBuckets` of the width), daily for the full-range CSV.
 */
export const facilityRollup = (maxBuckets: (width: number) => number) => ({
  dataset: 'facility-status' as const,
  ask: (view: Pick<ChartView<OptionsSpec>, 'full' | 'range' | 'width'>): RollupAsk => ({
    resolution: view.full ? 'day' : chooseResolution(dayCount(view.range), maxBuckets(view.width)),
  }),
});

/** The series a hospital chart draws, from its roll-up's rows. */
export function facilitySeries(
  rollup: ChartData<never>['rollup'],
  { range, filters }: Pick<ChartView<OptionsSpec>, 'range' | 'filters'>,
) {
  return hospitalSeriesFromRollups(
    (rollup?.rows ?? []) as readonly FacilityStatusRollup[],
    range,
    filters,
    rollup?.resolution ?? 'day',
  );
}
