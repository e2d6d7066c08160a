import type { Dataset } from '../domain/vocabulary.ts';

/** A dropped file as kept on the device: its bytes, so it can be read again after a reload. */
export interface StoredFile {
  id: string;
  name: string;
  type: string;
  lastModified: number;
  bytes: ArrayBuffer;
  dataset?: Dataset;
  /** When it was kept (ISO), for ordering: files are listed as they were dropped. */
  storedAt: string;
}

/** Which file was shown in place of the configured source, and over which `?source=` value. */
export interface ActiveChoice {
  id: string;
  /** The URL's `source` parameter when it was chosen (null: none): a link naming another wins. */
  urlSource: string | null;
}

/** Where dropped files are kept: IndexedDB on the device (fake-indexeddb in tests). */
export interface DroppedFileStore {
  all(): Promise<StoredFile[]>;
  put(file: StoredFile): Promise<void>;
  remove(id: string): Promise<void>;
  active(): Promise<ActiveChoice | null>;
  setActive(choice: ActiveChoice | null): Promise<void>;
}

/** Why a file could not be kept: the device's quota, or no storage at all (private mode…). */
export type StoreFailure = 'quota' | 'unavailable';

export function storeFailure(error: unknown): StoreFailure {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED'
    ? 'quota'
    : 'unavailable';
}

const DB_NAME = 'access-monitor-files';
const FILES = 'files';
const META = 'meta';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Dropped files in IndexedDB, as the outbox keeps reports (reports/outbox-store.ts): each write
 * is a transaction that completes before its promise settles, so a kept file survives a reload.
 */
export function indexedDbFileStore(factory: IDBFactory = indexedDB): DroppedFileStore {
  let opening: Promise<IDBDatabase> | undefined;
  const open = () =>
    (opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(FILES)) db.createObjectStore(FILES, { keyPath: 'id' });
        if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => {
        opening = undefined;
        reject(req.error ?? new Error('the files store could not be opened'));
      };
    }));
  const write = async (stores: string[], work: (tx: IDBTransaction) => void) => {
    const db = await open();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(stores, 'readwrite');
      work(tx);
      tx.oncomplete = () => resolve();
      // A quota refusal aborts the transaction: its error says why (QuotaExceededError).
      tx.onerror = () => reject(tx.error ?? new Error('the file could not be kept'));
      tx.onabort = () => reject(tx.error ?? new Error('keeping the file was aborted'));
    });
  };
  return {
    async all() {
      const db = await open();
      const files = await request(
        db.transaction(FILES).objectStore(FILES).getAll() as IDBRequest<StoredFile[]>,
      );
      return files.sort((a, b) => a.storedAt.localeCompare(b.storedAt));
    },
    put: (file) => write([FILES], (tx) => void tx.objectStore(FILES).put(file)),
    remove: (id) =>
      write([FILES, META], (tx) => {
        tx.objectStore(FILES).delete(id);
        // The active file removed: nothing of it is restored.
        const meta = tx.objectStore(META);
        const req = meta.get('active');
        req.onsuccess = () => {
          if ((req.result as ActiveChoice | undefined)?.id === id) meta.delete('active');
        };
      }),
    async active() {
      const db = await open();
      const choice = await request(
        db.transaction(META).objectStore(META).get('active') as IDBRequest<
          ActiveChoice | undefined
        >,
      );
      return choice ?? null;
    },
    setActive: (choice) =>
      write([META], (tx) => {
        const meta = tx.objectStore(META);
        if (choice) meta.put(choice, 'active');
        else meta.delete('active');
      }),
  };
}
