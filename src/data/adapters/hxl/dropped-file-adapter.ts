import type { Dataset } from '../../../domain/vocabulary.ts';
import type { ConnectionTest, DataSourceAdapter } from '../../contract.ts';
import type { HxlSourceConfig } from '../../config.ts';
import { TableError, type IngestSummary } from '../tabular/ingest.ts';
import { createTableAdapter } from '../tabular/table-adapter.ts';
import type { HxlProgress } from './read-hxl.ts';
import { openHxlTable } from './open-table.ts';

export interface DroppedFileEvents {
  progress(progress: HxlProgress): void;
  ready(summary: IngestSummary, rejected: number): void;
  failed(message: string): void;
  testConnection(): ConnectionTest;
}

/**
 * Starts reading a dropped file at once (into its own table worker), matched to the reference source's
 * theatre, and returns the adapter that answers from it when it is read.
 */
export function openDroppedFile(
  file: File,
  source: HxlSourceConfig & { dataset?: Dataset },
  reference: DataSourceAdapter,
  events: DroppedFileEvents,
): DataSourceAdapter {
  const reading = reference.theatre().then(
    async (reference) => {
      try {
        const host = await openHxlTable(
          file,
          reference.theatre,
          { sourceId: source.id, dataset: source.dataset },
          events.progress,
        );
        events.ready(host.facts.summary, host.facts.issues.length);
        return { reference, table: { host, fetchedAt: new Date().toISOString() } };
      } catch (error) {
        events.failed(
          `${file.name}: ${error instanceof TableError || error instanceof Error ? error.message : String(error)}`,
        );
        throw error;
      }
    },
    (error: unknown) => {
      // Without the theatre the file cannot be matched to places.
      events.failed(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    },
  );
  reading.catch(() => undefined);
  return createTableAdapter({
    source,
    kind: 'hxl',
    capabilities: source.dataset
      ? [source.dataset]
      : ['aid-flow', 'crossing-status', 'facility-status'],
    loadTheatre: () => reading.then((r) => r.reference),
    loadTable: () => reading.then((r) => r.table),
    testConnection: () => Promise.resolve(events.testConnection()),
    cacheMs: Number.POSITIVE_INFINITY,
  });
}
