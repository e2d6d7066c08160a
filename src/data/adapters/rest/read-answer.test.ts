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
