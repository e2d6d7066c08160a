import type { Day } from '../domain/time.ts';
import { dataSpan } from '../domain/date-bounds.ts';
import {
  hashKey,
  useQueries,
  useQuery,
  useQueryClient,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import { useChartOptions } from '../data/chart-options.ts';
import type { QueryResult } from '../data/contract.ts';
import { datasetQuery, rollupQuery, useSourceName, useTheatre } from '../data/queries.ts';
import { useActiveSource } from '../data/source-context.tsx';
import { useViewState } from '../data/view-state.ts';
import type { OptionsSpec } from '../domain/chart-options.ts';
import { matchesFilters } from '../domain/filters.ts';
import type { Dataset } from '../domain/vocabulary.ts';
import type { ChartDescription, ChartTable } from '../ui/chart/chart-model.ts';
import { sourceCredits } from '../ui/chart/credits.ts';
import { useExportScope } from '../ui/export/export-context.tsx';
import { useI18n } from '../ui/i18n/context.tsx';
import { verificationNote } from '../ui/verification-note.ts';
import { outsideRangeOf, panelState, type PanelQuery } from '../ui/panel.tsx';
import { bandLegend, bandNotes } from './bands.ts';
import { markIncomplete, useIncompleteDays } from './incomplete-days.ts';
import type { ChartData, ChartModel, ChartSpec, ChartView, RendererKind } from './chart-spec.ts';

type Answer = UseQueryResult<QueryResult<Dataset>>;

/** The answers of several datasets; recomputed only when one of them changes. */
const combine = (results: Answer[]) => ({ results, answers: results.map((r) => r.data) });

/**
 * The queries of some datasets over the view's period, with the theatre: one per dataset,
 * shared with every other chart reading it (TanStack Query dedupes them).
 */
export function useDatasets(datasets: readonly Dataset[], range: { from: string; to: string }) {
  const { adapter } = useActiveSource();
  const theatreQuery = useTheatre();
  const { results, answers } = useQueries({
    queries: datasets.map((d) => datasetQuery(adapter, d, range)),
    combine,
  });
  const queries: PanelQuery[] = [theatreQuery, ...results];
  return { theatreQuery, results, answers, queries };
}

/**
 * Two roll-up keys that differ at most in their resolution (index 6 of rollupQuery's key): the
 * rows of one stand in for the other while it loads.
 */
function sameShape(a: readonly unknown[], b: readonly unknown[]): boolean {
  const without = (k: readonly unknown[]) => hashKey(k.filter((_, i) => i !== 6));
  return without(a) === without(b);
}

/** Each dataset's records under its name, as `build` reads them. */
function byDataset<D extends Dataset>(
  datasets: readonly D[],
  answers: readonly (QueryResult<Dataset> | undefined)[],
): ChartData<D>['records'] {
  const entries = datasets.map((d, i) => [d, answers[i]!.records]);
  return Object.fromEntries(entries) as unknown as ChartData<D>['records'];
}

export interface ChartState<R extends RendererKind> {
  state: 'loading' | 'ready' | 'error' | 'empty';
  description: ChartDescription;
  model: ChartModel<R> | undefined;
  /** The full-range table: every day the export scope's coverage spans, same filters and options. */
  fullTable: () => Promise<ChartTable | undefined>;
  queries: PanelQuery[];
  issues: NonNullable<Answer['data']>['issues'];
  /** Records its sources sent for days or crossings not asked for (counted, not used). */
  outsideRange: number;
  /** The resolution its roll-up was answered at (charts drawn from roll-ups). */
  resolution?: string;
}

/**
 * Everything a chart panel does besides drawing, once for every chart: the view and the
 * chart's options from the URL, its datasets' queries, events for bands, the model built by
 * the spec, band legend and notes, credits with the verification mix, the panel's state, and
 * the full-range CSV from the export scope's coverage.
 */
export function useChart<D extends Dataset, O extends OptionsSpec, R extends RendererKind>(
  spec: ChartSpec<D, O, R>,
  width: number,
  /** False until the width is measured: a roll-up sized to a guess would be fetched twice. */
  widthKnown = true,
): ChartState<R> {
  const { t, locale } = useI18n();
  const { adapter } = useActiveSource();
  const queryClient = useQueryClient();
  const scope = useExportScope();
  const followed: Dataset[] = [
    ...spec.datasets,
    ...(spec.rollup ? [spec.rollup.dataset] : []),
    ...(spec.bands ? (['events'] as const) : []),
  ];
  const { filters, range, timeZone, coverage } = useViewState(followed);
  const recordRange = spec.recordRange ? spec.recordRange(range, false) : range;
  const { theatreQuery, results, answers, queries } = useDatasets(spec.datasets, recordRange);
  const events = useQuery({ ...datasetQuery(adapter, 'events', range), enabled: spec.bands });
  const { values } = useChartOptions(spec.urlPrefix, spec.options);
  const sourceName = useSourceName();
  const theatre = theatreQuery.data?.theatre;
  const view = useMemo<ChartView<O>>(
    () => ({
      range,
      filters,
      timeZone,
      options: values,
      width,
      full: false,
      t,
      locale,
      sourceName,
    }),
    [range, filters, timeZone, values, width, t, locale, sourceName],
  );
  const ask = spec.rollup?.ask(view);
  // Filters the rows carry (verification, the dimension kept) apply here at once, without a
  // request; a new resolution keeps the rows shown until the new ones arrive (below).
  const rollupOptions = rollupQuery(adapter, {
    dataset: spec.rollup?.dataset ?? 'aid-flow',
    from: range.from,
    to: range.to,
    resolution: ask?.resolution ?? 'day',
    ...ask,
  });
  const rollupKey = rollupOptions.queryKey;
  const rolled = useQuery({
    ...rollupOptions,
    enabled: spec.rollup !== undefined && widthKnown,
    // Only rows of the same shape and the same filters at the source: another resolution
    // draws correctly meanwhile; rows summed another way or over other crossings would not.
    placeholderData: (previous, previousQuery) =>
      previousQuery && sameShape(previousQuery.queryKey, rollupKey) ? previous : undefined,
  });
  const allQueries: PanelQuery[] = spec.rollup ? [...queries, rolled] : queries;

  const data = useMemo(() => {
    if (!theatre || answers.some((a) => !a)) return undefined;
    if (spec.rollup && !rolled.data) return undefined;
    const shown = events.data?.records.filter((e) => matchesFilters(e, filters)) ?? [];
    return {
      theatre,
      records: byDataset<D>(spec.datasets, answers),
      events: shown,
      ...(rolled.data
        ? { rollup: { resolution: rolled.data.resolution, rows: rolled.data.rows } }
        : {}),
    };
  }, [theatre, answers, events.data, filters, spec.datasets, spec.rollup, rolled.data]);
  // Days of the source's rejected rows are marked incomplete (a separate layer: incomplete-days.ts).
  const incomplete = useIncompleteDays(spec.rollup ? [spec.rollup.dataset] : spec.datasets, range);
  const model = useMemo(
    () => (data ? markIncomplete(spec.build(data, view), incomplete, t) : undefined),
    [spec, data, view, incomplete, t],
  );

  const description: ChartDescription = {
    id: spec.id,
    title: t(spec.title),
    subtitle: model?.subtitle ?? '',
    sources: model && theatre ? sourceCredits(model.shares, theatre.sources, t, locale) : [],
    legend: model ? [...model.legend, ...bandLegend(model.bands, t)] : [],
    notes: model
      ? [
          ...model.notes,
          ...bandNotes(model.bands, t, locale, sourceName),
          ...(spec.bands && events.isError ? [t('chart.note.noBands')] : []),
          ...verificationNote(filters.verification, t),
        ]
      : [],
  };

  /*
   * Asked when a reader downloads it, never kept as component state: daily rows of the whole
   * coverage (a roll-up at day resolution, or the records), built into the table and dropped.
   */
  const fullTable = async () => {
    if (!theatre) return undefined;
    const stated = scope?.coverage ?? coverage;
    const wide = { ...view, range: stated, width: Infinity, full: true };
    const fullAsk = spec.rollup?.ask(wide);
    const [all, rows] = await Promise.all([
      Promise.all(
        spec.datasets.map((d) =>
          queryClient.fetchQuery(
            datasetQuery(adapter, d, spec.recordRange ? spec.recordRange(stated, true) : stated),
          ),
        ),
      ),
      spec.rollup && fullAsk
        ? adapter.rollup({ dataset: spec.rollup.dataset, ...stated, ...fullAsk })
        : undefined,
    ]);
    // The table starts at the first day with a record, not at a stated start years earlier.
    const days = [
      ...all.flatMap((r) => r.records.flatMap((rec) => (rec as { date?: Day }).date ?? [])),
      ...(rows?.rows.map((r) => r.bucket) ?? []),
    ];
    const span = days.length > 0 ? dataSpan(days, stated) : stated;
    const full = { ...wide, range: span };
    return spec.build(
      {
        theatre,
        records: byDataset<D>(spec.datasets, all),
        events: [],
        ...(rows ? { rollup: { resolution: rows.resolution, rows: rows.rows } } : {}),
      },
      full,
    ).table;
  };

  return {
    state: panelState(allQueries, model?.hasData ?? false),
    description,
    model,
    fullTable,
    queries: allQueries,
    issues: [...results.flatMap((r) => r.data?.issues ?? []), ...(rolled.data?.issues ?? [])],
    outsideRange: outsideRangeOf(results.map((r) => r.data)) + (rolled.data?.outsideRange ?? 0),
    ...(rolled.data ? { resolution: rolled.data.resolution } : {}),
  };
}
