import { newestReport } from '../../domain/provenance.ts';
import { rollUpDataset, type RollupDataset } from '../../domain/rollup.ts';
import type { Dataset } from '../../domain/vocabulary.ts';
import type { QueryRequest, QueryResult, RollupRequest, RollupResult } from '../contract.ts';

/**
 * A roll-up from a source's own records, with the semantics the API states (one function,
 * `rollUpDataset`), on the page: for static snapshots, whose files are a snapshot's size. Files
 * and CKAN tables roll up in their `TableHost` instead (tabular/table-store.ts). Rejected rows
 * travel beside the roll-up as issues, as in the API's `rejected`.
 */
export async function rollupFromRecords<D extends RollupDataset>(
  query: <Q extends Dataset>(request: QueryRequest<Q>) => Promise<QueryResult<Q>>,
  timeZone: () => Promise<string>,
  request: RollupRequest<D>,
): Promise<RollupResult<D>> {
  const [answer, zone] = await Promise.all([
    query({
      dataset: request.dataset,
      from: request.from,
      to: request.to,
      crossingIds: request.crossingIds,
      signal: request.signal,
    }),
    timeZone(),
  ]);
  const rows = rollUpDataset(
    request.dataset,
    answer.records,
    request,
    request.resolution,
    request,
    { timeZone: zone, now: Date.now() },
  );
  return {
    sourceId: answer.sourceId,
    dataset: request.dataset,
    resolution: request.resolution,
    rows,
    issues: answer.issues,
    received: rows.length + answer.issues.length,
    records: answer.records.length + answer.issues.length,
    ...withReportedUpTo(newestReport(answer.records)),
    fetchedAt: answer.fetchedAt,
  };
}

const withReportedUpTo = (reportedUpTo: string | undefined) =>
  reportedUpTo !== undefined ? { reportedUpTo } : {};
