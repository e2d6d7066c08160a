/**
 * Chart options live in the URL: aid flow set to "tonnes by crossing", its copied link and its
 * copied embed code both open the same chart (subtitle, legend, table columns, controls).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectCleanPage, openTable, setUpBrowser, showChart, waitForReady } from './harness.ts';

const browser = setUpBrowser();

const open = (path: string): Promise<Page> =>
  browser.openApp(path, {
    baseUrl: inject('demoUrl'),
    beforeNavigate: (page) => page.emulateMedia({ reducedMotion: 'reduce' }),
  });

/** What a reader sees of the chart: its words, legend, table columns and chosen options. */
async function fingerprint(section: Locator) {
  await section.locator('svg.recharts-surface').first().waitFor({ timeout: 30_000 });
  return {
    subtitle: await section.locator('.panel__subtitle').textContent(),
    legend: await section.locator('.chart-legend__item').allTextContents(),
    columns: await openTable(section).then(() =>
      section.locator('.chart__table thead th').allTextContents(),
    ),
    checked: await section
      .locator('input:checked')
      .evaluateAll((all) => all.map((i) => i.parentElement?.textContent ?? '')),
  };
}

const pathOf = (href: string) => {
  const url = new URL(href);
  return `${url.pathname}${url.search}${url.hash}`;
};

describe('Chart options in links', () => {
  it(
    'tonnes by crossing: the copied link and embed code open the same chart',
    { timeout: 180_000 },
    async () => {
      const page = await open('/?range=90d');
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      const section = await showChart(page, 'aid-flow');
      await section.getByRole('radio', { name: 'crossing' }).check();
      await section.getByRole('radio', { name: 'Tonnes' }).check();
      await section
        .getByText(/tonnes per day by crossing/)
        .first()
        .waitFor();
      const shown = await fingerprint(section);
      expect(shown.subtitle).toMatch(/tonnes per day by crossing/);
      expect(shown.legend).toContain('Kerem Shalom');
      expect(shown.checked).toEqual(expect.arrayContaining(['crossing', 'Tonnes']));

      const menu = section.locator('details.export-menu').last();
      await menu.locator('summary').click();
      await menu.getByRole('button', { name: 'Copy link', exact: true }).click();
      await menu.getByRole('status').getByText('Link copied').waitFor();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      await menu.getByRole('button', { name: 'Copy embed code', exact: true }).click();
      await menu.getByRole('status').getByText('Embed code copied').waitFor();
      const code = await page.evaluate(() => navigator.clipboard.readText());
      const src = /<iframe src="([^"]+)"/.exec(code)?.[1]?.replace(/&amp;/g, '&');
      expect(src).toBeDefined();
      for (const href of [link, src!]) {
        const params = new URL(href).searchParams;
        expect(params.get('aid.stack')).toBe('crossing');
        expect(params.get('aid.measure')).toBe('tonnes');
        expect(params.get('v')).toBe('2');
      }

      const linked = await open(pathOf(link));
      expect(await fingerprint(await showChart(linked, 'aid-flow'))).toEqual(shown);
      const embedded = await open(pathOf(src!));
      const alone = embedded.locator('section[data-chart="aid-flow"]');
      await waitForReady(embedded, alone);
      expect(await embedded.locator('section[data-chart]').count()).toBe(1);
      expect(await fingerprint(alone)).toEqual(shown);
      for (const p of [page, linked, embedded]) expectCleanPage(p);
    },
  );
});
