/**
 * The information manager's journey (issue 18, items 9–13): a spreadsheet of daily truck counts
 * dropped on /data, with Arabic and Hebrew place names, generic words, and four bad rows (an
 * unknown place, an impossible date, a negative count, a misspelt place).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectCleanPage, openTable, READY_TIMEOUT, setUpBrowser, showChart } from './harness.ts';

const browser = setUpBrowser();
const NAME = 'trucks-nov.csv';

function day(offset: number): string {
  return new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
}

/** Days (before today) the dated bad rows are about: inside the overview's 30 days. */
const BAD_DAYS = [5, 10, 15];

/** 56 good daily rows named every way people write them, and 4 bad ones: 60 rows read. */
function sheet(): string {
  const names = [
    'Kerem Shalom',
    'رفح',
    'معبر كرم أبو سالم',
    'Kerem Shalom crossing',
    'the Kissufim gate',
    'מעבר כרם שלום',
    'Rafah',
  ];
  const rows = ['Date,Crossing,Trucks', '#date,#loc+name,#indicator+num+trucks'];
  for (let i = 0; i < 56; i++)
    rows.push(`${day(57 - i)},${names[i % names.length]},${40 + (i % 9)}`);
  rows.push(`${day(BAD_DAYS[0]!)},Atlantis,12`);
  rows.push('2026-02-30,Rafah,30');
  rows.push(`${day(BAD_DAYS[1]!)},Rafah,-3`);
  rows.push(`${day(BAD_DAYS[2]!)},Kisufim,25`);
  return rows.join('\n');
}

async function pick(page: Page) {
  await page.locator('input[type="file"]').setInputFiles({
    name: NAME,
    mimeType: 'text/csv',
    buffer: Buffer.from(sheet(), 'utf8'),
  });
}

const plain = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/g, '');

async function openData(path = '/data'): Promise<Page> {
  const page = await browser.openApp(path, { baseUrl: inject('demoUrl') });
  await page.getByTestId('drop-zone').waitFor();
  return page;
}

const card = (page: Page) => page.locator('li[data-source="file-trucks-nov"]');

/** Waits until the file is read (the row counts every version of the card shows). */
async function waitForRead(page: Page, text = '60 read: 56 accepted, 4 rejected') {
  await expect
    .poll(async () => plain(await card(page).getByTestId('source-rows').textContent()), {
      timeout: READY_TIMEOUT,
    })
    .toBe(text);
}

/** Words of a header laid out on more than one line: a header broken mid-word. */
function brokenHeaderWords(page: Page): Promise<string[]> {
  return page.locator('.issues-table th').evaluateAll((ths) =>
    ths.flatMap((th) => {
      const broken: string[] = [];
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(match[0]);
        }
      }
      return broken;
    }),
  );
}

describe('a spreadsheet of daily truck counts dropped on /data', () => {
  it('item 9: matches names in any language without generic words, suggests Kissufim, and lists the known names', async () => {
    const words = {
      en: {
        issues: 'Data issues',
        guess: 'did you mean “Kissufim”?',
        read: '60 read: 56 accepted, 4 rejected',
      },
      ar: {
        issues: 'مشكلات البيانات',
        guess: 'هل تقصد «Kissufim»؟',
        read: 'قُرئ 60: قُبل 56 ورُفض 4',
      },
      he: {
        issues: 'בעיות בנתונים',
        guess: 'האם התכוונת ל-„Kissufim”?',
        read: 'נקראו 60: 56 התקבלו, 4 נדחו',
      },
    };
    for (const [lang, w] of Object.entries(words)) {
      const page = await openData(`/data?lang=${lang}`);
      await pick(page);
      await waitForRead(page, w.read);
      const issues = page.getByRole('region', { name: w.issues, exact: true });
      const body = issues.locator('tbody').first();
      await expect.poll(() => body.locator('tr').count()).toBe(4);
      const shown = plain(await body.textContent());
      // Only the four bad rows: رفح, معبر كرم أبو سالم, "Kerem Shalom crossing", "the Kissufim
      // gate" and מעבר כרם שלום were all matched.
      expect(shown).toContain(w.guess);
      expect(shown).toContain('Atlantis');
      for (const name of ['رفح', 'معبر كرم أبو سالم', 'Kerem Shalom crossing', 'מעבר כרם שלום'])
        expect(shown).not.toContain(name);
      // The places the file may name, in English, Arabic and Hebrew, with aliases.
      const known = issues.getByTestId('known-places');
      await known.waitFor();
      const list = plain(await known.textContent());
      for (const name of [
        'Kerem Shalom',
        'كرم أبو سالم',
        'כרם שלום',
        'Karem Abu Salem',
        'كيسوفيم',
        'רפיח',
      ])
        expect(list).toContain(name);
      expect(await known.locator('bdi[lang="ar"]').count()).toBeGreaterThan(3);
      if (lang === 'en') {
        // The page with a file read, its status, rejected rows and known names: no violations.
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' '))}`)).toEqual(
          [],
        );
      }
      expectCleanPage(page);
    }
  });

  it('item 10: the file in view is named in the header’s picker and above the overview, with a way back', async () => {
    const page = await openData();
    await pick(page);
    await waitForRead(page);
    await card(page)
      .getByRole('button', { name: `Show ${NAME} on the dashboard` })
      .click();
    await page.waitForURL((url) => url.pathname === '/');
    const picker = page.getByLabel('Data source');
    await expect
      .poll(async () => plain(await picker.locator('option:checked').textContent()))
      .toBe(`File: ${NAME}`);
    const banner = page.getByRole('note').filter({ hasText: 'Showing your file' });
    expect(plain(await banner.textContent())).toContain(
      `Showing your file ${NAME} — not published data.`,
    );
    await banner.getByRole('button', { name: 'Back to Demo scenario (synthetic)' }).click();
    await expect.poll(() => picker.inputValue()).toBe('demo');
    expect(await banner.count()).toBe(0);
    // And back to the file from the header, without a reload.
    await picker.selectOption('file-trucks-nov');
    await expect.poll(() => banner.count()).toBe(1);
    expectCleanPage(page);
  });

  it('item 11: a dropped file stays on this device across a reload, shown again, until removed', async () => {
    const page = await openData();
    await pick(page);
    await waitForRead(page);
    await expect
      .poll(async () => plain(await card(page).getByTestId('file-storage').textContent()))
      .toContain('Stored on this device — not uploaded');
    await card(page)
      .getByRole('button', { name: `Show ${NAME} on the dashboard` })
      .click();
    await page.waitForURL((url) => url.pathname === '/');
    // Back to the configured source in the header: the file is still there to switch back to.
    await page.getByLabel('Data source').selectOption('demo');
    await page.getByLabel('Data source').selectOption('file-trucks-nov');
    await page.getByRole('note').filter({ hasText: 'Showing your file' }).waitFor();
    // The choice is written to the device (a transaction of a few ms) before the reload.
    await page.waitForTimeout(500);

    await page.reload();
    const picker = page.getByLabel('Data source');
    await expect
      .poll(async () => plain(await picker.locator('option:checked').textContent()), {
        timeout: READY_TIMEOUT,
      })
      .toBe(`File: ${NAME}`);
    await page.goto(new URL('/data', page.url()).href);
    await waitForRead(page);
    // Its issues are listed again, read from the kept bytes.
    const issues = page.getByRole('region', { name: 'Data issues', exact: true });
    await expect.poll(() => issues.locator('tbody').first().locator('tr').count()).toBe(4);

    await card(page)
      .getByRole('button', { name: `Remove ${NAME} from this device` })
      .click();
    await expect.poll(() => card(page).count()).toBe(0);
    await page.waitForTimeout(500);
    await page.reload();
    await page.getByTestId('drop-zone').waitFor();
    await page.waitForTimeout(1000);
    expect(await card(page).count()).toBe(0);
    expectCleanPage(page);
  }, 120_000);

  it('item 12: days with rejected rows are marked incomplete on the aid-flow chart, its notes and its table', async () => {
    const page = await openData();
    await pick(page);
    await waitForRead(page);
    await card(page)
      .getByRole('button', { name: `Show ${NAME} on the dashboard` })
      .click();
    await page.waitForURL((url) => url.pathname === '/');
    const chart = await showChart(page, 'aid-flow');
    const text = plain(await chart.textContent());
    expect(text).toContain('3 days with rejected rows: figures incomplete (hatched).');
    expect(text).toContain('1 rejected row has no readable date and cannot be placed on a day.');
    expect(text).toContain('Day with rejected rows: figures incomplete');
    // The mark is drawn: hatched bands behind the bars (pattern, not colour alone).
    const hatched = chart.locator('.recharts-reference-area [fill^="url(#am-hatch-d55e00"]');
    await expect.poll(() => hatched.count(), { timeout: READY_TIMEOUT }).toBe(3);
    await openTable(chart);
    const table = chart.locator('details.chart__table table');
    const headers = await table.locator('thead th').allTextContents();
    const column = headers.indexOf('Rows rejected');
    expect(column).toBeGreaterThan(0);
    // Each row of a bucket holding a bad day says so in words (buckets: days or weeks).
    const marked = await table
      .locator('tbody tr')
      .evaluateAll(
        (rows, column) =>
          rows
            .filter((r) => (r.children[column]?.textContent ?? '').includes('rejected: incomplete'))
            .map((r) => r.firstElementChild?.textContent ?? ''),
        column,
      );
    expect(new Set(marked).size).toBeGreaterThanOrEqual(1);
    expect(new Set(marked).size).toBeLessThanOrEqual(3);
    expectCleanPage(page);
  });

  it('item 13: the read result is said where the file was dropped and on its card, and headers never break mid-word', async () => {
    const page = await openData();
    await pick(page);
    const status = page.getByTestId('drop-status');
    expect(await status.getAttribute('role')).toBe('status');
    await expect
      .poll(async () => plain(await status.textContent()), { timeout: READY_TIMEOUT })
      .toBe(`${NAME}: Read 60 rows: 56 accepted, 4 rejected.`);
    await waitForRead(page);
    expect(plain(await card(page).getByTestId('file-result').textContent())).toBe(
      'Read 60 rows: 56 accepted, 4 rejected',
    );
    expect(plain(await card(page).textContent())).not.toContain('Not tested');
    await page.getByRole('link', { name: 'Show the 4 rejected rows' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('data-issues-list');
    const issues = page.getByRole('region', { name: 'Data issues', exact: true });
    await expect.poll(() => issues.getByLabel('Source').inputValue()).toBe('file-trucks-nov');
    const scroll = page.getByRole('region', { name: 'Data issues table' });
    expect(await scroll.getAttribute('tabindex')).toBe('0');
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await page.waitForTimeout(200);
      expect(await brokenHeaderWords(page)).toEqual([]);
    }
    expectCleanPage(page);
  });

  it('item 13: in Arabic and Hebrew at 360 px, the issues table headers never break mid-word', async () => {
    for (const lang of ['ar', 'he']) {
      const page = await browser.openApp(`/data?lang=${lang}`, {
        baseUrl: inject('demoUrl'),
        viewport: { width: 360, height: 800 },
      });
      await page.getByTestId('drop-zone').waitFor();
      await pick(page);
      await page.locator('.issues-table th').first().waitFor({ timeout: READY_TIMEOUT });
      await expect.poll(() => page.locator('.issues-table tbody tr').count()).toBeGreaterThan(3);
      expect(await brokenHeaderWords(page)).toEqual([]);
      expectCleanPage(page);
    }
  });
});
