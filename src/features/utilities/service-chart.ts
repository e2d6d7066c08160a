import { placeName } from '../../domain/place-names.ts';
import { defineChart, type ChartWords } from '../../charts/chart-spec.ts';
import type { UtilityStatusRollup } from '../../domain/rollup.ts';
import { utilityLinesFromRollups } from '../../domain/rollup-series.ts';
import {
  bandsFor,
  bucketsFor,
  chooseResolution,
  dayCount,
  downsampledBuckets,
  type Bucket,
  type Resolution,
} from '../../domain/series.ts';
import type { UtilityLine, UtilityMeasure } from '../../domain/utility-series.ts';
import type { ChartTable } from '../../ui/chart/chart-model.ts';
import { seriesColour } from '../../ui/chart/palette.ts';
import { bucketIso, bucketLabel, periodLabel, tickFormatter } from '../../ui/chart/time-labels.ts';
import { formatDay, formatNumber } from '../../ui/format.ts';

const DOMAIN: Record<UtilityMeasure, [number, number]> = {
  water: [0, 100],
  power: [0, 24],
  telecom: [0, 100],
};
const HEIGHT = 150;
const DASHES = ['', '5 3', '2 2'];

interface AreaLines {
  area: { id: string; name: string };
  lines: UtilityLine[];
  buckets: Bucket[];
}

/**
 * One utility (water as % of the pre-crisis supply, hours of power a day, telecom connectivity)
 * as small multiples per governorate on a shared scale; sources told apart by dash.
 */
export const serviceChart = (measure: UtilityMeasure) =>
  defineChart({
    id: `utilities-${measure}`,
    title: `utilities.${measure}.title`,
    datasets: [],
    // A point per pixel of a small multiple at most: days, else weekly or monthly means.
    rollup: {
      dataset: 'utility-status',
      ask: (view) => ({
        resolution: view.full
          ? 'day'
          : chooseResolution(dayCount(view.range), layout(view, Infinity).maxPoints),
      }),
    },
    bands: true,
    urlPrefix: `utilities-${measure}`,
    options: {},
    renderer: 'multiples',
    build({ theatre, rollup, events }, view) {
      const { t, locale, range, filters } = view;
      const areas = theatre.areas.map((a) => ({ id: a.id, name: placeName(a.names, locale) }));
      const { columnWidth, maxPoints } = layout(view, areas.length);
      const resolution = rollup?.resolution ?? 'day';
      const lines = utilityLinesFromRollups(
        (rollup?.rows ?? []) as readonly UtilityStatusRollup[],
        range,
        measure,
        filters,
      );
      const sources = [...new Set(lines.map((l) => l.sourceId))].sort();
      const perArea = perAreaOf(areas, lines, range, maxPoints, resolution);
      const bandsByArea = perArea.map((p) => bandsFor(events, p.buckets, view.timeZone));
      const unit = t(`utilities.unit.${measure}`);
      const value = valueOf(measure, view);
      const lineName = (l: UtilityLine) =>
        sources.length > 1 ? view.sourceName(l.sourceId) : unit;
      return {
        subtitle: t('utilities.chartSubtitle', {
          unit,
          period: periodLabel(range, t, locale),
          resolution: t(`chart.resolution.${resolution}`),
        }),
        legend: sources.map((s, i) => ({
          label: view.sourceName(s),
          colour: seriesColour(0),
          dash: DASHES[i % DASHES.length],
          shape: 'line' as const,
        })),
        notes: [
          ...(resolution !== 'day'
            ? [t(`chart.note.rolledUp.${resolution}`)]
            : dayCount(range) > maxPoints
              ? [t('chart.note.downsampled')]
              : []),
          t('chart.note.gaps'),
          ...(measure === 'water' ? [t('utilities.water.note')] : []),
        ],
        bands: bandsByArea.flat(),
        shares: lines.shares ?? [],
        table: tableOf(perArea, sources, unit, value, view, resolution),
        hasData: lines.length > 0,
        height: HEIGHT,
        plot: {
          kind: 'multiples',
          columnWidth,
          items: perArea.map((p, ai) => ({
            id: p.area.id,
            title: p.area.name,
            empty: p.lines.length === 0,
            chart: {
              height: HEIGHT,
              rows: p.buckets.map((b) => ({
                key: b.key,
                ...Object.fromEntries(p.lines.map((l, li) => [`l${li}`, l.daily[b.start] ?? null])),
              })),
              lines: p.lines.map((l, li) => ({
                dataKey: `l${li}`,
                name: lineName(l),
                colour: seriesColour(0),
                dash: DASHES[sources.indexOf(l.sourceId) % DASHES.length],
                width: 1.5,
              })),
              bands: bandsByArea[ai],
              bandLabel: () => '',
              tickFormat: tickFormatter(resolution, locale, range),
              // The data's precision (tenths of an hour of power, whole percent), not 39.758.
              valueFormat: (v: number) =>
                formatNumber(v, locale, { maximumFractionDigits: measure === 'power' ? 1 : 0 }),
              yDomain: DOMAIN[measure],
              compact: true,
              describe: (key: string) => {
                const b = p.buckets.find((x) => x.key === key);
                return b
                  ? {
                      title: `${p.area.name}, ${
                        resolution === 'day'
                          ? formatDay(b.from, locale)
                          : bucketLabel(b, resolution, t, locale)
                      }`,
                      lines: p.lines.map((l) => ({
                        label: lineName(l),
                        value: value(l.daily[b.start]),
                      })),
                    }
                  : undefined;
              },
            },
          })),
        },
      };
    },
  });

export const waterChart = serviceChart('water');
export const powerChart = serviceChart('power');
export const telecomChart = serviceChart('telecom');

const valueOf =
  (measure: UtilityMeasure, { t, locale }: Pick<ChartWords, 't' | 'locale'>) =>
  (v: number | null | undefined) =>
    v == null
      ? t('chart.noReport')
      : formatNumber(v, locale, { maximumFractionDigits: measure === 'power' ? 1 : 0 });

/** Columns of small multiples for the chart's width, and the points each has room for. */
function layout(view: { width: number; full: boolean }, areaCount: number) {
  const columns = Math.max(1, Math.min(areaCount || 1, Math.floor(view.width / 230)));
  const columnWidth = Math.floor((view.width - (columns - 1) * 12) / columns);
  return { columnWidth, maxPoints: view.full ? Infinity : Math.max(20, columnWidth - 40) };
}

/**
 * Each governorate's lines and the buckets its multiple draws: the days (all of them up to
 * `maxPoints`, else the days that keep peaks and troughs), or the weeks or months rolled up.
 */
function perAreaOf(
  areas: readonly { id: string; name: string }[],
  lines: readonly UtilityLine[],
  range: { from: string; to: string },
  maxPoints: number,
  resolution: Resolution,
): AreaLines[] {
  const rolled = resolution === 'day' ? undefined : bucketsFor(range, resolution);
  return areas.map((area) => {
    const mine = lines.filter((l) => l.areaId === area.id);
    const buckets =
      rolled ??
      downsampledBuckets(
        range,
        mine.map((l) => l.daily),
        maxPoints,
      );
    return { area, lines: mine, buckets };
  });
}

/** Every day kept in any multiple, one column per governorate (and source). */
function tableOf(
  parts: readonly AreaLines[],
  sourceIds: readonly string[],
  unit: string,
  value: (v: number | null | undefined) => string,
  { t, locale, sourceName }: ChartWords,
  resolution: Resolution,
): ChartTable {
  const columns = parts.flatMap((p) => p.lines.map((l) => ({ p, l })));
  const days = [...new Set(parts.flatMap((p) => p.buckets.map((b) => b.start)))].sort(
    (a, b) => a - b,
  );
  return {
    caption: t('utilities.caption', { unit }),
    columns: [
      { label: t(`chart.col.${resolution}`) },
      ...columns.map(({ p, l }) => ({
        label: sourceIds.length > 1 ? `${p.area.name} — ${sourceName(l.sourceId)}` : p.area.name,
        numeric: true,
        unit,
      })),
    ],
    rows: days.map((i) => {
      const b = parts
        .find((p) => p.buckets.some((x) => x.start === i))!
        .buckets.find((x) => x.start === i)!;
      return {
        key: b.key,
        header:
          resolution === 'day' ? formatDay(b.from, locale) : bucketLabel(b, resolution, t, locale),
        iso: resolution === 'day' ? b.from : bucketIso(b, resolution),
        cells: columns.map(({ l }) => value(l.daily[i])),
        values: columns.map(({ l }) => l.daily[i] ?? null),
      };
    }),
  };
}
