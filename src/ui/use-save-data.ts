import { useSyncExternalStore } from 'react';

/** The Network Information API, where the browser has it (Chromium; not Firefox or Safari). */
interface Connection extends EventTarget {
  saveData?: boolean;
  effectiveType?: string;
}

const connection = (): Connection | undefined =>
  typeof navigator === 'undefined'
    ? undefined
    : (navigator as Navigator & { connection?: Connection }).connection;

/**
 * The connection types on which the map and the charts wait to be asked for: 'slow-2g' and
 * '2g' (under ~70 kbit/s: the map alone would take minutes). '3g' (~700 kbit/s) is left out:
 * the overview's own throttled budget is on a slower link than that and loads the panels.
 */
export const SLOW_CONNECTIONS: readonly string[] = ['slow-2g', '2g'];

/**
 * Whether to spare the reader's data: the browser's data saver is on (`saveData`, the same
 * setting that sends the `Save-Data: on` request header) or the connection is 2G-class.
 */
export function savingData(c: Connection | undefined = connection()): boolean {
  if (!c) return false;
  return c.saveData === true || SLOW_CONNECTIONS.includes(c.effectiveType ?? '');
}

function subscribe(onChange: () => void): () => void {
  const c = connection();
  if (!c || typeof c.addEventListener !== 'function') return () => {};
  c.addEventListener('change', onChange);
  return () => c.removeEventListener('change', onChange);
}

/** savingData(), following the connection as it changes. */
export function useSaveData(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => savingData(),
    () => false,
  );
}
