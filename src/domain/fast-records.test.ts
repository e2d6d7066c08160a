// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScenario } from '../../mocks/scenario/index.ts';
import { checkDates, dateBounds, datesChecker } from './date-bounds.ts';
import { DATASET_SCHEMAS } from './datasets.ts';
import { FAST_RECORDS } from './fast-records.ts';
import { describeReasons } from './reasons.ts';
import { validateDataset, validateRecords } from './validate.ts';
import { DATASETS, type Dataset } from './vocabulary.ts';

/**
 * The fast path must be invisible: for any input, `validateDataset` (fast checks, zod for the
 * rest) gives exactly what zod alone gives (`validateRecords` with the schema and bounds) —
 * the same accepted outputs, key for key and in the same order, and the same rejects with the
 * same reasons, coded (`reasons`) and in English (`reason`).
 */

const TIME_ZONE = 'Asia/Gaza';
const NOW = '2025-07-01T00:00:00Z';
const scenario = createScenario({ start: '2025-01-01', end: '2025-06-30', now: NOW });
const dates = { bounds: dateBounds(Date.parse(NOW), TIME_ZONE), timeZone: TIME_ZONE };
const context = { sourceId: 'demo', dates };

function bothWays(dataset: Dataset, items: readonly unknown[]) {
  const fast = validateDataset(dataset, items, context);
  const zodOnly = validateRecords(DATASET_SCHEMAS[dataset], items, { ...context, dataset });
  return { fast, zodOnly };
}

/** JSON that keeps what toStrictEqual ignores: key order, and keys holding undefined. */
const ordered = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (v === undefined ? '<undefined>' : v));

function expectSame(dataset: Dataset, items: readonly unknown[]) {
  const { fast, zodOnly } = bothWays(dataset, items);
  expect(fast.accepted.length + fast.rejected.length).toBe(items.length);
  expect(fast).toStrictEqual(zodOnly);
  expect(ordered(fast.accepted)).toBe(ordered(zodOnly.accepted));
  // The coded reasons too, in order: the interface words these, not the English text.
  expect(ordered(fast.rejected.map((r) => r.reasons))).toBe(
    ordered(zodOnly.rejected.map((r) => r.reasons)),
  );
  for (const issue of fast.rejected) {
    expect(issue.reasons.length).toBeGreaterThan(0);
    expect(issue.reason).toBe(describeReasons(issue.reasons));
  }
}

const clone = <T>(value: T): T => structuredClone(value);

/** Sets (or, with DELETE, removes) the field at `path` of a copy of `record`. */
const DELETE = Symbol('delete');
function mutate(record: unknown, path: readonly string[], value: unknown): unknown {
  const copy = clone(record) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    if (!next || typeof next !== 'object') return copy;
    target = next as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === DELETE) delete target[last];
  else target[last] = clone(value);
  return copy;
}

/** Every field path of a record, nested objects and first array items included. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => [
    [...prefix, key],
    ...paths(v, [...prefix, key]),
  ]);
}

const HOSTILE_VALUES: unknown[] = [
  DELETE,
  undefined,
  null,
  NaN,
  Infinity,
  -Infinity,
  -1,
  -0,
  0,
  0.5,
  24,
  24.5,
  100,
  100.5,
  365,
  366,
  1000,
  1001,
  5000,
  5001,
  10_000,
  10_001,
  100_001,
  10_000_001,
  1e308,
  true,
  false,
  '',
  '   ',
  ' kerem-shalom ',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'x'.repeat(80),
  'x'.repeat(81),
  ` ${'x'.repeat(80)} `,
  'x'.repeat(201),
  'x'.repeat(1001),
  'x'.repeat(4001),
  'half-open',
  'OPEN',
  'open',
  'food',
  'percent',
  'hours/day',
  'none',
  'verified',
  '2025-02-29',
  '2024-02-29',
  '2025-13-01',
  '2025-3-1',
  '1999-12-31',
  '2000-01-01',
  '2025-07-02',
  '2025-07-03',
  '2099-01-01',
  '2025-03-01T10:00:00',
  '2025-03-01T10:00Z',
  '2025-03-01T10:00:00.123456789Z',
  '2025-03-01T24:00:00Z',
  '2025-03-01T10:00:00+02:00',
  '2025-03-01T10:00:00+24:00',
  '1970-01-01T00:00:00Z',
  '1999-12-31T21:59:59Z',
  '1999-12-31T22:00:00Z',
  '1999-12-31T23:59:59-05:00',
  '2025-07-02T21:59:59Z',
  '2025-07-02T22:00:00Z',
  '2025-07-02T23:59:59+02:00',
  '2025-07-03T00:00:00+03:00',
  '2026-07-02T21:00:00Z',
  '2026-07-03T00:00:00Z',
  '2099-01-01T00:00:00Z',
  '10:00',
  '24:00',
  '9:00',
  {},
  [],
  [1, 2],
  ['gaza-north', ' khan-younis '],
  [''],
  { start: '10:00', end: '20:00' },
  [{ start: '10:00', end: '20:00', extra: '<b>' }],
  [{ start: '10:00', end: '25:00' }],
  { opens: '08:00', closes: '16:00' },
  { opens: '08:00', closes: '16:00', extra: 1 },
  JSON.parse('{"__proto__": {"polluted": true}, "opens": "08:00", "closes": "16:00"}'),
];

/** Whole-record mutations: extra keys, prototype tricks, not an object at all. */
function recordMutations(record: Record<string, unknown>): unknown[] {
  const withPrototype = clone(record);
  const status = clone(record);
  delete status.provenance;
  Object.setPrototypeOf(status, { provenance: record.provenance });
  return [
    { ...clone(record), extra: '<script>x</script>', constructor: 1, toString: 'x' },
    JSON.parse(`{"__proto__": {"isAdmin": true}, ${JSON.stringify(record).slice(1)}`),
    JSON.parse(`{${JSON.stringify(record).slice(1, -1)}, "__proto__": ${JSON.stringify(record)}}`),
    Object.assign(Object.create(null) as object, clone(record)),
    Object.setPrototypeOf(withPrototype, { polluted: true }),
    status,
    Object.assign(new Date(0), clone(record)),
    null,
    undefined,
    [],
    [clone(record)],
    'record',
    42,
  ];
}

const RANGE = { from: '2025-01-01', to: '2025-06-30' };

describe('fast validation path', () => {
  it.each(DATASETS)('gives what zod gives for every demo record of %s', (dataset) => {
    const items = scenario.records(dataset, RANGE);
    const { fast } = bothWays(dataset, items);
    expect(fast.rejected.length).toBeGreaterThan(0); // the deliberately invalid ones
    expectSame(dataset, items);
  });

  it.each(DATASETS)(
    'vouches only for records zod accepts, with the same output (%s)',
    (dataset) => {
      const schema = DATASET_SCHEMAS[dataset];
      const items = scenario.records(dataset, RANGE);
      let vouched = 0;
      for (const raw of items) {
        const fast = FAST_RECORDS[dataset](raw);
        if (fast === undefined) continue;
        vouched++;
        const parsed = schema.safeParse(raw);
        expect(parsed.success).toBe(true);
        expect(fast).toStrictEqual(parsed.data);
        expect(ordered(fast)).toBe(ordered(parsed.data));
      }
      // The fast path is used: every well-formed demo record goes through it.
      const valid = items.filter((raw) => schema.safeParse(raw).success).length;
      expect(vouched).toBe(valid);
    },
  );

  it.each(DATASETS)('gives what zod gives for hostile mutations of %s', (dataset) => {
    // Valid and invalid records of a month: every field of each, set to every hostile value.
    const month = scenario.records(dataset, { from: '2025-03-01', to: '2025-03-31' });
    const schema = DATASET_SCHEMAS[dataset];
    const valid = month.filter((r) => schema.safeParse(r).success);
    const invalid = month.filter((r) => !schema.safeParse(r).success);
    const bases = [...valid.filter((_, i) => i % Math.ceil(valid.length / 6) === 0), ...invalid];
    const items: unknown[] = [];
    for (const base of bases) {
      for (const path of paths(base))
        for (const value of HOSTILE_VALUES) items.push(mutate(base, path, value));
      items.push(...recordMutations(base as Record<string, unknown>));
    }
    expectSame(dataset, items);
  });

  it('gives what zod gives for records fast-check makes up', () => {
    const bases = DATASETS.map(
      (dataset) =>
        [dataset, scenario.records(dataset, { from: '2025-04-01', to: '2025-04-07' })] as const,
    );
    const record = fc
      .constantFrom(...bases)
      .chain(([dataset, items]) => fc.tuple(fc.constant(dataset), fc.constantFrom(...items)));
    fc.assert(
      fc.property(
        record,
        fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.anything())), {
          maxLength: 3,
        }),
        ([dataset, base], changes) => {
          const fields = paths(base);
          let item = base;
          for (const [at, value] of changes)
            item = mutate(item, fields[at % fields.length]!, value);
          expectSame(dataset, [item]);
        },
      ),
      { numRuns: 2000, seed: 1212 },
    );
  });

  it('bounds dates exactly as checkDates does, at the edges and in other zones', () => {
    const instants: string[] = [];
    for (const day of ['1999-12-30', '1999-12-31', '2000-01-01', '2000-01-02'])
      for (const zone of ['Z', '+14:00', '-12:00', '+02:00', '+03:00'])
        for (const time of ['00:00:00', '01:59:59', '02:00:00', '21:59:59', '22:00:00', '23:59:59'])
          instants.push(`${day}T${time}${zone}`);
    for (const day of ['2025-07-01', '2025-07-02', '2025-07-03', '2026-07-02', '2026-07-03'])
      for (const zone of ['Z', '+14:00', '-12:00', '+02:00', '+03:00'])
        for (const time of ['00:00:00', '00:59:59', '21:00:00', '21:59:59', '22:00:00', '23:59:59'])
          instants.push(`${day}T${time}${zone}`);
    for (const timeZone of [TIME_ZONE, 'Pacific/Kiritimati', 'Etc/GMT+12', 'UTC']) {
      const bounds = dateBounds(Date.parse(NOW), timeZone);
      const check = datesChecker('events', bounds, timeZone);
      for (const start of instants)
        for (const end of [undefined, ...instants.filter((_, i) => i % 7 === 0)]) {
          const event = { start, end, provenance: { reportedAt: start } };
          expect(check(event), `${timeZone} ${start} ${end}`).toEqual(
            checkDates('events', event, bounds, timeZone),
          );
        }
    }
  });
});

describe('fields issue 14 added to every record', () => {
  it('keeps the crossings an event names and who verified a record, as zod does', () => {
    const provenance = {
      sourceId: 'un-monitor',
      reportedAt: '2025-03-01T08:00:00+02:00',
      verification: 'verified',
      method: 'Seen at the gate',
      verifiedBy: 'Joint observer team',
    };
    const event = {
      id: 'closure-1',
      kind: 'closure',
      start: '2025-03-01T06:00:00+02:00',
      areaIds: ['rafah'],
      crossingIds: ['kerem-shalom', 'rafah'],
      title: 'Closure',
      provenance,
    };
    const { fast } = bothWays('events', [event, { ...event, crossingIds: [''] }]);
    expect(fast.accepted[0]).toMatchObject({
      crossingIds: ['kerem-shalom', 'rafah'],
      provenance: { verifiedBy: 'Joint observer team' },
    });
    expectSame('events', [event, { ...event, crossingIds: [''] }, { ...event, crossingIds: 'x' }]);
    expectSame('crossing-status', [
      { crossingId: 'kerem-shalom', at: '2025-03-01T06:00:00+02:00', status: 'open', provenance },
      {
        crossingId: 'kerem-shalom',
        at: '2025-03-01T06:00:00+02:00',
        status: 'open',
        provenance: { ...provenance, verifiedBy: 'x'.repeat(201) },
      },
    ]);
  });
});
