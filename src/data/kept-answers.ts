import {
  dehydrate,
  hydrate,
  onlineManager,
  type DehydratedState,
  type Query,
  type QueryClient,
} from '@tanstack/react-query';
import { askOfKey } from './queries.ts';

/**
 * The last answers of the configured source, kept on the device (IndexedDB) so that the panels
 * show them offline, with their age. One record per query: an answer is written when it arrives
 * (writes gathered for a second), never the whole cache at once, and a record outlives the query
 * in memory (the cache still forgets unused queries after minutes, so a wall left on for days
 * does not grow). Records older than a week, or written by another version of the app, are
 * dropped.
 */

/** How long an answer is kept on the device. */
export const KEPT_MAX_AGE_MS = 7 * 24 * 3600_000;
/** At most this many answers are kept (the oldest go first): a few days of every panel. */
export const KEPT_MAX_RECORDS = 400;
/** Answers that arrive together are written together. */
const WRITE_DELAY_MS = 1000;

type DehydratedQuery = DehydratedState['queries'][number];

/** One kept answer. */
export interface KeptRecord {
  /** The query's hash: one record per query. */
  hash: string;
  /** The source it came from (a dropped file is never kept). */
  sourceId: string;
  /** The app's code version that wrote it: another version may read answers differently. */
  version: string;
  /** The same question over another period (see askOfKey): the fallback of a new day. */
  ask: string;
  /** When the answer arrived (the query's dataUpdatedAt). */
  updatedAt: number;
  query: DehydratedQuery;
}

/** Where the records live: IndexedDB in the browser, a Map in tests. */
export interface KeptStore {
  all(): Promise<KeptRecord[]>;
  /** Writes every record it can; a record that cannot be stored (not cloneable) is skipped. */
  put(records: readonly KeptRecord[]): Promise<void>;
  remove(hashes: readonly string[]): Promise<void>;
}

/** The answers of `sourceId` worth keeping: successful, of the source, not a connection test. */
export function isKeptQuery(query: Query, sourceId: string): boolean {
  const key = query.queryKey;
  return (
    key[0] === 'source' &&
    key[1] === sourceId &&
    key[2] !== 'connection' &&
    query.state.status === 'success' &&
    query.state.data !== undefined
  );
}

export interface KeptAnswers {
  /** Writes what is waiting now (before the page goes away). */
  flush(): Promise<void>;
  /** Stops listening; what is waiting is written. */
  stop(): Promise<void>;
}

/**
 * Restores the kept answers of `sourceId` into `client`, then keeps its new answers. Also, while
 * offline, a question the device has no answer for (today's period, when only yesterday's was
 * kept) gets the latest kept answer to the same question, with that answer's time.
 */
export async function keepAnswers(
  client: QueryClient,
  store: KeptStore,
  { sourceId, version, now = Date.now }: { sourceId: string; version: string; now?: () => number },
): Promise<KeptAnswers> {
  const latestByAsk = new Map<string, KeptRecord>();
  const remember = (record: KeptRecord) => {
    const known = latestByAsk.get(record.ask);
    if (!known || known.updatedAt < record.updatedAt) latestByAsk.set(record.ask, record);
  };

  const records = await store.all();
  const expired = records.filter(
    (r) => r.version !== version || now() - r.updatedAt > KEPT_MAX_AGE_MS,
  );
  const live = records
    .filter((r) => !expired.includes(r))
    .sort((a, b) => b.updatedAt - a.updatedAt);
  const overflow = live.slice(KEPT_MAX_RECORDS);
  if (expired.length + overflow.length > 0)
    await store.remove([...expired, ...overflow].map((r) => r.hash));
  const restored = live.slice(0, KEPT_MAX_RECORDS).filter((r) => r.sourceId === sourceId);
  hydrate(client, { mutations: [], queries: restored.map((r) => r.query) });
  restored.forEach(remember);

  const cache = client.getQueryCache();
  const dirty = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (dirty.size === 0) return writing;
    const hashes = new Set(dirty);
    dirty.clear();
    const { queries } = dehydrate(client, {
      shouldDehydrateQuery: (q) => hashes.has(q.queryHash) && isKeptQuery(q, sourceId),
    });
    const fresh = queries.map<KeptRecord>((query) => ({
      hash: query.queryHash,
      sourceId,
      version,
      ask: askOfKey(query.queryKey),
      updatedAt: query.state.dataUpdatedAt,
      query,
    }));
    fresh.forEach(remember);
    writing = writing.then(() => store.put(fresh)).catch(() => undefined);
    return writing;
  };

  const unsubscribe = cache.subscribe((event) => {
    const { query } = event;
    if (event.type === 'updated' && event.action.type === 'success') {
      if (!isKeptQuery(query, sourceId)) return;
      dirty.add(query.queryHash);
      timer ??= setTimeout(() => void flush(), WRITE_DELAY_MS);
    } else if (event.type === 'added' && !onlineManager.isOnline()) {
      // Offline, a new question: the latest kept answer to it, for another period, if any.
      const key = query.queryKey;
      if (key[0] !== 'source' || key[1] !== sourceId || query.state.data !== undefined) return;
      const kept = latestByAsk.get(askOfKey(key));
      if (!kept || kept.hash === query.queryHash) return;
      // Not inside the cache's own notification: set once it is done.
      queueMicrotask(() => {
        if (query.state.data !== undefined) return;
        client.setQueryData(key, kept.query.state.data, { updatedAt: kept.updatedAt });
      });
    }
  });

  // Answers that arrived before this started (the board's requests leave as soon as the source
  // is known) are kept too; those just restored from the device are not written back.
  const restoredAt = new Map(restored.map((r) => [r.hash, r.updatedAt]));
  for (const query of cache.getAll())
    if (
      isKeptQuery(query, sourceId) &&
      restoredAt.get(query.queryHash) !== query.state.dataUpdatedAt
    )
      dirty.add(query.queryHash);
  if (dirty.size > 0) timer ??= setTimeout(() => void flush(), WRITE_DELAY_MS);

  const onHide = () => {
    if (document.visibilityState === 'hidden') void flush();
  };
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', onHide);

  return {
    flush,
    async stop() {
      unsubscribe();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
      await flush();
    },
  };
}

const DB_NAME = 'access-monitor';
const DB_STORE = 'kept-answers';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/**
 * The kept answers in this browser's IndexedDB (structured clone: dates and maps stay as they
 * are), or undefined where IndexedDB is missing or refused (a private window, a blocked frame).
 */
export async function openIndexedDbStore(
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<KeptStore | undefined> {
  if (!factory) return undefined;
  let db: IDBDatabase;
  try {
    const opening = factory.open(DB_NAME, 1);
    opening.onupgradeneeded = () => {
      opening.result.createObjectStore(DB_STORE, { keyPath: 'hash' });
    };
    db = await request(opening);
  } catch {
    return undefined;
  }
  // Clearing the site's data (or a newer page upgrading the store) must not wait on this page.
  db.onversionchange = () => db.close();
  return {
    async all() {
      const tx = db.transaction(DB_STORE, 'readonly');
      return request(tx.objectStore(DB_STORE).getAll() as IDBRequest<KeptRecord[]>);
    },
    async put(records) {
      if (records.length === 0) return;
      const tx = db.transaction(DB_STORE, 'readwrite');
      const store = tx.objectStore(DB_STORE);
      for (const record of records) {
        try {
          store.put(record);
        } catch {
          // Not cloneable (an answer holding a handle to a worker, say): not kept.
        }
      }
      await done(tx);
    },
    async remove(hashes) {
      if (hashes.length === 0) return;
      const tx = db.transaction(DB_STORE, 'readwrite');
      const store = tx.objectStore(DB_STORE);
      for (const hash of hashes) store.delete(hash);
      await done(tx);
    },
  };
}
