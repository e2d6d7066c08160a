/**
 * A crossing's page in a real Chromium with the demo source: the status timeline with both
 * sources, the trucks chart drawn, the reports table, axe clean, its chart embedded alone and
 * exported, reached from the board with the reader's query kept, and an unknown id said as text.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { englishMessages, pageTexts } from './english-left.ts';
import {
  READY_TIMEOUT,
  crossingsSection,
  expectCleanPage,
  setUpBrowser,
  waitForReady,
} from './harness.ts';

const browser = setUpBrowser();

const open = (path: string) =>
  browser.openApp(path, {
    baseUrl: inject('demoUrl'),
    beforeNavigate: (page) => page.emulateMedia({ reducedMotion: 'reduce' }),
  });

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Every section of the page has settled (ready or saying it has nothing), none loading. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const states = [...document.querySelectorAll('section[data-state]')].map((s) =>
        s.getAttribute('data-state'),
      );
      return states.length >= 8 && states.every((s) => s !== 'loading');
    },
    undefined,
    { timeout: READY_TIMEOUT },
  );
}

/** The marks a chart drew: spans and symbols of the timeline, lines and bars of time charts. */
const marks = (page: Page, chart: string) =>
  page
    .locator(`section[data-chart="${chart}"]`)
    .evaluate(
      (s) =>
        s.querySelectorAll(
          'svg .recharts-reference-area-rect, svg .recharts-symbols, svg .recharts-curve, svg .recharts-rectangle',
        ).length,
    );

describe('Crossing page', () => {
  it('shows Kerem Shalom: status per source over time, trucks, reports; axe finds nothing', async () => {
    const page = await open('/crossings/kerem-shalom');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), {
        timeout: READY_TIMEOUT,
      })
      .toBe('Kerem Shalom');
    await expect(
      page
        .getByText(/Also called/)
        .first()
        .textContent(),
    ).resolves.toMatch(/Karem Abu Salem/);

    const history = region(page, 'Status history by source');
    await waitForReady(page, history);
    // One lane per source (and level): both publishers are on the timeline's axis.
    await expect.poll(() => marks(page, 'crossing-status-history')).toBeGreaterThan(2);
    const axis = await history.locator('svg.recharts-surface').textContent();
    expect(axis).toMatch(/Border Authority/);
    expect(axis).toMatch(/UN Monitoring/);
    // Its table alternative: a column per lane and a verdict per day.
    await history.getByText('Show as table').click();
    // The table is drawn after the click: read its header once it is there (under load, an
    // immediate read found none and failed CI).
    const headers = () => history.locator('table th[scope="col"]').allTextContents();
    await expect
      .poll(async () => (await headers()).some((h) => h.startsWith('Border Authority')), {
        timeout: READY_TIMEOUT,
      })
      .toBe(true);
    expect((await headers()).some((h) => h.startsWith('UN Monitoring'))).toBe(true);

    const trucks = region(page, 'Trucks by stage and source');
    await waitForReady(page, trucks);
    await expect.poll(() => marks(page, 'crossing-trucks'), { timeout: 10_000 }).toBeGreaterThan(0);
    const legend = await trucks.locator('.chart-legend').textContent();
    expect(legend).toMatch(/Entered — Border Authority/);
    expect(legend).toMatch(/Entered — UN Monitoring/);

    // The gaps between stages, per source: waiting (a stock) as lines, intercepted as bars.
    const gaps = region(page, 'Trucks waiting and intercepted');
    await waitForReady(page, gaps);
    await expect.poll(() => marks(page, 'crossing-gaps'), { timeout: 10_000 }).toBeGreaterThan(0);
    const gapLegend = await gaps.locator('.chart-legend').textContent();
    expect(gapLegend).toMatch(/Waiting for collection — Border Authority/);
    expect(gapLegend).toMatch(/Waiting for collection — UN Monitoring/);
    expect(gapLegend).toMatch(/Intercepted on the route/);

    const reports = region(page, 'Latest reports');
    await waitForReady(page, reports);
    const rows = reports.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.count()).toBeLessThanOrEqual(15);
    const firstRow = await rows.first().textContent();
    expect(firstRow).toMatch(/Border Authority|UN Monitoring/);

    await settled(page);
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.flatMap((v) =>
        v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`),
      ),
    ).toEqual([]);
    expectCleanPage(page);
  });

  it('is reached from the board with the reader’s period and filters kept', async () => {
    const page = await open('/?range=90d&verification=verified,reported');
    const board = crossingsSection(page);
    await waitForReady(page, board);
    await board.getByRole('link', { name: 'Crossing page: Kerem Shalom' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kerem Shalom' }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/crossings/kerem-shalom');
    expect(url.searchParams.get('range')).toBe('90d');
    expect(url.searchParams.get('verification')).toBe('verified,reported');
    // The page follows them: its charts span 90 days, and say which levels they show.
    const trucks = region(page, 'Trucks by stage and source');
    await waitForReady(page, trucks);
    expect(await page.getByRole('radio', { name: '90 days' }).isChecked()).toBe(true);
    // Back to the overview, with the same query.
    await page.getByRole('link', { name: /All crossings/ }).click();
    await waitForReady(page, crossingsSection(page));
    expect(new URL(page.url()).search).toBe('?range=90d&verification=verified,reported');
    expectCleanPage(page);
  });

  it('speaks Arabic and Hebrew whole, right to left', async () => {
    for (const lang of ['ar', 'he'] as const) {
      const page = await open(`/crossings/kerem-shalom?lang=${lang}`);
      await page.locator('[data-chart="crossing-trucks"][data-state="ready"]').waitFor({
        timeout: READY_TIMEOUT,
      });
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      const english = new Set(englishMessages(lang));
      const left = (await pageTexts(page)).filter((text) => english.has(text));
      expect(left, `English left on the ${lang} page`).toEqual([]);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        lang === 'ar' ? 'كرم أبو سالم' : 'כרם שלום',
      );
      expectCleanPage(page);
    }
  });

  it('lists the events that name a crossing, each with its kind, dates and source', async () => {
    const page = await open('/crossings/erez?range=all');
    const events = region(page, 'Events at this crossing');
    await waitForReady(page, events);
    const rows = events.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const first = (await rows.first().textContent()) ?? '';
    expect(first).toMatch(/Erez/);
    expect(first).toMatch(/Incident|Closure|Agreement|Pause|Cease-fire phase|Monitored exchange/);
    expect(first).toMatch(/Border Authority|UN Monitoring/);
    expectCleanPage(page);
  });

  it('works the same from the real API server (no mock in the page)', async () => {
    const page = await browser.openApp('/crossings/kerem-shalom', { baseUrl: inject('apiUrl') });
    for (const name of [
      'Status history by source',
      'Trucks by stage and source',
      'Trucks waiting and intercepted',
      'Latest reports',
    ])
      await waitForReady(page, region(page, name));
    expectCleanPage(page);
  });

  it('says an unknown crossing in words, never as markup', async () => {
    const page = await open(`/crossings/${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: READY_TIMEOUT });
    expect(await alert.textContent()).toContain(
      'No crossing with the id “<img src=x onerror=alert(1)>”',
    );
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Kerem Shalom' }).getAttribute('href')).toBe(
      '/crossings/kerem-shalom',
    );
    expectCleanPage(page);
  });

  it('embeds its trucks chart alone, and exports it with a link back to the page', async () => {
    const page = await open('/embed/crossing/kerem-shalom/crossing-trucks?range=30d');
    const trucks = region(page, 'Trucks by stage and source');
    await waitForReady(page, trucks);
    await expect.poll(() => marks(page, 'crossing-trucks'), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('section[data-chart]').count()).toBe(1);
    const link = await trucks.getByRole('link', { name: /Access Monitor/ }).getAttribute('href');
    expect(new URL(link!).pathname).toBe('/crossings/kerem-shalom');
    const svg = await page.evaluate(async () => {
      const result = await window.__accessMonitorExport!('crossing-trucks', 'svg');
      return { name: result.filename, text: await result.blob.text() };
    });
    expect(svg.name).toMatch(/^crossing-trucks_/);
    expect(svg.text).toContain('Kerem Shalom');
    expect(svg.text).toContain('/crossings/kerem-shalom');
    const csv = await page.evaluate(async () => {
      const result = await window.__accessMonitorExport!('crossing-trucks', 'csv');
      return result.blob.text();
    });
    expect(csv).toMatch(/Entered — UN Monitoring Mechanism \(synthetic\)/);
    expectCleanPage(page);
  });
});
