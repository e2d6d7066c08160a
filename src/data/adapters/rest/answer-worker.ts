/// <reference lib="webworker" />
/**
 * Parses and validates large REST answers off the main thread. Results go back in slices, so
 * the page takes in 200,000 records as several short tasks rather than one long one.
 */
import { readAnswer } from './answer.ts';
import { SLICE, type AnswerReply, type AnswerJob } from './answer-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<AnswerJob>) => {
  const { id, request } = event.data;
  const post = (reply: AnswerReply) => scope.postMessage(reply);
  try {
    const result = readAnswer(request);
    if (!result.ok) return post({ id, type: 'failed', problem: result.problem });
    for (let i = 0; i < result.records.length; i += SLICE)
      post({ id, type: 'records', records: result.records.slice(i, i + SLICE) });
    for (let i = 0; i < result.issues.length; i += SLICE)
      post({ id, type: 'issues', issues: result.issues.slice(i, i + SLICE) });
    post({
      id,
      type: 'done',
      received: result.received,
      outsideRange: result.outsideRange,
      ...(result.sourceRecords !== undefined ? { sourceRecords: result.sourceRecords } : {}),
      ...(result.reportedUpTo !== undefined ? { reportedUpTo: result.reportedUpTo } : {}),
    });
  } catch (error) {
    post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
