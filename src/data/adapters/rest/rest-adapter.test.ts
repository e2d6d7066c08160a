import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.ts';
import { SourceError } from '../../contract.ts';
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
});
