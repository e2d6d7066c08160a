/**
 * Memory soak of the wall display: drives /wall in Chromium (against the real API server, serving
 * the built dist/) with a fast rotation and refresh for ≥ 500 rotation steps, with the server
 * stopped for a phase in the middle, and compares the JS heap (after GC) and the DOM node count at
 * the start and at the end, each taken on the same panel with the rotation paused.
 *
 *   npm run build && npx tsx scripts/bench-wall.ts
 *
 * Builds nothing itself. `benchWall()` returns rows for the `npm run bench` table.
 * BENCH_WALL_STEPS (default 520) and BENCH_WALL_ROTATE (seconds, default 0.5) tune the soak;
 * BENCH_WALL_WARMUP (default 120) is the rotation steps before the start sample.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { startServer, type RunningServer } from './api-server.ts';
import type { Row } from './bench.ts';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const STEPS = Number(process.env.BENCH_WALL_STEPS ?? 520);
const ROTATE_SECONDS = Number(process.env.BENCH_WALL_ROTATE ?? 0.5);
const REFRESH_SECONDS = 1;
/** e.g. BENCH_WALL_PANELS=board,map to find which panel holds on to memory. */
const PANELS = process.env.BENCH_WALL_PANELS ? `&panels=${process.env.BENCH_WALL_PANELS}` : '';
/** Rotation steps the server stays down for, in the middle of the soak. */
const OUTAGE_STEPS = 60;
// The first minute of a fresh tab is V8 compiling hot code and Recharts growing its caches
// (heap snapshots: compiled code +2.2 MB by step 70, then flat); a leak is growth after that.
// 520 measured steps follow the warm-up.
const WARM_UP_STEPS = Number(process.env.BENCH_WALL_WARMUP ?? 120);
const CONFIG = {
  defaultSource: 'api',
  sources: [{ id: 'api', name: 'Access Monitor API', adapter: 'rest', url: '/api/v1' }],
  wall: { reloadAt: null },
};
const MB = 1024 * 1024;

interface Sample {
  heap: number;
  nodes: number;
  listeners: number;
}

export async function benchWall(log: (line: string) => void = console.log): Promise<Row[]> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('bench-wall needs the built app: run npm run build first');
  const port = await freePort();
  let server: RunningServer | undefined = await startServer({
    port,
    staticDir: DIST,
    config: CONFIG,
  });
  const browser = await chromium.launch({
    executablePath: await chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  const started = Date.now();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    let answered = 0;
    page.on('response', (r) => {
      if (r.url().includes('/api/v1/') && r.ok()) answered++;
    });
    await page.goto(
      `${server.url}/wall?rotate=${ROTATE_SECONDS}&refresh=${REFRESH_SECONDS}&reload=off${PANELS}`,
    );
    await page.waitForSelector('.wall__current', { timeout: 60_000 });
    // Count rotation steps in the page: a poll from here could miss some.
    await page.evaluate(() => {
      const w = window as unknown as { wallSteps: number };
      w.wallSteps = 0;
      new MutationObserver(() => w.wallSteps++).observe(document.querySelector('.wall__bar')!, {
        subtree: true,
        attributes: true,
        attributeFilter: ['data-panel'],
      });
    });
    const steps = () => page.evaluate(() => (window as unknown as { wallSteps: number }).wallSteps);
    const until = async (n: number) => {
      while ((await steps()) < n) {
        if (process.env.BENCH_WALL_DEBUG) console.log('steps', await steps(), '/', n);
        await page.waitForTimeout(200);
      }
    };

    await until(WARM_UP_STEPS);
    const start = await measure(page, cdp);
    log(`wall soak: start ${fmt(start)}`);
    const base = await steps();
    const answeredAtStart = answered;

    const outageAt = base + Math.floor(STEPS / 2) - OUTAGE_STEPS / 2;
    await until(outageAt);
    await server.close();
    server = undefined;
    log(`wall soak: server stopped after ${outageAt - base} steps`);
    const banner = page.locator('.wall__outage');
    await banner.waitFor({ timeout: 30_000 });
    await until(outageAt + OUTAGE_STEPS);
    const dataKept = (await page.locator('.wall__stage section').count()) > 0;
    server = await startServer({ port, staticDir: DIST, config: CONFIG });
    await banner.waitFor({ state: 'detached', timeout: 60_000 });
    log(`wall soak: server back after ${OUTAGE_STEPS} steps; banner gone`);

    await until(base + STEPS);
    const done = (await steps()) - base;
    const end = await measure(page, cdp);
    log(`wall soak: end ${fmt(end)} after ${done} steps`);

    const growth = (end.heap - start.heap) / start.heap;
    const nodeGrowth = end.nodes - start.nodes;
    return [
      row('Wall soak: rotation steps', done, 'steps', `≥ 500`, done >= 500),
      row('Wall soak: API answers during the soak', answered - answeredAtStart, 'responses'),
      row('Wall soak: duration', Math.round((Date.now() - started) / 1000), 's'),
      row(
        'Wall soak: outage banner shown, data kept, banner gone on recovery',
        dataKept ? 'yes' : 'no',
        '',
        'yes',
        dataKept,
      ),
      row('Wall soak: JS heap after GC, start', round(start.heap / MB), 'MB'),
      row('Wall soak: JS heap after GC, end', round(end.heap / MB), 'MB'),
      row('Wall soak: JS heap growth', round(growth * 100), '%', '< 10 %', growth < 0.1),
      row('Wall soak: DOM nodes, start', start.nodes, 'nodes'),
      row('Wall soak: DOM nodes, end', end.nodes, 'nodes'),
      row('Wall soak: DOM node growth', nodeGrowth, 'nodes', 'flat (≤ 0)', nodeGrowth <= 0),
      row('Wall soak: event listeners, end − start', end.listeners - start.listeners, 'listeners'),
    ];
  } finally {
    await browser.close();
    await server?.close();
  }
}

/**
 * On the same panel (the board) with the rotation paused, after the page has settled and two
 * garbage collections: the JS heap in use, and the DOM nodes and listeners alive.
 */
async function measure(page: Page, cdp: CDPSession): Promise<Sample> {
  await control(page, 'Pause rotation');
  while ((await page.locator('.wall__current').getAttribute('data-panel')) !== 'board')
    await control(page, 'Next panel');
  await page.locator('.wall__stage section.crossings-board[data-state="ready"]').waitFor();
  await page.waitForTimeout(4000); // the controls hide; fetches settle
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const sample = {
    heap: get('JSHeapUsedSize'),
    nodes: get('Nodes'),
    listeners: get('JSEventListeners'),
  };
  await control(page, 'Resume rotation');
  return sample;
}

/** Moves the mouse (the controls appear), clicks one, and moves the mouse out of the way. */
async function control(page: Page, name: string): Promise<void> {
  let x = 300;
  for (let attempt = 0; ; attempt++) {
    await page.mouse.move(x++, 300);
    await page.mouse.move(x++, 310);
    try {
      await page
        .getByRole('toolbar', { name: 'Wall display controls' })
        .getByRole('button', { name })
        .click({ timeout: 2000 });
      break;
    } catch (error) {
      if (attempt > 5) throw error;
    }
  }
  await page.mouse.move(5, 5);
}

function row(
  metric: string,
  value: number | string,
  unit: string,
  budget = '',
  holds: boolean | undefined = undefined,
): Row {
  return { metric, value, unit, budget, holds };
}

const round = (n: number) => Math.round(n * 10) / 10;
const fmt = (s: Sample) =>
  `heap ${round(s.heap / MB)} MB, ${s.nodes} nodes, ${s.listeners} listeners`;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchWall().then(
    (rows) => {
      console.table(
        rows.map((r) => ({
          metric: r.metric,
          value: r.value,
          unit: r.unit,
          budget: r.budget,
          holds: r.holds === undefined ? '—' : r.holds ? 'yes' : 'NO',
        })),
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
