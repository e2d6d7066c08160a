import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoTheatre } from '../../../../test/adapters/theatre.ts';
import type { RollupClock, TableRollup } from '../tabular/table-store.ts';
import type { TableHost } from '../tabular/table-host.ts';
import { openHxlTable } from './open-table.ts';
import type { TableEndpoint, TableReply, TableRequest } from './table-protocol.ts';
import { serveTable } from './table-service.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const file = (path: string) => new Blob([readFileSync(resolve(ROOT, path))]);
const clock: RollupClock = { timeZone: demoTheatre.timeZone, now: Date.parse('2025-04-01T00:00Z') };
const options = { sourceId: 'file' };

/** 2,000 aid-flow rows over 100 days, one row in 40 bad (an unknown crossing). */
function generated(): Blob {
  const crossings = demoTheatre.crossings.map((c) => c.names.en);
  const lines = [
    'Date,Crossing,Commodity,Stage,Trucks',
    '#date,#loc+name,#item+type,#status,#indicator+num+trucks',
  ];
  for (let i = 0; i < 2000; i++) {
    const day = new Date(Date.UTC(2025, 0, 1) + (i % 100) * 86_400_000).toISOString().slice(0, 10);
    const place = i % 40 === 39 ? 'Atlantis' : crossings[i % crossings.length];
    lines.push(
      `${day},${place},${['food', 'fuel', 'health'][i % 3]},${['entered', 'delivered'][i % 2]},${i % 97}`,
    );
  }
  return new Blob([lines.join('\n')]);
}

/**
 * A stand-in for the table worker: the worker's own code (serveTable) behind structured clones
 * of every message, answered on a later turn, as a real worker would. `crash` makes it die.
 */
function fakeWorker(crash?: 'at-start' | 'at-first-question') {
  const replies: TableReply[] = [];
  let ended = false;
  const serve = serveTable((reply) => {
    const copy = structuredClone(reply);
    replies.push(copy);
    setTimeout(() => {
      if (!ended) endpoint.onmessage?.({ data: copy } as MessageEvent<TableReply>);
    });
  });
  const die = () =>
    setTimeout(() => endpoint.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent));
  const endpoint: TableEndpoint = {
    onmessage: null,
    onerror: null,
    postMessage(message: TableRequest) {
      if (crash === 'at-start' || (crash === 'at-first-question' && message.type !== 'load'))
        return void die();
      // A Blob is passed as is (Node cannot clone one); every other message is cloned.
      void serve(message.type === 'load' ? message : structuredClone(message));
    },
    terminate: () => void (ended = true),
  };
  return { start: () => endpoint, replies, ended: () => ended };
}

const ROLLUPS: TableRollup[] = [
  { dataset: 'aid-flow', from: '2025-01-01', to: '2025-04-10', resolution: 'day' },
  { dataset: 'aid-flow', from: '2025-01-01', to: '2025-04-10', resolution: 'week', by: 'crossing' },
  {
    dataset: 'aid-flow',
    from: '2025-01-15',
    to: '2025-03-31',
    resolution: 'month',
    by: 'commodity',
  },
  {
    dataset: 'aid-flow',
    from: '2025-01-01',
    to: '2025-04-10',
    resolution: 'week',
    crossingIds: ['rafah', 'kerem-shalom'],
    commodities: ['food'],
  },
  { dataset: 'facility-status', from: '2025-01-01', to: '2025-04-10', resolution: 'week' },
];

async function everything(host: TableHost) {
  return {
    facts: host.facts,
    rollups: await Promise.all(ROLLUPS.map((r) => host.rollup(r, clock))),
    window: await host.query(
      { dataset: 'aid-flow', from: '2025-03-01', to: '2025-03-14' },
      clock.timeZone,
    ),
  };
}

const samples: [string, () => Blob][] = [
  ['the public HXL sample', () => file('public/samples/hxl/aid-flow.csv')],
  ['a hostile file', () => file('test/fixtures/adapters/aid-flow-hostile.csv')],
  ['2,000 generated rows', generated],
];

describe('an HXL table held by its worker', () => {
  it.each(samples)(
    '%s: the worker path and the in-process path give the same roll-ups, records and inventory',
    async (_name, blob) => {
      const worker = fakeWorker();
      const there = await openHxlTable(
        blob(),
        demoTheatre,
        options,
        undefined,
        undefined,
        worker.start,
      );
      const here = await openHxlTable(
        blob(),
        demoTheatre,
        options,
        undefined,
        undefined,
        undefined,
      );
      const a = await everything(there);
      expect(a).toEqual(await everything(here));
      const { summary, issues } = a.facts;
      expect(summary.accepted + issues.length).toBe(summary.rowsRead);
      expect(a.rollups[0]!.rows.length).toBeGreaterThan(0);
      // No reply to the page carried the table: only the window asked for, and roll-up rows.
      const sent = worker.replies.map((r) => (r.type === 'records' ? r.records.length : 0));
      expect(Math.max(...sent)).toBe(a.window.length);
      expect(a.window.every((r) => r.date >= '2025-03-01' && r.date <= '2025-03-14')).toBe(true);
    },
  );

  it('answers a short window with that window only', async () => {
    const host = await openHxlTable(
      generated(),
      demoTheatre,
      options,
      undefined,
      undefined,
      fakeWorker().start,
    );
    const records = await host.query(
      { dataset: 'aid-flow', from: '2025-02-01', to: '2025-02-14', crossingIds: ['rafah'] },
      clock.timeZone,
    );
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(r.date >= '2025-02-01' && r.date <= '2025-02-14').toBe(true);
      expect(r.crossingId).toBe('rafah');
    }
    expect(
      await host.query(
        { dataset: 'crossing-status', from: '2025-02-01', to: '2025-02-14' },
        clock.timeZone,
      ),
    ).toEqual([]);
  });

  it.each(['at-start', 'at-first-question'] as const)(
    'reads the file here when the worker dies %s: nothing lost',
    async (crash) => {
      const blob = generated();
      const here = await everything(
        await openHxlTable(blob, demoTheatre, options, undefined, undefined, undefined),
      );
      const worker = fakeWorker(crash);
      const host = await openHxlTable(
        blob,
        demoTheatre,
        options,
        undefined,
        undefined,
        worker.start,
      );
      expect(await everything(host)).toEqual(here);
      expect(worker.ended()).toBe(true);
    },
  );

  it('ends its worker when the table is let go, after the answers in flight', async () => {
    const worker = fakeWorker();
    const host = await openHxlTable(
      generated(),
      demoTheatre,
      options,
      undefined,
      undefined,
      worker.start,
    );
    const asked = host.rollup(ROLLUPS[0]!, clock);
    host.close();
    expect(worker.ended()).toBe(false);
    expect((await asked).rows.length).toBeGreaterThan(0);
    expect(worker.ended()).toBe(true);
  });

  it('gives up a read when its signal aborts, but a read table outlives that signal', async () => {
    const early = new AbortController();
    const reading = openHxlTable(
      generated(),
      demoTheatre,
      options,
      undefined,
      early.signal,
      fakeWorker().start,
    );
    early.abort();
    await expect(reading).rejects.toThrow();
    const late = new AbortController();
    const host = await openHxlTable(
      generated(),
      demoTheatre,
      options,
      undefined,
      late.signal,
      fakeWorker().start,
    );
    late.abort();
    expect((await host.rollup(ROLLUPS[0]!, clock)).rows.length).toBeGreaterThan(0);
  });

  it('rejects a file that is not HXL with the reader’s own words', async () => {
    const blob = new Blob(['Date,Crossing\n2025-03-01,Rafah\n']);
    await expect(
      openHxlTable(blob, demoTheatre, options, undefined, undefined, fakeWorker().start),
    ).rejects.toThrow(/has no HXL hashtag row/);
  });
});
