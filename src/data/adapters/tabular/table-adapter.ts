import { rollupFromRecords } from '../rollup-records.ts';
import { abortable } from '../../../lib/abortable.ts';
import type { SourceInfo, Theatre } from '../../../domain/schemas.ts';
import type { DataIssue } from '../../../domain/validate.ts';
import type { Dataset } from '../../../domain/vocabulary.ts';
import {
  SourceError,
  type AdapterKind,
  type ConnectionTest,
  type DataSourceAdapter,
  type Inventory,
  type QueryRequest,
  type QueryResult,
  type TheatreResult,
} from '../../contract.ts';
import { TableError, type IngestSummary } from './ingest.ts';
import { coverageOf, selectRecords } from './select.ts';

/** A whole table as read: its validated records and its rejected rows. */
export interface LoadedTable {
  summary: IngestSummary;
  records: unknown[];
  issues: DataIssue[];
  fetchedAt: string;
}

export interface TableSource {
  id: string;
  name: string;
  url?: string;
  attribution?: string;
  licence?: string;
}

export interface TableAdapterParts {
  source: TableSource;
  kind: AdapterKind;
  /** What the table can answer before it is read (the config's dataset, or every readable one). */
  capabilities: readonly Dataset[];
  /** The places rows are matched against. */
  loadTheatre(signal?: AbortSignal): Promise<{ theatre: Theatre; issues: DataIssue[] }>;
  loadTable(theatre: Theatre, signal?: AbortSignal): Promise<LoadedTable>;
  testConnection(signal?: AbortSignal): Promise<ConnectionTest>;
  /** A read table is reused for this long by every query (default 60 s). */
  cacheMs?: number;
}

/**
 * The DataSourceAdapter of a source read whole (an HXL file, a CKAN resource): read the
 * reference theatre, then the table, once; answer every query from it as the REST API would.
 * The theatre it answers is the reference one with the table's publishers as its sources and
 * the table's days as its coverage.
 */
export function createTableAdapter(parts: TableAdapterParts): DataSourceAdapter {
  const { source } = parts;
  const cacheMs = parts.cacheMs ?? 60_000;
  let cache:
    | {
        at: number;
        promise: Promise<{
          reference: { theatre: Theatre; issues: DataIssue[] };
          table: LoadedTable;
        }>;
      }
    | undefined;

  const load = (signal?: AbortSignal) => {
    if (cache && Date.now() - cache.at < cacheMs) return cache.promise;
    // Not tied to one caller's signal: the read is shared by every query.
    const promise = (async () => {
      const reference = await parts.loadTheatre();
      try {
        return { reference, table: await parts.loadTable(reference.theatre) };
      } catch (error) {
        if (error instanceof TableError)
          throw new SourceError(source.id, source.name, 'malformed', error.message);
        throw error;
      }
    })();
    cache = { at: Date.now(), promise };
    promise.catch(() => {
      if (cache?.promise === promise) cache = undefined;
    });
    return signal ? abortable(promise, signal) : promise;
  };

  const adapter: DataSourceAdapter = {
    sourceId: source.id,
    describe: () => ({
      name: source.name,
      adapter: parts.kind,
      attribution: source.attribution ?? source.name,
      licence: source.licence ?? 'not stated',
      synthetic: false,
      capabilities: parts.capabilities,
    }),

    async theatre(signal): Promise<TheatreResult> {
      const { reference, table } = await load(signal);
      return {
        sourceId: source.id,
        theatre: {
          ...reference.theatre,
          sources: tableSources(source, reference.theatre, table),
          coverage: coverageOf(table.records, table.summary.dataset) ?? reference.theatre.coverage,
        },
        issues: reference.issues,
        fetchedAt: table.fetchedAt,
      };
    },

    async query<D extends Dataset>(request: QueryRequest<D>): Promise<QueryResult<D>> {
      const { reference, table } = await load(request.signal);
      const empty = request.dataset !== table.summary.dataset;
      const records = empty
        ? []
        : selectRecords<D>(table.records, request, reference.theatre.timeZone);
      // Every rejected row of the table is reported with the dataset it was meant for.
      const issues = empty ? [] : table.issues;
      return {
        sourceId: source.id,
        dataset: request.dataset,
        records,
        issues,
        received: records.length + issues.length,
        fetchedAt: table.fetchedAt,
      };
    },

    rollup: (request) =>
      rollupFromRecords(
        (q) => adapter.query(q),
        async () => (await load(request.signal)).reference.theatre.timeZone,
        request,
      ),

    testConnection: (signal) => parts.testConnection(signal),

    async inventory(signal): Promise<Inventory> {
      const { table } = await load(signal);
      return {
        sourceId: source.id,
        datasets: [table.summary.dataset],
        rowsRead: table.summary.rowsRead,
        accepted: table.summary.accepted,
        rejected: table.issues,
        blankRows: table.summary.blankRows,
        warnings: table.summary.warnings,
        fetchedAt: table.fetchedAt,
      };
    },
  };
  return adapter;
}

/** The source itself and every publisher its records name. */
function tableSources(source: TableSource, reference: Theatre, table: LoadedTable): SourceInfo[] {
  const licence = source.licence ?? 'not stated';
  const named = new Set<string>();
  for (const r of table.records as { provenance?: { sourceId?: string } }[])
    if (r.provenance?.sourceId) named.add(r.provenance.sourceId);
  const out: SourceInfo[] = [
    {
      id: source.id,
      name: source.name,
      licence,
      synthetic: false,
      ...(isUrl(source.url) ? { url: source.url } : {}),
    },
  ];
  for (const id of named) {
    if (id === source.id) continue;
    const publisher = table.summary.publishers.find((p) => p.id === id);
    const known = reference.sources.find((s) => s.id === id);
    out.push(
      known ?? {
        id,
        name: publisher?.name ?? id,
        licence,
        kind: `named in ${source.name}`,
        synthetic: false,
      },
    );
  }
  return out;
}

function isUrl(url: string | undefined): url is string {
  return !!url && /^https?:\/\//.test(url);
}
