import { localStorageOrNull } from '../../lib/storage.ts';

/**
 * An observer's API token for one source, kept on this device only (localStorage), entered once
 * and forgotten on request. It goes in the Authorization header of a report and nowhere else:
 * never in a URL, never in a log, never in the outbox's records.
 */
const KEY_PREFIX = 'access-monitor.report-token.';

export function reportToken(sourceId: string): string | undefined {
  try {
    return localStorageOrNull()?.getItem(KEY_PREFIX + sourceId) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `token` for `sourceId`; false when the browser refuses to keep it (private mode, full). */
export function keepReportToken(sourceId: string, token: string): boolean {
  try {
    const storage = localStorageOrNull();
    if (!storage) return false;
    storage.setItem(KEY_PREFIX + sourceId, token.trim());
    notify();
    return true;
  } catch {
    return false;
  }
}

export function forgetReportToken(sourceId: string): void {
  try {
    localStorageOrNull()?.removeItem(KEY_PREFIX + sourceId);
  } catch {
    // Nothing kept, nothing to forget.
  }
  notify();
}

/** A token a server can take: printable ASCII without spaces, of a sane length. */
export function tokenProblem(token: string): 'empty' | 'invalid' | undefined {
  const trimmed = token.trim();
  if (trimmed === '') return 'empty';
  return /^[\x21-\x7e]{8,512}$/.test(trimmed) ? undefined : 'invalid';
}

const listeners = new Set<() => void>();
function notify() {
  for (const listener of listeners) listener();
}

/** Called when a token is kept or forgotten in this page (for useSyncExternalStore). */
export function subscribeReportTokens(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith(KEY_PREFIX)) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
