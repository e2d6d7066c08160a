import { defineChart, type ChartView } from '../../charts/chart-spec.ts';
import { fuelSeries, type FuelPanel, type FuelSeries } from '../../domain/fuel-series.ts';
import type { FuelEntryRollup } from '../../domain/rollup.ts';
import { chooseResolution, dayCount, type Resolution } from '../../domain/series.ts';
import { FUEL_TYPES, type FuelType, type FuelUnit } from '../../domain/vocabulary.ts';
import type { ChartTable, LegendEntry } from '../../ui/chart/chart-model.ts';
import { seriesColour, type FillPattern } from '../../ui/chart/palette.ts';
import type { BarSpec, LineSpec, Row } from '../../ui/chart/time-chart.tsx';
import { bucketIso, bucketLabel, periodLabel, tickFormatter } from '../../ui/chart/time-labels.ts';
import { formatNumber } from '../../ui/format.ts';

const HEIGHT = 220;
/** Sources told apart by pattern as well as colour; their stated needs by dash. */
const SOURCE_PATTERNS: readonly FillPattern[] = ['solid', 'hatch', 'dots', 'cross'];
const NEED_DASHES = ['6 3', '2 3', '8 3 2 3'];
const NEED_COLOUR = '#13202e';

type View = ChartView<Record<string, never>>;

/**
 * Columns of small multiples for the width, as the grid lays them out (`fuel-entry.css`: at
 * least 14rem a column, 0.75rem apart, at most one per fuel), and how many bars each has room for.
 */
function layout(width: number) {
  const columns = Math.max(1, Math.min(FUEL_TYPES.length, Math.floor((width + 12) / (224 + 12))));
  const columnWidth = Math.floor((width - (columns - 1) * 12) / columns);
  return { columnWidth, maxBuckets: Math.max(8, Math.floor((columnWidth - 50) / 6)) };
}

/**
 * Fuel entered by type: diesel and petrol in litres, cooking gas in tonnes, each in a small
 * multiple of its own (different units never share an axis); per source side by side, never
 * summed; the need a source states drawn as a dashed line and named after that source.
 */
export const fuelEntryChart = defineChart({
  id: 'fuel-entry',
  title: 'fuelEntry.title',
  datasets: [],
  rollup: {
    dataset: 'fuel-entry',
    ask: (view) => ({
      resolution: view.full
        ? 'day'
        : chooseResolution(dayCount(view.range), layout(view.width).maxBuckets),
      crossingIds: view.filters.crossings,
    }),
  },
  bands: false,
  urlPrefix: 'fuel',
  options: {},
  renderer: 'multiples',
  className: 'fuel-entry',
  build({ theatre, rollup }, view: View) {
    const { t, locale, range, filters, sourceName } = view;
    const resolution = rollup?.resolution ?? 'day';
    const series = fuelSeries((rollup?.rows ?? []) as readonly FuelEntryRollup[], {
      range,
      resolution,
      filters,
      sourceOrder: theatre.sources.map((s) => s.id),
    });
    const sources = [...new Set(series.fuels.flatMap((f) => f.lines.map((l) => l.sourceId)))];
    const style = (sourceId: string) => {
      const i = Math.max(0, sources.indexOf(sourceId));
      return {
        colour: seriesColour(i),
        pattern: SOURCE_PATTERNS[i % SOURCE_PATTERNS.length]!,
        dash: NEED_DASHES[i % NEED_DASHES.length]!,
      };
    };
    const words = wordsFor(view);
    const needers = sources.filter((s) =>
      series.fuels.some((f) => f.lines.some((l) => l.sourceId === s && l.need.some((n) => n))),
    );
    const legend: LegendEntry[] = [
      ...sources.map((s) => ({
        label: sourceName(s),
        colour: style(s).colour,
        pattern: style(s).pattern,
        shape: 'box' as const,
      })),
      ...needers.map((s) => ({
        label: t('fuelEntry.need', { source: sourceName(s) }),
        colour: NEED_COLOUR,
        dash: style(s).dash,
        shape: 'line' as const,
      })),
    ];
    const { columnWidth } = layout(view.width);
    const items = series.fuels.map((panel) => {
      const bars: BarSpec[] = panel.lines.map((l, li) => ({
        dataKey: `q${li}`,
        name: sourceName(l.sourceId),
        // Each source its own stack: side by side, never on top of another.
        stackId: `s${li}`,
        colour: style(l.sourceId).colour,
        pattern: style(l.sourceId).pattern,
      }));
      const lines: LineSpec[] = panel.lines.flatMap((l, li) =>
        l.need.some((n) => n !== null)
          ? [
              {
                dataKey: `n${li}`,
                name: t('fuelEntry.need', { source: sourceName(l.sourceId) }),
                colour: NEED_COLOUR,
                dash: style(l.sourceId).dash,
                width: 1.75,
              },
            ]
          : [],
      );
      const unit = words.unit(panel.unit);
      return {
        id: panel.fuel,
        title: t('fuelEntry.panel', { fuel: words.fuel(panel.fuel), unit }),
        empty: panel.lines.length === 0,
        chart: {
          height: HEIGHT,
          rows: series.buckets.map((b, i) => {
            const row: Row = { key: b.key };
            panel.lines.forEach((l, li) => {
              row[`q${li}`] = l.perDay[i] ?? null;
              row[`n${li}`] = l.need[i] ?? null;
            });
            return row;
          }),
          bars,
          lines,
          tickFormat: tickFormatter(resolution, locale, range),
          valueFormat: (v: number) => formatNumber(v, locale, { notation: 'compact' }),
          compact: true,
          describe: (key: string) => {
            const i = series.buckets.findIndex((b) => b.key === key);
            const b = series.buckets[i];
            if (!b) return undefined;
            return {
              title: `${words.fuel(panel.fuel)}, ${bucketLabel(b, resolution, t, locale)}`,
              lines: panel.lines.flatMap((l) => [
                {
                  label: sourceName(l.sourceId),
                  value: words.amount(l.perDay[i], unit),
                },
                ...(l.need[i] != null
                  ? [
                      {
                        label: t('fuelEntry.need', { source: sourceName(l.sourceId) }),
                        value: words.amount(l.need[i], unit),
                      },
                    ]
                  : []),
              ]),
            };
          },
        },
      };
    });
    return {
      subtitle: t('fuelEntry.subtitle', {
        period: periodLabel(range, t, locale),
        resolution: t(`chart.resolution.${resolution}`),
      }),
      legend,
      notes: [
        t('fuelEntry.note.units'),
        t('fuelEntry.note.never'),
        needers.length
          ? t('fuelEntry.note.need', { sources: needers.map(sourceName).join(', ') })
          : t('fuelEntry.note.noNeed'),
        ...(resolution !== 'day' ? [t(`chart.note.rolledUp.${resolution}`)] : []),
        t('chart.note.gaps'),
      ],
      bands: [],
      shares: series.shares,
      table: tableOf(series, resolution, words, view),
      hasData: series.recordCount > 0,
      height: HEIGHT,
      plot: { kind: 'multiples', columnWidth, items },
    };
  },
});

type Words = ReturnType<typeof wordsFor>;

function wordsFor({ t, locale }: View) {
  const value = (v: number) => formatNumber(v, locale, { maximumFractionDigits: v < 10 ? 1 : 0 });
  return {
    value,
    fuel: (f: FuelType) => t(`fuelEntry.fuel.${f}`),
    unit: (u: FuelUnit) => t(`fuelEntry.unit.${u}`),
    amount: (v: number | null | undefined, unit: string) =>
      v == null ? t('chart.noReport') : `${value(v)} ${unit}`,
    cell: (v: number | null | undefined) => (v == null ? t('chart.noReport') : value(v)),
  };
}

/** One row per bucket, fuel and source: per day, the bucket's total, days reported, the need. */
function tableOf(
  series: FuelSeries,
  resolution: Resolution,
  words: Words,
  { t, locale, sourceName, filters }: View,
): ChartTable {
  const rowsOf = (panel: FuelPanel) =>
    series.buckets.flatMap((b, i) =>
      panel.lines
        .filter((l) => l.quantity[i] !== null || l.need[i] !== null)
        .map((l) => {
          const unit = words.unit(panel.unit);
          return {
            key: `${b.key}-${panel.fuel}-${l.sourceId}`,
            header: bucketLabel(b, resolution, t, locale),
            iso: bucketIso(b, resolution),
            cells: [
              sourceName(l.sourceId),
              words.fuel(panel.fuel),
              unit,
              words.cell(l.perDay[i]),
              words.cell(l.quantity[i]),
              t('chart.daysOf', { reported: l.daysReported[i]!, days: b.days }),
              l.need[i] == null ? t('fuelEntry.noNeed') : words.value(l.need[i]!),
            ],
            values: [
              sourceName(l.sourceId),
              words.fuel(panel.fuel),
              unit,
              l.perDay[i] ?? null,
              l.quantity[i] ?? null,
              l.daysReported[i] ?? 0,
              l.need[i] ?? null,
            ],
            source: sourceName(l.sourceId),
            behind: {
              dataset: 'fuel-entry' as const,
              from: b.from,
              to: b.to,
              sourceId: l.sourceId,
              match: { fuel: panel.fuel },
              oneOf: { crossingId: filters.crossings },
              verification: filters.verification,
            },
          };
        }),
    );
  return {
    caption: t('fuelEntry.table.caption'),
    columns: [
      { label: t(`chart.col.${resolution}`) },
      { label: t('source.label') },
      { label: t('fuelEntry.col.fuel') },
      { label: t('fuelEntry.col.unit') },
      { label: t('fuelEntry.col.perDay'), numeric: true },
      { label: t('fuelEntry.col.total'), numeric: true },
      { label: t('chart.col.daysReported') },
      { label: t('fuelEntry.col.need'), numeric: true },
    ],
    rows: series.fuels.flatMap(rowsOf),
  };
}
