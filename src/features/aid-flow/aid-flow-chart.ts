import { placeNameOf } from '../../domain/place-names.ts';
import { defineChart, type ChartView } from '../../charts/chart-spec.ts';
import type { AidFlowSeries } from '../../domain/aid-flow-series.ts';
import type { AidFlowRollup } from '../../domain/rollup.ts';
import { aidFlowSeriesFromRollups } from '../../domain/rollup-series.ts';
import { choice, list } from '../../domain/chart-options.ts';
import { bandsFor, chooseResolution, dayCount } from '../../domain/series.ts';
import type { Theatre } from '../../domain/schemas.ts';
import { STAGES, type Commodity, type Stage } from '../../domain/vocabulary.ts';
import {
  lineLegend,
  type ChartTable,
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
import { formatNumber } from '../../ui/format.ts';

const HEIGHT = 320;
const AVERAGE_DASHES = ['', '5 3', '2 2', '8 3 2 3'];

const OPTIONS = {
  stack: choice(['commodity', 'crossing'], 'commodity'),
  measure: choice(['trucks', 'tonnes'], 'trucks'),
  stages: list(STAGES, ['entered', 'collected']),
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
      const { stack, stages } = view.options;
      const { filters } = view;
      return {
        resolution: view.full ? 'day' : resolutionFor(view.range, view.width, stages),
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
  },
  renderer: 'time',
  className: 'aid-flow',
  build({ theatre, rollup, events }, view) {
    const { t, locale, options, range, filters } = view;
    const { stack: stackBy, measure, stages } = options;
    const resolution = rollup?.resolution ?? 'day';
    const { shares, ...series } = aidFlowSeriesFromRollups(
      (rollup?.rows ?? []) as readonly AidFlowRollup[],
      {
        range,
        filters,
        measure,
        stackBy,
        stages,
        crossingOrder: theatre.crossings.map((c) => c.id),
        resolution,
      },
    );
    const words = wordsFor(theatre, view, sourceCredits(shares, theatre.sources, t, locale));
    const bands = bandsFor(events, series.buckets, view.timeZone);
    const target = measure === 'trucks' ? theatre.baselines.trucksPerDayTarget : undefined;
    const preCrisis = measure === 'trucks' ? theatre.baselines.trucksPerDayPreCrisis : undefined;

    const rows: Row[] = series.buckets.map((b, i) => {
      const row: Row = { key: b.key };
      series.groups.forEach((g, gi) => {
        series.stackKeys.forEach((k, si) => (row[`g${gi}s${si}`] = g.stacks.get(k)?.[i] ?? null));
        row[`a${gi}`] = g.average7?.[i] ?? null;
      });
      return row;
    });
    const bars: BarSpec[] = series.groups.flatMap((g, gi) =>
      series.stackKeys.map((k, si) => ({
        dataKey: `g${gi}s${si}`,
        name: `${words.group(g)} · ${words.stack(k)}`,
        stackId: `g${gi}`,
        colour: words.colour(k, si),
        pattern: STAGE_PATTERNS[g.stage],
      })),
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
      ...lineLegend([...lines, ...references]),
    ];
    const notes = [
      ...(series.groups.length > 1
        ? [t('aidFlow.note.order', { groups: series.groups.map(words.group).join('; ') })]
        : []),
      t('aidFlow.note.never'),
      series.resolution !== 'day'
        ? t(`chart.note.rolledUp.${series.resolution}`)
        : t('aidFlow.note.average'),
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
          ...(g.average7?.[i] != null
            ? [{ label: t('aidFlow.average.short'), value: words.value(g.average7[i]!) }]
            : []),
        ]),
      };
    };

    return {
      subtitle: t('aidFlow.subtitle', {
        unit: words.unit,
        by: t(`aidFlow.by.${stackBy}`),
        period: periodLabel(range, t, locale),
        resolution: t(`chart.resolution.${series.resolution}`),
      }),
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
          tickFormat: tickFormatter(series.resolution, locale),
          valueFormat: (v: number) => formatNumber(v, locale, { notation: 'compact' }),
          describe,
        },
      },
    };
  },
});

type Words = ReturnType<typeof wordsFor>;

/** Names, colours and numbers in the reader's words, shared by the chart, legend and table. */
function wordsFor(theatre: Theatre, view: View, credits: readonly SourceCredit[]) {
  const { t, locale, sourceName, options } = view;
  const value = (v: number) => formatNumber(v, locale, { maximumFractionDigits: v < 10 ? 1 : 0 });
  return {
    unit: t(`aidFlow.unit.${options.measure}`),
    value,
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

/** The table of a series: what the chart shows, and the full-range CSV from the same code. */
function tableOf(
  s: AidFlowSeries,
  words: Words,
  { t, locale, sourceName, filters }: View,
): ChartTable {
  return {
    caption: t('aidFlow.table.caption', { unit: words.unit }),
    columns: [
      { label: t(`chart.col.${s.resolution}`) },
      { label: t('aidFlow.col.group') },
      { label: t('chart.col.daysReported') },
      { label: t('aidFlow.col.total', { unit: words.unit }), numeric: true },
      ...s.stackKeys.map((k) => ({ label: words.stack(k), numeric: true, unit: words.unit })),
    ],
    rows: s.buckets.flatMap((b, i) =>
      s.groups.map((g) => {
        const source = sourceName(g.sourceId);
        return {
          key: `${b.key}-${g.id}`,
          header: bucketLabel(b, s.resolution, t, locale),
          iso: bucketIso(b, s.resolution),
          cells: [
            words.group(g),
            t('chart.daysOf', { reported: g.reported[i]!, days: b.days }),
            words.cell(g.total[i]),
            ...s.stackKeys.map((k) => words.cell(g.stacks.get(k)?.[i])),
          ],
          values: [
            words.group(g),
            g.reported[i] ?? 0,
            g.total[i] ?? null,
            ...s.stackKeys.map((k) => g.stacks.get(k)?.[i] ?? null),
          ],
          source,
          verification: words.verification(source),
          behind: {
            dataset: 'aid-flow' as const,
            from: b.from,
            to: b.to,
            sourceId: g.sourceId,
            match: { stage: g.stage },
            oneOf: { crossingId: filters.crossings, commodity: filters.commodities },
            verification: filters.verification,
          },
        };
      }),
    ),
  };
}
