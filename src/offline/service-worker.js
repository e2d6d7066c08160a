/*
 * The offline worker of Access Monitor (served as /sw.js, scope /). The build writes the
 * precache plan above this text (scripts/offline-worker.ts): `const PRECACHE = { version, shell,
 * rest }`. It keeps the app's own files on the device; the data are kept by the page (IndexedDB).
 *
 * One service worker controls a scope, so the demo's mock API (MSW) lives in this same worker:
 * its script is imported at the end. Our listeners are added first and stop the event for what
 * they answer; MSW sees only the requests of pages that turned mocking on (the demo source).
 * A page on a real source never has its API requests pass through a worker.
 */
/* global PRECACHE */

const CACHE = `access-monitor-${PRECACHE.version}`;
const SHELL = '/index.html';
/** A navigation or config.json waits this long for the network before the kept copy is used. */
const NETWORK_WAIT_MS = 4000;
/** Pages (clients) that turned the demo's mock API on. */
const mockClients = new Set();

self.addEventListener('install', (event) => {
  // MSW's own install listener would skipWaiting(): a new version must wait for the reader.
  event.stopImmediatePropagation();
  event.waitUntil(precache(lowData() ? PRECACHE.shell : [...PRECACHE.shell, ...PRECACHE.rest]));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('access-monitor-') && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      ),
  );
  // MSW's activate listener (below) claims the open pages.
});

self.addEventListener('message', (event) => {
  const clientId = event.source && 'id' in event.source ? event.source.id : undefined;
  if (event.data && event.data.type === 'SKIP_WAITING') {
    event.stopImmediatePropagation();
    self.skipWaiting();
    return;
  }
  if (!clientId) return;
  if (event.data === 'MOCK_ACTIVATE') mockClients.add(clientId);
  if (event.data === 'CLIENT_CLOSED') {
    mockClients.delete(clientId);
    // MSW unregisters its worker when the last mocked page closes (a reload included): that
    // would take the offline worker away with it. Stop the message here.
    event.stopImmediatePropagation();
  }
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  const ours = request.method === 'GET' && url.origin === self.location.origin;
  if (ours && request.mode === 'navigate') {
    event.stopImmediatePropagation();
    // An embed's page carries its own framing headers: the kept page (not frameable) won't do.
    if (!url.pathname.startsWith('/embed/')) event.respondWith(networkFirst(request, SHELL));
    return;
  }
  if (ours && url.pathname === '/config.json') {
    event.stopImmediatePropagation();
    event.respondWith(networkFirst(request, '/config.json'));
    return;
  }
  if (ours && isAppFile(url.pathname)) {
    event.stopImmediatePropagation();
    event.respondWith(cacheFirst(request));
    return;
  }
  // The API and other origins: the demo's pages go on to MSW; any other page to the network.
  if (!mockClients.has(event.clientId)) event.stopImmediatePropagation();
});

/** Save-Data or a 2G connection at install: keep only the shell, the rest when first used. */
function lowData() {
  const connection = self.navigator.connection;
  if (!connection) return false;
  return connection.saveData === true || /(^|-)2g$/.test(connection.effectiveType ?? '');
}

/** Files of the built app: hashed assets and the few public files it loads. */
function isAppFile(pathname) {
  return (
    pathname.startsWith('/assets/') ||
    pathname.startsWith('/basemap/') ||
    pathname.startsWith('/icons/') ||
    pathname === '/favicon.svg' ||
    pathname === '/manifest.webmanifest'
  );
}

async function precache(urls) {
  const cache = await caches.open(CACHE);
  await Promise.all(
    urls.map(async (url) => {
      // A hashed file kept by the previous version is the same file: no need to download it.
      const kept = url.startsWith('/assets/') ? await caches.match(url) : undefined;
      // Hashed files may come from the HTTP cache (the page just loaded them); others may not.
      const fresh = url.startsWith('/assets/') ? 'default' : 'reload';
      const response = kept ?? (await fetch(new Request(url, { cache: fresh })));
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      await cache.put(url, response);
    }),
  );
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request, { ignoreSearch: true });
  if (kept) return kept;
  const response = await fetch(request);
  // Kept when first used: what a low-data install left out, and files added since.
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

/** The network if it answers in time, else the kept copy; the network's answer is kept. */
async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  const fromNetwork = fetch(request).then(async (response) => {
    // Only config.json is refreshed: the kept shell stays the one matching the kept files.
    if (response.ok && key !== SHELL) await cache.put(key, response.clone());
    return response;
  });
  fromNetwork.catch(() => undefined); // a late failure once the kept copy was served
  const timer = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, undefined));
  try {
    const response = await Promise.race([fromNetwork, timer]);
    if (response) return response;
  } catch {
    // Offline or refused: the kept copy below.
  }
  const kept = await cache.match(key);
  return kept ?? fromNetwork;
}

// The demo's mock API, after our listeners (see above).
self.importScripts('/mockServiceWorker.js');
