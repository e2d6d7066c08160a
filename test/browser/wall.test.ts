/**
 * The wall display (/wall) in a real Chromium at 1920×1080, against the real API server, which
 * this file starts itself so that it can stop it and start it again on the same port (same
 * origin: the page goes on as if the source had gone down and come back).
 */
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../scripts/api-server.ts';
import { API_CONFIG } from './global-setup.ts';
import { expectCleanPage, READY_TIMEOUT, setUpBrowser } from './harness.ts';

const browser = setUpBrowser();
const DIST = resolve(import.meta.dirname, '../../dist');
const FULL_HD = { width: 1920, height: 1080 };
const CONFIG = {
  ...API_CONFIG,
  wall: { panels: ['board', 'headline', 'events'], rotateSeconds: 30, refreshSeconds: 2 },
};
/** What the page logs and fails while the server is down on purpose. */
const OUTAGE = [
  /\/api\/v1\/.*(ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|ERR_CONNECTION_RESET)/,
  /(ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|ERR_CONNECTION_RESET).*\/api\/v1\//,
];

let port = 0;
let server: RunningServer | undefined;
const start = async () => {
  server = await startServer({ port, host: '127.0.0.1', staticDir: DIST, config: CONFIG });
  return server.url;
};

/** A port free now, kept for the whole file so that a restarted server has the same origin. */
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

beforeAll(async () => {
  port = await freePort();
  await start();
});
afterAll(async () => {
  await server?.close();
});

const boardReady = (page: Page) =>
  page
    .locator('section.crossings-board[data-state="ready"] li[data-crossing]')
    .first()
    .waitFor({ timeout: READY_TIMEOUT });

/** Elements a keyboard could reach: not inert, not hidden. */
const focusableCount = (page: Page) =>
  page.evaluate(
    () =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'a[href], button, input, select, textarea, summary, [tabindex]',
        ),
      ].filter((el) => !el.closest('[inert]') && el.checkVisibility()).length,
  );

describe('Wall display', () => {
  it('shows no focusable control (nor cursor, nor scroll bar) until the mouse moves', async () => {
    const page = await browser.openApp('/wall', { baseUrl: server!.url, viewport: FULL_HD });
    await boardReady(page);
    expect(await focusableCount(page)).toBe(0);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(
      await page.evaluate(() => ({
        cursor: getComputedStyle(document.querySelector('.wall')!).cursor,
        scrollsX: document.scrollingElement!.scrollWidth > innerWidth,
        scrollsY: document.scrollingElement!.scrollHeight > innerHeight,
      })),
    ).toEqual({ cursor: 'none', scrollsX: false, scrollsY: false });
    // Every panel stays a named section, and the clock and the age of the data are shown.
    expect(await page.locator('.wall__stage section[aria-labelledby]').count()).toBeGreaterThan(0);
    expect(await page.locator('.wall__time').textContent()).toMatch(/^\d\d:\d\d$/);
    await page.locator('.wall__age[data-panel="board"][data-age="fresh"]').first().waitFor();

    await page.mouse.move(400, 300);
    await page.mouse.move(420, 320);
    const toolbar = page.getByRole('toolbar', { name: 'Wall display controls' });
    await toolbar.waitFor();
    expect(await toolbar.getByRole('button').allTextContents()).toEqual([
      'Pause rotation',
      'Next panel',
      'Exit wall display',
    ]);
    expect(await focusableCount(page)).toBe(3);
    // …and hide again when the mouse rests.
    await toolbar.waitFor({ state: 'detached', timeout: 6000 });
    expect(await focusableCount(page)).toBe(0);
    expectCleanPage(page);
  });

  it('rotates through the panels at the configured interval', async () => {
    const page = await browser.openApp('/wall?rotate=2', {
      baseUrl: server!.url,
      viewport: FULL_HD,
    });
    await boardReady(page);
    const current = page.locator('.wall__current');
    const seen: { panel: string | null; at: number }[] = [];
    const deadline = Date.now() + 15_000;
    while (seen.length < 4 && Date.now() < deadline) {
      const panel = await current.getAttribute('data-panel');
      if (seen.at(-1)?.panel !== panel) seen.push({ panel, at: Date.now() });
      await page.waitForTimeout(100);
    }
    expect(seen.map((s) => s.panel)).toEqual(['board', 'headline', 'events', 'board']);
    for (let i = 2; i < seen.length; i++) {
      const gap = seen[i]!.at - seen[i - 1]!.at;
      expect(gap, `time between panels ${i - 1} and ${i}`).toBeGreaterThan(1500);
      expect(gap, `time between panels ${i - 1} and ${i}`).toBeLessThan(3500);
    }
    expectCleanPage(page);
  });

  it('keeps the last data with a banner while the server is down, and recovers by itself', async () => {
    const page = await browser.openApp('/wall?panels=board&refresh=1', {
      baseUrl: server!.url,
      viewport: FULL_HD,
    });
    await boardReady(page);
    const rows = page.locator('section.crossings-board li[data-crossing]');
    // Names, statuses and figures (not the reports' age in words, which ticks on).
    const shown = () =>
      rows.evaluateAll((tiles) =>
        tiles.map((tile) =>
          [...tile.querySelectorAll('.tile__name, .tile__status, .tile__figures')]
            .map((e) => e.textContent)
            .join(' | '),
        ),
      );
    const before = await shown();
    expect(before.length).toBeGreaterThanOrEqual(6);
    const banner = page.getByRole('alert');
    expect(await banner.count()).toBe(0);
    // The offline worker has kept the app's files (not cut off half-way): the outage is the source's.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await server!.close();
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toMatch(
      /Source Access Monitor API unreachable since \d\d:\d\d — showing data from \d\d:\d\d/,
    );
    // Still the data, never an error page or a spinner in their place.
    await page.waitForTimeout(3000);
    expect(await shown()).toEqual(before);
    expect(await page.locator('section.crossings-board').getAttribute('data-state')).toBe('ready');

    let answered = 0;
    page.on('response', (r) => {
      if (r.url().includes('/api/v1/') && r.ok()) answered++;
    });
    await start();
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
    expect(answered, 'data fetched again after the server came back').toBeGreaterThan(0);
    await page.locator('.wall__age[data-panel="board"][data-age="fresh"]').first().waitFor();
    expect(await rows.count()).toBe(before.length);
    expectCleanPage(page, { allow: OUTAGE });
  });
});
