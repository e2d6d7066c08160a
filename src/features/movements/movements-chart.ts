import { defineChart, type ChartView } from '../../charts/chart-spec.ts';
import { choice } from '../../domain/chart-options.ts';
import {
  MOVEMENT_SPLITS,
  movementSeries,
  outcomeShares,
  requestsOf,
  wholePercents,
  type MovementPart,
  type MovementSeries,
  type OutcomeCounts,
} from '../../domain/movement-series.ts';
import type { MovementRollup } from '../../domain/rollup.ts';
import { chooseResolution, dayCount, type Resolution } from '../../domain/series.ts';
import {
  MOVEMENT_OUTCOMES,
  type MovementOutcome,
  type MovementPurpose,
  type Zone,
} from '../../domain/vocabulary.ts';
import type { ChartTable, LegendEntry } from '../../ui/chart/chart-model.ts';
import { OKABE_ITO, type FillPattern } from '../../ui/chart/palette.ts';
import type { BarSpec, Row } from '../../ui/chart/time-chart.tsx';
import { bucketIso, bucketLabel, periodLabel, tickFormatter } from '../../ui/chart/time-labels.ts';
import { formatNumber, formatPercent } from '../../ui/format.ts';

const HEIGHT = 220;

/** Each outcome has a colour (Okabe–Ito), a fill pattern and its word: colour never alone. */
export const OUTCOME_STYLE: Record<MovementOutcome, { colour: string; pattern: FillPattern }> = {
  facilitated: { colour: OKABE_ITO.bluishGreen, pattern: 'solid' },
  impeded: { colour: OKABE_ITO.orange, pattern: 'hatch' },
  denied: { colour: OKABE_ITO.vermillion, pattern: 'cross' },
  'postponed-cancelled': { colour: OKABE_ITO.skyBlue, pattern: 'dots' },
};

const OPTIONS = {
  split: choice(MOVEMENT_SPLITS, 'none'),
  show: choice(['count', 'share'], 'count'),
};
type View = ChartView<typeof OPTIONS>;

/**
 * Columns of small multiples for the width, as the grid lays them out (`movements.css`: at
 * least 18rem a column, 0.75rem apart, as many as there are charts), and how many bars each
 * has room for.
 */
function layout(width: number, charts = 2) {
  const columns = Math.max(1, Math.min(charts, Math.floor((width + 12) / (288 + 12))));
  const columnWidth = Math.floor((width - (columns - 1) * 12) / columns);
  return { columnWidth, maxBars: Math.max(8, Math.floor((columnWidth - 50) / 4)) };
}

/** A round top for a shared count axis: 143 → 150, 1,644 → 2,000. */
export function roundedUp(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= value)!;
  return step * power;
}

/** Weekly, as OCHA counts them; monthly when a column has no room for the weeks. */
function resolutionFor(view: { range: { from: string; to: string }; width: number }): Resolution {
  const r = chooseResolution(dayCount(view.range), layout(view.width).maxBars);
  return r === 'day' ? 'week' : r;
}

/**
 * Humanitarian movement requests by outcome (facilitated, impeded, denied, postponed or
 * cancelled), week by week, as OCHA's access snapshots count them: one small multiple per source
 * (and per purpose or zone when split), stacked by outcome, as counts or as shares of the
 * week's requests. Sources are never added up.
 */
export const movementsChart = defineChart({
  id: 'movements',
  title: 'movements.title',
  datasets: [],
  rollup: {
    dataset: 'movements',
    // Rows keep only the split drawn: outcome alone, or with purpose or zone (~10× fewer rows).
    ask: (view) => ({
      resolution: view.full ? 'week' : resolutionFor(view),
      by: view.options.split === 'none' ? 'outcome' : view.options.split,
    }),
  },
  bands: false,
  urlPrefix: 'movements',
  options: OPTIONS,
  controls: {
    split: { legend: 'movements.control.split', label: (v) => `movements.split.${v as 'none'}` },
    show: { legend: 'movements.control.show', label: (v) => `movements.show.${v as 'count'}` },
  },
  renderer: 'multiples',
  className: 'movements',
  build({ theatre, rollup }, view) {
    const { t, locale, range, filters, options } = view;
    const resolution = rollup?.resolution ?? 'week';
    const series = movementSeries((rollup?.rows ?? []) as readonly MovementRollup[], {
      range,
      resolution,
      filters,
      split: options.split,
      sourceOrder: theatre.sources.map((s) => s.id),
    });
    const words = wordsFor(view);
    const share = options.show === 'share';
    const { columnWidth } = layout(view.width, Math.max(1, series.parts.length));
    const valuesOf = (counts: OutcomeCounts) => (share ? outcomeShares(counts) : counts);
    const highest = roundedUp(
      Math.max(1, ...series.parts.flatMap((p) => p.counts.map((c) => requestsOf(c)))),
    );
    const bars: BarSpec[] = MOVEMENT_OUTCOMES.map((o, j) => ({
      dataKey: `o${j}`,
      name: words.outcome(o),
      stackId: 'outcomes',
      ...OUTCOME_STYLE[o],
    }));
    const legend: LegendEntry[] = MOVEMENT_OUTCOMES.map((o) => ({
      label: words.outcome(o),
      shape: 'box' as const,
      ...OUTCOME_STYLE[o],
    }));
    const items = series.parts.map((p) => ({
      id: `${p.sourceId}-${p.part || 'all'}`,
      title: words.part(p),
      empty: !p.reported.some(Boolean),
      chart: {
        height: HEIGHT,
        rows: series.buckets.map((b, i) => {
          const row: Row = { key: b.key };
          const values = valuesOf(p.counts[i]!);
          MOVEMENT_OUTCOMES.forEach((o, j) => (row[`o${j}`] = p.reported[i] ? values[o] : null));
          return row;
        }),
        bars,
        tickFormat: tickFormatter(resolution, locale, range),
        valueFormat: (v: number) => (share ? words.percent(v) : words.count(v)),
        yDomain: [0, share ? 100 : highest] as [number, number],
        compact: true,
        describe: (key: string) => {
          const i = series.buckets.findIndex((b) => b.key === key);
          const b = series.buckets[i];
          if (!b) return undefined;
          const title = `${words.part(p)}, ${bucketLabel(b, resolution, t, locale)}`;
          if (!p.reported[i]) return { title, lines: [{ label: t('chart.noReport'), value: '' }] };
          const counts = p.counts[i]!;
          const percents = wholePercents(counts);
          return {
            title,
            lines: [
              ...MOVEMENT_OUTCOMES.map((o) => ({
                label: words.outcome(o),
                value: t('movements.countShare', {
                  count: counts[o],
                  percent: words.percent(percents[o]),
                }),
              })),
              { label: t('movements.col.requests'), value: words.count(requestsOf(counts)) },
            ],
          };
        },
      },
    }));
    return {
      subtitle: [
        t(share ? 'movements.subtitle.share' : 'movements.subtitle.count', {
          period: periodLabel(range, t, locale),
          resolution: t(`movements.resolution.${resolution === 'month' ? 'month' : 'week'}`),
        }),
        ...series.bySource.map((s) => words.totals(s.sourceId, s.totals)),
      ].join(' '),
      legend,
      notes: [
        t('movements.note.request'),
        t('movements.note.never'),
        ...(share ? [t('movements.note.share')] : []),
        ...(options.split === 'zone' ? [t('movements.note.zone')] : []),
        ...(resolution === 'month' ? [t('movements.note.monthly')] : []),
        t('movements.note.gaps'),
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

function wordsFor({ t, locale, sourceName, options }: View) {
  const count = (v: number) => formatNumber(v, locale, { maximumFractionDigits: 0 });
  const percent = (v: number) => formatPercent(v / 100, locale);
  const outcome = (o: MovementOutcome) => t(`movements.outcome.${o}`);
  return {
    count,
    percent,
    outcome,
    part: (p: MovementPart) =>
      options.split === 'purpose'
        ? t('movements.part', {
            source: sourceName(p.sourceId),
            part: t(`movements.purpose.${p.part as MovementPurpose}`),
          })
        : options.split === 'zone'
          ? t('movements.part', {
              source: sourceName(p.sourceId),
              part: t(`movements.zone.${p.part as Zone}`),
            })
          : sourceName(p.sourceId),
    /** "Source: 142 requests: 57 facilitated (40 %), …" */
    totals: (sourceId: string, totals: OutcomeCounts) => {
      const percents = wholePercents(totals);
      return t('movements.totals', {
        source: sourceName(sourceId),
        requests: t('movements.requests', { count: requestsOf(totals) }),
        outcomes: MOVEMENT_OUTCOMES.map((o) =>
          t(`movements.count.${o}`, { count: totals[o], percent: percent(percents[o]) }),
        ).join(t('movements.listSeparator')),
      });
    },
  };
}

/** Per bucket and part: requests, then each outcome's count and share. */
function tableOf(
  series: MovementSeries,
  resolution: Resolution,
  words: Words,
  { t, locale, sourceName, options, filters }: View,
): ChartTable {
  return {
    caption: t('movements.table.caption'),
    columns: [
      { label: t(`chart.col.${resolution}`) },
      { label: t('movements.col.part') },
      { label: t('movements.col.requests'), numeric: true, unit: t('movements.unit') },
      ...MOVEMENT_OUTCOMES.map((o) => ({
        label: words.outcome(o),
        numeric: true,
        unit: t('movements.unit'),
      })),
      ...MOVEMENT_OUTCOMES.map((o) => ({
        label: t('movements.col.share', { outcome: words.outcome(o) }),
        numeric: true,
        unit: '%',
      })),
    ],
    rows: series.buckets.flatMap((b, i) =>
      series.parts
        .filter((p) => p.reported[i])
        .map((p) => {
          const counts = p.counts[i]!;
          const exact = outcomeShares(counts);
          const whole = wholePercents(counts);
          return {
            key: `${b.key}-${p.sourceId}-${p.part}`,
            header: bucketLabel(b, resolution, t, locale),
            iso: bucketIso(b, resolution),
            cells: [
              words.part(p),
              words.count(requestsOf(counts)),
              ...MOVEMENT_OUTCOMES.map((o) => words.count(counts[o])),
              ...MOVEMENT_OUTCOMES.map((o) => words.percent(whole[o])),
            ],
            values: [
              words.part(p),
              requestsOf(counts),
              ...MOVEMENT_OUTCOMES.map((o) => counts[o]),
              ...MOVEMENT_OUTCOMES.map((o) => Math.round(exact[o] * 10) / 10),
            ],
            source: sourceName(p.sourceId),
            behind: {
              dataset: 'movements' as const,
              from: b.from,
              to: b.to,
              sourceId: p.sourceId,
              ...(p.part
                ? { match: { [options.split === 'zone' ? 'toZone' : 'purpose']: p.part } }
                : {}),
              verification: filters.verification,
            },
          };
        }),
    ),
  };
}
