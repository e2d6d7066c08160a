import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Day } from '../domain/time.ts';
import type { Dataset } from '../domain/vocabulary.ts';
import type { DataSourceAdapter } from './contract.ts';
import { useActiveSource } from './source-context.tsx';

/** Reference data change rarely: keep them for an hour. */
export const theatreQuery = (adapter: DataSourceAdapter) =>
  queryOptions({
    queryKey: ['source', adapter.sourceId, 'theatre'],
    queryFn: ({ signal }) => adapter.theatre(signal),
    staleTime: 60 * 60_000,
  });

/** One dataset over a range of theatre-local days. Observations are refreshed every minute. */
export const datasetQuery = <D extends Dataset>(
  adapter: DataSourceAdapter,
  dataset: D,
  range: { from: Day; to: Day },
  crossingIds?: readonly string[],
) =>
  queryOptions({
    queryKey: ['source', adapter.sourceId, dataset, range.from, range.to, crossingIds ?? []],
    queryFn: ({ signal }) =>
      adapter.query({ dataset, from: range.from, to: range.to, crossingIds, signal }),
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });

export function useTheatre() {
  const { adapter } = useActiveSource();
  return useQuery(theatreQuery(adapter));
}

export function useDataset<D extends Dataset>(
  dataset: D,
  range: { from: Day; to: Day },
  crossingIds?: readonly string[],
) {
  const { adapter } = useActiveSource();
  return useQuery(datasetQuery(adapter, dataset, range, crossingIds));
}

/**
 * Names for source ids in records and issues: publishers from the theatre, and the configured
 * source itself (issues are filed under it). Falls back to the id rather than hiding it.
 */
export function useSourceName(): (sourceId: string) => string {
  const { source } = useActiveSource();
  const theatre = useTheatre();
  const publishers = theatre.data?.theatre.sources;
  // The same function while the names stay the same: charts memoised on it do not rebuild.
  return useCallback(
    (id: string) =>
      publishers?.find((s) => s.id === id)?.name ?? (id === source.id ? source.name : id),
    [publishers, source.id, source.name],
  );
}
