import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateBounds } from '../../../domain/date-bounds.ts';
import { SLICE, type AnswerJob, type AnswerReply } from './answer-protocol.ts';
import { readAnswer } from './answer.ts';
import { readAnswerOffThread, WORKER_THRESHOLD } from './read-answer.ts';

const provenance = { sourceId: 's', reportedAt: '2025-03-01T08:00:00Z', verification: 'reported' };
const status = (i: number) => ({
  crossingId: 'rafah',
  at: '2025-03-01T08:00:00Z',
  status: i % 7 === 0 ? 'ajar' : 'open',
  provenance,
});
const dates = { timeZone: 'Asia/Gaza', bounds: dateBounds(Date.parse('2025-03-02'), 'Asia/Gaza') };
const request = (n: number) => ({
  dataset: 'crossing-status' as const,
  body: JSON.stringify({ data: Array.from({ length: n }, (_, i) => status(i)) }),
  sourceId: 's',
  dates,
});

/** A stand-in for the browser's Worker that answers as answer-worker.ts does, or crashes. */
function fakeWorker(mode: 'answer' | 'crash') {
  return class {
    onmessage: ((event: MessageEvent<AnswerReply>) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    postMessage({ id, request }: AnswerJob) {
      queueMicrotask(() => {
        if (mode === 'crash') {
          this.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
          return;
        }
        const reply = (r: AnswerReply) =>
          this.onmessage?.({ data: r } as MessageEvent<AnswerReply>);
        const result = readAnswer(request);
        if (!result.ok) return reply({ id, type: 'failed', problem: result.problem });
        for (let i = 0; i < result.records.length; i += SLICE)
          reply({ id, type: 'records', records: result.records.slice(i, i + SLICE) });
        reply({ id, type: 'issues', issues: result.issues });
        reply({ id, type: 'done', received: result.received, outsideRange: result.outsideRange });
      });
    }
    terminate() {}
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('reading a large answer off the main thread', () => {
  it('reads the answer on the page when the worker cannot start or crashes: nothing lost', async () => {
    // First in the file: the page keeps one worker, and a crashed one is dropped.
    vi.stubGlobal('Worker', fakeWorker('crash'));
    const big = request(5_000);
    expect(await readAnswerOffThread(big)).toEqual(readAnswer(big));
  });

  it('puts slices back together: accepted + rejected = received, reasons kept', async () => {
    vi.stubGlobal('Worker', fakeWorker('answer'));
    const big = request(25_000);
    expect(big.body.length).toBeGreaterThan(WORKER_THRESHOLD);
    const result = await readAnswerOffThread(big);
    expect(result).toEqual(readAnswer(big));
    if (!result.ok) throw new Error('expected records');
    expect(result.records.length + result.issues.length).toBe(25_000);
    expect(result.issues[1]).toMatchObject({ position: 7, field: 'status' });
  });

  it('says when the body is not JSON or has no list under "data"', () => {
    expect(readAnswer({ ...request(0), body: '<html>' })).toEqual({
      ok: false,
      problem: 'not-json',
    });
    expect(readAnswer({ ...request(0), body: '{"rows":3}' })).toEqual({
      ok: false,
      problem: 'no-list',
    });
  });
});

describe('a roll-up answer', () => {
  const row = (over: Record<string, unknown> = {}) => ({
    bucket: '2025-03-01',
    to: '2025-03-02',
    days: 2,
    sourceId: 's',
    verification: 'reported',
    records: 2,
    daysReported: 2,
    dayMask: 3,
    crossingId: 'rafah',
    commodity: 'food',
    stage: 'entered',
    trucks: 10,
    ...over,
  });
  const flow = (trucks: number) => ({
    date: '2025-03-01',
    crossingId: 'rafah',
    commodity: 'food',
    stage: 'entered',
    trucks,
    provenance,
  });
  const answer = () =>
    readAnswer({
      dataset: 'aid-flow',
      body: JSON.stringify({
        // A good row, a row whose mask disagrees with its days reported, one outside the range.
        data: [
          row(),
          row({ dayMask: 1 }),
          row({ bucket: '2025-04-01', to: '2025-04-01', days: 1, dayMask: 1, daysReported: 1 }),
        ],
        // One record our schema refuses too, one it would take: both listed, neither drawn.
        rejected: [flow(-5), flow(7)],
        meta: { resolution: 'week', records: 6 },
      }),
      sourceId: 's',
      dates,
      rollup: { resolution: 'week' },
      asked: { from: '2025-03-01', to: '2025-03-02' },
    });

  it('keeps good rows, lists bad rows and set-aside records, counts rows outside the range', () => {
    const read = answer();
    if (!read.ok) throw new Error('not read');
    expect(read.records).toHaveLength(1);
    expect(read.outsideRange).toBe(1);
    expect(read.issues.map((i) => i.field)).toEqual(['dayMask', 'trucks', '']);
    expect(read.issues.at(-1)!.reason).toBe('set aside by the source as invalid');
    // accepted + rejected + outside the range = received
    expect(read.records.length + read.issues.length + read.outsideRange).toBe(read.received);
    expect(read.sourceRecords).toBe(6);
    // The same records are the same issues however often they are fetched.
    const again = answer();
    if (!again.ok) throw new Error('not read');
    expect(again.issues.map((i) => i.record)).toEqual(read.issues.map((i) => i.record));
  });

  it("carries the source's newest report time, only as an instant with its zone", () => {
    const read = (reportedUpTo: unknown) => {
      const result = readAnswer({
        dataset: 'aid-flow',
        body: JSON.stringify({ data: [], meta: { resolution: 'week', records: 0, reportedUpTo } }),
        sourceId: 's',
        dates,
        rollup: { resolution: 'week' },
      });
      if (!result.ok) throw new Error('not read');
      return result.reportedUpTo;
    };
    expect(read('2025-03-02T06:10:00+02:00')).toBe('2025-03-02T06:10:00+02:00');
    expect(read('2025-03-02T04:10:00Z')).toBe('2025-03-02T04:10:00Z');
    // A time without zone, nonsense and absence say nothing (the wall falls back to the fetch).
    expect(read('2025-03-02T06:10:00')).toBeUndefined();
    expect(read('yesterday')).toBeUndefined();
    expect(read(1740895800000)).toBeUndefined();
    expect(read(undefined)).toBeUndefined();
  });

  it('refuses a roll-up at another resolution than asked', () => {
    const read = readAnswer({
      dataset: 'aid-flow',
      body: JSON.stringify({ data: [], meta: { resolution: 'month' } }),
      sourceId: 's',
      dates,
      rollup: { resolution: 'week' },
    });
    expect(read).toEqual({ ok: false, problem: 'wrong-resolution' });
  });
});
