/**
 * Bench row for issue 10 item 7: a REST source that answers a whole history at once — 200,000
 * aid-flow records, ~38 MB of JSON — whatever range it is asked for. One page view of the
 * overview (scrolled so every panel loads) is measured for: requests to that endpoint, the
 * longest main-thread task (PerformanceObserver "longtask", Chromium) and the JS heap after GC.
 * Budget: no main-thread task over 200 ms. Expects dist/ to be built.
 *
 *   BENCH_ONLY=large-answer npm run bench   # this row alone
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer } from './api-server.ts';
import { COMMODITIES, STAGES } from '../src/domain/vocabulary.ts';
import type { Row } from './bench.ts';
import { apiConfig } from './bench-setup.ts';

const DIST = resolve(import.meta.dirname, '..', 'dist');
const RECORDS = Number(process.env.BENCH_LARGE_RECORDS ?? 200_000);
const API_CONFIG = apiConfig(120_000);
const CROSSINGS = ['kerem-shalom', 'rafah', 'kissufim', 'erez', 'zikim', 'gate-96', 'erez-west'];
const TIMEOUT = Number(process.env.BENCH_LARGE_TIMEOUT ?? 300_000);
export const CHART_PANELS = [
  'Headline figures',
  'Aid flow',
  'Hospital capacity',
  'Utilities',
  'Events',
];

/** `count` well-formed aid-flow records over the days up to yesterday, in the API envelope. */
export function largeAidFlowBody(count: number, today = new Date()): string {
  const perDay = CROSSINGS.length * COMMODITIES.length * STAGES.length;
  const days = Math.ceil(count / perDay);
  const start =
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - days * 86_400_000;
  const data: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(start + Math.floor(i / perDay) * 86_400_000).toISOString().slice(0, 10);
    const k = i % perDay;
    data.push({
      date: day,
      crossingId: CROSSINGS[k % CROSSINGS.length],
      commodity: COMMODITIES[Math.floor(k / CROSSINGS.length) % COMMODITIES.length],
      stage: STAGES[Math.floor(k / (CROSSINGS.length * COMMODITIES.length))],
      trucks: (i * 7) % 60,
      tonnes: (i * 13) % 900,
      provenance: {
        sourceId: 'border-authority',
        reportedAt: `${day}T18:00:00Z`,
        verification: 'reported',
        method: 'daily crossing log',
      },
    });
  }
  return JSON.stringify({ data, meta: { dataset: 'aid-flow', count } });
}

/** Records, before any page script, every long task and the heap, for the bench to read. */
export const OBSERVE_LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
})();`;

/**
 * Scrolls every deferred panel in and waits until the chart panels have settled, with cheap DOM
 * checks run in the page every `polling` ms (250 by default): playwright's role queries walk the
 * accessibility tree on the page's main thread and would themselves show up as long tasks over
 * a large DOM. Returns the page's clock (ms since navigation start) when it saw them settled.
 */
export async function loadAllPanels(
  page: Page,
  { polling = 250, timeout = TIMEOUT }: { polling?: number; timeout?: number } = {},
): Promise<number> {
  const at = await page.waitForFunction(
    (names) => {
      const deferred = document.querySelector('[data-deferred]');
      if (deferred) {
        deferred.scrollIntoView({ block: 'center' });
        return false;
      }
      const settled = new Set<string>();
      for (const section of document.querySelectorAll('section[data-state]')) {
        const id = section.getAttribute('aria-labelledby')?.split(' ')[0];
        const name = (id && document.getElementById(id)?.textContent) || '';
        if (['ready', 'empty', 'error'].includes(section.getAttribute('data-state') ?? ''))
          settled.add(name.trim());
      }
      return names.every((n) => settled.has(n)) && performance.now();
    },
    CHART_PANELS,
    { polling, timeout },
  );
  return Number(await at.jsonValue());
}

/**
 * The app and API on one origin, except that /api/v1/aid-flow answers `body` whatever range is
 * asked (as a source that ignores the parameters would). Counts the requests it answers.
 */
export async function largeAnswerServer(body: string) {
  const upstream = await startServer({ port: 0, staticDir: DIST, config: API_CONFIG });
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/api/v1/aid-flow')) {
      requests.push(url);
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    fetch(upstream.url + url, { headers: { 'accept-encoding': 'identity' } }).then(
      async (answer) => {
        const headers: Record<string, string> = {};
        answer.headers.forEach((value, name) => {
          if (!['content-encoding', 'content-length', 'transfer-encoding'].includes(name))
            headers[name] = value;
        });
        res.writeHead(answer.status, headers);
        res.end(Buffer.from(await answer.arrayBuffer()));
      },
      () => {
        res.writeHead(502);
        res.end();
      },
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await upstream.close();
    },
  };
}

interface ViewFigures {
  requests: string[];
  longest: number;
  heapMb: number;
  mb: string;
}

/** One overview view against a source answering `records` aid-flow records to every request. */
async function measureView(browser: Browser, records: number): Promise<ViewFigures> {
  const body = largeAidFlowBody(records);
  const server = await largeAnswerServer(body);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE_LONG_TASKS);
    await page.goto(server.url, { waitUntil: 'commit' });
    await loadAllPanels(page);
    // Let late refetches (a range that changes once the theatre is known) show themselves.
    await page.waitForTimeout(3000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const longTasks = await page.evaluate(
      () => (window as unknown as { __longTasks: number[] }).__longTasks,
    );
    if (process.env.BENCH_VERBOSE) console.log(server.requests.join('\n'), longTasks);
    return {
      requests: [...server.requests],
      longest: Math.round(Math.max(0, ...longTasks)),
      heapMb: Math.round(heap.usedSize / 1024 / 1024),
      mb: (Buffer.byteLength(body) / 1024 / 1024).toFixed(0),
    };
  } finally {
    await context.close();
    await server.close();
  }
}

export async function benchLargeAnswer(browser: Browser): Promise<Row[]> {
  const large = await measureView(browser, RECORDS);
  // The same view with an ordinary answer: what the page costs without a large one, so that a
  // loaded machine's long tasks are not blamed on the answer.
  const small = await measureView(browser, 1000);
  const { requests } = large;
  return [
    {
      metric: `Large REST answer (${RECORDS.toLocaleString('en')} records, ${large.mb} MB): requests in one overview view`,
      value: requests.length,
      unit: '',
      budget: `1 per query key (${new Set(requests).size} keys)`,
      holds: new Set(requests).size === requests.length,
    },
    {
      metric: 'Large REST answer: longest main-thread task',
      value: large.longest,
      unit: 'ms',
      budget: '≤ 200 ms',
      holds: large.longest <= 200,
    },
    {
      metric: 'Same view, 1,000-record answer (baseline): longest main-thread task',
      value: small.longest,
      unit: 'ms',
      budget: '',
      holds: undefined,
    },
    {
      metric: 'Large REST answer: JS heap after GC',
      value: large.heapMb,
      unit: 'MB',
      budget: '',
      holds: undefined,
    },
  ];
}
