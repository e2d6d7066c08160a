import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Day } from '../domain/time.ts';
import type { Dataset } from '../domain/vocabulary.ts';
import type { RollupDataset } from '../domain/rollup.ts';
import type { DataSourceAdapter, RollupRequest } from './contract.ts';
import { useActiveSource } from './source-context.tsx';

/*
 * The query functions below do not hand TanStack's abort signal to the adapter on purpose: once a
 * query function reads the signal, TanStack cancels the fetch whenever its last observer goes
 * away and fetches again when one comes back. StrictMode's mount–unmount–mount, a panel that
 * remounts, or a deferred panel arriving while another unmounts then downloads the same answer
 * again (issue 10: a 38 MB answer fetched 9 times in one page view). Without the signal an
 * in-flight fetch is shared by whoever asks for the same key; each adapter still gives up after
 * its source's time limit.
 */

/**
 * The dataset a query of a source reads, from its key: `['source', id, dataset, …]` for records,
 * `['source', id, 'rollup', dataset, …]` for roll-ups, `['source', id, 'theatre']`.
 */
export function datasetOfKey(key: readonly unknown[]): Dataset | 'theatre' | undefined {
  const part = key[2] === 'rollup' ? key[3] : key[2];
  return typeof part === 'string' ? (part as Dataset | 'theatre') : undefined;
}

/**
 * The question a key asks, without its period: the same dataset or roll-up with the same
 * filters over a period of the same length, e.g. "the board's last 8 days of crossing status".
 * A question asked on another day has the same ask (see kept-answers.ts). Keys without a period
 * (the theatre) are their own ask.
 */
export function askOfKey(key: readonly unknown[]): string {
  const at = key[2] === 'rollup' ? 4 : 3;
  const [from, to] = [key[at], key[at + 1]];
  if (!isDay(from) || !isDay(to)) return JSON.stringify(key);
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return JSON.stringify([...key.slice(0, at), `${days}d`, ...key.slice(at + 2)]);
}

function isDay(value: unknown): value is Day {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** Reference data change rarely: keep them for an hour. */
export const theatreQuery = (adapter: DataSourceAdapter) =>
  queryOptions({
    queryKey: ['source', adapter.sourceId, 'theatre'],
    queryFn: () => adapter.theatre(),
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
    queryFn: () => adapter.query({ dataset, from: range.from, to: range.to, crossingIds }),
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });

/**
 * A roll-up of one dataset: what a chart draws over a long range. Keyed by everything that
 * shapes the rows, so two charts asking the same share one answer.
 */
export const rollupQuery = <D extends RollupDataset>(
  adapter: DataSourceAdapter,
  request: Omit<RollupRequest<D>, 'signal'>,
) =>
  queryOptions({
    queryKey: [
      'source',
      adapter.sourceId,
      'rollup',
      request.dataset,
      request.from,
      request.to,
      request.resolution,
      request.by ?? '',
      request.crossingIds ?? [],
      request.commodities ?? [],
    ],
    queryFn: () => adapter.rollup(request),
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });

/** A roll-up of one dataset over a range (see rollupQuery). */
export function useRollup<D extends RollupDataset>(request: Omit<RollupRequest<D>, 'signal'>) {
  const { adapter } = useActiveSource();
  return useQuery(rollupQuery(adapter, request));
}

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
