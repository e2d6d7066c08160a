/// <reference lib="webworker" />
/**
 * Holds one table off the main thread (issue 12): the page posts a Blob (a dropped File, or a
 * fetched body) with the theatre to match rows against; the worker streams and validates it,
 * keeps the accepted records, and from then on answers roll-ups and short ranges of records.
 * The page receives progress, the table's facts (summary, rejected rows), and answers.
 */
import { serveTable } from './table-service.ts';
import type { TableReply, TableRequest } from './table-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const serve = serveTable((reply: TableReply) => scope.postMessage(reply));

scope.onmessage = (event: MessageEvent<TableRequest>) => void serve(event.data);
