import { useSyncExternalStore } from 'react';

/**
 * A request to show one source's rejected rows in the Data issues view (from the drop zone's
 * "Show the rejected rows"): the two are separate features, joined here in the data layer.
 */
export interface IssuesRequest {
  sourceId: string;
  /** Counts up with each request, so asking twice for one source acts twice. */
  serial: number;
}

let current: IssuesRequest | null = null;
const listeners = new Set<() => void>();

export function requestIssuesOf(sourceId: string): void {
  current = { sourceId, serial: (current?.serial ?? 0) + 1 };
  for (const l of listeners) l();
}

export function useIssuesRequest(): IssuesRequest | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
    () => null,
  );
}
