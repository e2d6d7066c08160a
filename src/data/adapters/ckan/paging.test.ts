import { describe, expect, it } from 'vitest';
import { demoTheatreJson } from '../../../../test/adapters/theatre.ts';
import { ckanSource } from '../../../../test/adapters/ckan.ts';
import { createCkanAdapter } from './ckan-adapter.ts';

const config = (extra: Record<string, unknown> = {}) =>
  ckanSource({ dataset: 'aid-flow', pageSize: 10, ...extra });

const ROWS = 121;
const CROSSINGS = ['Rafah', 'Erez', 'Kerem Shalom'];
/** 121 aid-flow rows with DataStore _ids; every 20th names a crossing that does not exist. */
const TABLE = Array.from({ length: ROWS }, (_, i) => ({
  _id: i + 1,
  '#date': `2025-03-${String((i % 28) + 1).padStart(2, '0')}`,
  '#loc+name': i % 20 === 7 ? 'Narnia' : CROSSINGS[i % 3],
  '#item+type': 'food',
  '#indicator+num+trucks': i + 1,
}));

interface Misbehaviour {
  /** What `_links.next` says. */
  next?: 'cache-bust' | 'same';
  /** What `total` says (default: the truth). */
  total?: number | null;
  estimated?: boolean;
  /** The portal's own row limit (CKAN's ckan.datastore.search.rows_max). */
  rowsMax?: number;
  ignoresOffset?: boolean;
}

/** A CKAN portal serving TABLE, misbehaving as asked; records every request. */
function portal(how: Misbehaviour = {}) {
  const asked: URL[] = [];
  const fetchImpl: typeof fetch = (input) => {
    const url = new URL(String(input));
    const json = (body: unknown) =>
      Promise.resolve(
        new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
      );
    if (url.pathname === '/theatre.json') return json({ data: demoTheatreJson });
    asked.push(url);
    const limit = Math.min(Number(url.searchParams.get('limit')), how.rowsMax ?? Infinity);
    const offset = how.ignoresOffset ? 0 : Number(url.searchParams.get('offset'));
    const next = new URL(url);
    if (how.next === 'cache-bust') next.searchParams.set('_', String(asked.length));
    return json({
      success: true,
      result: {
        fields: [
          { id: '_id', type: 'int' },
          ...Object.keys(TABLE[0]!)
            .slice(1)
            .map((id) => ({ id })),
        ],
        records: TABLE.slice(offset, offset + limit),
        ...(how.total === null ? {} : { total: how.total ?? ROWS }),
        ...(how.estimated ? { total_was_estimated: true } : {}),
        _links: { start: url.pathname, next: `${next.pathname}${next.search}` },
      },
    });
  };
  return { asked, fetchImpl };
}

async function read(how: Misbehaviour, extra: Record<string, unknown> = {}) {
  const { asked, fetchImpl } = portal(how);
  const adapter = createCkanAdapter(config(extra), fetchImpl);
  const inventory = await adapter.inventory!();
  expect(inventory.accepted + inventory.rejected.length).toBe(inventory.rowsRead);
  const offsets = asked.map((u) => Number(u.searchParams.get('offset')));
  return { inventory, offsets, ids: inventory.rejected.map((i) => i.position) };
}

const every = (step: number, upTo: number) =>
  Array.from({ length: Math.ceil(upTo / step) }, (_, i) => i * step);

describe('CKAN paging', () => {
  it('ends after the real rows when _links.next only changes a cache-busting parameter', async () => {
    const { inventory, offsets, ids } = await read({ next: 'cache-bust' });
    expect(offsets).toEqual(every(10, ROWS + 1)); // 13 pages: 12 full, then 1 row
    expect(inventory.rowsRead).toBe(ROWS);
    expect(ids).toEqual([8, 28, 48, 68, 88, 108]);
    expect(inventory.warnings.filter((w) => w.startsWith('HDX crossings:'))).toEqual([]);
  });

  it('reads on when _links.next is the page just read', async () => {
    const { inventory, offsets } = await read({ next: 'same' });
    expect(offsets).toHaveLength(13);
    expect(inventory.rowsRead).toBe(ROWS);
  });

  it('reads every row when total is lower than the rows there, and says it disagreed', async () => {
    const { inventory } = await read({ total: 49 });
    expect(inventory.rowsRead).toBe(ROWS);
    expect(inventory.warnings).toContain(
      'HDX crossings: the portal said it holds 49 rows, but 121 rows were read, to the end of the table; all are kept',
    );
  });

  it('says when the portal only estimated its total', async () => {
    const { inventory } = await read({ total: 100, estimated: true });
    expect(inventory.rowsRead).toBe(ROWS);
    expect(inventory.warnings).toContain(
      'HDX crossings: the portal estimated its size at about 100 rows (total_was_estimated); 121 rows were read, to the end of the table',
    );
  });

  it('reads a table without total to its short last page', async () => {
    const { inventory, offsets } = await read({ total: null });
    expect(offsets).toHaveLength(13);
    expect(inventory.rowsRead).toBe(ROWS);
    expect(inventory.warnings.filter((w) => w.startsWith('HDX crossings:'))).toEqual([]);
  });

  it('ends on an empty page when the table fills its last page exactly', async () => {
    const { inventory, offsets } = await read({ total: null }, { pageSize: 11 });
    expect(offsets).toEqual(every(11, ROWS + 1)); // 11 full pages, then an empty one
    expect(inventory.rowsRead).toBe(ROWS);
  });

  it('goes on past short pages when the portal’s own row limit is below pageSize', async () => {
    const { inventory, offsets } = await read({ rowsMax: 7 });
    expect(offsets).toEqual(every(7, ROWS));
    expect(inventory.rowsRead).toBe(ROWS);
  });

  it('stops at the page cap with a message naming the source, keeping what it read', async () => {
    const { inventory, offsets } = await read({ next: 'cache-bust' }, { maxPages: 5 });
    expect(offsets).toEqual([0, 10, 20, 30, 40]);
    expect(inventory.rowsRead).toBe(50);
    expect(inventory.rejected.map((i) => i.position)).toEqual([8, 28, 48]);
    expect(inventory.warnings).toContain(
      'HDX crossings: reading stopped after 5 pages (maxPages in config.json); the 50 rows read so far are kept and counted, the rest of the table was not read (the portal gives its size as 121)',
    );
  });

  it('stops at maxRows and says so', async () => {
    const { inventory } = await read({}, { maxRows: 25 });
    expect(inventory.rowsRead).toBe(30);
    expect(inventory.warnings).toContain(
      'HDX crossings: reading stopped after 30 rows (maxRows in config.json); the rest of the table was not read',
    );
  });

  it('stops, and says why, when the portal ignores offset and sends the same rows again', async () => {
    const { inventory, offsets } = await read({ ignoresOffset: true, total: null });
    expect(offsets).toEqual([0, 10]);
    expect(inventory.rowsRead).toBe(10);
    expect(inventory.warnings).toContain(
      'HDX crossings: answered rows already read when asked for offset 10, as if it ignored "offset"; reading stopped at 10 rows',
    );
  });
});
