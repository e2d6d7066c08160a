import type { OptionValues, OptionsSpec } from '../domain/chart-options.ts';
import type { DatasetRecord } from '../domain/datasets.ts';
import type { Filters } from '../domain/filters.ts';
import type { SourceShare } from '../domain/provenance.ts';
import type { RollupDataset, RollupResolution, RollupRow, RollupShape } from '../domain/rollup.ts';
import type { Theatre, TheatreEvent } from '../domain/schemas.ts';
import type { Band } from '../domain/series.ts';

import type { Day } from '../domain/time.ts';
import type { Dataset } from '../domain/vocabulary.ts';
import type { ChartTable, LegendEntry } from '../ui/chart/chart-model.ts';
import type { RankedBarsProps } from '../ui/chart/ranked-bars.tsx';
import type { TimeChartProps } from '../ui/chart/time-chart.tsx';
import type { TimelineChartProps } from '../ui/chart/timeline-chart.tsx';
import type { MessageKey, Translate } from '../ui/i18n/translate.ts';

/**
 * One chart as data (after OWID Grapher's ChartInterface): what it reads, the options a reader
 * can change (in the URL under `urlPrefix`), and a pure `build` from records to everything the
 * frame draws. The generic panel (`chart-panel.tsx`) does the rest once: view state, queries,
 * event bands' legend and notes, credits, loading/empty/error, full-range CSV, exports.
 */
export interface ChartSpec<
  D extends Dataset = Dataset,
  O extends OptionsSpec = OptionsSpec,
  R extends RendererKind = RendererKind,
> {
  /** Stable id: `data-chart`, `#chart-<id>`, `/embed/<id>`, export file names. */
  id: string;
  title: MessageKey;
  /** The datasets whose records it reads (none for a chart drawn from roll-ups only). */
  datasets: readonly D[];
  /**
   * The days of records it reads, when not the whole period: a chart of the latest figures
   * reads the last days only, never the whole history. Default: the view's range.
   */
  recordRange?: (range: { from: Day; to: Day }, full: boolean) => { from: Day; to: Day };
  /**
   * A roll-up it draws instead of records (issue 12): the dataset, and for a view the
   * resolution it has room for (never more buckets than pixels) and the shape of the rows. The
   * full-range CSV asks with `view.full` (daily rows).
   */
  rollup?: { dataset: RollupDataset; ask: (view: ChartView<O>) => RollupAsk };
  /** Pauses and cease-fire phases as bands: also reads `events` (a failure there only drops them). */
  bands: boolean;
  /** Options in the URL as `<urlPrefix>.<name>`. */
  urlPrefix: string;
  options: O;
  /** How each option is offered above the chart; options without an entry have no control. */
  controls?: { [K in keyof O]?: OptionControl };
  renderer: R;
  className?: string;
  /** Its table is what it is for (a short list): shown open, not behind "Show as table". */
  tableShown?: boolean;
  build: (data: ChartData<D>, view: ChartView<O>) => ChartModel<R>;
}

export interface OptionControl {
  legend: MessageKey;
  label: (value: string) => MessageKey;
}

/** What a chart asks of a roll-up. */
export interface RollupAsk extends RollupShape {
  resolution: RollupResolution;
}

/** What `build` reads: the theatre, each dataset's records, and the events for bands. */
export interface ChartData<D extends Dataset> {
  theatre: Theatre;
  records: { [K in D]: readonly DatasetRecord<K>[] };
  /** The spec's roll-up, when it has one: its rows at the resolution the source answered. */
  rollup?: { resolution: RollupResolution; rows: readonly RollupRow<RollupDataset>[] };
  /** Events passing the filters (empty while they load or if they failed). */
  events: readonly TheatreEvent[];
}

/** What `build` is asked to show, and the words and numbers it speaks with. */
export interface ChartView<O extends OptionsSpec> {
  range: { from: Day; to: Day };
  filters: Filters;
  timeZone: string;
  options: OptionValues<O>;
  /** The plot's width in CSS px; Infinity for the full-range CSV (every day, nothing rolled up). */
  width: number;
  /** Building the full-range CSV: every day the source covers. */
  full: boolean;
  t: Translate;
  locale: string;
  sourceName: (sourceId: string) => string;
}

export type RendererKind = 'time' | 'ranked' | 'timeline' | 'multiples';

export type Drawn<P> = Omit<P, 'width' | 'animate' | 'label'>;
export interface SmallMultiple {
  id: string;
  title: string;
  /** No line to draw: "no report" in words instead. */
  empty: boolean;
  chart: Drawn<TimeChartProps>;
}

export type Plot<R extends RendererKind = RendererKind> = {
  time: { kind: 'time'; chart: Drawn<TimeChartProps> };
  ranked: { kind: 'ranked'; chart: Drawn<RankedBarsProps> };
  timeline: { kind: 'timeline'; chart: Drawn<TimelineChartProps> };
  multiples: { kind: 'multiples'; columnWidth: number; items: SmallMultiple[] };
}[R];

/** Everything a chart shows besides the frame's own words. */
export interface ChartModel<R extends RendererKind = RendererKind> {
  subtitle: string;
  /** Marks' legend; the frame adds the bands'. */
  legend: LegendEntry[];
  /** Notes; the frame adds one per band and one if the bands could not be read. */
  notes: string[];
  /** Event bands drawn (the frame writes their legend and notes). */
  bands: readonly Band[];
  /** Who gave the figures shown, with their verification mix (the frame credits them). */
  shares: readonly SourceShare[];
  table: ChartTable;
  /** Something to draw: otherwise the chart says it has nothing for the period. */
  hasData: boolean;
  /** Plot height while the renderer loads, so the page does not jump. */
  height: number;
  plot: Plot<R>;
}

/** A spec of any datasets and options, for lists (the registry, a group of charts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyChartSpec = ChartSpec<any, any, any>;

/** Declares a spec with its types inferred (options, datasets and renderer checked together). */
export function defineChart<D extends Dataset, O extends OptionsSpec, R extends RendererKind>(
  spec: ChartSpec<D, O, R>,
): ChartSpec<D, O, R> {
  return spec;
}

/** The words and numbers of a view, for helpers that need no options. */
export type ChartWords = Pick<ChartView<OptionsSpec>, 't' | 'locale' | 'timeZone' | 'sourceName'>;
