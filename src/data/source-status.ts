import {
  queryOptions,
  useQuery,
  useQueryClient,
  type Query,
  type QueryClient,
} from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import {
  issueKey,
  numberRepeats,
  recordIdentity,
  uniqueIssues,
  type DataIssue,
} from '../domain/validate.ts';
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

/** A record's identity, worked out once per record object (a table's records serve many queries). */
const identities = new WeakMap<object, string>();
function identityOf(record: object): string {
  let identity = identities.get(record);
  if (identity === undefined) identities.set(record, (identity = recordIdentity(record)));
  return identity;
}

/** The identities of an answer's accepted records, repeats within it numbered (see DataIssue.record). */
const answers = new WeakMap<object, readonly string[]>();
function acceptedIdentities(result: QueryResult<never>): readonly string[] {
  let out = answers.get(result);
  if (!out) {
    const repeat = numberRepeats();
    out = (result.records as object[]).map((r) => `${result.dataset}|${repeat(identityOf(r))}`);
    answers.set(result, out);
  }
  return out;
}

/**
 * Per source, what its answers in the cache hold, each record counted once however many
 * overlapping queries fetched it: the same keys as the Data issues view, so the counts agree.
 */
export function activityInCache(client: QueryClient): Map<string, SourceActivity> {
  const accepted = new Map<string, Set<string>>();
  const rejected = new Map<string, Set<string>>();
  const out = new Map<string, SourceActivity>();
  const setOf = (map: Map<string, Set<string>>, id: string) => {
    let set = map.get(id);
    if (!set) map.set(id, (set = new Set()));
    return set;
  };
  for (const { sourceId, updatedAt, data } of resultsOf(
    client.getQueryCache().findAll({ queryKey: ['source'] }),
  )) {
    const entry = out.get(sourceId) ?? { accepted: 0, rejected: 0 };
    if ('records' in data) {
      const ids = setOf(accepted, sourceId);
      for (const id of acceptedIdentities(data)) ids.add(id);
    }
    const keys = setOf(rejected, sourceId);
    for (const issue of data.issues) keys.add(issueKey(issue));
    if (!entry.lastFetch || +entry.lastFetch < updatedAt) entry.lastFetch = new Date(updatedAt);
    out.set(sourceId, entry);
  }
  for (const [sourceId, entry] of out) {
    entry.accepted = accepted.get(sourceId)?.size ?? 0;
    entry.rejected = rejected.get(sourceId)?.size ?? 0;
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
