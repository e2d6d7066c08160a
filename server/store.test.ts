// @vitest-environment node
/**
 * The store answers the contract as the mock does: seeded from the same scenario at the same
 * moment, every dataset's records and every roll-up (aid flow's in SQL) match the mock's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../mocks/handlers.ts';
import { createScenario } from '../mocks/scenario/index.ts';
import { startServer, type RunningServer } from '../scripts/api-server.ts';
import { DATASET_SCHEMAS } from '../src/domain/datasets.ts';
import { shiftDay, theatreDay } from '../src/domain/time.ts';
import { DATASETS, type Dataset } from '../src/domain/vocabulary.ts';
import { storeApi } from './api.ts';
import { seedDemo } from './seed.ts';
import { storesUnderTest } from './test-stores.ts';
import { getResponse } from 'msw';

const NOW = Date.parse('2026-06-15T09:30:00Z');
const TODAY = theatreDay(NOW, 'Asia/Gaza');
const START = shiftDay(TODAY, -120);
const options = { start: START, end: TODAY, now: NOW } as const;

/** JSON with keys in order at every level (jsonb keeps keys in its own order). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** A record as the dashboard reads it (schema defaults applied), or as received if invalid. */
function read(dataset: Dataset, raw: unknown): string {
  const parsed = DATASET_SCHEMAS[dataset].safeParse(raw);
  return canonical(parsed.success ? parsed.data : raw);
}
const sorted = (items: string[]) => [...items].sort();

describe.each(storesUnderTest())('the store on $name answers as the mock does', (kind) => {
  let server: RunningServer;
  let drop: () => Promise<void>;
  const handlers = createHandlers({ scenario: createScenario(options) });

  beforeAll(async () => {
    const store = await kind.open();
    drop = store.drop;
    await seedDemo(store.db, options);
    server = await startServer({ api: storeApi({ db: store.db }) });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  async function both(path: string) {
    const [stored, mocked] = await Promise.all([
      fetch(`${server.url}/api/v1${path}`).then(async (r) => ({
        status: r.status,
        json: (await r.json()) as {
          data: unknown[];
          rejected?: unknown[];
          meta: Record<string, unknown>;
        },
      })),
      getResponse(handlers, new Request(`http://mock/api/v1${path}`)).then(async (r) => ({
        status: r!.status,
        json: (await r!.json()) as {
          data: unknown[];
          rejected?: unknown[];
          meta: Record<string, unknown>;
        },
      })),
    ]);
    return { stored, mocked };
  }

  const from = shiftDay(TODAY, -45);
  it.each(DATASETS)('%s: the same records, the bad ones included', async (dataset) => {
    const { stored, mocked } = await both(`/${dataset}?from=${from}&to=${TODAY}`);
    expect(stored.status).toBe(200);
    expect(mocked.json.data.length).toBeGreaterThan(0);
    expect(sorted(stored.json.data.map((r) => read(dataset, r)))).toEqual(
      sorted(mocked.json.data.map((r) => read(dataset, r))),
    );
  });

  it.each([
    ['aid-flow', 'month', ''],
    ['aid-flow', 'week', '&by=crossing'],
    ['aid-flow', 'day', '&by=commodity&crossing=kerem-shalom'],
    ['aid-flow', 'week', '&commodity=fuel,food&source=un-monitor'],
    ['crossing-status', 'week', ''],
    ['facility-status', 'month', ''],
    ['movements', 'week', '&by=purpose'],
  ])('%s roll-up by %s%s: the same rows and rejects', async (dataset, resolution, extra) => {
    const path = `/${dataset}?from=${START}&to=${TODAY}&resolution=${resolution}${extra}`;
    const { stored, mocked } = await both(path);
    expect(stored.status, JSON.stringify(stored.json).slice(0, 300)).toBe(200);
    expect(mocked.json.data.length).toBeGreaterThan(0);
    const key = (rows: unknown[]) => sorted(rows.map(canonical));
    expect(key(stored.json.data)).toEqual(key(mocked.json.data));
    expect(stored.json.rejected?.length).toBe(mocked.json.rejected?.length);
    expect(stored.json.meta.records).toBe(mocked.json.meta.records);
    // The newest report behind the figures: from the records, or beside the sums.
    expect(stored.json.meta.reportedUpTo).toBeDefined();
    expect(stored.json.meta.reportedUpTo).toBe(mocked.json.meta.reportedUpTo);
  });

  it('aid-flow roll-up with since: only the buckets reported into after it', async () => {
    const since = new Date(NOW - 3 * 86_400_000).toISOString();
    const path = `/aid-flow?from=${START}&to=${TODAY}&resolution=week&since=${since}`;
    const { stored, mocked } = await both(path);
    expect(stored.json.data.length).toBeGreaterThan(0);
    const key = (rows: unknown[]) => sorted(rows.map(canonical));
    expect(key(stored.json.data)).toEqual(key(mocked.json.data));
  });

  it.each(['crossing-status', 'aid-flow', 'events'])(
    '%s with since: only what was reported after it',
    async (dataset) => {
      const since = new Date(NOW - 2 * 86_400_000).toISOString();
      const { stored, mocked } = await both(`/${dataset}?from=${from}&to=${TODAY}&since=${since}`);
      expect(stored.status).toBe(200);
      expect(sorted(stored.json.data.map((r) => read(dataset as Dataset, r)))).toEqual(
        sorted(mocked.json.data.map((r) => read(dataset as Dataset, r))),
      );
    },
  );

  it('refuses a bad query as the contract says', async () => {
    const { stored, mocked } = await both(`/aid-flow?from=${TODAY}&to=${START}`);
    expect(stored.status).toBe(400);
    expect(stored.json).toEqual(mocked.json);
  });
});
