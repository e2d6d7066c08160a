/**
 * Bench rows for exports (issue 5): median time to produce the PNG (2×) and the SVG of the
 * aid-flow chart at range "all", in Debian's Chromium, through the page's export hook
 * (`window.__accessMonitorExport`) so that the download dialog is not timed. The first export
 * of each format (which loads the export code and the fonts) is reported separately.
 *
 * `benchExport(baseUrl)` is for scripts/bench.ts; run alone with
 * `npx tsx scripts/bench-export.ts [baseUrl]` (without a URL it builds nothing: it serves dist/
 * with the real API, as the bench does).
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { Row } from './bench.ts';
import { startServer } from './api-server.ts';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium.ts';

const RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 7);
const READY_TIMEOUT = 60_000;

export async function benchExport(baseUrl: string, shared?: Browser): Promise<Row[]> {
  const browser =
    shared ??
    (await chromium.launch({
      executablePath: await chromiumPath(),
      headless: true,
      args: CHROMIUM_FLAGS,
    }));
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(new URL('/?range=all', baseUrl).href, { waitUntil: 'domcontentloaded' });
    const section = page.locator('section[data-chart="aid-flow"]');
    const deadline = Date.now() + READY_TIMEOUT;
    while ((await section.count()) === 0) {
      if (Date.now() > deadline) throw new Error('The aid-flow chart never appeared');
      await page
        .locator('[data-deferred]')
        .first()
        .scrollIntoViewIfNeeded({ timeout: 2000 })
        .catch(() => {});
      await page.waitForTimeout(200);
    }
    await section.and(page.locator('[data-state="ready"]')).waitFor({ timeout: READY_TIMEOUT });
    await section.locator('svg.recharts-surface').first().waitFor({ timeout: READY_TIMEOUT });

    const time = (format: 'png' | 'svg') =>
      page.evaluate(async (f) => {
        const start = performance.now();
        const result = await window.__accessMonitorExport!('aid-flow', f, { scale: 2 });
        return { ms: performance.now() - start, bytes: result.blob.size };
      }, format);

    const rows: Row[] = [];
    for (const format of ['svg', 'png'] as const) {
      const cold = await time(format);
      const warm: number[] = [];
      let bytes = cold.bytes;
      for (let i = 0; i < RUNS; i++) {
        const run = await time(format);
        warm.push(run.ms);
        bytes = run.bytes;
      }
      const label = format === 'png' ? 'PNG (2×)' : 'SVG';
      rows.push({
        metric: `Export aid-flow ${label}, range all, median of ${RUNS}`,
        value: Math.round(median(warm)),
        unit: 'ms',
        budget: '',
        holds: undefined,
      });
      rows.push({
        metric: `Export aid-flow ${label}, range all, first export (loads code and fonts); ${Math.round(bytes / 1024)} KB`,
        value: Math.round(cold.ms),
        unit: 'ms',
        budget: '',
        holds: undefined,
      });
    }
    await context.close();
    return rows;
  } finally {
    if (!shared) await browser.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const given = process.argv[2];
  const server = given
    ? undefined
    : await startServer({
        port: 0,
        staticDir: resolve(import.meta.dirname, '..', 'dist'),
        config: {
          defaultSource: 'api',
          sources: [{ id: 'api', name: 'Access Monitor API', adapter: 'rest', url: '/api/v1' }],
        },
      });
  try {
    const rows = await benchExport(given ?? server!.url);
    console.table(rows.map(({ metric, value, unit }) => ({ metric, value, unit })));
  } finally {
    await server?.close();
  }
}
