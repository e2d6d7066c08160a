import 'fake-indexeddb/auto';
import { onlineManager, QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  KEPT_MAX_AGE_MS,
  keepAnswers,
  openIndexedDbStore,
  type KeptAnswers,
  type KeptStore,
} from './kept-answers.ts';
import { askOfKey } from './queries.ts';

const SOURCE = 'api';
const VERSION = 'v1';

let kept: KeptAnswers | undefined;
beforeEach(async () => {
  const kept = await store();
  await kept.remove((await kept.all()).map((r) => r.hash));
});
afterEach(async () => {
  await kept?.stop();
  kept = undefined;
  onlineManager.setOnline(true);
});

async function store(): Promise<KeptStore> {
  const opened = await openIndexedDbStore();
  if (!opened) throw new Error('no IndexedDB');
  return opened;
}

/** A page's cache with the device's answers restored, as start.tsx makes it. */
async function page(options: { version?: string; now?: () => number } = {}) {
  const client = new QueryClient();
  kept = await keepAnswers(client, await store(), {
    sourceId: SOURCE,
    version: options.version ?? VERSION,
    ...(options.now ? { now: options.now } : {}),
  });
  return client;
}

/** The page goes away: what it kept is written, and a new page starts. */
async function reload(options: { version?: string; now?: () => number } = {}) {
  await kept?.stop();
  kept = undefined;
  return page(options);
}

const statusKey = (from: string, to: string) => ['source', SOURCE, 'crossing-status', from, to, []];
const records = [{ crossingId: 'kerem-shalom', status: 'open', at: new Date('2026-11-20T08:00Z') }];

describe('Answers kept on the device (issue 13 item 4)', () => {
  it('restores the last answers of the source after a reload, with their time, as they were', async () => {
    let client = await page();
    await client.fetchQuery({
      queryKey: statusKey('2026-11-13', '2026-11-20'),
      queryFn: async () => ({ records, issues: [] }),
    });
    await client.fetchQuery({ queryKey: ['source', SOURCE, 'theatre'], queryFn: async () => 'T' });
    const updatedAt = client.getQueryState(statusKey('2026-11-13', '2026-11-20'))!.dataUpdatedAt;

    client = await reload();
    const state = client.getQueryState(statusKey('2026-11-13', '2026-11-20'));
    expect(state?.data).toEqual({ records, issues: [] });
    // Structured clone: a date stays a date.
    expect((state?.data as { records: typeof records }).records[0]!.at).toBeInstanceOf(Date);
    expect(state?.dataUpdatedAt).toBe(updatedAt);
    expect(client.getQueryData(['source', SOURCE, 'theatre'])).toBe('T');
  });

  it('keeps an answer that arrived before keeping started (the board asks that early)', async () => {
    const client = new QueryClient();
    await client.fetchQuery({
      queryKey: statusKey('2026-11-13', '2026-11-20'),
      queryFn: async () => ({ records, issues: [] }),
    });
    kept = await keepAnswers(client, await store(), { sourceId: SOURCE, version: VERSION });
    const restored = await reload();
    expect(restored.getQueryData(statusKey('2026-11-13', '2026-11-20'))).toEqual({
      records,
      issues: [],
    });
  });

  it('keeps neither failures, nor another source (a dropped file), nor connection tests', async () => {
    let client = await page();
    await client
      .fetchQuery({
        queryKey: statusKey('2026-11-13', '2026-11-20'),
        queryFn: async () => Promise.reject(new Error('down')),
        retry: false,
      })
      .catch(() => undefined);
    await client.fetchQuery({
      queryKey: ['source', 'file:report.csv', 'crossing-status', '2026-11-13', '2026-11-20', []],
      queryFn: async () => ({ records, issues: [] }),
    });
    await client.fetchQuery({
      queryKey: ['source', SOURCE, 'connection'],
      queryFn: async () => ({ ok: true }),
    });
    client = await reload();
    expect(client.getQueryCache().getAll()).toEqual([]);
  });

  it('skips an answer that cannot be stored and keeps the others', async () => {
    let client = await page();
    await client.fetchQuery({
      queryKey: ['source', SOURCE, 'aid-flow', '2026-11-13', '2026-11-20', []],
      // A function (a handle held by a worker, say) cannot be cloned into IndexedDB.
      queryFn: async () => ({ read: () => 1 }),
    });
    await client.fetchQuery({
      queryKey: statusKey('2026-11-13', '2026-11-20'),
      queryFn: async () => ({ records, issues: [] }),
    });
    client = await reload();
    expect(client.getQueryData(statusKey('2026-11-13', '2026-11-20'))).toEqual({
      records,
      issues: [],
    });
    expect(
      client.getQueryData(['source', SOURCE, 'aid-flow', '2026-11-13', '2026-11-20', []]),
    ).toBeUndefined();
  });

  it('drops answers of another version of the app, and answers older than a week', async () => {
    let client = await page();
    await client.fetchQuery({
      queryKey: statusKey('2026-11-13', '2026-11-20'),
      queryFn: async () => ({ records, issues: [] }),
    });
    const written = Date.now();
    client = await reload({ now: () => written + KEPT_MAX_AGE_MS - 60_000 });
    expect(client.getQueryData(statusKey('2026-11-13', '2026-11-20'))).toBeDefined();
    client = await reload({ version: 'v2' });
    expect(client.getQueryData(statusKey('2026-11-13', '2026-11-20'))).toBeUndefined();
    expect(await (await store()).all()).toEqual([]);

    client = await reload();
    await client.fetchQuery({
      queryKey: statusKey('2026-11-13', '2026-11-20'),
      queryFn: async () => ({ records, issues: [] }),
    });
    client = await reload({ now: () => Date.now() + KEPT_MAX_AGE_MS + 60_000 });
    expect(client.getQueryData(statusKey('2026-11-13', '2026-11-20'))).toBeUndefined();
  });

  it('offline on a new day, answers the same question with the last kept answer and its time', async () => {
    let client = await page();
    await client.fetchQuery({
      queryKey: statusKey('2026-11-13', '2026-11-20'),
      queryFn: async () => ({ records, issues: [] }),
    });
    const yesterday = client.getQueryState(statusKey('2026-11-13', '2026-11-20'))!.dataUpdatedAt;
    client = await reload();
    onlineManager.setOnline(false);
    // Today's board asks for the 8 days to the 21st: nothing kept for that key.
    const query = client.getQueryCache().build(client, {
      queryKey: statusKey('2026-11-14', '2026-11-21'),
    });
    await Promise.resolve();
    expect(query.state.data).toEqual({ records, issues: [] });
    expect(query.state.dataUpdatedAt).toBe(yesterday);
    // A different question (30 days, not 8) is not answered with it.
    const other = client.getQueryCache().build(client, {
      queryKey: statusKey('2026-10-22', '2026-11-21'),
    });
    await Promise.resolve();
    expect(other.state.data).toBeUndefined();
  });

  it('online, a new question waits for its own answer', async () => {
    let client = await page();
    await client.fetchQuery({
      queryKey: statusKey('2026-11-13', '2026-11-20'),
      queryFn: async () => ({ records, issues: [] }),
    });
    client = await reload();
    const query = client.getQueryCache().build(client, {
      queryKey: statusKey('2026-11-14', '2026-11-21'),
    });
    await Promise.resolve();
    expect(query.state.data).toBeUndefined();
  });
});

describe('askOfKey', () => {
  it('is the question without its period: same dataset, filters and length of period', () => {
    expect(askOfKey(statusKey('2026-11-13', '2026-11-20'))).toBe(
      askOfKey(statusKey('2026-11-14', '2026-11-21')),
    );
    expect(askOfKey(statusKey('2026-11-13', '2026-11-20'))).not.toBe(
      askOfKey(statusKey('2026-10-22', '2026-11-20')),
    );
    const rollup = (from: string, to: string, by: string) => [
      'source',
      SOURCE,
      'rollup',
      'aid-flow',
      from,
      to,
      'week',
      by,
      [],
      [],
    ];
    expect(askOfKey(rollup('2026-01-01', '2026-06-30', 'crossing'))).toBe(
      askOfKey(rollup('2026-01-02', '2026-07-01', 'crossing')),
    );
    expect(askOfKey(rollup('2026-01-01', '2026-06-30', 'crossing'))).not.toBe(
      askOfKey(rollup('2026-01-01', '2026-06-30', 'commodity')),
    );
    expect(askOfKey(['source', SOURCE, 'theatre'])).toBe('["source","api","theatre"]');
  });
});
