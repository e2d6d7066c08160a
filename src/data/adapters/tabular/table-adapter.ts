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
  type RollupRequest,
  type RollupResult,
  type TheatreResult,
} from '../../contract.ts';
import type { RollupDataset, RollupRow } from '../../../domain/rollup.ts';
import type { DatasetRecord } from '../../../domain/datasets.ts';
import { TableError } from './ingest.ts';
import type { TableHost } from './table-host.ts';
import { LICENCE_NOT_STATED } from '../../../domain/licence.ts';

/** A whole table as read, held where it was read (a worker for HXL files), and when. */
export interface LoadedTable {
  host: TableHost;
  fetchedAt: string;
}

export interface TableSource {
  id: string;
  name: string;
  url?: string;
  attribution?: string;
  licence?: string;
  /** How the source counts, in its own words (config.json). */
  method?: string;
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
    // The table read before is let go (its worker ends) once this one replaces it.
    const previous = cache?.promise;
    promise.then(
      () => previous?.then(({ table }) => table.host.close()).catch(() => undefined),
      () => undefined,
    );
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
      licence: source.licence ?? LICENCE_NOT_STATED,
      synthetic: false,
      capabilities: parts.capabilities,
      ...(source.method ? { method: source.method } : {}),
    }),

    async theatre(signal): Promise<TheatreResult> {
      const { reference, table } = await load(signal);
      return {
        sourceId: source.id,
        theatre: {
          ...reference.theatre,
          sources: tableSources(source, reference.theatre, table.host),
          coverage: table.host.facts.coverage ?? reference.theatre.coverage,
        },
        issues: reference.issues,
        fetchedAt: table.fetchedAt,
      };
    },

    async query<D extends Dataset>(request: QueryRequest<D>): Promise<QueryResult<D>> {
      const { reference, table } = await load(request.signal);
      const { facts } = table.host;
      const empty = request.dataset !== facts.summary.dataset;
      // The table selects the range where it is held: only those records reach the page.
      const records: DatasetRecord<D>[] = empty
        ? []
        : await table.host.query<D>(
            {
              dataset: request.dataset,
              from: request.from,
              to: request.to,
              ...(request.crossingIds ? { crossingIds: request.crossingIds } : {}),
            },
            reference.theatre.timeZone,
          );
      // Every rejected row of the table is reported with the dataset it was meant for.
      const issues = empty ? [] : facts.issues;
      return {
        sourceId: source.id,
        dataset: request.dataset,
        records,
        issues,
        received: records.length + issues.length,
        fetchedAt: table.fetchedAt,
      };
    },

    async rollup<D extends RollupDataset>(request: RollupRequest<D>): Promise<RollupResult<D>> {
      const { reference, table } = await load(request.signal);
      const { facts } = table.host;
      const issues = request.dataset === facts.summary.dataset ? facts.issues : [];
      // Rolled up where the table is held; crossing-status days need the theatre's zone and now.
      const { dataset, from, to, resolution, by, crossingIds, commodities } = request;
      const asked = { dataset, from, to, resolution, by, crossingIds, commodities };
      const answer = await table.host.rollup(asked, {
        timeZone: reference.theatre.timeZone,
        now: Date.now(),
      });
      return {
        sourceId: source.id,
        dataset: request.dataset,
        resolution: request.resolution,
        rows: answer.rows as RollupRow<D>[],
        issues,
        received: answer.rows.length + issues.length,
        records: answer.records + issues.length,
        ...(answer.reportedUpTo !== undefined ? { reportedUpTo: answer.reportedUpTo } : {}),
        fetchedAt: table.fetchedAt,
      };
    },

    testConnection: (signal) => parts.testConnection(signal),

    async inventory(signal): Promise<Inventory> {
      const { table } = await load(signal);
      const { summary, issues } = table.host.facts;
      return {
        sourceId: source.id,
        datasets: [summary.dataset],
        rowsRead: summary.rowsRead,
        accepted: summary.accepted,
        rejected: issues,
        blankRows: summary.blankRows,
        warnings: summary.warnings,
        fetchedAt: table.fetchedAt,
      };
    },
  };
  return adapter;
}

/** The source itself and every publisher its records name. */
function tableSources(source: TableSource, reference: Theatre, table: TableHost): SourceInfo[] {
  const licence = source.licence ?? LICENCE_NOT_STATED;
  const { summary, publisherIds: named } = table.facts;
  const out: SourceInfo[] = [
    {
      id: source.id,
      name: source.name,
      licence,
      ...(source.method ? { method: source.method } : {}),
      synthetic: false,
      ...(isUrl(source.url) ? { url: source.url } : {}),
    },
  ];
  for (const id of named) {
    if (id === source.id) continue;
    const publisher = summary.publishers.find((p) => p.id === id);
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
