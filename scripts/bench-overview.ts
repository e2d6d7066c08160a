/**
 * Bench rows for the map (issue 3) and the charts (issue 4), merged into `npm run bench`:
 * map chunk sizes, time from load to map idle, and — on a 5-year × 8-crossing scenario at
 * 4× CPU slowdown — time from a filter change to every chart updated, and the first render of
 * the overview at range "all". Expects dist/ to be built.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { startServer } from './api-server.ts';
import type { Row } from './bench.ts';

const DIST = resolve(import.meta.dirname, '..', 'dist');
const KB = 1024;
const API_CONFIG = {
  defaultSource: 'api',
  sources: [
    { id: 'api', name: 'Access Monitor API', adapter: 'rest', url: '/api/v1', timeoutMs: 120_000 },
  ],
};
const THROTTLED = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function gzipOf(pattern: RegExp): number {
  return readdirSync(join(DIST, 'assets'))
    .filter((f) => pattern.test(f))
    .reduce(
      (sum, f) => sum + gzipSync(readFileSync(join(DIST, 'assets', f)), { level: 9 }).length,
      0,
    );
}

async function throttle(page: Page, cpu: number, network: boolean) {
  const cdp = await page.context().newCDPSession(page);
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLED });
  }
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
}

/** ms from navigation start until the map section is ready (the map has drawn its data). */
async function mapIdle(browser: Browser, url: string, throttled: boolean): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    if (throttled) await throttle(page, 4, true);
    await page.goto(url, { waitUntil: 'commit' });
    // The placeholder is named like the panel, and marked as such until the map loads.
    const placeholder = page
      .getByRole('region', { name: 'Map', exact: true })
      .and(page.locator('[data-deferred]'));
    await placeholder
      .or(page.getByRole('region', { name: 'Map', exact: true }))
      .first()
      .waitFor({ timeout: 60_000 });
    const ready = page
      .getByRole('region', { name: 'Map', exact: true })
      .and(page.locator('[data-state="ready"]'));
    // Under throttling the page may still be laying out when first scrolled: scroll to the
    // placeholder until the map has loaded, as a reader scrolling down would.
    const deadline = Date.now() + 120_000;
    while ((await ready.count()) === 0) {
      if (Date.now() > deadline) throw new Error('the map did not become ready in 120 s');
      if (await placeholder.count())
        await placeholder.scrollIntoViewIfNeeded({ timeout: 2000 }).catch(() => {});
      await page.waitForTimeout(100);
    }
    return await page.evaluate(() => performance.now());
  } finally {
    await context.close();
  }
}

const CHART_PANELS = ['Headline figures', 'Aid flow', 'Hospital capacity', 'Utilities', 'Events'];

/** Scrolls through the overview so every deferred panel loads, then waits for all to be ready. */
async function loadAllPanels(page: Page): Promise<void> {
  // Until the overview is drawn there is nothing deferred yet: counting then would stop early.
  await page
    .getByRole('region', { name: CHART_PANELS[0], exact: true })
    .waitFor({ timeout: 600_000 });
  for (let i = 0; i < 40; i++) {
    const left = await page.locator('[data-deferred]').count();
    if (left === 0) break;
    await page
      .locator('[data-deferred]')
      .first()
      .scrollIntoViewIfNeeded({ timeout: 5000 })
      .catch(() => {});
    await page.waitForTimeout(200);
  }
  for (const name of CHART_PANELS)
    await page
      .getByRole('region', { name, exact: true })
      .and(page.locator('[data-state="ready"], [data-state="empty"], [data-state="error"]'))
      .waitFor({ timeout: 600_000 });
}

/**
 * A filter change in the page: tick one commodity box, and time until React has committed, every
 * chart panel has settled again (a filter the app sends to the API, as with roll-ups, shows a
 * panel loading until its answer is in) and the browser has painted the next frame. A discrete
 * event renders synchronously in React 19, so without a request this is the next frame.
 */
async function timeFilterChange(page: Page, label: string): Promise<number> {
  await page.locator('summary', { hasText: 'Commodities:' }).evaluate((el) => {
    (el.parentElement as HTMLDetailsElement).open = true;
  });
  const box = page.getByRole('checkbox', { name: label, exact: true });
  // No named functions in here: tsx would wrap them in a helper the page does not have.
  return box.evaluate(async (el, names) => {
    const t0 = performance.now();
    (el as HTMLInputElement).click();
    for (;;) {
      await new Promise((frame) => requestAnimationFrame(frame));
      const loading = [...document.querySelectorAll('section[data-state="loading"]')].some(
        (section) => {
          const id = section.getAttribute('aria-labelledby')?.split(' ')[0];
          return names.includes(((id && document.getElementById(id)?.textContent) || '').trim());
        },
      );
      if (!loading) break;
    }
    await new Promise((painted) => setTimeout(painted, 0));
    return performance.now() - t0;
  }, CHART_PANELS);
}

/** `map: false` leaves out the map rows (about a minute) while iterating on the chart rows. */
export async function benchOverview(
  browser: Browser,
  { map = true }: { map?: boolean } = {},
): Promise<Row[]> {
  const rows: Row[] = [];
  if (map) await benchMap(browser, rows);
  await benchCharts(browser, rows);
  return rows;
}

async function benchMap(browser: Browser, rows: Row[]): Promise<void> {
  rows.push(
    {
      metric: 'Map: MapLibre chunk + map panel (gzip -9)',
      value: Math.round((gzipOf(/^maplibre-.*\.js$/) + gzipOf(/^map-panel-.*\.js$/)) / KB),
      unit: 'KB',
      budget: 'not in initial JS',
      holds: true,
    },
    {
      metric: 'Map: MapLibre worker (gzip -9)',
      value: Math.round(gzipOf(/^maplibre-gl-worker-.*\.mjs$/) / KB),
      unit: 'KB',
      budget: '',
      holds: undefined,
    },
  );

  const server = await startServer({ port: 0, staticDir: DIST, config: API_CONFIG });
  try {
    const fast: number[] = [];
    for (let i = 0; i < 5; i++) fast.push(await mapIdle(browser, server.url, false));
    const slow: number[] = [];
    for (let i = 0; i < 3; i++) slow.push(await mapIdle(browser, server.url, true));
    rows.push(
      {
        metric: 'Map idle after load, median, unthrottled',
        value: Math.round(median(fast)),
        unit: 'ms',
        budget: '',
        holds: undefined,
      },
      {
        metric: 'Map idle after load, median, throttled (150 ms RTT, 1.6 Mbps, CPU 4×)',
        value: Math.round(median(slow)),
        unit: 'ms',
        budget: '',
        holds: undefined,
      },
    );
  } finally {
    await server.close();
  }
}

async function benchCharts(browser: Browser, rows: Row[]): Promise<void> {
  // The big scenario: 5 years × 8 crossings × 7 commodities × 3 stages × 2 sources.
  const end = new Date().toISOString().slice(0, 10);
  const start = `${Number(end.slice(0, 4)) - 5}${end.slice(4)}`;
  const big = await startServer({
    port: 0,
    staticDir: DIST,
    config: API_CONFIG,
    scenario: { start, crossings: 8 },
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await throttle(page, 4, false);
    const t0 = Date.now();
    await page.goto(`${big.url}/?range=all`, { waitUntil: 'commit' });
    await loadAllPanels(page);
    const firstRender = Date.now() - t0;
    rows.push({
      metric: 'Overview at range "all", 5 y × 8 crossings, CPU 4×: every chart shown',
      value: firstRender,
      unit: 'ms',
      budget: '',
      holds: undefined,
    });
    const changes: number[] = [];
    for (const label of ['Food', 'Fuel', 'Health', 'Food', 'Fuel', 'Health'])
      changes.push(await timeFilterChange(page, label));
    const m = median(changes);
    rows.push({
      metric: 'Filter change → all charts updated, 5 y × 8 crossings at "all", CPU 4×, median',
      value: Math.round(m),
      unit: 'ms',
      budget: '≤ 100 ms',
      holds: m <= 100,
    });
  } finally {
    await context.close();
    await big.close();
  }
}
