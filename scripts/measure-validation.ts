/**
 * How long record validation takes on the main thread (issue 12 item 5): the demo scenario's
 * raw records of every dataset, through `validateDataset` as the adapters call it (fast path,
 * zod for the rest, date bounds) and through zod alone (`validateRecords` with the schema and the
 * same bounds: what every answer cost before the fast path). Prints records per second and
 * milliseconds per 1,700 records (about one overview answer). To read, not a test with a budget.
 *
 *   npx tsx scripts/measure-validation.ts [--rounds 30]
 */
import { createScenario } from '../mocks/scenario/index.ts';
import { dateBounds } from '../src/domain/date-bounds.ts';
import { DATASET_SCHEMAS } from '../src/domain/datasets.ts';
import { validateDataset, validateRecords } from '../src/domain/validate.ts';
import { DATASETS, type Dataset } from '../src/domain/vocabulary.ts';

const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 30;
const TIME_ZONE = 'Asia/Gaza';
const scenario = createScenario({
  start: '2025-01-01',
  end: '2025-06-30',
  now: '2025-07-01T00:00:00Z',
});
const dates = {
  bounds: dateBounds(Date.parse('2025-07-01T00:00:00Z'), TIME_ZONE),
  timeZone: TIME_ZONE,
};
const range = { from: '2025-01-01', to: '2025-06-30' };

function measure(
  label: string,
  items: readonly unknown[],
  run: (items: readonly unknown[]) => void,
) {
  for (let i = 0; i < 3; i++) run(items); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    run(items);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const perSecond = Math.round((items.length / median) * 1000);
  const per1700 = (median * 1700) / items.length;
  console.log(
    `${label.padEnd(28)} | ${String(items.length).padStart(6)} records | ${perSecond.toLocaleString('en').padStart(10)} records/s | ${per1700.toFixed(1).padStart(6)} ms per 1,700`,
  );
}

type Way = (dataset: Dataset, items: readonly unknown[]) => unknown;
const WAYS: [string, Way][] = [
  [
    'zod alone',
    (dataset, items) =>
      validateRecords(DATASET_SCHEMAS[dataset], items, { sourceId: 'demo', dataset, dates }),
  ],
  ['fast path', (dataset, items) => validateDataset(dataset, items, { sourceId: 'demo', dates })],
];

console.log(`median of ${ROUNDS} rounds, Node ${process.version}`);
const all: { dataset: Dataset; raw: unknown }[] = [];
for (const dataset of DATASETS)
  all.push(...scenario.records(dataset, range).map((raw) => ({ dataset, raw })));
// A mixed answer of 1,700 records in the proportions of the scenario.
const step = Math.max(1, Math.floor(all.length / 1700));
const mixed = all.filter((_, i) => i % step === 0).slice(0, 1700);
for (const [way, run] of WAYS) {
  for (const dataset of DATASETS) {
    const items = all.filter((x) => x.dataset === dataset).map((x) => x.raw);
    measure(`${way}: ${dataset}`, items, (xs) => run(dataset, xs));
  }
  const byDataset = DATASETS.map(
    (dataset) => [dataset, mixed.filter((x) => x.dataset === dataset).map((x) => x.raw)] as const,
  );
  measure(`${way}: mixed`, mixed, () => {
    for (const [dataset, items] of byDataset) run(dataset, items);
  });
}
