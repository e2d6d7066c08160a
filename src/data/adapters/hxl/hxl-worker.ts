/// <reference lib="webworker" />
/**
 * Parses an HXL CSV off the main thread: the page posts a Blob (a dropped File, or a fetched
 * body) with the theatre to match rows against; the worker streams it and posts back, chunk by
 * chunk, the records and issues it yielded with its progress, then a summary or an error.
 */
import { TableError } from '../tabular/ingest.ts';
import { readHxlStream } from './read-hxl.ts';
import type { WorkerReply, WorkerRequest } from './worker-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { blob, theatre, options } = event.data;
  const post = (reply: WorkerReply) => scope.postMessage(reply);
  try {
    const summary = await readHxlStream(
      blob.stream(),
      blob.size,
      theatre,
      options,
      (batch, progress) =>
        post({ type: 'batch', records: batch.records, issues: batch.issues, progress }),
    );
    post({ type: 'done', summary });
  } catch (error) {
    post({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
      table: error instanceof TableError,
    });
  }
};
