import { defineChart, type ChartView, type RollupAsk } from '../../charts/chart-spec.ts';
import { choice } from '../../domain/chart-options.ts';
import { placeNameOf } from '../../domain/place-names.ts';
import type { AidFlowRollup, RollupBase, TruckGapsRollup } from '../../domain/rollup.ts';
import { rollupShares } from '../../domain/rollup-series.ts';
import type { Theatre } from '../../domain/schemas.ts';
import {
  bandsFor,
  bucketsFor,
  chooseResolution,
  dayCount,
  type Resolution,
} from '../../domain/series.ts';
import {
  aidFlowFigures,
  COMPARED_GAPS,
  COMPARED_MEASURES,
  comparisonByBucket,
  largestDisagreements,
  pairCounts,
  pairFigures,
  truckGapFigures,
  type CountedFigure,
  type FigurePair,
} from '../../domain/source-comparison.ts';
import { COMMODITIES, STAGES, type Commodity } from '../../domain/vocabulary.ts';
import type { ChartTable, ChartTableRow, LegendEntry } from '../../ui/chart/chart-model.ts';
import { OKABE_ITO, REFERENCE_STYLE } from '../../ui/chart/palette.ts';
import { bucketIso, bucketLabel, periodLabel, tickFormatter } from '../../ui/chart/time-labels.ts';
import { formatDay, formatNumber, formatShortDay } from '../../ui/format.ts';

const HEIGHT = 300;
const DISAGREEMENTS_SHOWN = 15;
/** Source A and B: colour, dash and word, never colour alone. */
const A_STYLE = { colour: OKABE_ITO.blue, dash: '' };
const B_STYLE = { colour: OKABE_ITO.orange, dash: '6 3' };

/**
 * What the reader compares, in the URL under `compare.`: the thing counted (a crossing or all,
 * a stage, a commodity or all), the measure, the two sources (by default the theatre's first
 * two) and whether the second chart shows their difference or their ratio.
 */
export function compareOptions(crossingIds: readonly string[], sourceIds: readonly string[]) {
  const first = sourceIds[0] ?? '';
  return {
    crossing: choice(['all', ...crossingIds], 'all'),
    stage: choice(STAGES, 'entered'),
    commodity: choice(['all', ...COMMODITIES], 'all'),
    measure: choice(COMPARED_MEASURES, 'trucks'),
    a: choice(sourceIds, first),
    b: choice(sourceIds, sourceIds[1] ?? first),
    show: choice(['difference', 'ratio'], 'difference'),
    /** Trucks by stage (aid flow), or the gaps: trucks waiting for collection, intercepted. */
    count: choice(COMPARED_COUNTS, 'aid-flow'),
  };
}
export type CompareOptions = ReturnType<typeof compareOptions>;

export const COMPARED_COUNTS = ['aid-flow', ...COMPARED_GAPS] as const;
export type ComparedCount = (typeof COMPARED_COUNTS)[number];
/** The roll-up a count is read from. */
export const datasetOfCount = (count: ComparedCount) =>
  count === 'aid-flow' ? ('aid-flow' as const) : ('truck-gaps' as const);
type View = ChartView<CompareOptions>;

/**
 * The roll-up every chart of the page reads: aid flow per crossing, the commodities asked summed
 * at the source; or the truck gaps of the crossings asked.
 */
function ask(view: View): RollupAsk {
  const { crossing, commodity, count } = view.options;
  return {
    resolution: view.full
      ? 'day'
      : chooseResolution(dayCount(view.range), Math.floor((view.width - 70) / 3)),
    crossingIds: crossing === 'all' ? [] : [crossing],
    ...(count === 'aid-flow'
      ? { by: 'crossing' as const, commodities: commodity === 'all' ? [] : [commodity] }
      : {}),
  };
}

/** The pairs of the view, and everything said about them in words. */
function compared(theatre: Theatre, rowsIn: readonly unknown[], view: View) {
  const { t, locale, sourceName, options, filters } = view;
  const { a, b, stage, measure, crossing, commodity } = options;
  const { count } = options;
  const crossingId = crossing === 'all' ? undefined : crossing;
  const levels = filters.verification;
  const kept = (r: { sourceId: string; verification: string; crossingId?: string }) =>
    (r.sourceId === a || r.sourceId === b) &&
    (levels.length === 0 || (levels as readonly string[]).includes(r.verification)) &&
    (crossingId === undefined || r.crossingId === crossingId);
  let figures: CountedFigure[];
  let shown: RollupBase[];
  if (count === 'aid-flow') {
    const rows = rowsIn as readonly AidFlowRollup[];
    figures = aidFlowFigures(
      rows,
      { stage, measure, ...(crossingId ? { crossingId } : {}) },
      filters,
    );
    shown = rows.filter((r) => kept(r) && r.stage === stage && r[measure] !== undefined);
  } else {
    const rows = rowsIn as readonly TruckGapsRollup[];
    figures = truckGapFigures(rows, { gap: count, ...(crossingId ? { crossingId } : {}) }, filters);
    shown = rows.filter((r) => kept(r) && r[count] !== undefined);
  }
  const pairs = a === b ? [] : pairFigures(figures, a, b);
  const crossingName = (id: string) => placeNameOf(theatre.crossings, id, locale);
  const value = (v: number) => formatNumber(v, locale, { maximumFractionDigits: v < 10 ? 1 : 0 });
  const where = crossing === 'all' ? t('compare.allCrossings') : crossingName(crossing);
  const what = (
    count === 'aid-flow'
      ? [
          t(`compare.measure.${measure}`),
          t(`stage.${stage}`),
          where,
          commodity === 'all'
            ? t('compare.allCommodities')
            : t(`aidFlow.commodity.${commodity as Commodity}`),
        ]
      : [t(`compare.count.${count}`), where]
  ).join(' · ');
  return {
    pairs,
    shares: rollupShares(shown),
    recordCount: shown.reduce((n, r) => n + r.records, 0),
    nameA: sourceName(a),
    nameB: sourceName(b),
    what,
    unit: t(`compare.unit.${count === 'aid-flow' ? measure : 'trucks'}`),
    /** A stock (trucks waiting): a rolled-up point is its last day, not a total. */
    stock: count === 'waiting',
    crossingName,
    value,
    cell: (v: number | null | undefined) => (v == null ? t('chart.noReport') : value(v)),
    ratio: (r: number | null | undefined) =>
      r == null
        ? t('compare.noRatio')
        : formatNumber(r, locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 }),
    signed: (v: number) => formatNumber(v, locale, { signDisplay: 'exceptZero' }),
  };
}

type Compared = ReturnType<typeof compared>;

/** What could not be compared, in words, for every chart's notes. */
function pairNotes(c: Compared, view: View, resolution: Resolution): string[] {
  const { t } = view;
  const counts = pairCounts(c.pairs);
  return [
    t('compare.note.never'),
    counts.compared
      ? t('compare.note.pairs', { count: counts.compared })
      : t('compare.note.noPairs'),
    ...(counts['missing-from-b']
      ? [
          t('compare.note.missing', {
            count: counts['missing-from-b'],
            has: c.nameA,
            lacks: c.nameB,
          }),
        ]
      : []),
    ...(counts['missing-from-a']
      ? [
          t('compare.note.missing', {
            count: counts['missing-from-a'],
            has: c.nameB,
            lacks: c.nameA,
          }),
        ]
      : []),
    ...(counts['days-differ']
      ? [t('compare.note.daysDiffer', { count: counts['days-differ'] })]
      : []),
    ...(resolution !== 'day'
      ? [t(`compare.note.rolledUp${c.stock ? '.stock' : ''}.${resolution}`)]
      : []),
  ];
}

function subtitleOf(
  c: Compared,
  view: View,
  resolution: Resolution,
  key: 'series' | 'difference' | 'ratio',
) {
  const { t, locale, range } = view;
  return t(`compare.${key}.subtitle`, {
    what: c.what,
    unit: c.unit,
    per: t(`compare.per.${c.stock ? 'stock.' : ''}${resolution}`),
    period: periodLabel(range, t, locale),
    a: c.nameA,
    b: c.nameB,
  });
}

/**
 * Both sources' counts of the same thing on one chart: each as it reports it (its own total
 * over the crossings it reports), never averaged, never added to the other.
 */
export const compareSeriesChart = (options: CompareOptions, count: ComparedCount = 'aid-flow') =>
  defineChart({
    id: 'compare-series',
    title: 'compare.series.title',
    datasets: [],
    rollup: { dataset: datasetOfCount(count), ask },
    bands: true,
    urlPrefix: 'compare',
    options,
    renderer: 'time',
    className: 'compare-series',
    build({ theatre, rollup, events }, view) {
      const { t, locale, range } = view;
      const resolution = rollup?.resolution ?? 'day';
      const c = compared(theatre, rollup?.rows ?? [], view);
      const buckets = bucketsFor(range, resolution);
      const byBucket = comparisonByBucket(c.pairs, buckets);
      const bands = bandsFor(events, buckets, view.timeZone);
      const legend: LegendEntry[] = [
        { label: c.nameA, ...A_STYLE, shape: 'line' },
        { label: c.nameB, ...B_STYLE, shape: 'line' },
      ];
      return {
        subtitle: subtitleOf(c, view, resolution, 'series'),
        legend,
        notes: [...pairNotes(c, view, resolution), t('chart.note.gaps')],
        bands,
        shares: c.shares,
        table: {
          caption: t('compare.series.caption', { what: c.what, unit: c.unit }),
          columns: [
            { label: t(`chart.col.${resolution}`) },
            { label: c.nameA, numeric: true, unit: c.unit },
            { label: c.nameB, numeric: true, unit: c.unit },
          ],
          rows: byBucket
            .filter((r) => r.a !== null || r.b !== null)
            .map((r) => ({
              key: r.bucket.key,
              header: bucketLabel(r.bucket, resolution, t, locale),
              iso: bucketIso(r.bucket, resolution),
              cells: [c.cell(r.a), c.cell(r.b)],
              values: [r.a, r.b],
            })),
        },
        hasData: c.pairs.length > 0,
        height: HEIGHT,
        plot: {
          kind: 'time',
          chart: {
            height: HEIGHT,
            rows: byBucket.map((r) => ({ key: r.bucket.key, a: r.a, b: r.b })),
            lines: [
              { dataKey: 'a', name: c.nameA, ...A_STYLE, width: 2 },
              { dataKey: 'b', name: c.nameB, ...B_STYLE, width: 2 },
            ],
            bands,
            tickFormat: tickFormatter(resolution, locale, range),
            valueFormat: (v: number) => formatNumber(v, locale, { notation: 'compact' }),
            describe: (key: string) => {
              const r = byBucket.find((x) => x.bucket.key === key);
              if (!r) return undefined;
              return {
                title: bucketLabel(r.bucket, resolution, t, locale),
                lines: [
                  { label: c.nameA, value: c.cell(r.a) },
                  { label: c.nameB, value: c.cell(r.b) },
                ],
              };
            },
          },
        },
      };
    },
  });

/**
 * Their difference (A − B) or ratio (A ÷ B), bucket by bucket, over the figures both report for
 * the same crossing and the same days only; what one of them lacks is left out and said.
 */
export const compareDifferenceChart = (
  options: CompareOptions,
  count: ComparedCount = 'aid-flow',
) =>
  defineChart({
    id: 'compare-difference',
    title: 'compare.difference.title',
    datasets: [],
    rollup: { dataset: datasetOfCount(count), ask },
    bands: false,
    urlPrefix: 'compare',
    options,
    renderer: 'time',
    className: 'compare-difference',
    build({ theatre, rollup }, view) {
      const { t, locale, range } = view;
      const resolution = rollup?.resolution ?? 'day';
      const c = compared(theatre, rollup?.rows ?? [], view);
      const byBucket = comparisonByBucket(c.pairs, bucketsFor(range, resolution));
      const ratio = view.options.show === 'ratio';
      const aMore = { colour: OKABE_ITO.blue, pattern: 'solid' as const };
      const bMore = { colour: OKABE_ITO.orange, pattern: 'hatch' as const };
      const legend: LegendEntry[] = ratio
        ? [
            {
              label: t('compare.ratio.line', { a: c.nameA, b: c.nameB }),
              colour: OKABE_ITO.black,
              shape: 'line',
            },
            { label: t('compare.ratio.equal'), ...REFERENCE_STYLE.baseline, shape: 'line' },
          ]
        : [
            { label: t('compare.difference.more', { source: c.nameA }), ...aMore, shape: 'box' },
            { label: t('compare.difference.more', { source: c.nameB }), ...bMore, shape: 'box' },
          ];
      const notCompared = (r: (typeof byBucket)[number]) =>
        r.missingFromA + r.missingFromB + r.daysDiffer;
      return {
        subtitle: subtitleOf(c, view, resolution, ratio ? 'ratio' : 'difference'),
        legend,
        notes: [
          ratio ? t('compare.note.ratio', { b: c.nameB }) : t('compare.note.difference'),
          ...pairNotes(c, view, resolution),
        ],
        bands: [],
        shares: c.shares,
        table: {
          caption: t('compare.difference.caption', { what: c.what, unit: c.unit }),
          columns: [
            { label: t(`chart.col.${resolution}`) },
            { label: t('compare.col.comparedA', { source: c.nameA }), numeric: true, unit: c.unit },
            { label: t('compare.col.comparedB', { source: c.nameB }), numeric: true, unit: c.unit },
            { label: t('compare.col.difference'), numeric: true, unit: c.unit },
            { label: t('compare.col.ratio'), numeric: true },
            { label: t('compare.col.notCompared'), numeric: true },
          ],
          rows: byBucket
            .filter((r) => r.comparedA !== null || notCompared(r) > 0)
            .map((r) => ({
              key: r.bucket.key,
              header: bucketLabel(r.bucket, resolution, t, locale),
              iso: bucketIso(r.bucket, resolution),
              cells: [
                c.cell(r.comparedA),
                c.cell(r.comparedB),
                r.difference === null ? t('compare.notCompared') : c.signed(r.difference),
                r.difference === null ? t('compare.notCompared') : c.ratio(r.ratio),
                formatNumber(notCompared(r), locale),
              ],
              values: [r.comparedA, r.comparedB, r.difference, r.ratio, notCompared(r)],
            })),
        },
        hasData: byBucket.some((r) => r.difference !== null),
        height: HEIGHT,
        plot: {
          kind: 'time',
          chart: {
            height: HEIGHT,
            rows: byBucket.map((r) => ({
              key: r.bucket.key,
              ratio: r.ratio,
              aMore: r.difference !== null && r.difference > 0 ? r.difference : null,
              bMore: r.difference !== null && r.difference < 0 ? r.difference : null,
            })),
            ...(ratio
              ? {
                  lines: [
                    {
                      dataKey: 'ratio',
                      name: t('compare.ratio.line', { a: c.nameA, b: c.nameB }),
                      colour: OKABE_ITO.black,
                      width: 2,
                    },
                  ],
                  references: [
                    { y: 1, label: t('compare.ratio.equal'), ...REFERENCE_STYLE.baseline },
                  ],
                }
              : {
                  bars: [
                    {
                      dataKey: 'aMore',
                      name: t('compare.difference.more', { source: c.nameA }),
                      stackId: 'd',
                      ...aMore,
                    },
                    {
                      dataKey: 'bMore',
                      name: t('compare.difference.more', { source: c.nameB }),
                      stackId: 'd',
                      ...bMore,
                    },
                  ],
                  references: [
                    { y: 0, label: t('compare.difference.equal'), ...REFERENCE_STYLE.baseline },
                  ],
                }),
            tickFormat: tickFormatter(resolution, locale, range),
            valueFormat: (v: number) =>
              ratio
                ? formatNumber(v, locale, { maximumFractionDigits: 2 })
                : formatNumber(v, locale, { notation: 'compact', signDisplay: 'exceptZero' }),
            describe: (key: string) => {
              const r = byBucket.find((x) => x.bucket.key === key);
              if (!r) return undefined;
              return {
                title: bucketLabel(r.bucket, resolution, t, locale),
                lines: [
                  { label: c.nameA, value: c.cell(r.comparedA) },
                  { label: c.nameB, value: c.cell(r.comparedB) },
                  {
                    label: t('compare.col.difference'),
                    value:
                      r.difference === null ? t('compare.notCompared') : c.signed(r.difference),
                  },
                  { label: t('compare.col.ratio'), value: c.ratio(r.ratio) },
                ],
              };
            },
          },
        },
      };
    },
  });

/**
 * The largest disagreements between the two (compared pairs, largest difference first) as
 * ranked bars and a table, followed in the table by the figures only one of them reports.
 */
export const compareDisagreementsChart = (
  options: CompareOptions,
  count: ComparedCount = 'aid-flow',
) =>
  defineChart({
    id: 'compare-disagreements',
    title: 'compare.disagreements.title',
    datasets: [],
    rollup: { dataset: datasetOfCount(count), ask },
    bands: false,
    urlPrefix: 'compare',
    options,
    renderer: 'ranked',
    className: 'compare-disagreements',
    tableShown: true,
    build({ theatre, rollup }, view) {
      const { t, locale } = view;
      const resolution = rollup?.resolution ?? 'day';
      const c = compared(theatre, rollup?.rows ?? [], view);
      const buckets = new Map(bucketsFor(view.range, resolution).map((b) => [b.from, b]));
      const top = largestDisagreements(c.pairs, DISAGREEMENTS_SHOWN);
      const when = (p: FigurePair) => {
        const b = buckets.get(p.bucket);
        return b ? bucketLabel(b, resolution, t, locale) : formatDay(p.bucket, locale);
      };
      // Bars' labels are short (the table has the full day): "Nov 13 · Kerem Shalom".
      const label = (p: FigurePair) =>
        `${resolution === 'day' ? formatShortDay(p.bucket, locale) : when(p)} · ${c.crossingName(p.thing)}`;
      const missing = c.pairs
        .filter((p) => p.state === 'missing-from-a' || p.state === 'missing-from-b')
        .sort(
          (x, y) => (y.a ?? y.b)!.value - (x.a ?? x.b)!.value || x.bucket.localeCompare(y.bucket),
        )
        .slice(0, DISAGREEMENTS_SHOWN);
      const differ = c.pairs.filter((p) => p.state === 'days-differ').slice(0, DISAGREEMENTS_SHOWN);
      const aMore = { colour: OKABE_ITO.blue, pattern: 'solid' as const };
      const bMore = { colour: OKABE_ITO.orange, pattern: 'hatch' as const };
      const row = (p: FigurePair, status: string): ChartTableRow => {
        const b = buckets.get(p.bucket);
        return {
          key: `${p.bucket}-${p.thing}`,
          header: when(p),
          ...(b ? { iso: bucketIso(b, resolution) } : {}),
          cells: [
            c.crossingName(p.thing),
            // Under the source's own column: "missing" says whose figure is absent.
            p.a ? c.value(p.a.value) : t('compare.missing'),
            p.b ? c.value(p.b.value) : t('compare.missing'),
            p.difference === undefined ? '—' : c.signed(p.difference),
            p.state === 'compared' ? c.ratio(p.ratio) : '—',
            status,
          ],
          values: [
            c.crossingName(p.thing),
            p.a?.value ?? null,
            p.b?.value ?? null,
            p.difference ?? null,
            p.ratio ?? null,
            status,
          ],
        };
      };
      const table: ChartTable = {
        caption: t('compare.disagreements.caption', { what: c.what, unit: c.unit }),
        columns: [
          { label: t(`chart.col.${resolution}`) },
          { label: t('compare.col.crossing') },
          { label: c.nameA, numeric: true, unit: c.unit },
          { label: c.nameB, numeric: true, unit: c.unit },
          { label: t('compare.col.difference'), numeric: true, unit: c.unit },
          { label: t('compare.col.ratio'), numeric: true },
          { label: t('compare.col.status') },
        ],
        rows: [
          ...top.map((p) => row(p, t('compare.status.disagree'))),
          ...missing.map((p) =>
            row(
              p,
              t('compare.status.missing', {
                source: p.state === 'missing-from-a' ? c.nameA : c.nameB,
              }),
            ),
          ),
          ...differ.map((p) =>
            row(
              p,
              t('compare.status.daysDiffer', {
                a: p.a!.daysReported,
                b: p.b!.daysReported,
              }),
            ),
          ),
        ],
      };
      return {
        subtitle: t(top.length ? 'compare.disagreements.subtitle' : 'compare.disagreements.none', {
          count: top.length,
          what: c.what,
          per: t(`compare.per.${c.stock ? 'stock.' : ''}${resolution}`),
          period: periodLabel(view.range, t, locale),
        }),
        legend: [
          { label: t('compare.difference.more', { source: c.nameA }), ...aMore, shape: 'box' },
          { label: t('compare.difference.more', { source: c.nameB }), ...bMore, shape: 'box' },
        ],
        notes: pairNotes(c, view, resolution),
        bands: [],
        shares: c.shares,
        table,
        hasData: c.pairs.length > 0,
        height: 40 + Math.max(1, top.length) * 22,
        plot: {
          kind: 'ranked',
          chart: {
            rows: top.map((p) => ({
              key: `${p.bucket}-${p.thing}`,
              name: label(p),
              value: Math.abs(p.difference!),
              ...(p.difference! > 0 ? aMore : bMore),
            })),
            valueFormat: (v: number) => formatNumber(v, locale, { notation: 'compact' }),
            describe: (key: string) => {
              const p = top.find((x) => `${x.bucket}-${x.thing}` === key);
              if (!p) return undefined;
              return {
                title: label(p),
                lines: [
                  { label: c.nameA, value: c.value(p.a!.value) },
                  { label: c.nameB, value: c.value(p.b!.value) },
                  { label: t('compare.col.difference'), value: c.signed(p.difference!) },
                  { label: t('compare.col.ratio'), value: c.ratio(p.ratio) },
                ],
              };
            },
          },
        },
      };
    },
  });
