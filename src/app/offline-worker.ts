import { useCallback, useEffect, useState } from 'react';

/**
 * The one service worker of the built app (dist/sw.js, written by scripts/offline-worker.ts): it
 * keeps the app's files for offline use and, for the demo source, also runs the mock API (MSW's
 * worker script is imported inside it). One worker controls a scope, so there is only this one.
 */
export const OFFLINE_WORKER_URL = '/sw.js';

/**
 * Whether this page should use the offline worker. Not under the Vite dev server: there modules
 * are served one by one and change on every edit, nothing is built to keep, and a caching worker
 * would serve stale code; the demo runs on MSW's own mockServiceWorker.js as before. Not inside
 * an embed's frame either (another site's page: its storage may be partitioned or blocked).
 */
export function offlineWorkerWanted(): boolean {
  return (
    import.meta.env.PROD &&
    'serviceWorker' in navigator &&
    Boolean(navigator.serviceWorker) &&
    !window.location.pathname.startsWith('/embed/')
  );
}

/**
 * Registers the offline worker for a real source (for the demo, MSW registers the same worker
 * as it starts: the mock API cannot wait). A browser that refuses (private mode, blocked
 * storage) just has no offline use.
 */
export function registerOfflineWorker(): void {
  if (!offlineWorkerWanted()) return;
  const register = () =>
    navigator.serviceWorker.register(OFFLINE_WORKER_URL, { scope: '/' }).then(
      (registration) => quietUpdates(registration),
      () => undefined,
    );
  // Keeping the app's files downloads all of them: not while the page itself is loading on a
  // slow connection. Once loaded and idle (the files it already loaded come from the HTTP cache).
  const whenIdle = () =>
    'requestIdleCallback' in window
      ? window.requestIdleCallback(() => void register(), { timeout: 5000 })
      : setTimeout(() => void register(), 1000);
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}

/**
 * MSW asks for an update check when it starts and does not wait for the answer; offline that
 * check fails. A failed check only means "no new version now": it must not surface as an error.
 */
export function quietUpdates(registration: ServiceWorkerRegistration): void {
  const update = registration.update.bind(registration);
  registration.update = () =>
    update().catch(() => registration as unknown as ServiceWorkerRegistration);
}

/** How often a page left open (the wall) asks whether a new version was deployed. */
const UPDATE_CHECK_MS = 60 * 60_000;

export interface UpdateOffer {
  /** A new version is installed and waits for the reader. */
  ready: boolean;
  /** Let the new version take over, then reload once it controls the page. */
  accept: () => void;
}

/**
 * A new version of the app is never swapped in under the reader: once its worker is installed
 * and waiting, `ready` turns true and the page offers a reload; `accept` activates it.
 */
export function useUpdateOffer(): UpdateOffer {
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);
  useEffect(() => {
    if (!offlineWorkerWanted()) return;
    const container = navigator.serviceWorker;
    let registration: ServiceWorkerRegistration | undefined;
    let stopped = false;
    // Only an update waits: the first install has no page under an older version to protect.
    const offer = (worker: ServiceWorker | null) => {
      if (!stopped && worker && container.controller) setWaiting(worker);
    };
    const watchInstalling = () => {
      const installing = registration?.installing;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed') offer(installing);
      });
    };
    void container.getRegistration('/').then((found) => {
      if (stopped || !found) return;
      registration = found;
      quietUpdates(found);
      offer(found.waiting);
      watchInstalling();
      found.addEventListener('updatefound', watchInstalling);
    });
    const timer = setInterval(() => void registration?.update(), UPDATE_CHECK_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      registration?.removeEventListener('updatefound', watchInstalling);
    };
  }, []);

  const accept = useCallback(() => {
    if (!waiting) return;
    const container = navigator.serviceWorker;
    container.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  }, [waiting]);

  return { ready: waiting !== null, accept };
}
