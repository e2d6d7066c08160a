import {
  queryOptions,
  useQuery,
  useQueryClient,
  type Query,
  type QueryClient,
} from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import { recordKey } from '../domain/record-key.ts';
import { issueKey, numberRepeats, uniqueIssues, type DataIssue } from '../domain/validate.ts';
import type { Dataset } from '../domain/vocabulary.ts';
import type { SourceConfig } from './config.ts';
import type { DataSourceAdapter, Inventory, QueryResult, TheatreResult } from './contract.ts';
import { useDroppedFiles, type DroppedFile } from './dropped-files.ts';
import { createAdapter } from './registry.ts';
import { useActiveSource } from './source-context.tsx';

/** One row of the Sources page: a configured source or a dropped file. */
export interface SourceEntry {
  source: SourceConfig;
  adapter: DataSourceAdapter;
  /** Shown on the dashboard now. */
  active: boolean;
  file?: DroppedFile;
}

const adapters = new Map<string, { source: SourceConfig; adapter: DataSourceAdapter }>();

/** The adapter of a configured source that is not the active one (made once, on demand). */
function adapterFor(source: SourceConfig): DataSourceAdapter {
  const hit = adapters.get(source.id);
  if (hit && hit.source === source) return hit.adapter;
  const adapter = createAdapter(source);
  adapters.set(source.id, { source, adapter });
  return adapter;
}

/** Every configured source, then every dropped file, with the active one marked. */
export function useSourceEntries(): SourceEntry[] {
  const { config, source: active, adapter: activeAdapter } = useActiveSource();
  const files = useDroppedFiles();
  return useMemo(
    () => [
      ...config.sources.map((source) => ({
        source,
        adapter: source.id === active.id ? activeAdapter : adapterFor(source),
        active: source.id === active.id,
      })),
      ...files.map((file) => ({
        source: file.source,
        adapter: file.adapter,
        active: file.id === active.id,
        file,
      })),
    ],
    [config, active, activeAdapter, files],
  );
}

/** The connection test; run for the active source at once, for the others on request. */
export const connectionQuery = (adapter: DataSourceAdapter) =>
  queryOptions({
    queryKey: ['source', adapter.sourceId, 'connection'],
    queryFn: ({ signal }) => adapter.testConnection(signal),
    staleTime: 60_000,
    retry: false,
  });

export function useConnectionTest(adapter: DataSourceAdapter, enabled: boolean) {
  return useQuery({ ...connectionQuery(adapter), enabled });
}

/** Everything a whole-table source read (absent for REST sources). */
export const inventoryQuery = (adapter: DataSourceAdapter) =>
  queryOptions({
    queryKey: ['source', adapter.sourceId, 'inventory'],
    queryFn: ({ signal }): Promise<Inventory | null> =>
      adapter.inventory?.(signal) ?? Promise.resolve(null),
    staleTime: 60_000,
    retry: false,
  });

export function useInventory(adapter: DataSourceAdapter, enabled: boolean) {
  return useQuery({
    ...inventoryQuery(adapter),
    enabled: enabled && typeof adapter.inventory === 'function',
  });
}

/** The rejects a server stored (imports into the reference server), for the issues view. */
export const storedIssuesQuery = (adapter: DataSourceAdapter) =>
  queryOptions({
    queryKey: ['source', adapter.sourceId, 'stored-issues'],
    queryFn: ({ signal }): Promise<DataIssue[]> =>
      adapter.storedIssues?.(signal) ?? Promise.resolve([]),
    staleTime: 60_000,
    retry: false,
  });

export function useStoredIssues(adapter: DataSourceAdapter, enabled: boolean) {
  return useQuery({
    ...storedIssuesQuery(adapter),
    enabled: enabled && typeof adapter.storedIssues === 'function',
  });
}

interface VersionStore {
  subscribe(listener: () => void): () => void;
  get(): number;
}
const versionStores = new WeakMap<QueryClient, VersionStore>();

/** A counter that goes up when the query cache changes, at most every 250 ms. */
function versionStore(client: QueryClient): VersionStore {
  const existing = versionStores.get(client);
  if (existing) return existing;
  let version = 0;
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: (() => void) | undefined;
  const store: VersionStore = {
    subscribe(listener) {
      listeners.add(listener);
      unsubscribe ??= client.getQueryCache().subscribe(() => {
        timer ??= setTimeout(() => {
          timer = undefined;
          version++;
          for (const l of listeners) l();
        }, 250);
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          unsubscribe?.();
          unsubscribe = undefined;
          if (timer) clearTimeout(timer);
          timer = undefined;
        }
      };
    },
    get: () => version,
  };
  versionStores.set(client, store);
  return store;
}

/** Re-renders when the query cache changes (at most every 250 ms). */
function useCacheVersion(): number {
  const store = versionStore(useQueryClient());
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** What this session fetched from a source: when, and how many records were accepted and rejected. */
export interface SourceActivity {
  lastFetch?: Date;
  accepted: number;
  rejected: number;
}

function isResult(data: unknown): data is QueryResult<never> | TheatreResult {
  return (
    !!data &&
    typeof data === 'object' &&
    'sourceId' in data &&
    'issues' in data &&
    'fetchedAt' in data
  );
}

function resultsOf(
  queries: readonly Query[],
): { sourceId: string; updatedAt: number; data: QueryResult<never> | TheatreResult }[] {
  return queries.flatMap((q) =>
    isResult(q.state.data)
      ? [{ sourceId: String(q.queryKey[1]), updatedAt: q.state.dataUpdatedAt, data: q.state.data }]
      : [],
  );
}

/** The keys of an answer's accepted records, repeats within it numbered (as DataIssue.record). */
const answerKeys = new WeakMap<object, readonly string[]>();
function acceptedKeys(result: QueryResult<Dataset>): readonly string[] {
  let out = answerKeys.get(result);
  if (!out) {
    const repeat = numberRepeats();
    out = result.records.map((r) => `${result.dataset}|${repeat(recordKey(result.dataset, r))}`);
    answerKeys.set(result, out);
  }
  return out;
}

type Answer = QueryResult<Dataset> | TheatreResult;

/** Counts over a source's answers; reused while the answers are the same objects. */
const counted = new WeakMap<
  QueryClient,
  Map<string, { answers: Answer[]; accepted: number; rejected: number }>
>();
function countAnswers(client: QueryClient, sourceId: string, answers: Answer[]) {
  let memo = counted.get(client);
  if (!memo) counted.set(client, (memo = new Map()));
  const hit = memo.get(sourceId);
  if (hit && hit.answers.length === answers.length && hit.answers.every((a, i) => a === answers[i]))
    return hit;
  const accepted = new Set<string>();
  const rejected = new Set<string>();
  for (const answer of answers) {
    if ('records' in answer) for (const key of acceptedKeys(answer)) accepted.add(key);
    for (const issue of answer.issues) rejected.add(issueKey(issue));
  }
  const entry = { answers, accepted: accepted.size, rejected: rejected.size };
  memo.set(sourceId, entry);
  return entry;
}

/**
 * Per source, what its answers in the cache hold, each record counted once however many
 * overlapping queries fetched it: rejected ones by the Data issues view's keys (so the counts
 * agree), accepted ones by recordKey.
 */
export function activityInCache(client: QueryClient): Map<string, SourceActivity> {
  const bySource = new Map<string, { answers: Answer[]; lastFetch: number }>();
  for (const { sourceId, updatedAt, data } of resultsOf(
    client.getQueryCache().findAll({ queryKey: ['source'] }),
  )) {
    const entry = bySource.get(sourceId) ?? { answers: [], lastFetch: 0 };
    entry.answers.push(data as Answer);
    entry.lastFetch = Math.max(entry.lastFetch, updatedAt);
    bySource.set(sourceId, entry);
  }
  const out = new Map<string, SourceActivity>();
  for (const [sourceId, { answers, lastFetch }] of bySource) {
    const { accepted, rejected } = countAnswers(client, sourceId, answers);
    out.set(sourceId, { accepted, rejected, lastFetch: new Date(lastFetch) });
  }
  return out;
}

export function useSourceActivity(): Map<string, SourceActivity> {
  const client = useQueryClient();
  const version = useCacheVersion();
  return useMemo(() => {
    void version;
    return activityInCache(client);
  }, [client, version]);
}

/**
 * Every rejected record known this session: the whole-table inventories, and what each query
 * and theatre fetched; a record fetched by several queries, or again, is listed once (issueKey).
 */
export function issuesInCache(client: QueryClient): DataIssue[] {
  const queries = client.getQueryCache().findAll({ queryKey: ['source'] });
  function* all(): Generator<DataIssue> {
    for (const q of queries) {
      const data = q.state.data as Inventory | null | undefined;
      if (q.queryKey[2] === 'inventory' && data) yield* data.rejected;
      if (q.queryKey[2] === 'stored-issues' && Array.isArray(q.state.data))
        yield* q.state.data as DataIssue[];
    }
    for (const { data } of resultsOf(queries)) yield* data.issues;
  }
  return uniqueIssues(all());
}

export function useAllIssues(): DataIssue[] {
  const client = useQueryClient();
  const version = useCacheVersion();
  return useMemo(() => {
    void version;
    return issuesInCache(client);
  }, [client, version]);
}
