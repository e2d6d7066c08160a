import type { Theatre } from '../../../domain/schemas.ts';
import type { DataIssue } from '../../../domain/validate.ts';
import { TableError, type IngestOptions } from '../tabular/ingest.ts';
import type { TheatreRef } from '../tabular/row-mapper.ts';
import { readHxlStream, type HxlProgress, type ReadTable } from './read-hxl.ts';
import type { WorkerReply, WorkerRequest } from './worker-protocol.ts';

/** The slice of a theatre rows are matched against (small enough to post to a worker). */
export function theatreRef(theatre: Theatre): TheatreRef {
  return {
    id: theatre.id,
    names: { en: theatre.names.en },
    timeZone: theatre.timeZone,
    crossings: theatre.crossings,
    facilities: theatre.facilities,
    sources: theatre.sources,
    ...(theatre.earliestDay ? { earliestDay: theatre.earliestDay } : {}),
  };
}

/**
 * Parses an HXL CSV blob in a Web Worker (streaming, with progress), or on this thread where
 * there is no Worker (Node tests). Rejects with TableError when the file is not readable HXL.
 */
export function parseHxl(
  blob: Blob,
  theatre: Theatre,
  options: IngestOptions,
  onProgress?: (progress: HxlProgress) => void,
  signal?: AbortSignal,
): Promise<ReadTable> {
  const ref = theatreRef(theatre);
  if (typeof Worker === 'undefined' || typeof blob.stream !== 'function')
    return parseHere(blob, ref, options, onProgress);
  return new Promise<ReadTable>((resolve, reject) => {
    const worker = new Worker(new URL('./hxl-worker.ts', import.meta.url), {
      type: 'module',
      name: 'hxl-parser',
    });
    const records: unknown[] = [];
    const issues: DataIssue[] = [];
    const stop = () => {
      worker.terminate();
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'batch') {
        for (const r of reply.records) records.push(r);
        for (const i of reply.issues) issues.push(i);
        onProgress?.(reply.progress);
        return;
      }
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      if (reply.type === 'done') resolve({ summary: reply.summary, records, issues });
      else reject(reply.table ? new TableError(reply.message) : new Error(reply.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      reject(new Error(`the parser stopped: ${event.message || 'worker error'}`));
    };
    worker.postMessage({ blob, theatre: ref, options } satisfies WorkerRequest);
  });
}

async function parseHere(
  blob: Blob,
  theatre: TheatreRef,
  options: IngestOptions,
  onProgress?: (progress: HxlProgress) => void,
): Promise<ReadTable> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 256 * 1024)
        controller.enqueue(bytes.subarray(i, i + 256 * 1024));
      controller.close();
    },
  });
  const records: unknown[] = [];
  const issues: DataIssue[] = [];
  const summary = await readHxlStream(stream, bytes.length, theatre, options, (batch, progress) => {
    for (const r of batch.records) records.push(r);
    for (const i of batch.issues) issues.push(i);
    onProgress?.(progress);
  });
  return { summary, records, issues };
}
