/**
 * How long record validation takes on the main thread (issue 12 item 5): the demo scenario's
 * raw records of every dataset, through `validateDataset` as the adapters call it (schema and
 * date bounds). Prints records per second and milliseconds per 1,700 records (about what one
 * overview answer holds). A measurement to read, not a test with a budget.
 *
 *   npx tsx scripts/measure-validation.ts [--rounds 30]
 */
import { createScenario } from '../mocks/scenario/index.ts';
import { dateBounds } from '../src/domain/date-bounds.ts';
import { validateDataset } from '../src/domain/validate.ts';
import { DATASETS } from '../src/domain/vocabulary.ts';

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
    `${label.padEnd(18)} | ${String(items.length).padStart(6)} records | ${perSecond.toLocaleString('en').padStart(10)} records/s | ${per1700.toFixed(1).padStart(6)} ms per 1,700`,
  );
}

console.log(`median of ${ROUNDS} rounds, Node ${process.version}`);
const all: { dataset: (typeof DATASETS)[number]; raw: unknown }[] = [];
for (const dataset of DATASETS) {
  const items = scenario.records(dataset, range);
  for (const raw of items) all.push({ dataset, raw });
  measure(dataset, items, (xs) => validateDataset(dataset, xs, { sourceId: 'demo', dates }));
}
// A mixed answer of 1,700 records in the proportions of the scenario.
const step = Math.max(1, Math.floor(all.length / 1700));
const mixed = all.filter((_, i) => i % step === 0).slice(0, 1700);
measure('mixed 1,700', mixed, (xs) => {
  for (const dataset of DATASETS) {
    const mine = (xs as typeof mixed).filter((x) => x.dataset === dataset).map((x) => x.raw);
    validateDataset(dataset, mine, { sourceId: 'demo', dates });
  }
});
