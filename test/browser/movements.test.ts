/**
 * Humanitarian movements and fuel by type on the overview, in a real Chromium: requests week by
 * week by outcome, one chart per source (never summed), each outcome with its word and pattern;
 * the purpose and north/south splits and the shares live in the URL; the table alternative; the
 * fuel chart keeps litres and tonnes apart. No other host, no console error, axe-clean embeds.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  expectCleanPage,
  openTable,
  READY_TIMEOUT,
  setUpBrowser,
  showChart,
  waitForReady,
} from './harness.ts';

const browser = setUpBrowser();

const open = (path: string): Promise<Page> =>
  browser.openApp(path, {
    baseUrl: inject('demoUrl'),
    viewport: { width: 1200, height: 900 },
    beforeNavigate: (page) => page.emulateMedia({ reducedMotion: 'reduce' }),
  });

/** Bars Recharts drew (plain or dense). */
const bars = (section: Locator) =>
  section.locator('svg .recharts-rectangle, svg [data-dense-bars] path').count();

const titles = (section: Locator) => section.locator('.small-multiples__title').allTextContents();

describe('Humanitarian movements', () => {
  it(
    'draws requests weekly by outcome, a chart per source, with totals, splits and shares',
    { timeout: 180_000 },
    async () => {
      const page = await open('/?range=90d');
      const section = await showChart(page, 'movements');
      await expect.poll(() => bars(section), { timeout: READY_TIMEOUT }).toBeGreaterThan(0);

      // Each outcome has its word in the legend (its swatch has a pattern as well as a colour).
      const legend = await section.locator('.chart-legend__item').allTextContents();
      expect(legend).toEqual(['Facilitated', 'Impeded', 'Denied', 'Postponed or cancelled']);
      // The period's totals per source, with shares, in the subtitle; what a request is, below.
      const subtitle = (await section.locator('.panel__subtitle').textContent()) ?? '';
      expect(subtitle).toMatch(/\d[\d,]* requests: \d[\d,]* facilitated \(\d+%\)/);
      expect(await section.locator('.chart__notes').textContent()).toMatch(
        /A request is one humanitarian movement/,
      );
      // One small multiple per source: never one chart of all sources added up.
      const perSource = await titles(section);
      expect(perSource.length).toBeGreaterThanOrEqual(1);
      expect(new Set(perSource).size).toBe(perSource.length);

      // North or south: a multiple per source and zone, in the URL.
      await section.getByRole('radio', { name: 'North or south' }).check();
      await expect.poll(() => new URL(page.url()).searchParams.get('movements.split')).toBe('zone');
      await expect
        .poll(async () => (await titles(section)).some((t) => t.endsWith('To the north')))
        .toBe(true);
      expect((await titles(section)).length).toBe(perSource.length * 2);

      // Shares of requests: the axis is in percent, and the table's shares add up to 100.
      await section.getByRole('radio', { name: '% of requests' }).check();
      await expect.poll(() => new URL(page.url()).searchParams.get('movements.show')).toBe('share');
      await section.getByText(/as % of each source’s requests/).waitFor();
      await openTable(section);
      // The share columns are those whose header ends in ", %"; the others are counts.
      const shareColumns = await section
        .locator('.chart__table thead th')
        .evaluateAll((ths) =>
          ths.flatMap((th, i) => (th.textContent?.endsWith(', %') ? [i - 1] : [])),
        );
      expect(shareColumns).toHaveLength(4);
      const rows = await section
        .locator('.chart__table tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
        );
      expect(rows.length).toBeGreaterThan(0);
      for (const cells of rows.slice(0, 20)) {
        const shares = shareColumns.map((i) => Number(cells[i]!.replace(/\D/g, '')));
        expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
      }

      // The permalink reopens the same view.
      const again = await open(new URL(page.url()).pathname + new URL(page.url()).search);
      const reopened = await showChart(again, 'movements');
      await expect
        .poll(async () => (await titles(reopened)).some((t) => t.endsWith('To the south')))
        .toBe(true);
      expect(await reopened.getByRole('radio', { name: '% of requests' }).isChecked()).toBe(true);
      expectCleanPage(page);
      expectCleanPage(again);
    },
  );

  it(
    'fuel by type: litres and tonnes apart, the stated need named',
    { timeout: 120_000 },
    async () => {
      const page = await open('/embed/fuel-entry?range=90d');
      const section = page.locator('section[data-chart="fuel-entry"]');
      await waitForReady(page, section);
      await expect.poll(() => bars(section), { timeout: READY_TIMEOUT }).toBeGreaterThan(0);
      expect(await titles(section)).toEqual([
        'Diesel — litres per day',
        'Petrol — litres per day',
        'Cooking gas — tonnes per day',
      ]);
      const legend = await section.locator('.chart-legend__item').allTextContents();
      expect(legend.some((l) => l.startsWith('Need stated by '))).toBe(true);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
      expectCleanPage(page);
    },
  );

  it('embeds the movements chart alone, axe-clean', { timeout: 120_000 }, async () => {
    const page = await open('/embed/movements?range=90d&movements.split=purpose');
    const section = page.locator('section[data-chart="movements"]');
    await waitForReady(page, section);
    await expect.poll(() => bars(section), { timeout: READY_TIMEOUT }).toBeGreaterThan(0);
    expect(await page.locator('section[data-chart]').count()).toBe(1);
    expect((await titles(section)).some((t) => / — (Food|Health|Fuel)$/.test(t))).toBe(true);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    expectCleanPage(page);
  });
});
