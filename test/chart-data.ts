/**
 * Chart specs tested as pure functions: the demo scenario's records, validated as an adapter
 * would, and a view in English. No MSW, no React, no browser.
 */
import { createScenario } from '../mocks/scenario/index.ts';
import type {
  ChartData,
  ChartModel,
  ChartSpec,
  ChartView,
  RendererKind,
} from '../src/charts/chart-spec.ts';
import { rollUpDataset } from '../src/domain/rollup.ts';
import type { OptionValues, OptionsSpec } from '../src/domain/chart-options.ts';
import { DATASET_SCHEMAS } from '../src/domain/datasets.ts';
import { DEFAULT_FILTERS } from '../src/domain/filters.ts';
import { theatreSchema, type TheatreEvent } from '../src/domain/schemas.ts';
import type { Dataset } from '../src/domain/vocabulary.ts';
import { validateRecords } from '../src/domain/validate.ts';
import { createTranslator } from '../src/ui/i18n/translate.ts';

/** A fixed scenario, observed at a fixed moment: the same records on every run. */
const scenario = createScenario({
  start: '2025-01-01',
  end: '2025-06-30',
  now: '2025-07-01T00:00:00Z',
});
export const RANGE = { from: '2025-03-01', to: '2025-05-29' };

const valid = <D extends Dataset>(dataset: D, range: { from: string; to: string }) =>
  validateRecords(DATASET_SCHEMAS[dataset], scenario.records(dataset, range), {
    sourceId: 'demo',
    dataset,
  }).accepted;

export function scenarioData<D extends Dataset>(
  datasets: readonly D[],
  range = RANGE,
): ChartData<D> {
  const theatre = theatreSchema.parse(scenario.theatre);
  const records = Object.fromEntries(datasets.map((d) => [d, valid(d, range)]));
  return {
    theatre,
    records: records as unknown as ChartData<D>['records'],
    events: valid('events', range) as TheatreEvent[],
  };
}

export function viewOf<O extends OptionsSpec>(
  spec: { options: O },
  options: Partial<OptionValues<O>> = {},
  over: Partial<ChartView<O>> = {},
): ChartView<O> {
  const defaults = Object.fromEntries(
    Object.entries(spec.options).map(([name, option]) => [name, option.default]),
  ) as OptionValues<O>;
  const theatre = theatreSchema.parse(scenario.theatre);
  return {
    range: RANGE,
    filters: DEFAULT_FILTERS,
    timeZone: theatre.timeZone,
    options: { ...defaults, ...options },
    width: 800,
    full: false,
    t: createTranslator('en'),
    locale: 'en',
    sourceName: (id) => theatre.sources.find((s) => s.id === id)?.name ?? id,
    ...over,
  };
}

/**
 * A spec's model as the panel would build it: for a chart drawn from roll-ups, the records in
 * `data` (of the roll-up's dataset) are rolled up as a source would answer the spec's ask.
 */
export function buildChart<D extends Dataset, O extends OptionsSpec, R extends RendererKind>(
  spec: ChartSpec<D, O, R>,
  view: ChartView<O>,
  data: ChartData<D>,
): ChartModel<R> {
  if (!spec.rollup) return spec.build(data, view);
  const ask = spec.rollup.ask(view);
  const records =
    (data.records as Partial<Record<Dataset, readonly unknown[]>>)[spec.rollup.dataset] ?? [];
  const rows = rollUpDataset(spec.rollup.dataset, records, view.range, ask.resolution, ask, {
    timeZone: data.theatre.timeZone,
    now: Date.parse('2025-07-01T00:00:00Z'),
  });
  return spec.build({ ...data, rollup: { resolution: ask.resolution, rows } }, view);
}
