import type { HxlProgress } from './read-hxl.ts';
import type { IngestOptions } from '../tabular/ingest.ts';
import type { TheatreRef } from '../tabular/row-mapper.ts';
import type {
  RollupClock,
  TableFacts,
  TableQuery,
  TableRollup,
  TableRollupAnswer,
} from '../tabular/table-store.ts';

/**
 * Page → table worker. A worker holds one table: `load` reads it (once), then `query` and
 * `rollup` are answered from it, by id. The page never receives the table itself.
 */
export type TableRequest =
  | { type: 'load'; blob: Blob; theatre: TheatreRef; options: IngestOptions }
  | { type: 'query'; id: number; request: TableQuery; timeZone: string }
  | { type: 'rollup'; id: number; request: TableRollup; clock: RollupClock };

/** Table worker → page. */
export type TableReply =
  | { type: 'progress'; progress: HxlProgress }
  | { type: 'loaded'; facts: TableFacts }
  | {
      type: 'load-failed';
      message: string;
      /** True when the file is not readable HXL (not a crash). */ table: boolean;
    }
  | { type: 'records'; id: number; records: unknown[] }
  | ({ type: 'rollup'; id: number } & TableRollupAnswer)
  | { type: 'failed'; id: number; message: string };

/** What a worker (or a stand-in for one in tests) offers the page. */
export interface TableEndpoint {
  postMessage(message: TableRequest): void;
  onmessage: ((event: MessageEvent<TableReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}
