import type { DatasetRecord } from '../../../domain/datasets.ts';
import type { Dataset } from '../../../domain/vocabulary.ts';
import {
  createTableStore,
  type ReadTable,
  type RollupClock,
  type TableFacts,
  type TableQuery,
  type TableRollup,
  type TableRollupAnswer,
} from './table-store.ts';

/**
 * A table as the page sees it: its facts (summary, rejected rows, coverage, publishers) and
 * questions it answers, wherever it is held — a worker for HXL files, this thread otherwise.
 */
export interface TableHost {
  readonly facts: TableFacts;
  query<D extends Dataset>(
    request: TableQuery & { dataset: D },
    timeZone: string,
  ): Promise<DatasetRecord<D>[]>;
  rollup(request: TableRollup, clock: RollupClock): Promise<TableRollupAnswer>;
  /** The table is no longer needed: a worker ends once the answers in flight are back. */
  close(): void;
}

/** A table held on this thread (CKAN and static reads, Node tests, a crashed worker's table). */
export function localTable(table: ReadTable): TableHost {
  const store = createTableStore(table);
  return {
    facts: store.facts(),
    query: (request, timeZone) => Promise.resolve(store.query(request, timeZone)),
    rollup: (request, clock) => Promise.resolve(store.rollup(request, clock)),
    close: () => undefined,
  };
}
