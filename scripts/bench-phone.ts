/**
 * Bench rows for issue 13 item 5, "phone-first crossing check": a 360 × 640 phone on the
 * throttled profile (150 ms RTT, 1.6 Mbps, CPU 4×) opens the overview from the real API server
 * (no MSW, no service worker: transfer sizes are real), and we measure, in the same loads:
 *
 * - the time from navigation start until the first screen answers every crossing: the Crossings
 *   section is ready and each crossing of the phone answer shows its status and its figures;
 * - the bytes that came over the wire until then (CDP Network events: each request's
 *   encodedDataLength, counted up to that moment, headers included).
 *
 * The note lists the requests of the median load (start → end, KB) so the critical path can be
 * read off the table.
 *
 *   BENCH_ONLY=phone npm run bench
 */
import { resolve } from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { startServer } from './api-server.ts';
import type { Row } from './bench.ts';
import { apiConfig, throttle } from './bench-setup.ts';

const DIST = resolve(import.meta.dirname, '..', 'dist');
const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const READY_TIMEOUT = 60_000;
const BUDGET_MS = 1300;
const BUDGET_KB = 200;
const KB = 1024;
const API_CONFIG = apiConfig();

/**
 * Runs in the page before its scripts: window.__phoneReadyAt = performance.now() when the phone
 * answer of the Crossings section first has every crossing with a status and its figures (or
 * its "no trucks reported" line). A string: tsx would wrap a function in helpers the page lacks.
 */
const MARK_PHONE_READY = `(() => {
  const check = () => {
    const list = document.querySelector('section.crossings-board[data-state="ready"] .phone-answer');
    if (!list) return false;
    const items = [...list.querySelectorAll('[data-crossing]')];
    return items.length > 0 && items.every((item) =>
      item.querySelector('.status') && item.querySelector('.phone-answer__figures'));
  };
  const observer = new MutationObserver(() => {
    if (!check()) return;
    window.__phoneReadyAt = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
})();`;

interface Request {
  url: string;
  /** Wall-clock ms. */
  start: number;
  end?: number;
  bytes: number;
  /** dataReceived chunks: wall-clock ms and encoded bytes, for requests still open at ready. */
  chunks: { at: number; bytes: number }[];
}

interface Load {
  readyMs: number;
  bytes: number;
  requests: Request[];
  timeOrigin: number;
}

/** Records every request of the page with CDP wall-clock times (timestamp → wallTime offset). */
function recordNetwork(cdp: CDPSession): Map<string, Request> {
  const requests = new Map<string, Request>();
  let offset: number | undefined; // wall ms − monotonic s × 1000
  const wall = (timestamp: number) => timestamp * 1000 + (offset ?? 0);
  cdp.on('Network.requestWillBeSent', (e) => {
    offset ??= e.wallTime * 1000 - e.timestamp * 1000;
    requests.set(e.requestId, {
      url: e.request.url,
      start: wall(e.timestamp),
      bytes: 0,
      chunks: [],
    });
  });
  cdp.on('Network.dataReceived', (e) => {
    requests.get(e.requestId)?.chunks.push({ at: wall(e.timestamp), bytes: e.encodedDataLength });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.end = wall(e.timestamp);
    r.bytes = e.encodedDataLength;
  });
  return requests;
}

/** Bytes over the wire by `until` (wall ms): finished requests whole, open ones by chunks. */
function bytesBy(requests: Iterable<Request>, until: number): number {
  let sum = 0;
  for (const r of requests) {
    if (r.start > until) continue;
    if (r.end !== undefined && r.end <= until) sum += r.bytes;
    else sum += r.chunks.filter((c) => c.at <= until).reduce((s, c) => s + c.bytes, 0);
  }
  return sum;
}

async function loadPhone(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(MARK_PHONE_READY);
    const cdp = await context.newCDPSession(page);
    const requests = recordNetwork(cdp);
    await throttle(cdp);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url, { waitUntil: 'commit', timeout: READY_TIMEOUT });
    const at = await page.waitForFunction(
      () => (window as { __phoneReadyAt?: number }).__phoneReadyAt,
      undefined,
      { timeout: READY_TIMEOUT, polling: 100 },
    );
    const readyMs = Number(await at.jsonValue());
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    // Let the events of what finished just before ready reach us.
    await page.waitForTimeout(500);
    const all = [...requests.values()];
    return { readyMs, bytes: bytesBy(all, timeOrigin + readyMs), requests: all, timeOrigin };
  } finally {
    await context.close();
  }
}

function waterfall(load: Load): string {
  const t0 = load.timeOrigin;
  return load.requests
    .filter((r) => r.start <= t0 + load.readyMs)
    .sort((a, b) => a.start - b.start)
    .map((r) => {
      const path = new URL(r.url).pathname.replace(/^\/assets\//, '');
      const end = r.end === undefined ? 'open' : String(Math.round(r.end - t0));
      return `${path} ${Math.round(r.start - t0)}→${end} ms ${(r.bytes / KB).toFixed(1)} KB`;
    })
    .join('; ');
}

/** The phone rows: time to a first screen with data and the bytes it took, same loads. */
export async function benchPhone(browser: Browser, notes: string[]): Promise<Row[]> {
  const server = await startServer({ port: 0, staticDir: DIST, config: API_CONFIG });
  try {
    const loads: Load[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await loadPhone(browser, server.url));
    const byTime = [...loads].sort((a, b) => a.readyMs - b.readyMs);
    const mid = byTime[Math.floor(byTime.length / 2)]!;
    const bytes = [...loads].map((l) => l.bytes).sort((a, b) => a - b);
    const medianBytes = bytes[Math.floor(bytes.length / 2)]!;
    console.log(`Phone loads (ms): ${loads.map((l) => Math.round(l.readyMs)).join(', ')}`);
    console.log(`Phone bytes (KB): ${loads.map((l) => (l.bytes / KB).toFixed(1)).join(', ')}`);
    const times = `Phone first screen (ms): ${loads.map((l) => Math.round(l.readyMs)).join(', ')}.`;
    const path = `Phone first screen, the median load's requests until ready: ${waterfall(mid)}.`;
    console.log(`${path}`);
    notes.push(times, path);
    return [
      {
        metric: 'Phone first screen with data (360×640), median, throttled',
        value: Math.round(mid.readyMs),
        unit: 'ms',
        budget: `≤ ${BUDGET_MS} ms`,
        holds: mid.readyMs <= BUDGET_MS,
      },
      {
        metric: 'Phone first screen with data (360×640), transferred until then, median',
        value: Math.round((medianBytes / KB) * 10) / 10,
        unit: 'KB',
        budget: `≤ ${BUDGET_KB} KB`,
        holds: medianBytes <= BUDGET_KB * KB,
      },
    ];
  } finally {
    await server.close();
  }
}
