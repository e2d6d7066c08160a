import { useCallback, useSyncExternalStore } from 'react';

/**
 * View state lives in the URL so that a link reproduces the view and back/forward work.
 * This is the one place that reads and writes it; pushState does not fire popstate, so
 * writes notify subscribers themselves.
 */
const listeners = new Set<() => void>();

/** Subscribe to URL changes (back/forward and in-app navigation). */
export function subscribeToUrl(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function notify() {
  for (const l of listeners) l();
}

export function useSearchParam(name: string): [string | null, (value: string | null) => void] {
  const value = useSyncExternalStore(
    subscribeToUrl,
    () => new URLSearchParams(window.location.search).get(name),
    () => null,
  );
  const set = useCallback(
    (next: string | null) => {
      const url = new URL(window.location.href);
      if (next === null) url.searchParams.delete(name);
      else url.searchParams.set(name, next);
      if (url.href === window.location.href) return;
      window.history.pushState(window.history.state, '', url);
      notify();
    },
    [name],
  );
  return [value, set];
}

export function usePathname(): string {
  return useSyncExternalStore(
    subscribeToUrl,
    () => window.location.pathname,
    () => '/',
  );
}

/** Client-side navigation for in-app links. */
export function navigate(href: string) {
  window.history.pushState(null, '', href);
  notify();
}

/** Replace the query string (keeping the path), as one history entry. */
export function navigateSearch(params: URLSearchParams) {
  const query = params.toString();
  const href = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (href === `${window.location.pathname}${window.location.search}${window.location.hash}`)
    return;
  window.history.pushState(window.history.state, '', href);
  notify();
}
