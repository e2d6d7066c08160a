import { describe, expect, it } from 'vitest';
import { demoTheatreJson } from '../../../../test/adapters/theatre.ts';
import { ckanSource } from '../../../../test/adapters/ckan.ts';
import { SourceError } from '../../contract.ts';
import { createCkanAdapter } from './ckan-adapter.ts';

const config = (extra: Record<string, unknown> = {}) => ckanSource({ pageSize: 2, ...extra });

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const ROWS = [
  {
    _id: 1,
    date: '#date',
    crossing: '#loc+name',
    item: '#item+type',
    trucks: '#indicator+num+trucks',
  },
  { _id: 2, date: '2025-03-01', crossing: 'Rafah', item: 'food', trucks: 10 },
  { _id: 3, date: '2025-03-02', crossing: 'Erez', item: 'fuel', trucks: '1,200' },
  { _id: 4, date: '2025-03-02', crossing: 'Narnia', item: 'food', trucks: 4 },
  { _id: 5, date: '2025-03-03', crossing: 'Kerem Shalom', item: 'health', trucks: null },
];

/** A fake portal: answers datastore_search from ROWS by limit/offset, records what it was asked. */
function portal(options: { links?: boolean } = {}) {
  const asked: URL[] = [];
  const fetchImpl: typeof fetch = (input) => {
    const url = new URL(String(input));
    if (url.pathname === '/theatre.json') return Promise.resolve(json({ data: demoTheatreJson }));
    asked.push(url);
    const limit = Number(url.searchParams.get('limit'));
    const offset = Number(url.searchParams.get('offset'));
    return Promise.resolve(
      json({
        success: true,
        result: {
          fields: [
            { id: '_id', type: 'int' },
            ...['date', 'crossing', 'item', 'trucks'].map((id) => ({ id, type: 'text' })),
          ],
          records: ROWS.slice(offset, offset + limit),
          total: ROWS.length,
          ...(options.links
            ? {
                _links: {
                  next: `/api/3/action/datastore_search?resource_id=res-1&limit=${limit}&offset=${offset + limit}&via=links`,
                },
              }
            : {}),
        },
      }),
    );
  };
  return { asked, fetchImpl };
}

describe('CKAN DataStore adapter', () => {
  it('pages through datastore_search, reads the HDX hashtag row, and keeps bad rows with their _id', async () => {
    const { asked, fetchImpl } = portal();
    const adapter = createCkanAdapter(config({ filters: { country: 'PSE' } }), fetchImpl);
    const result = await adapter.query({
      dataset: 'aid-flow',
      from: '2025-03-01',
      to: '2025-03-31',
    });
    expect(asked.map((u) => u.searchParams.get('offset'))).toEqual(['0', '2', '4']);
    expect(asked[0]!.searchParams.get('filters')).toBe('{"country":"PSE"}');
    expect(asked[0]!.searchParams.get('resource_id')).toBe('res-1');
    expect(result.records.map((r) => [r.crossingId, r.trucks])).toEqual([
      ['rafah', 10],
      ['erez', 1200],
    ]);
    expect(result.issues.map((i) => [i.position, i.field])).toEqual([
      [4, '#loc+name (column B)'],
      [5, ''],
    ]);
    expect(result.issues[0]!.reason).toContain('“Narnia” is not a crossing');
    expect(result.issues[1]!.reason).toContain('needs at least one of trucks, tonnes or litres');
    const inventory = await adapter.inventory!();
    expect(inventory.accepted + inventory.rejected.length).toBe(inventory.rowsRead);
    expect(inventory.rowsRead).toBe(4);
  });

  it('pages by the offset it computes, not by _links.next', async () => {
    const { asked, fetchImpl } = portal({ links: true });
    const adapter = createCkanAdapter(config(), fetchImpl);
    await adapter.query({ dataset: 'aid-flow', from: '2025-03-01', to: '2025-03-31' });
    expect(asked.map((u) => u.searchParams.get('offset'))).toEqual(['0', '2', '4']);
    expect(asked.some((u) => u.searchParams.has('via'))).toBe(false);
  });

  it('maps fields to hashtags from the config', async () => {
    const fetchImpl: typeof fetch = (input) => {
      const url = new URL(String(input));
      if (url.pathname === '/theatre.json') return Promise.resolve(json({ data: demoTheatreJson }));
      return Promise.resolve(
        json({
          success: true,
          result: {
            fields: [{ id: 'Day' }, { id: 'Where' }, { id: 'State' }],
            records: [{ Day: '2025-03-01 08:00', Where: 'Rafah', State: 'closed' }],
            total: 1,
          },
        }),
      );
    };
    const adapter = createCkanAdapter(
      config({
        dataset: 'crossing-status',
        fields: { Day: '#date+time', Where: '#loc+name', State: '#status' },
      }),
      fetchImpl,
    );
    const result = await adapter.query({
      dataset: 'crossing-status',
      from: '2025-03-01',
      to: '2025-03-01',
    });
    expect(result.records).toMatchObject([
      { crossingId: 'rafah', status: 'closed', provenance: { sourceId: 'hdx' } },
    ]);
  });

  it('reads movements from a DataStore with fields mapped to hashtags, areas and zones resolved', async () => {
    const records = [
      {
        Day: '2025-03-01',
        Org: 'INGO',
        Purpose: 'medical',
        To: 'North Gaza',
        Zone: 'north',
        Outcome: 'denied',
        Why: 'Route not cleared',
        Count: 3,
      },
      {
        Day: '2025-03-01',
        Org: 'UN',
        Purpose: 'food',
        To: 'رفح',
        Zone: 'جنوب',
        Outcome: 'approved',
        Why: '',
        Count: 5,
      },
      {
        Day: '2025-03-02',
        Org: 'UN',
        Purpose: 'food',
        To: 'Atlantis',
        Zone: 'north',
        Outcome: 'denied',
        Why: '',
        Count: 1,
      },
    ];
    const fetchImpl: typeof fetch = (input) => {
      const url = new URL(String(input));
      if (url.pathname === '/theatre.json') return Promise.resolve(json({ data: demoTheatreJson }));
      return Promise.resolve(
        json({
          success: true,
          result: { fields: Object.keys(records[0]!).map((id) => ({ id })), records, total: 3 },
        }),
      );
    };
    const adapter = createCkanAdapter(
      config({
        pageSize: 10,
        method: 'Members’ returns, grouped by destination and outcome',
        fields: {
          Day: '#date',
          Org: '#org+type',
          Purpose: '#activity+type',
          To: '#adm1+name+dest',
          Zone: '#region+dest',
          Outcome: '#status',
          Why: '#description+reason',
          Count: '#indicator+num+missions',
        },
      }),
      fetchImpl,
    );
    const result = await adapter.query({
      dataset: 'movements',
      from: '2025-03-01',
      to: '2025-03-02',
    });
    expect(result.records).toMatchObject([
      {
        organisationType: 'ingo',
        purpose: 'health',
        toArea: 'north-gaza',
        toZone: 'north',
        outcome: 'denied',
        missions: 3,
      },
      {
        organisationType: 'un',
        toArea: 'rafah',
        toZone: 'south',
        outcome: 'facilitated',
        missions: 5,
      },
    ]);
    expect(result.issues.map((i) => i.reasons[0]!.code)).toEqual(['unknown-area']);
    expect(result.records.length + result.issues.length).toBe(result.received);
    const { theatre } = await adapter.theatre();
    expect(theatre.sources.find((s) => s.id === 'hdx')?.method).toMatch(/grouped/);
  });

  it.each([
    [
      'success: false',
      () =>
        json(
          {
            success: false,
            error: { __type: 'Not Found Error', message: 'Resource "res-1" was not found.' },
          },
          404,
        ),
      'HDX crossings: CKAN refused the request (HTTP 404) — Not Found Error: Resource "res-1" was not found.',
    ],
    [
      'a 500',
      () =>
        new Response('Internal Server Error', {
          status: 500,
          headers: { 'content-type': 'text/plain' },
        }),
      'HDX crossings: answered HTTP 500 with something that is not JSON (text/plain)',
    ],
    [
      'HTML instead of JSON',
      () => new Response('<html>login</html>', { headers: { 'content-type': 'text/html' } }),
      'HDX crossings: answered something that is not JSON (text/html)',
    ],
    [
      'not CKAN',
      () => json({ rows: [] }),
      'HDX crossings: answered an unexpected shape: not a CKAN API response',
    ],
    [
      'fields without hashtags',
      () =>
        json({ success: true, result: { fields: [{ id: 'a' }], records: [{ a: 1 }], total: 1 } }),
      'have no HXL hashtags: map them with "fields"',
    ],
  ])('turns %s into an error naming the source', async (_label, respond, message) => {
    const fetchImpl: typeof fetch = (input) =>
      Promise.resolve(
        new URL(String(input)).pathname === '/theatre.json'
          ? json({ data: demoTheatreJson })
          : respond(),
      );
    const adapter = createCkanAdapter(config(), fetchImpl);
    const failure = adapter.query({ dataset: 'aid-flow', from: '2025-03-01', to: '2025-03-01' });
    await expect(failure).rejects.toBeInstanceOf(SourceError);
    await expect(failure).rejects.toThrow(message);
    expect(await adapter.testConnection()).toMatchObject({
      ok: !message.includes('hashtags') ? false : true,
    });
  });
});
