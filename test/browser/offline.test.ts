/**
 * Works offline (issue 13 item 4), in a real Chromium: the app is loaded once, the offline worker
 * takes control and the answers are kept on the device; then the browser goes offline and the page
 * is reloaded. The board and a chart must show the same figures, each marked with the time and
 * age of its data and "offline", under the page's offline notice. For the demo (MSW inside the
 * same worker) and for a real source (the API server on the same origin) alike. And a new version
 * of the worker is offered as a reload, never swapped in under the reader.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '../../scripts/api-server.ts';
import {
  READY_TIMEOUT,
  boardRows,
  crossingsSection,
  expectCleanPage,
  openTable,
  setUpBrowser,
  showChart,
  waitForReady,
} from './harness.ts';

const browser = setUpBrowser();

/** What the browser reports while offline: the worker trying the network before its copy. */
const OFFLINE_ATTEMPTS = [/net::ERR_INTERNET_DISCONNECTED/];

/** Waits until the offline worker controls the page. */
async function waitForWorker(page: Page): Promise<string> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: READY_TIMEOUT,
  });
  return page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
}

/** The keys of the answers kept in IndexedDB. */
function keptKeys(page: Page): Promise<unknown[][]> {
  return page.evaluate(
    () =>
      new Promise<unknown[][]>((done, fail) => {
        const open = indexedDB.open('access-monitor');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('kept-answers')) return done([]);
          const all = db.transaction('kept-answers').objectStore('kept-answers').getAll();
          all.onsuccess = () => {
            done(all.result.map((r: { query: { queryKey: unknown[] } }) => r.query.queryKey));
            db.close();
          };
        };
      }),
  );
}

/** Waits until the board's answers and a roll-up of aid flow are kept on the device. */
async function waitForKept(page: Page): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT;
  for (;;) {
    const keys = await keptKeys(page);
    // A roll-up is kept per resolution: the headline's monthly aid flow is not the chart's daily
    // one (30 days), and under load the chart's may be written after the headline's.
    const datasets = new Set(
      keys.map((k) => (k[2] === 'rollup' ? `rollup:${k[3]}:${k[6]}` : k[2])),
    );
    if (
      ['theatre', 'crossing-status', 'aid-flow', 'rollup:aid-flow:day'].every((d) =>
        datasets.has(d),
      )
    )
      return;
    if (Date.now() > deadline)
      throw new Error(`Not all answers were kept: ${JSON.stringify([...datasets])}`);
    await page.waitForTimeout(250);
  }
}

/** The table under the aid-flow chart, as text (its figures). */
async function aidFlowFigures(page: Page): Promise<string> {
  const chart = await showChart(page, 'aid-flow');
  await openTable(chart);
  return chart.locator('details.chart__table table').innerText();
}

describe.each([
  ['the demo source (MSW in the offline worker)', 'demoUrl'],
  ['a real source (the API server)', 'apiUrl'],
] as const)('Offline with %s', (_name, origin) => {
  it('shows the board and the charts with the last data, their age and an offline mark after a reload offline', async () => {
    const startedAt = Date.now();
    const page = await browser.openApp('/', { baseUrl: inject(origin) });
    const board = crossingsSection(page);
    await waitForReady(page, board);
    const rowsOnline = await boardRows(board);
    expect(rowsOnline.length).toBeGreaterThanOrEqual(6);
    const figuresOnline = await aidFlowFigures(page);
    expect(await waitForWorker(page)).toMatch(/\/sw\.js$/);
    await waitForKept(page);
    // Online and fresh: no offline mark anywhere.
    expect(await page.getByTestId('kept-mark').count()).toBe(0);
    expect(await page.getByTestId('offline-notice').count()).toBe(0);

    const wentOffline = Date.now();
    await page.context().setOffline(true);
    await page.reload({ waitUntil: 'domcontentloaded' });

    await page.getByTestId('offline-notice').waitFor({ timeout: READY_TIMEOUT });
    expect(await page.getByTestId('offline-notice').getAttribute('role')).toBe('status');
    await expect
      .poll(() => page.getByTestId('offline-notice').innerText())
      .toContain('Offline — showing the last data kept on this device');
    await waitForReady(page, board);
    // The same figures; a report's age ("11 minutes ago") may have ticked on in between.
    const ageless = (rows: unknown) =>
      JSON.stringify(rows).replace(/\d+ (second|minute|hour)s? ago/g, '… ago');
    expect(ageless(await boardRows(board)), 'the same figures on the board').toBe(
      ageless(rowsOnline),
    );
    // The board's mark gives the time its answers arrived, before the browser went offline.
    const boardMark = board.getByTestId('kept-mark');
    expect(await boardMark.innerText()).toMatch(/^As of .*\d{2}:\d{2}, .+ — offline$/);
    const keptAt = Number(await boardMark.getAttribute('data-updated-at'));
    expect(keptAt).toBeGreaterThanOrEqual(startedAt);
    expect(keptAt).toBeLessThanOrEqual(wentOffline);

    expect(await aidFlowFigures(page), 'the same figures in the chart').toBe(figuresOnline);
    const chart = page.locator('section[data-chart="aid-flow"]');
    expect(await chart.getByTestId('kept-mark').first().innerText()).toMatch(
      /^As of .+ — offline$/,
    );
    // Nothing is shown as an error: the queries wait for the network instead of failing.
    expect(await page.locator('[data-state="error"]').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expectCleanPage(page, { allow: OFFLINE_ATTEMPTS });

    // Back online: the marks go, and the panels refresh from the source.
    await page.context().setOffline(false);
    await page.getByTestId('offline-notice').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('kept-mark').count()).toBe(0);
    expectCleanPage(page, { allow: OFFLINE_ATTEMPTS });
  });
});

describe('A new version', () => {
  const DIST = resolve(import.meta.dirname, '../../dist');
  let dir: string | undefined;
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Deploys "a new version": the same app with another worker version. */
  function deployNewVersion(): string {
    const file = join(dir!, 'sw.js');
    const text = readFileSync(file, 'utf8');
    const [, version] = /"version":"([0-9a-f]+)"/.exec(text) ?? [];
    if (!version) throw new Error('sw.js has no version');
    writeFileSync(file, text.replace(`"version":"${version}"`, `"version":"${version}1"`));
    return `${version}1`;
  }

  it('waits for the reader: the page offers a reload, and the new version takes over on it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'access-monitor-update-'));
    cpSync(DIST, dir, { recursive: true });
    server = await startServer({ port: 0, host: '127.0.0.1', staticDir: dir });
    const page = await browser.openApp('/', { baseUrl: server.url });
    await waitForReady(page, crossingsSection(page));
    await waitForWorker(page);
    // The first install offers nothing: there was no older version under the reader.
    await page.waitForTimeout(500);
    expect(await page.getByTestId('update-notice').count()).toBe(0);

    const next = deployNewVersion();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/'))?.update());
    const notice = page.getByTestId('update-notice');
    await notice.waitFor({ timeout: READY_TIMEOUT });
    expect(await notice.innerText()).toContain('A new version of Access Monitor is ready.');
    // Still the old version in control, the page unchanged, until the reader says so.
    expect(
      await page.evaluate(
        async () => (await navigator.serviceWorker.getRegistration('/'))?.waiting,
      ),
    ).not.toBeNull();

    await Promise.all([
      page.waitForEvent('load', { timeout: READY_TIMEOUT }),
      notice.getByRole('button', { name: 'Reload' }).click(),
    ]);
    await waitForReady(page, crossingsSection(page));
    await waitForWorker(page);
    expect(await page.evaluate(() => caches.keys())).toEqual([`access-monitor-${next}`]);
    expect(await page.getByTestId('update-notice').count()).toBe(0);
    expectCleanPage(page);
  });

  it('is taken by the wall by itself: nobody is there to press Reload', async () => {
    const page = await browser.openApp('/wall?panels=board', { baseUrl: server!.url });
    const board = page.locator('section.crossings-board[data-state="ready"]');
    await board.waitFor({ timeout: READY_TIMEOUT });
    await waitForWorker(page);
    const next = deployNewVersion();
    await Promise.all([
      page.waitForEvent('load', { timeout: READY_TIMEOUT }),
      page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/'))?.update()),
    ]);
    await board.waitFor({ timeout: READY_TIMEOUT });
    expect(await page.evaluate(() => caches.keys())).toEqual([`access-monitor-${next}`]);
    expectCleanPage(page);
  });
});
