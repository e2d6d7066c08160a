import type { DatasetRecord } from '../domain/datasets.ts';
import type { RollupDataset, RollupResolution, RollupRow, RollupShape } from '../domain/rollup.ts';
import type { Theatre } from '../domain/schemas.ts';
import type { Day } from '../domain/time.ts';
import type { DataIssue } from '../domain/validate.ts';
import type { Dataset } from '../domain/vocabulary.ts';

/**
 * The pluggable data source contract, after Grafana's DataSourceApi: a description, a
 * query method and a connection test. Every adapter (REST, HXL CSV, CKAN, static snapshot,
 * and the demo, which is REST behind a mock) goes through it, and everything it returns has
 * been validated: `records` are accepted records, `issues` the rejected ones with reasons.
 */
export interface DataSourceAdapter {
  readonly sourceId: string;
  describe(): AdapterDescription;
  /** Reference data: places, crossings, facilities, baselines and the publishers behind them. */
  theatre(signal?: AbortSignal): Promise<TheatreResult>;
  query<D extends Dataset>(request: QueryRequest<D>): Promise<QueryResult<D>>;
  /**
   * The roll-up of a dataset over a range at a resolution (docs/api/openapi.yaml, "Roll-ups"):
   * what a chart draws, never more rows than it has buckets × groups. REST asks the server;
   * sources read whole roll up where they hold the table (a worker for files).
   */
  rollup<D extends RollupDataset>(request: RollupRequest<D>): Promise<RollupResult<D>>;
  /** Cheap check that the source answers, for the Sources page. Never throws. */
  testConnection(signal?: AbortSignal): Promise<ConnectionTest>;
  /**
   * Sources read whole (HXL files, CKAN resources, static snapshots) know everything they read:
   * rows read, accepted and rejected over the whole table, for the Sources page and the data
   * issues view. Absent for sources that answer by range (REST).
   */
  inventory?(signal?: AbortSignal): Promise<Inventory>;
  /**
   * Rows and records a server stored as rejected (imports into the reference server, each
   * with its reason), for the data issues view. Empty where the server keeps none.
   */
  storedIssues?(signal?: AbortSignal): Promise<DataIssue[]>;
}

/** All a whole-table source read. `accepted + rejected.length === rowsRead`, always. */
export interface Inventory {
  sourceId: string;
  datasets: readonly Dataset[];
  rowsRead: number;
  accepted: number;
  rejected: DataIssue[];
  /** Blank rows skipped (files only); not records, so not in rowsRead. */
  blankRows: number;
  /** Problems that cost no row: unused columns, duplicated hashtags. */
  warnings: string[];
  fetchedAt: string;
}

export interface AdapterDescription {
  /** The name the operator gave the source in config.json. */
  name: string;
  adapter: AdapterKind;
  attribution: string;
  licence: string;
  /** True when the figures are made up (the demo): every view and export must say so. */
  synthetic: boolean;
  /** The datasets this source can answer. */
  capabilities: readonly Dataset[];
  /** How the source counts, in its own words, when config.json says (SourceInfo.method). */
  method?: string;
}

export const ADAPTER_KINDS = ['rest', 'hxl', 'ckan', 'static'] as const;
export type AdapterKind = (typeof ADAPTER_KINDS)[number];

export interface QueryRequest<D extends Dataset> {
  dataset: D;
  /** First and last theatre-local day, inclusive. */
  from: Day;
  to: Day;
  crossingIds?: readonly string[];
  signal?: AbortSignal;
}

export interface QueryResult<D extends Dataset> {
  sourceId: string;
  dataset: D;
  records: DatasetRecord<D>[];
  /** Records the source sent that failed validation, with reasons. */
  issues: DataIssue[];
  /** How many records the source sent: records.length + issues.length (+ outsideRange). */
  received: number;
  /**
   * Valid records the source sent for days outside the request (a source that ignores `from`
   * and `to`): counted and said, not used, so no panel computes over a whole history it did
   * not ask for. Absent or 0 for a source that answers what it is asked.
   */
  outsideRange?: number;
  fetchedAt: string;
}

export interface RollupRequest<D extends RollupDataset> extends RollupShape {
  dataset: D;
  from: Day;
  to: Day;
  resolution: RollupResolution;
  signal?: AbortSignal;
}

export interface RollupResult<D extends RollupDataset> {
  sourceId: string;
  dataset: D;
  resolution: RollupResolution;
  rows: RollupRow<D>[];
  /** Records the source set aside as invalid, and rows that failed their own check. */
  issues: DataIssue[];
  /** Rows and rejected records received: rows.length + issues.length + outsideRange. */
  received: number;
  /** Valid rows for buckets outside the range asked for: counted and said, not used. */
  outsideRange?: number;
  /** Records the rows stand on (the source's count), for "n records read". */
  records: number;
  /**
   * The newest report time among the records rolled up (their `provenance.reportedAt`), where
   * the source says: how old the figures are, not when they were fetched.
   */
  reportedUpTo?: string;
  fetchedAt: string;
}

export interface TheatreResult {
  sourceId: string;
  theatre: Theatre;
  issues: DataIssue[];
  fetchedAt: string;
}

export interface ConnectionTest {
  ok: boolean;
  message: string;
  latencyMs?: number;
}

export type SourceErrorKind = 'network' | 'timeout' | 'http' | 'malformed' | 'config';

/** A source that is down or answers the wrong shape. Its message names the source. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(
    readonly sourceId: string,
    readonly sourceName: string,
    readonly kind: SourceErrorKind,
    readonly detail: string,
    readonly status?: number,
  ) {
    super(`${sourceName}: ${detail}`);
  }
}
