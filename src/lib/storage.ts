/**
 * The page's localStorage, or null where the browser refuses it. In a frame of another site with
 * third-party storage blocked (incognito, "block third-party cookies", Safari's default) merely
 * reading `window.localStorage` throws a SecurityError: blocked storage counts as absent.
 */
export function localStorageOrNull(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : (window.localStorage ?? null);
  } catch {
    return null;
  }
}
