import type { DataIssue } from '../../../domain/validate.ts';
import type { Dataset } from '../../../domain/vocabulary.ts';
import { readAnswer, type AnswerRequest, type AnswerResult } from './answer.ts';
import type { AnswerJob, AnswerReply } from './answer-protocol.ts';

/**
 * Answers of this many bytes or more are parsed and validated in a Web Worker: about
 * 1,300 records, which take ~20 ms on the page on a laptop and ~80 ms on a slow phone. Smaller
 * ones are read here, where a worker's start-up and copying would cost more than they save.
 */
export const WORKER_THRESHOLD = 256 * 1024;

/**
 * Until the worker runs, the bar is higher: starting it means fetching its script (~34 KB) and
 * compiling the schemas in it, which on a throttled phone took ~0.5 s of the first screen's
 * critical path for the board's 290 KB answer — several times what reading it here costs.
 */
export const COLD_WORKER_THRESHOLD = 512 * 1024;

interface Pending {
  request: AnswerRequest;
  records: unknown[];
  issues: DataIssue[];
  resolve: (result: AnswerResult) => void;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/** One worker for the page, started on the first large answer and kept for the next ones. */
function answerWorker(): Worker {
  if (worker) return worker;
  // A module worker served from the app's own origin, as Vite builds it (no blob: URL, for the CSP).
  const started = new Worker(new URL('./answer-worker.ts', import.meta.url), {
    type: 'module',
    name: 'answer-reader',
  });
  started.onmessage = (event: MessageEvent<AnswerReply>) => {
    const reply = event.data;
    const job = pending.get(reply.id);
    if (!job) return;
    if (reply.type === 'records') for (const r of reply.records) job.records.push(r);
    else if (reply.type === 'issues') for (const i of reply.issues) job.issues.push(i);
    else {
      pending.delete(reply.id);
      if (reply.type === 'done')
        job.resolve({
          ok: true,
          records: job.records as never[],
          issues: job.issues,
          received: reply.received,
          outsideRange: reply.outsideRange,
          ...(reply.sourceRecords !== undefined ? { sourceRecords: reply.sourceRecords } : {}),
          ...(reply.reportedUpTo !== undefined ? { reportedUpTo: reply.reportedUpTo } : {}),
        });
      else if (reply.type === 'failed') job.resolve({ ok: false, problem: reply.problem });
      else job.resolve(readAnswer(job.request)); // the reader crashed: read it here, lose nothing
    }
  };
  started.onerror = (event) => {
    event.preventDefault();
    // The worker could not start or died: the jobs in flight are read here (slower, nothing
    // lost) and the next large answer starts a fresh worker.
    const jobs = [...pending.values()];
    pending.clear();
    for (const job of jobs) job.resolve(readAnswer(job.request));
    started.terminate();
    if (worker === started) worker = undefined;
  };
  worker = started;
  return started;
}

/**
 * Reads a dataset answer: in the worker when it is large and workers exist (not in Node or
 * jsdom), otherwise here with the same function. Either way accepted + rejected = received.
 */
export function readAnswerOffThread<D extends Dataset>(
  request: AnswerRequest & { dataset: D },
): Promise<AnswerResult<D>> {
  const size = typeof request.body === 'string' ? request.body.length : request.body.byteLength;
  if (size < (worker ? WORKER_THRESHOLD : COLD_WORKER_THRESHOLD) || typeof Worker === 'undefined')
    return Promise.resolve(readAnswer(request));
  return new Promise<AnswerResult>((resolve) => {
    const id = nextId++;
    pending.set(id, { request, records: [], issues: [], resolve });
    answerWorker().postMessage({ id, request } satisfies AnswerJob);
  }) as Promise<AnswerResult<D>>;
}
