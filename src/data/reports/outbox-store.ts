import type { ReportBody } from '../../domain/report.ts';
import type { ReportFailure, ReportReceipt, WaitKind } from './send-report.ts';

/** Where a report is: on the device waiting to go, accepted by the server, or refused by it. */
export type ReportState = 'queued' | 'sent' | 'failed';

/** One report in the outbox, as kept on the device. The token is never part of it. */
export interface OutboxReport {
  /** The Idempotency-Key, made once when the report was made: the same on every try. */
  key: string;
  /** The configured source it goes to. */
  sourceId: string;
  /** The report, exactly as it is sent on every try. */
  body: ReportBody;
  state: ReportState;
  /** Tries so far. */
  attempts: number;
  /** Not before this time (ms since the epoch): the backoff after a failed try. */
  nextAttemptAt?: number;
  /** Why it is still waiting, after a try. */
  waiting?: { kind: WaitKind; status?: number; at: string };
  sentAt?: string;
  receipt?: ReportReceipt;
  /** When the server took the same key before (a retry of a send whose answer was lost). */
  replayed?: boolean;
  failure?: ReportFailure;
  failedAt?: string;
}

/** Where the outbox is kept: IndexedDB on the device (fake-indexeddb in tests). */
export interface OutboxStore {
  all(): Promise<OutboxReport[]>;
  get(key: string): Promise<OutboxReport | undefined>;
  put(report: OutboxReport): Promise<void>;
  remove(key: string): Promise<void>;
}

const DB_NAME = 'access-monitor-outbox';
const STORE = 'reports';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * The outbox in IndexedDB. Every write is a transaction that completes before the promise
 * settles: a report is on the device before anything is sent, and survives a closed tab.
 */
export function indexedDbOutboxStore(factory: IDBFactory = indexedDB): OutboxStore {
  let opening: Promise<IDBDatabase> | undefined;
  const open = () =>
    (opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE))
          req.result.createObjectStore(STORE, { keyPath: 'key' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => {
        opening = undefined;
        reject(req.error ?? new Error('the outbox could not be opened'));
      };
    }));
  const write = async (work: (store: IDBObjectStore) => void) => {
    const db = await open();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('the outbox could not be written'));
      tx.onabort = () => reject(tx.error ?? new Error('the outbox write was aborted'));
    });
  };
  return {
    async all() {
      const db = await open();
      return request(
        db.transaction(STORE).objectStore(STORE).getAll() as IDBRequest<OutboxReport[]>,
      );
    },
    async get(key) {
      const db = await open();
      return request(
        db.transaction(STORE).objectStore(STORE).get(key) as IDBRequest<OutboxReport | undefined>,
      );
    },
    put: (report) => write((store) => void store.put(report)),
    remove: (key) => write((store) => void store.delete(key)),
  };
}
