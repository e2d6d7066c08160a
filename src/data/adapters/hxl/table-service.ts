import { blobStream, readHxlStream } from './read-hxl.ts';
import { TableError } from '../tabular/ingest.ts';
import type { TableReply, TableRequest } from './table-protocol.ts';
import { createTableStore, type ReadTable, type TableStore } from '../tabular/table-store.ts';

/**
 * The table worker's behaviour, apart from the worker itself so that tests can run it behind
 * a stand-in endpoint: reads the table on `load`, keeps it, answers `query` and `rollup`.
 */
export function serveTable(post: (reply: TableReply) => void) {
  let store: TableStore | undefined;
  let loading: Promise<TableStore | undefined> | undefined;

  async function load(request: Extract<TableRequest, { type: 'load' }>) {
    const { blob, theatre, options } = request;
    const table: ReadTable = { summary: undefined!, records: [], issues: [] };
    try {
      table.summary = await readHxlStream(
        blobStream(blob),
        blob.size,
        theatre,
        options,
        (batch, progress) => {
          for (const r of batch.records) table.records.push(r);
          for (const i of batch.issues) table.issues.push(i);
          post({ type: 'progress', progress });
        },
      );
      store = createTableStore(table);
      post({ type: 'loaded', facts: store.facts() });
      return store;
    } catch (error) {
      post({
        type: 'load-failed',
        message: error instanceof Error ? error.message : String(error),
        table: error instanceof TableError,
      });
      return undefined;
    }
  }

  return async (request: TableRequest): Promise<void> => {
    if (request.type === 'load') {
      loading ??= load(request);
      return;
    }
    const ready = store ?? (await loading);
    if (!ready) return post({ type: 'failed', id: request.id, message: 'the table was not read' });
    try {
      if (request.type === 'query')
        post({
          type: 'records',
          id: request.id,
          records: ready.query(request.request, request.timeZone),
        });
      else
        post({ type: 'rollup', id: request.id, ...ready.rollup(request.request, request.clock) });
    } catch (error) {
      post({
        type: 'failed',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };
}
