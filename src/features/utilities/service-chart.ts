import { placeName } from '../../domain/place-names.ts';
import { defineChart, type ChartWords } from '../../charts/chart-spec.ts';
import { matchesFilters } from '../../domain/filters.ts';
import { sourceShares } from '../../domain/provenance.ts';
import { bandsFor, dayCount, downsampledBuckets, type Bucket } from '../../domain/series.ts';
import {
  utilityLines,
  type UtilityLine,
  type UtilityMeasure,
} from '../../domain/utility-series.ts';
import type { ChartTable } from '../../ui/chart/chart-model.ts';
import { seriesColour } from '../../ui/chart/palette.ts';
import { periodLabel, tickFormatter } from '../../ui/chart/time-labels.ts';
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
    datasets: ['utility-status'],
    bands: true,
    urlPrefix: `utilities-${measure}`,
    options: {},
    renderer: 'multiples',
    build({ theatre, records, events }, view) {
      const { t, locale, range, filters, width } = view;
      const areas = theatre.areas.map((a) => ({ id: a.id, name: placeName(a.names, locale) }));
      const columns = Math.max(1, Math.min(areas.length || 1, Math.floor(width / 230)));
      const columnWidth = Math.floor((width - (columns - 1) * 12) / columns);
      const maxPoints = view.full ? Infinity : Math.max(20, columnWidth - 40);
      const all = records['utility-status'];
      const lines = utilityLines(all, range, measure, filters);
      const sources = [...new Set(lines.map((l) => l.sourceId))].sort();
      const perArea = perAreaOf(areas, lines, range, maxPoints);
      const bandsByArea = perArea.map((p) => bandsFor(events, p.buckets, view.timeZone));
      const unit = t(`utilities.unit.${measure}`);
      const value = valueOf(measure, view);
      const lineName = (l: UtilityLine) =>
        sources.length > 1 ? view.sourceName(l.sourceId) : unit;
      return {
        subtitle: t('utilities.chartSubtitle', { unit, period: periodLabel(range, t, locale) }),
        legend: sources.map((s, i) => ({
          label: view.sourceName(s),
          colour: seriesColour(0),
          dash: DASHES[i % DASHES.length],
          shape: 'line' as const,
        })),
        notes: [
          ...(dayCount(range) > maxPoints ? [t('chart.note.downsampled')] : []),
          t('chart.note.gaps'),
          ...(measure === 'water' ? [t('utilities.water.note')] : []),
        ],
        bands: bandsByArea.flat(),
        shares: sourceShares(
          all.filter((r) => r.service === measure && matchesFilters(r, filters)),
        ),
        table: tableOf(perArea, sources, unit, value, view),
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
              tickFormat: tickFormatter('day', locale),
              valueFormat: (v: number) => formatNumber(v, locale),
              yDomain: DOMAIN[measure],
              compact: true,
              describe: (key: string) => {
                const b = p.buckets.find((x) => x.key === key);
                return b
                  ? {
                      title: `${p.area.name}, ${formatDay(b.from, locale)}`,
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

/** Each governorate's lines and the days its multiple keeps (all of them up to `maxPoints`). */
function perAreaOf(
  areas: readonly { id: string; name: string }[],
  lines: readonly UtilityLine[],
  range: { from: string; to: string },
  maxPoints: number,
): AreaLines[] {
  return areas.map((area) => {
    const mine = lines.filter((l) => l.areaId === area.id);
    const buckets = downsampledBuckets(
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
): ChartTable {
  const columns = parts.flatMap((p) => p.lines.map((l) => ({ p, l })));
  const days = [...new Set(parts.flatMap((p) => p.buckets.map((b) => b.start)))].sort(
    (a, b) => a - b,
  );
  return {
    caption: t('utilities.caption', { unit }),
    columns: [
      { label: t('chart.col.day') },
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
        header: formatDay(b.from, locale),
        iso: b.from,
        cells: columns.map(({ l }) => value(l.daily[i])),
        values: columns.map(({ l }) => l.daily[i] ?? null),
      };
    }),
  };
}
