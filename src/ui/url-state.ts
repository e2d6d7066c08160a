import { useCallback, useSyncExternalStore } from 'react';

/**
 * View state lives in the URL so that a link reproduces the view and back/forward work.
 * This is the one place that reads and writes it; pushState does not fire popstate, so
 * writes notify subscribers themselves.
 */
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
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
    subscribe,
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
  return useSyncExternalStore(subscribe, () => window.location.pathname, () => '/');
}

/** Client-side navigation for in-app links. */
export function navigate(href: string) {
  window.history.pushState(null, '', href);
  notify();
}
