import {
  QueryObserver,
  type Query,
  type QueryCacheNotifyEvent,
  type QueryClient,
  type QueryObserverOptions,
} from '@tanstack/react-query';

const isOurs = (query: Query, sourceId: string) =>
  query.queryKey[0] === 'source' && query.queryKey[1] === sourceId;

/**
 * Keeps the queries of every panel of the wall observed while the panel is rotated away, so that
 * they stay active: the wall's refresh loop refetches them in the background (a panel comes back
 * with today's data, and its recovery after an outage shows at once), and a rotation never
 * abandons a request in flight (TanStack cancels a fetch whose last observer leaves).
 *
 * Bounded: a query is let go once no panel has used it for `holdMs` (a day's range replaced by the
 * next day's, a panel removed), and then garbage-collected as usual. At most the queries the
 * panels used in the last `holdMs` are held.
 */
export function createQueryKeeper(client: QueryClient, sourceId: string, holdMs: number) {
  const cache = client.getQueryCache();
  const mine = new WeakSet<object>();
  const kept = new Map<string, { query: Query; release: () => void }>();
  const lastUsed = new Map<string, number>();

  function keep(query: Query) {
    if (kept.has(query.queryHash) || !cache.get(query.queryHash)) return;
    const observer = new QueryObserver(client, {
      ...(query.options as QueryObserverOptions),
      queryKey: query.queryKey,
      // Fetches only when the wall's loop refetches it, or a panel does; renders nothing.
      refetchOnMount: false,
      refetchInterval: false,
      notifyOnChangeProps: [],
    });
    mine.add(observer);
    kept.set(query.queryHash, { query, release: observer.subscribe(() => {}) });
  }

  function onEvent(event: QueryCacheNotifyEvent) {
    if (!isOurs(event.query, sourceId)) return;
    const hash = event.query.queryHash;
    if (event.type === 'removed') {
      kept.get(hash)?.release();
      kept.delete(hash);
      lastUsed.delete(hash);
    } else if (event.type === 'observerAdded' || event.type === 'observerRemoved') {
      if (mine.has(event.observer)) return;
      lastUsed.set(hash, Date.now());
      // After the cache's notification, not inside it.
      if (event.type === 'observerAdded') queueMicrotask(() => keep(event.query));
    }
  }

  const unsubscribe = cache.subscribe(onEvent);
  // Panels mounted before the keeper (children subscribe first) are kept from the start.
  for (const query of cache.getAll())
    if (isOurs(query, sourceId) && query.getObserversCount() > 0) {
      lastUsed.set(query.queryHash, Date.now());
      keep(query);
    }

  return {
    /** Lets go of the queries no panel has used for `holdMs`. */
    sweep(now = Date.now()) {
      for (const [hash, { query, release }] of kept) {
        const usedByPanel = query.getObserversCount() > 1;
        if (usedByPanel || now - (lastUsed.get(hash) ?? 0) <= holdMs) continue;
        release();
        kept.delete(hash);
        lastUsed.delete(hash);
      }
    },
    /** How many queries are held (for tests). */
    get size() {
      return kept.size;
    },
    dispose() {
      unsubscribe();
      for (const { release } of kept.values()) release();
      kept.clear();
      lastUsed.clear();
    },
  };
}
