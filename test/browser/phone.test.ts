/**
 * Phone-first crossing check (issue 13 item 5): on a 360 × 640 phone, in English, Arabic and
 * Hebrew, the first screen answers for every crossing "open or not, since when, trucks on the
 * last reported day per source" with no sideways scrolling, and the details open on a tap or
 * from the keyboard. With Save-Data or a 2G connection the map and the charts load only when
 * asked for.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { englishMessages, pageTexts } from './english-left.ts';
import {
  crossingsSection,
  expectCleanPage,
  phoneRows,
  READY_TIMEOUT,
  setUpBrowser,
  waitForReady,
} from './harness.ts';

const browser = setUpBrowser();
const PHONE = { width: 360, height: 640 };

const CASES = [
  {
    lang: 'en',
    dir: 'ltr',
    board: 'Crossings',
    status: ['Open', 'Restricted', 'Closed', 'Unknown'],
    script: /\p{Script=Latin}/u,
    since: /^since /,
  },
  {
    lang: 'ar',
    dir: 'rtl',
    board: 'المعابر',
    status: ['مفتوح', 'مقيّد', 'مغلق', 'غير معروف'],
    script: /\p{Script=Arabic}/u,
    since: /^منذ /,
  },
  {
    lang: 'he',
    dir: 'rtl',
    board: 'מעברים',
    status: ['פתוח', 'מוגבל', 'סגור', 'לא ידוע'],
    script: /\p{Script=Hebrew}/u,
    since: /^מאז /,
  },
] as const;

/** The crossings the demo source lists, asked of the page's own API (the mock in the demo). */
const crossingCount = (page: Page) =>
  page.evaluate(async () => {
    const answer = (await (await fetch('/api/v1/theatre')).json()) as {
      data: { crossings: unknown[] };
    };
    return answer.data.crossings.length;
  });

/** The bottom of what the reader sees: the viewport, less the fixed synthetic-data notice. */
const visibleBottom = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelector('.synthetic-notice')?.getBoundingClientRect().top ??
      window.innerHeight,
  );

describe('The phone first screen', () => {
  it.each(CASES)('/?lang=$lang answers every crossing within 360 × 640', async (c) => {
    const page = await browser.openApp(`/?lang=${c.lang}`, {
      baseUrl: inject('demoUrl'),
      viewport: PHONE,
    });
    const section = page.getByRole('region', { name: c.board, exact: true });
    await waitForReady(page, section);

    const html = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
      scrollY: window.scrollY,
    }));
    expect(html).toMatchObject({ lang: c.lang, dir: c.dir, scrollY: 0 });
    expect(html.scrollWidth, 'page width at 360 px').toBeLessThanOrEqual(html.innerWidth);

    const rows = await phoneRows(section);
    expect(rows.length, 'every crossing of the source').toBe(await crossingCount(page));
    expect(rows.length).toBeGreaterThanOrEqual(7);
    const bottom = await visibleBottom(page);
    for (const row of rows) {
      expect(row.bottom, `${row.name} inside the first screen`).toBeLessThanOrEqual(bottom);
      expect(c.status, `status word of ${row.name}`).toContain(row.status as never);
      expect(row.name, `name of ${row.id} in ${c.lang}`).toMatch(c.script);
      expect(row.figures.length, `figures of ${row.name}`).toBeGreaterThanOrEqual(2);
      for (const figure of row.figures)
        expect(figure, `a count and its day, or a dash (${row.name})`).toMatch(/^(\d+\D|—)/);
    }
    // "Since when" on every crossing whose status has a report.
    const since = await section.locator('.phone-answer__since').allInnerTexts();
    expect(since.length).toBeGreaterThan(0);
    for (const text of since) expect(text).toMatch(c.since);
    // The names are isolated for bidi.
    expect(await section.locator('tbody[data-crossing] button bdi').count()).toBe(rows.length);

    if (c.lang !== 'en') {
      const english = new Set(englishMessages(c.lang));
      const left = (await pageTexts(page)).filter((text) => english.has(text));
      expect(left, 'English interface text on the page').toEqual([]);
    }
    expectCleanPage(page);
  });

  it('opens a crossing’s details on a tap anywhere on its row, and from the keyboard', async () => {
    const page = await browser.openApp('/', { baseUrl: inject('demoUrl'), viewport: PHONE });
    const section = crossingsSection(page);
    await waitForReady(page, section);
    const rafah = section.locator('tbody[data-crossing="rafah"]');
    const button = rafah.getByRole('button', { name: 'Rafah', exact: true });
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    // A tap on the figures, not on the name, opens it too (the name's button covers its rows).
    const box = (await rafah.locator('tr.phone-answer__figures td').last().boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const details = page.locator(`#${await button.getAttribute('aria-controls')}`);
    await details.getByText('Status reports, last 7 days').waitFor();
    await details.getByText('Last 7 days', { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('crossing')).toBe('rafah');
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(width, 'open details fit the width').toBeLessThanOrEqual(PHONE.width);

    // Keyboard: Space closes, Enter opens again.
    await button.focus();
    await page.keyboard.press('Space');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await details.count()).toBe(0);
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expectCleanPage(page);
  });

  it('folds the language and source pickers, still labelled, and puts the filters after the answer', async () => {
    const page = await browser.openApp('/', { baseUrl: inject('demoUrl'), viewport: PHONE });
    await waitForReady(page, crossingsSection(page));
    const language = page.getByRole('combobox', { name: 'Language' });
    expect(await language.isVisible()).toBe(false);
    await page.locator('.app-header__settings > summary').click();
    expect(await language.isVisible()).toBe(true);
    await language.selectOption('ar');
    await waitForReady(page, page.getByRole('region', { name: 'المعابر', exact: true }));

    const order = await page.evaluate(() => {
      const board = document.querySelector('section.crossings-board')!;
      const filters = document.querySelector('section.filter-bar')!;
      return board.compareDocumentPosition(filters) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order, 'filters after the crossings').toBeTruthy();
    expect(await page.locator('section.filter-bar > details').getAttribute('open')).toBeNull();
    expectCleanPage(page);
  });

  it('at 320 px the answer and its open details still do not scroll sideways', async () => {
    const page = await browser.openApp('/?crossing=kerem-shalom', {
      baseUrl: inject('demoUrl'),
      viewport: { width: 320, height: 640 },
    });
    await waitForReady(page, crossingsSection(page));
    await page.locator('.phone-answer__details').waitFor();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    expectCleanPage(page);
  });

  it('on a wide screen the board stays the full table', async () => {
    const page = await browser.openApp('/', {
      baseUrl: inject('demoUrl'),
      viewport: { width: 1280, height: 800 },
    });
    const section = crossingsSection(page);
    await waitForReady(page, section);
    expect(await section.locator('.phone-answer').count()).toBe(0);
    expect(await section.locator('th[scope="row"]').count()).toBeGreaterThanOrEqual(7);
    expectCleanPage(page);
  });
});

/** navigator.connection as a browser with the data saver on (or on 2G) reports it. */
const CONNECTIONS = [
  { label: 'Save-Data', connection: { saveData: true, effectiveType: '4g' } },
  { label: '2G', connection: { saveData: false, effectiveType: '2g' } },
] as const;

describe('Saving data', () => {
  it.each(CONNECTIONS)(
    'with $label the map and the charts load only when asked for',
    async ({ connection }) => {
      const heavy: string[] = [];
      const page = await browser.openApp('/', {
        baseUrl: inject('demoUrl'),
        viewport: PHONE,
        beforeNavigate: async (page) => {
          page.on('request', (r) => {
            if (/\/assets\/(maplibre|recharts)/.test(r.url())) heavy.push(r.url());
          });
          await page.addInitScript((c) => {
            const fake = Object.assign(new EventTarget(), c);
            Object.defineProperty(Navigator.prototype, 'connection', { get: () => fake });
          }, connection);
        },
      });
      await waitForReady(page, crossingsSection(page));
      await page.getByText('Data saver or a slow connection').waitFor();

      // Scroll through the whole page: nothing heavy comes by itself.
      for (let y = 0; y < 6000; y += 500) {
        await page.mouse.wheel(0, 500);
        await page.waitForTimeout(100);
      }
      await page.waitForTimeout(500);
      expect(await page.locator('section[data-chart]').count()).toBe(0);
      expect(heavy).toEqual([]);

      const mapCode = page.waitForRequest(/\/assets\/maplibre/, { timeout: READY_TIMEOUT });
      await page.getByRole('button', { name: /^Load Map \(about 460 kB\)$/ }).click();
      await page.locator('section[data-chart="map"]').waitFor({ timeout: READY_TIMEOUT });
      await mapCode;

      const chartCode = page.waitForRequest(/\/assets\/recharts/, { timeout: READY_TIMEOUT });
      await page.getByRole('button', { name: /^Load Aid flow/ }).click();
      await waitForReady(page, page.locator('section[data-chart="aid-flow"]'));
      await chartCode;
      // The other charts still wait.
      expect(await page.locator('section[data-chart^="hospitals"]').count()).toBe(0);
      expectCleanPage(page);
    },
  );
});
