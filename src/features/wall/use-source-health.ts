import { datasetOfKey } from '../../data/queries.ts';
import {
  isCancelledError,
  useQueryClient,
  type Query,
  type QueryCache,
  type QueryCacheNotifyEvent,
} from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import { useActiveSource } from '../../data/source-context.tsx';
import { newestReport } from '../../domain/provenance.ts';
import type { Dataset } from '../../domain/vocabulary.ts';
import type { DatasetTimes } from './wall-model.ts';

/** What the wall knows about its source, read from the query cache. */
export interface SourceHealth {
  /** Newest successful fetch per dataset (epoch ms). */
  updatedAt: DatasetTimes;
  /**
   * Newest report per dataset (epoch ms): the latest `reportedAt` among the records the wall
   * holds, or a roll-up's `reportedUpTo`. Absent for a dataset whose source gives no report
   * times, and for events (a quiet week has no new event, and its data are not old for that).
   */
  reportedAt: DatasetTimes;
  /** The last time the source answered anything (epoch ms). */
  lastSuccessAt: number | undefined;
  /** Since when every attempt has failed (epoch ms); undefined while the source answers. */
  failingSince: number | undefined;
  /** The latest failure, in the adapter's words (names the source). */
  lastError: string | undefined;
}

const isOurs = (query: Query, sourceId: string) =>
  query.queryKey[0] === 'source' && query.queryKey[1] === sourceId;

/**
 * A store over the query cache for one source. Bounded by design: it holds only the hashes of
 * queries failing right now (at most the queries in the cache) and a few timestamps.
 */
export function createHealthStore(cache: QueryCache, sourceId: string) {
  const failing = new Set<string>();
  let failingSince: number | undefined;
  let lastError: string | undefined;
  let snapshot: SourceHealth = read();

  function read(): SourceHealth {
    const updatedAt: DatasetTimes = {};
    const reportedAt: DatasetTimes = {};
    let lastSuccessAt: number | undefined;
    for (const query of cache.getAll()) {
      if (!isOurs(query, sourceId)) continue;
      const at = query.state.dataUpdatedAt;
      if (!at) continue;
      lastSuccessAt = Math.max(lastSuccessAt ?? 0, at);
      const dataset = datasetOfKey(query.queryKey);
      if (!dataset || dataset === 'theatre') continue;
      updatedAt[dataset] = Math.max(updatedAt[dataset] ?? 0, at);
      const reported = dataset === 'events' ? undefined : reportTime(query.state.data);
      if (reported !== undefined)
        reportedAt[dataset] = Math.max(reportedAt[dataset] ?? 0, reported);
    }
    return { updatedAt, reportedAt, lastSuccessAt, failingSince, lastError };
  }

  function same(a: SourceHealth, b: SourceHealth) {
    if (a.lastSuccessAt !== b.lastSuccessAt) return false;
    if (a.failingSince !== b.failingSince || a.lastError !== b.lastError) return false;
    return sameTimes(a.updatedAt, b.updatedAt) && sameTimes(a.reportedAt, b.reportedAt);
  }

  const listeners = new Set<() => void>();
  let unsubscribe: (() => void) | undefined;

  function onEvent(event: QueryCacheNotifyEvent) {
    if (!isOurs(event.query, sourceId)) return;
    const hash = event.query.queryHash;
    // A query no panel shows or keeps any more no longer speaks for the source.
    if (event.type === 'removed') failing.delete(hash);
    else if (event.type === 'observerRemoved') {
      if (event.query.getObserversCount() > 0 || !failing.delete(hash)) return;
    } else if (event.type === 'updated') {
      const { action } = event;
      if (action.type === 'success') failing.delete(hash);
      else if (
        (action.type === 'failed' || action.type === 'error') &&
        !isCancelledError(action.error)
      ) {
        if (failing.size === 0) failingSince = Date.now();
        failing.add(hash);
        lastError = action.error instanceof Error ? action.error.message : String(action.error);
      } else return;
    } else return;
    if (failing.size === 0) {
      failingSince = undefined;
      lastError = undefined;
    }
    refresh();
  }

  function refresh() {
    const next = read();
    if (same(next, snapshot)) return;
    snapshot = next;
    for (const l of listeners) l();
  }

  return {
    getSnapshot: () => snapshot,
    subscribe(listener: () => void) {
      listeners.add(listener);
      if (!unsubscribe) {
        unsubscribe = cache.subscribe(onEvent);
        refresh();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          unsubscribe?.();
          unsubscribe = undefined;
        }
      };
    },
  };
}

export type HealthStore = ReturnType<typeof createHealthStore>;

function sameTimes(a: DatasetTimes, b: DatasetTimes) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k as Dataset] !== b[k as Dataset]) return false;
  return true;
}

/** Each answer's newest report, read once (answers are immutable; a refetch is a new one). */
const reportTimes = new WeakMap<object, number | null>();

/** The newest report time of an answer: records' `reportedAt`, or a roll-up's `reportedUpTo`. */
function reportTime(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  let at = reportTimes.get(data);
  if (at === undefined) {
    const answer = data as { reportedUpTo?: unknown; records?: unknown };
    const text =
      typeof answer.reportedUpTo === 'string'
        ? answer.reportedUpTo
        : Array.isArray(answer.records)
          ? newestReport(answer.records)
          : undefined;
    const ms = text === undefined ? NaN : Date.parse(text);
    at = Number.isFinite(ms) ? ms : null;
    reportTimes.set(data, at);
  }
  return at ?? undefined;
}

/** One store per wall, shared by the banner and the age labels. */
export function useHealthStore(): HealthStore {
  const client = useQueryClient();
  const { adapter } = useActiveSource();
  return useMemo(
    () => createHealthStore(client.getQueryCache(), adapter.sourceId),
    [client, adapter.sourceId],
  );
}

/** The health of the source shown: newest data per dataset, and whether it is failing now. */
export function useSourceHealth(store: HealthStore): SourceHealth {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
