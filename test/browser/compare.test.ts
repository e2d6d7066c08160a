/**
 * Sources compared (/compare) in a real Chromium: the demo's two sources on one chart, their
 * difference, the largest disagreements in a table and each source's method; the choices live in
 * the URL (a reload of the permalink shows the same), the charts embed, the page is axe-clean and
 * asks no other host.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { englishMessages, pageTexts } from './english-left.ts';
import { expectCleanPage, READY_TIMEOUT, setUpBrowser, waitForReady } from './harness.ts';

const browser = setUpBrowser();

const chart = (page: Page, id: string) => page.locator(`section[data-chart="${id}"]`);

/** Marks Recharts drew in a chart: lines, bars, dense bars. */
const marks = (page: Page, id: string) =>
  chart(page, id)
    .locator('svg .recharts-curve, svg .recharts-rectangle, svg [data-dense-bars] path')
    .count();

async function openCompare(path = '/compare'): Promise<Page> {
  const page = await browser.openApp(path, {
    baseUrl: inject('demoUrl'),
    viewport: { width: 1200, height: 900 },
    beforeNavigate: (p) => p.emulateMedia({ reducedMotion: 'reduce' }),
  });
  if (path.startsWith('/compare') && !path.includes('lang='))
    await page.getByRole('heading', { level: 1, name: 'Sources compared' }).waitFor();
  return page;
}

async function chartsReady(page: Page): Promise<void> {
  for (const id of ['compare-series', 'compare-difference', 'compare-disagreements'])
    await waitForReady(page, chart(page, id));
}

describe('Sources compared', () => {
  it(
    'shows both sources, their difference, the largest disagreements and their methods',
    { timeout: 120_000 },
    async () => {
      const page = await openCompare();
      await chartsReady(page);
      for (const id of ['compare-series', 'compare-difference', 'compare-disagreements'])
        await expect.poll(() => marks(page, id), { timeout: READY_TIMEOUT }).toBeGreaterThan(0);

      // Two lines, one per source, named in the legend: never one averaged line.
      const series = chart(page, 'compare-series');
      expect(await series.locator('svg .recharts-line').count()).toBe(2);
      // Pauses and cease-fire phases may add bands to the legend; the sources are both in it.
      const legend = await series.locator('.chart-legend li').allTextContents();
      const names = await page
        .getByRole('region', { name: 'How each source counts' })
        .locator('article h3')
        .allTextContents();
      expect(names).toHaveLength(2);
      for (const name of names) expect(legend).toContain(name);
      expect(await series.locator('.panel__subtitle').textContent()).toMatch(
        /never averaged, never added up/,
      );

      // The disagreements table is shown, largest first, and says what one source lacks.
      const table = chart(page, 'compare-disagreements').locator('table');
      await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(5);
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
        );
      const disagree = rows.filter((cells) => cells[5] === 'They disagree');
      // Sizes only (trucks are whole): the sign says which source counts more.
      expect(disagree.length).toBeGreaterThan(0);
      const sizes = disagree.map((cells) => Number(cells[3]!.replace(/\D/g, '')));
      expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
      expect(rows.some((cells) => /^Missing from /.test(cells[5] ?? ''))).toBe(true);

      // Each source's method, in its own words, or the words that it states none.
      const methods = page.getByRole('region', { name: 'How each source counts' });
      const articles = methods.locator('article');
      expect(await articles.count()).toBe(2);
      for (const text of await articles.allTextContents()) expect(text.length).toBeGreaterThan(10);

      // No axe violations on the page with its charts drawn.
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
      expectCleanPage(page);
    },
  );

  it(
    'keeps the choices in the URL: a reload of the permalink compares the same thing',
    { timeout: 120_000 },
    async () => {
      const page = await openCompare();
      await chartsReady(page);
      const crossing = page.getByLabel('Crossing', { exact: true });
      const options = await crossing.locator('option').allTextContents();
      await crossing.selectOption({ label: options[1]! });
      await page.getByLabel('Second chart shows').selectOption('ratio');
      await expect.poll(() => new URL(page.url()).searchParams.get('compare.show')).toBe('ratio');
      const chosen = new URL(page.url()).searchParams.get('compare.crossing');
      expect(chosen).toBeTruthy();
      await chartsReady(page);
      const subtitle = await chart(page, 'compare-difference')
        .locator('.panel__subtitle')
        .textContent();
      expect(subtitle).toContain(options[1]!);
      expect(subtitle).toMatch(/divided by/);

      // The same two sources chosen twice: said in words, nothing drawn.
      const url = page.url();
      await page.goto(url);
      await chartsReady(page);
      expect(await page.getByLabel('Crossing', { exact: true }).inputValue()).toBe(chosen);
      expect(
        await chart(page, 'compare-difference').locator('.panel__subtitle').textContent(),
      ).toBe(subtitle);
      const first = await page.getByLabel('First source').inputValue();
      await page.getByLabel('Second source').selectOption(first);
      await page.getByText('Choose two different sources to compare.').waitFor();
      expect(await page.locator('section[data-chart]').count()).toBe(0);
      expectCleanPage(page);
    },
  );

  it(
    'compares trucks waiting for collection, where stage and commodity do not apply',
    { timeout: 120_000 },
    async () => {
      const page = await openCompare('/compare?range=30d');
      await chartsReady(page);
      await page.getByLabel('What is counted').selectOption('waiting');
      await expect
        .poll(() => new URL(page.url()).searchParams.get('compare.count'))
        .toBe('waiting');
      expect(await page.getByLabel('Stage').isDisabled()).toBe(true);
      expect(await page.getByLabel('Commodity').isDisabled()).toBe(true);
      await chart(page, 'compare-series')
        .getByText(/^Trucks waiting for collection · All crossings: trucks at the end of each day/)
        .waitFor({ timeout: READY_TIMEOUT });
      await chartsReady(page);
      await expect
        .poll(() => marks(page, 'compare-series'), { timeout: READY_TIMEOUT })
        .toBeGreaterThan(0);
      expectCleanPage(page);
    },
  );

  it.each(['ar', 'he'] as const)(
    'reads right to left in %s, with no English interface text left',
    { timeout: 120_000 },
    async (lang) => {
      const page = await openCompare(`/compare?lang=${lang}`);
      await page.locator('h1.page-title').waitFor();
      await chartsReady(page);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      const english = new Set(englishMessages(lang));
      const left = (await pageTexts(page)).filter((text) => english.has(text));
      expect(left, 'English interface text on the page').toEqual([]);
      expectCleanPage(page);
    },
  );

  it('embeds one chart of the page with the same choices', { timeout: 60_000 }, async () => {
    const page = await openCompare(
      '/embed/compare-series?compare.stage=entered&compare.commodity=food',
    );
    await waitForReady(page, chart(page, 'compare-series'));
    expect(await page.locator('section[data-chart]').count()).toBe(1);
    expect(await chart(page, 'compare-series').locator('.panel__subtitle').textContent()).toMatch(
      /Food/,
    );
    await expect.poll(() => marks(page, 'compare-series')).toBeGreaterThan(0);
    expectCleanPage(page);
  });
});
