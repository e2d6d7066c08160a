/**
 * Issue 12 item 2: what a large dropped HXL file costs the page. Opens the built app's /data
 * page in Chromium, picks a generated aid-flow file (200,000 rows over the last year by
 * default), waits until it is read, shows it on the dashboard and waits for the aid-flow chart.
 * Reports the main thread's longest task over that time, what workers posted to the page
 * (messages, records, roll-up rows) and the page's JS heap after a forced GC, once the file is
 * read and once the chart is drawn.
 *
 *   npx tsx scripts/bench-table-worker.ts [--rows 200000] [--dist dist]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startServer } from './api-server.ts';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const ROWS = Number(arg('rows', '200000'));
const DIST = resolve(import.meta.dirname, '..', arg('dist', 'dist'));

function csv(rows: number): string {
  const crossings = ['Kerem Shalom', 'Rafah', 'Kissufim', 'Erez', 'Zikim'];
  const commodities = ['food', 'health', 'wash', 'shelter', 'fuel', 'nutrition', 'other'];
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const lines = [
    'Date,Crossing,Commodity,Stage,Trucks,Tonnes',
    '#date,#loc+name,#item+type,#status,#indicator+num+trucks,#indicator+num+tonnes',
  ];
  for (let i = 0; i < rows; i++) {
    const day = new Date(today - (1 + (i % 365)) * 86_400_000).toISOString().slice(0, 10);
    const trucks = (i * 7919) % 150;
    lines.push(
      `${day},${crossings[i % 5]},${commodities[(i >> 3) % 7]},${['entered', 'collected', 'delivered'][i % 3]},${trucks},${(trucks * 17.5).toFixed(1)}`,
    );
  }
  return lines.join('\n');
}

interface Seen {
  longTasks: number[];
  messages: number;
  records: number;
  rows: number;
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1e6;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-table-'));
  const file = join(dir, 'big.csv');
  writeFileSync(file, csv(ROWS));
  const server = await startServer({ port: 0, host: '127.0.0.1', staticDir: DIST });
  const browser = await chromium.launch({
    executablePath: await chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      const seen = { longTasks: [] as number[], messages: 0, records: 0, rows: 0 };
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) seen.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
      const Original = window.Worker;
      window.Worker = class extends Original {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          this.addEventListener('message', (event: MessageEvent) => {
            const data = event.data as { records?: unknown[]; rows?: unknown[] } | null;
            seen.messages++;
            seen.records += data?.records?.length ?? 0;
            seen.rows += data?.rows?.length ?? 0;
          });
        }
      };
    });
    await page.goto(`${server.url}/data`);
    const picker = page.getByLabel('Choose an HXL CSV file');
    await picker.waitFor({ timeout: 20_000 });
    await page.waitForTimeout(1500); // the page's own start-up tasks are not counted
    const reset = () =>
      page.evaluate(() => {
        const s = (window as unknown as { __seen: Seen }).__seen;
        s.longTasks = [];
        s.messages = s.records = s.rows = 0;
      });
    await reset();
    const heapBefore = await heapAfterGc(page);
    const started = performance.now();
    await picker.setInputFiles(file);
    const item = page.locator('li[data-source="file-big"]');
    await item
      .locator('[data-testid="source-rows"]')
      .getByText(/read:/)
      .waitFor({ timeout: 600_000 });
    const readSeconds = (performance.now() - started) / 1000;
    const counts = await item.locator('[data-testid="source-rows"]').textContent();
    const heapRead = await heapAfterGc(page);
    const afterRead = await page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);

    const shownAt = performance.now();
    await item.getByRole('button', { name: 'Show big.csv on the dashboard' }).click();
    const chart = page.locator('section[data-chart="aid-flow"]');
    for (let i = 0; i < 60 && (await chart.count()) === 0; i++) {
      const deferred = page.locator('[data-deferred]').first();
      if (await deferred.count()) await deferred.scrollIntoViewIfNeeded().catch(() => {});
      await page.waitForTimeout(250);
    }
    await chart.scrollIntoViewIfNeeded();
    await chart.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 120_000 });
    const chartSeconds = (performance.now() - shownAt) / 1000;
    const heapChart = await heapAfterGc(page);
    const all = await page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
    const longest = (t: number[]) => Math.round(Math.max(0, ...t));
    console.log(
      JSON.stringify(
        {
          dist: DIST,
          rows: ROWS,
          counts,
          readSeconds: +readSeconds.toFixed(1),
          chartSeconds: +chartSeconds.toFixed(1),
          longestTaskWhileReadingMs: longest(afterRead.longTasks),
          longestTaskOverallMs: longest(all.longTasks),
          longTasksOver200ms: all.longTasks.filter((d) => d > 200).length,
          workerMessages: all.messages,
          recordsPosted: all.records,
          rollupRowsPosted: all.rows,
          heapMbBeforeFile: +heapBefore.toFixed(1),
          heapMbAfterRead: +heapRead.toFixed(1),
          heapMbWithChart: +heapChart.toFixed(1),
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
