/**
 * Issue 14, "who says so?" and "verified only", in Chromium: a count on the board and a row of
 * a chart's table open the reports behind them (publisher, how it counts, report time,
 * verification, who verified); the "verified figures only" switch narrows the panels and is
 * said in the caption that exports carry. axe finds nothing in the open dialog.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  crossingsSection,
  expectCleanPage,
  openTable,
  setUpBrowser,
  showChart,
  waitForReady,
} from './harness.ts';

const browser = setUpBrowser();

const open = (path: string): Promise<Page> =>
  browser.openApp(path, {
    baseUrl: inject('demoUrl'),
    viewport: { width: 1280, height: 900 },
    beforeNavigate: (page) => page.emulateMedia({ reducedMotion: 'reduce' }),
  });

describe('Who says so?', () => {
  it(
    'a board count opens its reports, with publisher, method and verification',
    { timeout: 120_000 },
    async () => {
      const page = await open('/');
      const board = crossingsSection(page);
      await waitForReady(page, board);
      const button = board
        .getByRole('button', { name: /^Who says so: Entered, .*Last 7 days/ })
        .first();
      await button.click();
      const dialog = page.getByRole('dialog', { name: /Who says so: Entered/ });
      await dialog.getByRole('table').waitFor({ timeout: 20_000 });
      await expect(dialog.getByRole('heading', { name: 'Publisher', exact: true }).isVisible()).resolves.toBe(
        true,
      );
      const text = (await dialog.textContent()) ?? '';
      expect(text).toMatch(/Border Authority|UN Monitoring Mechanism/);
      expect(text).toMatch(/How the publisher says it counts/);
      expect(text).toMatch(/\d+ reports? for/);
      const rows = await dialog.locator('tbody tr').count();
      expect(rows).toBeGreaterThan(0);
      const axe = await new AxeBuilder({ page }).include('dialog').analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      // Focus is back where the reader was.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe(
        'dialog',
      );
      expectCleanPage(page);
    },
  );

  it(
    'verified only narrows the charts and is said in their captions',
    { timeout: 120_000 },
    async () => {
      const page = await open('/?range=30d');
      await waitForReady(page, crossingsSection(page));
      await page.getByRole('checkbox', { name: 'Verified figures only' }).check();
      await page.waitForURL(/verification=verified/);
      const chart = await showChart(page, 'aid-flow');
      await chart.getByText(/Verified figures only: figures that are only reported/).waitFor();
      await openTable(chart);
      const sources = await chart.locator('.chart__source').textContent();
      // Every figure drawn is verified: the source line counts no other level.
      expect(sources).toMatch(/100\s?% verified/);
      expect(sources).not.toMatch(/reported, not verified/);
      // A row of its table opens the reports behind it: all verified.
      await chart.locator('.chart__table tbody').getByRole('button').first().click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('tbody tr').first().waitFor({ timeout: 20_000 });
      const levels = await dialog.locator('tbody tr td:nth-child(4)').allTextContents();
      expect(levels.length).toBeGreaterThan(0);
      for (const level of levels) expect(level).toMatch(/✓ ?verified/);
      await dialog.getByRole('button', { name: 'Close' }).click();
      expectCleanPage(page);
    },
  );
});
