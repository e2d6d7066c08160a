import { aidFlowWords } from '../../ui/i18n/pages/aid-flow.ts';
import { provideWords } from '../../ui/i18n/translate.ts';
import { placeNameOf } from '../../domain/place-names.ts';
import { defineChart, type ChartView } from '../../charts/chart-spec.ts';
import type { AidFlowRollup } from '../../domain/rollup.ts';
import {
  aidFlowSeriesFromRollups,
  type AidFlowRollupSeries,
  type RollupFlowGroup,
} from '../../domain/rollup-series.ts';
import { choice, list } from '../../domain/chart-options.ts';
import { bandsFor, chooseResolution, dayCount, type Resolution } from '../../domain/series.ts';
import type { Day } from '../../domain/time.ts';
import type { Theatre } from '../../domain/schemas.ts';
import { STAGES, type Commodity, type Stage } from '../../domain/vocabulary.ts';
import {
  lineLegend,
  type ChartTable,
  type ChartTableRow,
  type LegendEntry,
  type SourceCredit,
} from '../../ui/chart/chart-model.ts';
import { sourceCredits } from '../../ui/chart/credits.ts';
import {
  COMMODITY_COLOURS,
  REFERENCE_STYLE,
  STAGE_PATTERNS,
  seriesColour,
} from '../../ui/chart/palette.ts';
import type { BarSpec, LineSpec, ReferenceSpec, Row } from '../../ui/chart/time-chart.tsx';
import { bucketIso, bucketLabel, periodLabel, tickFormatter } from '../../ui/chart/time-labels.ts';
import { formatDay, formatNumber } from '../../ui/format.ts';

// Its interval and total words come with it (see provideWords), not with the first page.
provideWords(aidFlowWords);

const HEIGHT = 320;
const AVERAGE_DASHES = ['', '5 3', '2 2', '8 3 2 3'];

/** Partial buckets (fewer days reported than the interval has) are drawn this much lighter. */
const PARTIAL_OPACITY = 0.4;

const OPTIONS = {
  stack: choice(['commodity', 'crossing'], 'commodity'),
  measure: choice(['trucks', 'tonnes'], 'trucks'),
  stages: list(STAGES, ['entered', 'collected']),
  // `auto` is the width-based choice links made before the option existed keep getting.
  interval: choice(['auto', 'day', 'week', 'month'], 'auto'),
  aggregate: choice(['average', 'total'], 'average'),
};
type View = ChartView<typeof OPTIONS>;

/** Groups stand side by side: each bucket needs ~3 px per group, plus a gap. */
function resolutionFor(
  range: { from: string; to: string },
  width: number,
  stages: readonly Stage[],
) {
  const groupGuess = Math.max(1, stages.length + (stages.includes('entered') ? 1 : 0));
  return chooseResolution(dayCount(range), Math.floor((width - 70) / (groupGuess * 3 + 2)));
}

/**
 * Aid flow: trucks (or tonnes) per day, one bar per source and stage, stacked by commodity or
 * crossing; target and pre-crisis lines; a 7-day average; pauses and cease-fire phases as bands.
 * Two sources counting the same stage stand side by side, never added up.
 */
export const aidFlowChart = defineChart({
  id: 'aid-flow',
  title: 'aidFlow.title',
  datasets: [],
  // Rows per bucket × source × stage × the stacked dimension: five years cost about a month.
  rollup: {
    dataset: 'aid-flow',
    ask: (view) => {
      const { stack, stages, interval } = view.options;
      const { filters } = view;
      return {
        // A chosen interval holds for the full-range CSV too, so it says what the chart says.
        resolution:
          interval !== 'auto'
            ? interval
            : view.full
              ? 'day'
              : resolutionFor(view.range, view.width, stages),
        by: stack,
        // The dimension summed over at the source is filtered there; the other one here.
        ...(stack === 'commodity'
          ? { crossingIds: filters.crossings }
          : { commodities: filters.commodities }),
      };
    },
  },
  bands: true,
  urlPrefix: 'aid',
  options: OPTIONS,
  controls: {
    stack: { legend: 'aidFlow.control.stackBy', label: (v) => `aidFlow.by.${v as 'crossing'}` },
    measure: {
      legend: 'aidFlow.control.measure',
      label: (v) => `aidFlow.measure.${v as 'trucks'}`,
    },
    stages: { legend: 'aidFlow.control.stages', label: (v) => `stage.${v as Stage}` },
    interval: {
      legend: 'aidFlow.control.interval',
      label: (v) => `aidFlow.interval.${v as 'auto'}`,
    },
    aggregate: {
      legend: 'aidFlow.control.aggregate',
      label: (v) => `aidFlow.aggregate.${v as 'total'}`,
    },
  },
  renderer: 'time',
  className: 'aid-flow',
  build({ theatre, rollup, events }, view) {
    const { t, locale, options, range, filters } = view;
    const { stack: stackBy, measure, stages, aggregate } = options;
    const resolution = rollup?.resolution ?? 'day';
    const series = aidFlowSeriesFromRollups((rollup?.rows ?? []) as readonly AidFlowRollup[], {
      range,
      filters,
      measure,
      stackBy,
      stages,
      crossingOrder: theatre.crossings.map((c) => c.id),
      resolution,
      aggregate,
    });
    const { shares } = series;
    const words = wordsFor(
      theatre,
      view,
      sourceCredits(shares, theatre.sources, t, locale),
      series.resolution,
    );
    const bands = bandsFor(events, series.buckets, view.timeZone);
    // Targets are per day: they apply to averages per day and to daily bars, not to totals.
    const perDay = aggregate === 'average' || series.resolution === 'day';
    const target =
      measure === 'trucks' && perDay ? theatre.baselines.trucksPerDayTarget : undefined;
    const preCrisis =
      measure === 'trucks' && perDay ? theatre.baselines.trucksPerDayPreCrisis : undefined;
    // A total over fewer days than its interval would look like a low week: drawn lighter.
    const marksPartial = aggregate === 'total' && series.resolution !== 'day';

    const rows: Row[] = series.buckets.map((b, i) => {
      const row: Row = { key: b.key };
      series.groups.forEach((g, gi) => {
        series.stackKeys.forEach((k, si) => {
          const v = g.stacks.get(k)?.[i] ?? null;
          const partial = marksPartial && g.partial[i];
          row[`g${gi}s${si}`] = partial ? null : v;
          if (marksPartial) row[`g${gi}s${si}p`] = partial ? v : null;
        });
        row[`a${gi}`] = g.average7?.[i] ?? null;
      });
      return row;
    });
    const bars: BarSpec[] = series.groups.flatMap((g, gi) =>
      series.stackKeys.flatMap((k, si) => {
        const bar = {
          dataKey: `g${gi}s${si}`,
          name: `${words.group(g)} · ${words.stack(k)}`,
          stackId: `g${gi}`,
          colour: words.colour(k, si),
          pattern: STAGE_PATTERNS[g.stage],
        };
        return marksPartial
          ? [
              bar,
              {
                ...bar,
                dataKey: `${bar.dataKey}p`,
                name: `${bar.name} · ${t('aidFlow.partial')}`,
                opacity: PARTIAL_OPACITY,
              },
            ]
          : [bar];
      }),
    );
    const lines: LineSpec[] = series.groups.flatMap((g, gi) =>
      g.average7
        ? [
            {
              dataKey: `a${gi}`,
              name: t('aidFlow.average', { group: words.group(g) }),
              colour: '#13202e',
              dash: AVERAGE_DASHES[gi % AVERAGE_DASHES.length],
              width: 1.75,
            },
          ]
        : [],
    );
    const references: ReferenceSpec[] = [
      ...(target
        ? [{ y: target, label: t('aidFlow.target', { value: target }), ...REFERENCE_STYLE.target }]
        : []),
      ...(preCrisis
        ? [
            {
              y: preCrisis,
              label: t('aidFlow.preCrisis', { value: preCrisis }),
              ...REFERENCE_STYLE.baseline,
            },
          ]
        : []),
    ];
    const legend: LegendEntry[] = [
      ...series.stackKeys.map((k, si) => ({
        label: words.stack(k),
        colour: words.colour(k, si),
        shape: 'box' as const,
      })),
      ...STAGES.filter((stage) => series.groups.some((g) => g.stage === stage)).map((stage) => ({
        label: t(`aidFlow.stagePattern.${stage}`),
        colour: '#5f6b7a',
        pattern: STAGE_PATTERNS[stage],
        shape: 'box' as const,
      })),
      ...(marksPartial && series.groups.some((g) => g.partial.some(Boolean))
        ? [
            {
              label: t('aidFlow.legend.partial'),
              // The bars' lighter fill, named in words: colour never says it alone.
              colour: '#c3c9d1',
              shape: 'box' as const,
            },
          ]
        : []),
      ...lineLegend([...lines, ...references]),
    ];
    const notes = [
      ...(aggregate === 'total' ? series.groups.map((g) => periodNote(g, words, range, view)) : []),
      ...(series.groups.length > 1
        ? [t('aidFlow.note.order', { groups: series.groups.map(words.group).join('; ') })]
        : []),
      t('aidFlow.note.never'),
      aggregate === 'total'
        ? t(`aidFlow.note.total.${series.resolution}`)
        : series.resolution !== 'day'
          ? t(`chart.note.rolledUp.${series.resolution}`)
          : t('aidFlow.note.average'),
      ...(aggregate === 'total' && !perDay && measure === 'trucks'
        ? [t('aidFlow.note.noTarget')]
        : []),
      t('chart.note.gaps'),
      ...(measure === 'tonnes' ? [t('aidFlow.note.fuel')] : []),
    ];

    const describe = (key: string) => {
      const i = series.buckets.findIndex((b) => b.key === key);
      const b = series.buckets[i];
      if (!b) return undefined;
      return {
        title: bucketLabel(b, series.resolution, t, locale),
        lines: series.groups.flatMap((g) => [
          {
            label: words.group(g),
            value:
              g.total[i] == null
                ? t('chart.noReport')
                : `${words.value(g.total[i]!)} ${words.unit}`,
          },
          ...(g.total[i] != null && g.reported[i]! < series.intervalDays[i]!
            ? [{ label: t('chart.col.daysReported'), value: words.days(series, g, i) }]
            : []),
          ...(g.average7?.[i] != null
            ? [{ label: t('aidFlow.average.short'), value: words.value(g.average7[i]!) }]
            : []),
        ]),
      };
    };

    const subtitleWords = {
      unit: words.unit,
      by: t(`aidFlow.by.${stackBy}`),
      period: periodLabel(range, t, locale),
      resolution: t(`chart.resolution.${series.resolution}`),
    };
    return {
      subtitle:
        aggregate === 'total' && series.resolution !== 'day'
          ? t('aidFlow.subtitle.total', subtitleWords)
          : t('aidFlow.subtitle', subtitleWords),
      legend,
      notes,
      bands,
      shares,
      table: tableOf(series, words, view),
      hasData: series.recordCount > 0,
      height: HEIGHT,
      plot: {
        kind: 'time',
        chart: {
          height: HEIGHT,
          rows,
          bars,
          lines,
          references,
          bands,
          tickFormat: tickFormatter(series.resolution, locale, range),
          valueFormat: (v: number) => formatNumber(v, locale, { notation: 'compact' }),
          describe,
        },
      },
    };
  },
});

type Words = ReturnType<typeof wordsFor>;

/**
 * The figure's unit in words: "trucks per day" (daily, or an average per day, whose interval
 * the subtitle names), "trucks per week", "tonnes per month".
 */
function unitOf(view: View, resolution: Resolution) {
  const { t, options } = view;
  return options.aggregate === 'total'
    ? t(`aidFlow.unit.total.${resolution}`, { noun: t(`aidFlow.noun.${options.measure}`) })
    : t(`aidFlow.unit.${options.measure}`);
}

/** Names, colours and numbers in the reader's words, shared by the chart, legend and table. */
function wordsFor(
  theatre: Theatre,
  view: View,
  credits: readonly SourceCredit[],
  resolution: Resolution,
) {
  const { t, locale, sourceName, options } = view;
  const value = (v: number) => formatNumber(v, locale, { maximumFractionDigits: v < 10 ? 1 : 0 });
  return {
    unit: unitOf(view, resolution),
    /** "5 of 7 days, partial" when a bucket has fewer days reported than its interval. */
    days: (s: AidFlowRollupSeries, g: RollupFlowGroup, i: number) => {
      const whole = s.aggregate === 'total' ? s.intervalDays[i]! : s.buckets[i]!.days;
      const text = t('chart.daysOf', { reported: g.reported[i]!, days: whole });
      return g.partial[i] && s.aggregate === 'total'
        ? t('aidFlow.partialDays', { days: text })
        : text;
    },
    value,
    /** A total over many days: whole units, grouped ("12,345"). */
    whole: (v: number) => formatNumber(v, locale, { maximumFractionDigits: v < 10 ? 1 : 0 }),
    cell: (v: number | null | undefined) => (v == null ? t('chart.noReport') : value(v)),
    stack: (key: string) =>
      options.stack === 'commodity'
        ? t(`aidFlow.commodity.${key as Commodity}`)
        : placeNameOf(theatre.crossings, key, locale),
    colour: (key: string, i: number) =>
      options.stack === 'commodity' ? COMMODITY_COLOURS[key as Commodity] : seriesColour(i),
    group: (g: { stage: Stage; sourceId: string }) =>
      t('aidFlow.group', { stage: t(`stage.${g.stage}`), source: sourceName(g.sourceId) }),
    verification: (source: string) => credits.find((c) => c.name === source)?.verification,
  };
}

/**
 * "Total over the period, Entered — UN: 12,345 trucks (from 9 Oct 2023 to 30 Nov 2026; 1,090 of
 * 1,149 days reported)": one per source and stage, never added across sources.
 */
function periodNote(g: RollupFlowGroup, words: Words, range: { from: Day; to: Day }, view: View) {
  const { t, locale } = view;
  return t('aidFlow.note.periodTotal', {
    group: words.group(g),
    value: words.whole(g.period.total),
    noun: t(`aidFlow.noun.${view.options.measure}`),
    from: formatDay(g.period.first ?? range.from, locale),
    to: formatDay(g.period.last ?? range.to, locale),
    reported: formatNumber(g.period.daysReported, locale),
    days: formatNumber(dayCount(range), locale),
  });
}

/** The table of a series: what the chart shows, and the full-range CSV from the same code. */
function tableOf(s: AidFlowRollupSeries, words: Words, view: View): ChartTable {
  const { t, locale, sourceName, filters, range } = view;
  const total = s.aggregate === 'total';
  const behind = (g: RollupFlowGroup, from: Day, to: Day) => ({
    dataset: 'aid-flow' as const,
    from,
    to,
    sourceId: g.sourceId,
    match: { stage: g.stage },
    oneOf: { crossingId: filters.crossings, commodity: filters.commodities },
    verification: filters.verification,
  });
  const rows: ChartTableRow[] = s.buckets.flatMap((b, i) =>
    s.groups.map((g) => {
      const source = sourceName(g.sourceId);
      return {
        key: `${b.key}-${g.id}`,
        header: bucketLabel(b, s.resolution, t, locale),
        iso: bucketIso(b, s.resolution),
        cells: [
          words.group(g),
          ...(total
            ? [
                formatNumber(g.reported[i] ?? 0, locale),
                formatNumber(s.intervalDays[i]!, locale),
                g.partial[i] ? t('aidFlow.partial') : '',
              ]
            : [words.days(s, g, i)]),
          words.cell(g.total[i]),
          ...s.stackKeys.map((k) => words.cell(g.stacks.get(k)?.[i])),
        ],
        values: [
          words.group(g),
          g.reported[i] ?? 0,
          ...(total ? [s.intervalDays[i]!, g.partial[i] ? t('aidFlow.partial') : ''] : []),
          g.total[i] ?? null,
          ...s.stackKeys.map((k) => g.stacks.get(k)?.[i] ?? null),
        ],
        source,
        verification: words.verification(source),
        behind: behind(g, b.from, b.to),
      };
    }),
  );
  // Totals: one row per source and stage over the whole period, the figure a reader asks first.
  const periodRows: ChartTableRow[] = total
    ? s.groups.map((g) => {
        const source = sourceName(g.sourceId);
        const stackTotals = s.stackKeys.map((k) => sumOf(g.stacks.get(k)));
        const from = g.period.first ?? range.from;
        const to = g.period.last ?? range.to;
        const days = dayCount(range);
        return {
          key: `period-${g.id}`,
          header: t('aidFlow.periodRow', { period: periodLabel({ from, to }, t, locale) }),
          iso: `${from}/${to}`,
          cells: [
            words.group(g),
            formatNumber(g.period.daysReported, locale),
            formatNumber(days, locale),
            g.period.daysReported < days ? t('aidFlow.partial') : '',
            words.whole(g.period.total),
            ...stackTotals.map((v) => words.cell(v)),
          ],
          values: [
            words.group(g),
            g.period.daysReported,
            days,
            g.period.daysReported < days ? t('aidFlow.partial') : '',
            g.period.total,
            ...stackTotals,
          ],
          source,
          verification: words.verification(source),
          behind: behind(g, from, to),
        };
      })
    : [];
  return {
    caption: t('aidFlow.table.caption', { unit: words.unit }),
    columns: [
      { label: t(`chart.col.${s.resolution}`) },
      { label: t('aidFlow.col.group') },
      { label: t('chart.col.daysReported') },
      ...(total
        ? [
            { label: t('aidFlow.col.intervalDays'), numeric: true },
            { label: t('aidFlow.col.partial') },
          ]
        : []),
      { label: t('aidFlow.col.total', { unit: words.unit }), numeric: true },
      ...s.stackKeys.map((k) => ({ label: words.stack(k), numeric: true, unit: words.unit })),
    ],
    rows: [...periodRows, ...rows],
  };
}

/** The sum of a series' reported values; null when nothing was reported. */
function sumOf(series: readonly (number | null)[] | undefined): number | null {
  let out: number | null = null;
  for (const v of series ?? []) if (v !== null) out = (out ?? 0) + v;
  return out;
}
