import type { DatasetRecord } from '../../../domain/datasets.ts';
import type { Theatre } from '../../../domain/schemas.ts';
import type { DataIssue } from '../../../domain/validate.ts';
import type { Dataset } from '../../../domain/vocabulary.ts';
import { TableError, type IngestOptions } from '../tabular/ingest.ts';
import type { TheatreRef } from '../tabular/row-mapper.ts';
import { localTable, type TableHost } from '../tabular/table-host.ts';
import type { ReadTable, TableFacts } from '../tabular/table-store.ts';
import { blobStream, readHxlStream, type HxlProgress } from './read-hxl.ts';
import type { TableEndpoint, TableReply, TableRequest } from './table-protocol.ts';

/** The slice of a theatre rows are matched against (small enough to post to a worker). */
export function theatreRef(theatre: Theatre): TheatreRef {
  return {
    id: theatre.id,
    names: { en: theatre.names.en },
    timeZone: theatre.timeZone,
    crossings: theatre.crossings,
    facilities: theatre.facilities,
    sources: theatre.sources,
    areas: theatre.areas.map((a) => ({ id: a.id, names: a.names })),
    ...(theatre.earliestDay ? { earliestDay: theatre.earliestDay } : {}),
  };
}

/** One worker per table: a module worker served from the app's origin (no blob: URL, for the CSP). */
function startTableWorker(): TableEndpoint {
  return new Worker(new URL('./table-worker.ts', import.meta.url), {
    type: 'module',
    name: 'hxl-table',
  }) as unknown as TableEndpoint;
}

/**
 * Reads an HXL CSV blob into a table held by its own Web Worker (streaming, with progress): the
 * page then asks it for roll-ups and ranges of records, and never holds every row. Where there
 * is no Worker (Node, jsdom) the same reader and table run on this thread. Should the worker
 * crash, while reading or later, the blob is read here and every question in flight is answered
 * from that copy: slower, nothing lost. Rejects with TableError when the file is not readable HXL.
 */
export function openHxlTable(
  blob: Blob,
  theatre: Theatre,
  options: IngestOptions,
  onProgress?: (progress: HxlProgress) => void,
  signal?: AbortSignal,
  startWorker: (() => TableEndpoint) | undefined = typeof Worker === 'undefined'
    ? undefined
    : startTableWorker,
): Promise<TableHost> {
  const ref = theatreRef(theatre);
  if (!startWorker) return readHere(blob, ref, options, onProgress).then(localTable);

  return new Promise<TableHost>((resolveOpen, rejectOpen) => {
    const worker = startWorker();
    let nextId = 1;
    let opened = false;
    let closing = false;
    let fallback: Promise<TableHost> | undefined;
    const pending = new Map<
      number,
      {
        request: TableRequest;
        resolve: (value: never) => void;
        reject: (error: unknown) => void;
      }
    >();

    const end = () => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
    };
    const settle = (id: number) => {
      const job = pending.get(id);
      pending.delete(id);
      if (closing && !pending.size) end();
      return job;
    };
    const stop = () => {
      end();
      if (!opened) rejectOpen(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', stop, { once: true });

    /** Ask the worker, or the copy read here once the worker is gone. */
    function ask<T>(request: TableRequest & { id: number }): Promise<T> {
      if (fallback) return fallback.then((host) => answerHere<T>(host, request));
      return new Promise<T>((resolve, reject) => {
        pending.set(request.id, { request, resolve: resolve as (value: never) => void, reject });
        worker.postMessage(request);
      });
    }

    const host = (facts: TableFacts): TableHost => ({
      facts,
      query: <D extends Dataset>(request: Parameters<TableHost['query']>[0], timeZone: string) =>
        ask<DatasetRecord<D>[]>({ type: 'query', id: nextId++, request, timeZone }),
      rollup: (request, clock) => ask({ type: 'rollup', id: nextId++, request, clock }),
      close() {
        closing = true;
        if (!pending.size && !fallback) end();
      },
    });

    worker.onmessage = (event: MessageEvent<TableReply>) => {
      const reply = event.data;
      switch (reply.type) {
        case 'progress':
          return onProgress?.(reply.progress);
        case 'loaded':
          // The signal was the read's: from now on the table serves every caller.
          opened = true;
          signal?.removeEventListener('abort', stop);
          return resolveOpen(host(reply.facts));
        case 'load-failed':
          end();
          return rejectOpen(reply.table ? new TableError(reply.message) : new Error(reply.message));
        case 'records':
          return settle(reply.id)?.resolve(reply.records as never);
        case 'rollup':
          return settle(reply.id)?.resolve({
            rows: reply.rows,
            records: reply.records,
            ...(reply.reportedUpTo !== undefined ? { reportedUpTo: reply.reportedUpTo } : {}),
          } as never);
        case 'failed':
          return settle(reply.id)?.reject(new Error(reply.message));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      end();
      if (closing && !pending.size) return; // let go already: nothing to answer
      // The worker could not start or died: read the blob here and answer from that copy.
      fallback = readHere(blob, ref, options, onProgress).then(localTable);
      const jobs = [...pending.values()];
      pending.clear();
      if (!opened) {
        opened = true;
        fallback.then(resolveOpen, rejectOpen);
      }
      for (const job of jobs)
        fallback
          .then((here) => answerHere(here, job.request as TableRequest & { id: number }))
          .then(job.resolve as (value: unknown) => void, job.reject);
    };
    worker.postMessage({ type: 'load', blob, theatre: ref, options });
  });
}

function answerHere<T>(host: TableHost, request: TableRequest): Promise<T> {
  if (request.type === 'query') return host.query(request.request, request.timeZone) as Promise<T>;
  if (request.type === 'rollup') return host.rollup(request.request, request.clock) as Promise<T>;
  throw new Error('a table is loaded once');
}

/** Reads the blob on this thread, with the reader the worker runs. */
async function readHere(
  blob: Blob,
  theatre: TheatreRef,
  options: IngestOptions,
  onProgress?: (progress: HxlProgress) => void,
): Promise<ReadTable> {
  const records: unknown[] = [];
  const issues: DataIssue[] = [];
  const summary = await readHxlStream(
    blobStream(blob),
    blob.size,
    theatre,
    options,
    (batch, progress) => {
      for (const r of batch.records) records.push(r);
      for (const i of batch.issues) issues.push(i);
      onProgress?.(progress);
    },
  );
  return { summary, records, issues };
}
