import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.ts';
import { SourceError } from '../../contract.ts';
import { WORKER_THRESHOLD } from './read-answer.ts';
import { createRestAdapter } from './rest-adapter.ts';

const source = parseConfig({
  defaultSource: 'feed',
  sources: [
    {
      id: 'feed',
      name: 'Test feed',
      adapter: 'rest',
      url: 'https://api.example.org/v1',
      timeoutMs: 1000,
    },
  ],
}).sources[0]!;

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' }, ...init });

const provenance = {
  sourceId: 'feed',
  reportedAt: '2025-03-01T08:00:00Z',
  verification: 'reported',
};

describe('REST adapter', () => {
  it('asks for the range and crossings, keeps good records and rejects bad ones with reasons', async () => {
    let asked = '';
    const adapter = createRestAdapter(source, (input) => {
      asked = String(input);
      return Promise.resolve(
        json({
          data: [
            { crossingId: 'rafah', at: '2025-03-01T08:00:00Z', status: 'open', provenance },
            { crossingId: 'rafah', at: '2025-03-01T09:00:00Z', status: 'half-open', provenance },
          ],
        }),
      );
    });
    const result = await adapter.query({
      dataset: 'crossing-status',
      from: '2025-03-01',
      to: '2025-03-07',
      crossingIds: ['rafah', 'erez'],
    });
    expect(asked).toBe(
      'https://api.example.org/v1/crossing-status?from=2025-03-01&to=2025-03-07&crossing=rafah%2Cerez',
    );
    expect(result.records).toHaveLength(1);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      sourceId: 'feed',
      dataset: 'crossing-status',
      position: 1,
      field: 'status',
    });
    expect(result.received).toBe(2);
  });

  it.each([
    [
      'a 500 with a problem document',
      () =>
        json(
          { title: 'Internal error', detail: 'database down' },
          { status: 500, headers: { 'content-type': 'application/problem+json' } },
        ),
      'Test feed: answered HTTP 500 — Internal error: database down',
    ],
    [
      'HTML instead of JSON',
      () => new Response('<html>login</html>', { headers: { 'content-type': 'text/html' } }),
      'Test feed: answered something that is not JSON (text/html)',
    ],
    [
      'the wrong shape',
      () => json({ rows: 3 }),
      'Test feed: answered an unexpected shape: expected a list of records under "data"',
    ],
  ])('turns %s into an error naming the source', async (_label, respond, message) => {
    const adapter = createRestAdapter(source, () => Promise.resolve(respond()));
    const failure = adapter.query({ dataset: 'aid-flow', from: '2025-03-01', to: '2025-03-01' });
    await expect(failure).rejects.toBeInstanceOf(SourceError);
    await expect(failure).rejects.toThrow(message);
  });

  it('says the source could not be reached, or did not answer in time', async () => {
    const down = createRestAdapter(source, () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(
      down.query({ dataset: 'events', from: '2025-03-01', to: '2025-03-01' }),
    ).rejects.toThrow('Test feed: could not be reached');

    const hang = createRestAdapter(
      source,
      (_input, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    );
    await expect(
      hang.query({ dataset: 'events', from: '2025-03-01', to: '2025-03-01' }),
    ).rejects.toThrow('Test feed: did not answer within 1 s');
  });

  it('validates the theatre list by list: one bad crossing does not cost the others', async () => {
    const crossing = {
      id: 'rafah',
      names: { en: 'Rafah' },
      location: { lat: 31.25, lon: 34.26 },
      passes: ['goods'],
      border: 'Egypt–Gaza',
    };
    const adapter = createRestAdapter(source, () =>
      Promise.resolve(
        json({
          data: {
            id: 'gaza',
            names: { en: 'Gaza Strip' },
            bbox: [34.2, 31.2, 34.6, 31.6],
            timeZone: 'Asia/Gaza',
            areas: [],
            crossings: [
              crossing,
              { ...crossing, id: 'erez', location: { lat: 'north', lon: 34.5 } },
            ],
            corridors: [],
            facilities: [],
            baselines: {},
            sources: [{ id: 'feed', name: 'Feed', licence: 'CC BY 4.0', synthetic: false }],
          },
        }),
      ),
    );
    const { theatre, issues } = await adapter.theatre();
    expect(theatre.crossings.map((c) => c.id)).toEqual(['rafah']);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe('crossings[1].location.lat');
  });

  it('its connection test reports failure without throwing', async () => {
    const adapter = createRestAdapter(source, () =>
      Promise.resolve(new Response('', { status: 503 })),
    );
    await expect(adapter.testConnection()).resolves.toMatchObject({
      ok: false,
      message: 'Test feed: answered HTTP 503',
    });
  });

  it('rejects records dated after theatre-local today + 1 day or before 2000, saying which bound', async () => {
    const theatre = {
      id: 't',
      names: { en: 'T' },
      bbox: [0, 0, 1, 1],
      timeZone: 'Asia/Gaza',
      areas: [],
      crossings: [],
      corridors: [],
      facilities: [],
      baselines: {},
      sources: [],
    };
    const flow = (date: string) => ({
      date,
      crossingId: 'rafah',
      commodity: 'food',
      stage: 'entered',
      trucks: 5,
      provenance,
    });
    const asked: string[] = [];
    const adapter = createRestAdapter(
      source,
      (input) => {
        asked.push(String(input));
        return Promise.resolve(
          String(input).includes('/theatre')
            ? json({ data: theatre })
            : json({ data: [flow('2025-03-01'), flow('2099-12-31'), flow('1970-01-01')] }),
        );
      },
      () => Date.parse('2025-03-02T12:00:00Z'),
    );
    // The theatre query and a dataset query at once, as on the page: one theatre request.
    const [result] = await Promise.all([
      adapter.query({ dataset: 'aid-flow', from: '2025-03-01', to: '2025-03-02' }),
      adapter.theatre(),
    ]);
    expect(result.records.map((r) => r.date)).toEqual(['2025-03-01']);
    expect(result.received).toBe(3);
    expect(result.records.length + result.issues.length).toBe(result.received);
    expect(result.issues.map((i) => [i.position, i.field])).toEqual([
      [1, 'date'],
      [2, 'date'],
    ]);
    expect(result.issues[0]!.reason).toContain('after 2025-03-03: theatre-local today + 1 day');
    expect(result.issues[1]!.reason).toContain('before 2000-01-01');
    expect(asked.filter((u) => u.endsWith('/theatre'))).toHaveLength(1);
  });

  it('reads a large answer (past the worker threshold) with the same semantics: nothing lost', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({
      crossingId: 'rafah',
      at: `2025-03-01T${String(i % 24).padStart(2, '0')}:00:00Z`,
      status: i % 100 === 0 ? 'half-open' : 'open',
      provenance,
    }));
    const body = JSON.stringify({ data: many });
    expect(body.length).toBeGreaterThan(WORKER_THRESHOLD);
    const adapter = createRestAdapter(
      source,
      () => Promise.resolve(json(JSON.parse(body))),
      () => Date.parse('2025-03-02T12:00:00Z'),
    );
    const result = await adapter.query({
      dataset: 'crossing-status',
      from: '2025-03-01',
      to: '2025-03-02',
    });
    expect(result.received).toBe(3000);
    expect(result.issues).toHaveLength(30);
    expect(result.records).toHaveLength(2970);
    expect(result.issues[0]).toMatchObject({ position: 0, field: 'status' });
  });

  it('counts and sets aside valid records for days it did not ask for (a source ignoring the range)', async () => {
    const flow = (date: string, crossingId = 'rafah') => ({
      date,
      crossingId,
      commodity: 'food',
      stage: 'entered',
      trucks: 5,
      provenance,
    });
    const sent = [
      flow('2025-02-01'),
      flow('2025-03-01'),
      flow('2025-03-02', 'erez'),
      flow('bad'),
      flow('2025-03-02'),
    ];
    const adapter = createRestAdapter(
      source,
      () => Promise.resolve(json({ data: sent })),
      () => Date.parse('2025-03-03T12:00:00Z'),
    );
    const result = await adapter.query({
      dataset: 'aid-flow',
      from: '2025-03-01',
      to: '2025-03-02',
      crossingIds: ['rafah'],
    });
    expect(result.records.map((r) => r.date)).toEqual(['2025-03-01', '2025-03-02']);
    expect(result.issues).toHaveLength(1);
    expect(result.outsideRange).toBe(2);
    expect(result.records.length + result.issues.length + result.outsideRange!).toBe(
      result.received,
    );
  });
});
