import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { shiftDay, type Day } from '../domain/time.ts';
import { issueKey } from '../domain/validate.ts';
import { createRestAdapter } from './adapters/rest/rest-adapter.ts';
import { parseConfig } from './config.ts';
import { datasetQuery } from './queries.ts';
import { useAllIssues, useSourceActivity } from './source-status.ts';

const source = parseConfig({
  defaultSource: 'feed',
  sources: [{ id: 'feed', name: 'Feed', adapter: 'rest', url: 'https://api.example.org/v1' }],
}).sources[0]!;

const provenance = {
  sourceId: 'feed',
  reportedAt: '2025-03-01T08:00:00Z',
  verification: 'reported',
};
const FIRST: Day = '2025-03-01';
const DAYS = 40;

/**
 * What the source holds: each day two good aid-flow records and three bad ones (negative trucks),
 * every record different; on the fifth day the source sends one bad record twice. Events have ids.
 */
function sourceRecords() {
  const flows: { date: Day; record: unknown; good: boolean }[] = [];
  for (let d = 0; d < DAYS; d++) {
    const date = shiftDay(FIRST, d);
    const flow = (trucks: number, commodity = 'food') => ({
      date,
      crossingId: 'rafah',
      commodity,
      stage: 'entered',
      trucks,
      provenance,
    });
    flows.push(
      { date, record: flow(10 + d), good: true },
      { date, record: flow(500 + d, 'health'), good: true },
    );
    for (let k = 1; k <= 3; k++) flows.push({ date, record: flow(-(d * 10 + k)), good: false });
    if (d === 4) flows.push({ date, record: flow(-(d * 10 + 1)), good: false });
  }
  const events = [
    { id: 'ev-1', kind: 'pause', start: '2025-03-02T08:00:00Z', title: '', provenance },
    { id: 'ev-2', kind: 'pause', start: '2025-03-20T08:00:00Z', title: 'ok', provenance },
    { id: 'ev-3', kind: 'nonsense', start: '2025-03-25T08:00:00Z', title: 'x', provenance },
  ];
  return { flows, events };
}

function feed() {
  const { flows, events } = sourceRecords();
  let requests = 0;
  const fetchImpl: typeof fetch = (input) => {
    requests++;
    const url = new URL(String(input));
    const from = url.searchParams.get('from')!;
    const to = url.searchParams.get('to')!;
    const data = url.pathname.endsWith('/events')
      ? // Every event overlapping the range: the same bad event comes back for many ranges.
        events.filter((e) => e.start.slice(0, 10) <= to)
      : flows.filter((f) => f.date >= from && f.date <= to).map((f) => f.record);
    return Promise.resolve(
      new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } }),
    );
  };
  return { adapter: createRestAdapter(source, fetchImpl), flows, requests: () => requests };
}

const range = (from: number, to: number) => ({
  from: shiftDay(FIRST, from),
  to: shiftDay(FIRST, to),
});

describe('rejected records across queries', () => {
  it('lists every bad record a source sent exactly once, and the Sources counts agree', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { adapter, flows } = feed();
    // Overlapping ranges, as the panels ask: the same record at different positions, and
    // different records at the same position.
    for (const r of [range(0, 29), range(23, 29), range(10, 39), range(0, 6)])
      await client.fetchQuery(datasetQuery(adapter, 'aid-flow', r));
    // A refetch of a range already read.
    await client.fetchQuery({ ...datasetQuery(adapter, 'aid-flow', range(0, 29)), staleTime: 0 });
    await client.fetchQuery(datasetQuery(adapter, 'events', range(0, 9)));
    await client.fetchQuery(datasetQuery(adapter, 'events', range(0, 39)));

    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const issues = renderHook(() => useAllIssues(), { wrapper }).result.current;
    const activity = renderHook(() => useSourceActivity(), { wrapper }).result.current;

    const badFlows = flows.filter((f) => !f.good).map((f) => f.record);
    const goodFlows = flows.filter((f) => f.good).length;
    const flowIssues = issues.filter((i) => i.dataset === 'aid-flow');
    expect(badFlows).toHaveLength(DAYS * 3 + 1);
    expect(flowIssues).toHaveLength(badFlows.length);
    // Each distinct bad record is there (the one sent twice, twice).
    const trucks = (raw: unknown) => (raw as { trucks: number }).trucks;
    expect(flowIssues.map((i) => trucks(i.raw)).sort((a, b) => a - b)).toEqual(
      badFlows.map(trucks).sort((a, b) => a - b),
    );
    expect(new Set(issues.map(issueKey)).size).toBe(issues.length);
    // Events are known by their id: ev-1 and ev-3 came in both answers, listed once each.
    expect(
      issues
        .filter((i) => i.dataset === 'events')
        .map((i) => i.record)
        .sort(),
    ).toEqual(['id:ev-1', 'id:ev-3']);

    expect(activity.get('feed')).toMatchObject({
      accepted: goodFlows + 1,
      rejected: issues.length,
    });
  });

  it('keys a record by its content, whatever its position or key order', async () => {
    const { validateRecords } = await import('../domain/validate.ts');
    const { aidFlowSchema } = await import('../domain/schemas.ts');
    const bad = {
      date: '2025-03-01',
      crossingId: 'rafah',
      commodity: 'food',
      stage: 'x',
      trucks: 1,
      provenance,
    };
    const reordered = Object.fromEntries(Object.entries(bad).reverse());
    const other = { ...bad, trucks: 2 };
    const one = validateRecords(aidFlowSchema, [bad, other], {
      sourceId: 'feed',
      dataset: 'aid-flow',
    });
    const two = validateRecords(aidFlowSchema, [other, reordered, reordered], {
      sourceId: 'feed',
      dataset: 'aid-flow',
    });
    expect(two.rejected[1]!.record).toBe(one.rejected[0]!.record);
    expect(two.rejected[0]!.record).toBe(one.rejected[1]!.record);
    expect(one.rejected[0]!.record).not.toBe(one.rejected[1]!.record);
    expect(one.rejected[0]!.record).toMatch(/^hash:[0-9a-f]{16}$/);
    // Sent twice in one answer: two records, two issues.
    expect(two.rejected[2]!.record).toBe(`${one.rejected[0]!.record}#2`);
  });
});
