/**
 * Files as people save them, dropped on /data and read by the worker in a real Chromium
 * (issue 10, item 1): Excel's “Unicode Text” (UTF-16 LE with BOM, tabs, CRLF) with a title row
 * beginning with `#` and a line break inside a quoted cell; and a workbook dropped by mistake.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectCleanPage, setUpBrowser } from './harness.ts';

const browser = setUpBrowser();

function sourcesSection(page: Page) {
  return page.getByRole('region', { name: 'Sources', exact: true });
}

async function drop(page: Page, bytes: number[], name: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ bytes, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name));
      return transfer;
    },
    { bytes, name },
  );
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
}

function utf16le(text: string): number[] {
  const out = [0xff, 0xfe];
  for (let i = 0; i < text.length; i++)
    out.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
  return out;
}

describe('messy files dropped on the page', () => {
  it('reads Excel “Unicode Text” (UTF-16) with a # title row, mixed line ends and a line break in a cell', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const lines = [
      '#GazaAid weekly figures',
      'Date\tCrossing\tTrucks\tNote',
      '#date\t#loc+name\t#indicator+num+trucks\t#meta+note',
      `${today}\tKerem Shalom\t12\t"held\r\nat the gate"`,
      `${today}\tكرم أبو سالم\t3\tok`,
      `${today}\tRafah\t4\tok`,
      `${today}\tErez\t5\tok`,
    ];
    const text = lines.map((l, i) => l + (i % 2 ? '\n' : '\r\n')).join('');
    const page = await browser.openApp('/data', { baseUrl: inject('demoUrl') });
    await sourcesSection(page).waitFor();
    await drop(page, utf16le(text), 'unicode-text.txt');
    const item = sourcesSection(page).locator('li[data-source="file-unicode-text"]');
    await item
      .getByTestId('source-rows')
      .getByText('4 read: 4 accepted, 0 rejected')
      .waitFor({ timeout: 20_000 });
    expectCleanPage(page);
  });

  it('names a workbook dropped by mistake and says how to save it as CSV UTF-8', async () => {
    const page = await browser.openApp('/data', { baseUrl: inject('demoUrl') });
    await sourcesSection(page).waitFor();
    await drop(page, [0x50, 0x4b, 0x03, 0x04, ...new Array<number>(60).fill(0)], 'figures.xlsx');
    const alert = sourcesSection(page).locator('li[data-source="file-figures"]').getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toMatch(/figures\.xlsx: is an Excel workbook.*CSV UTF-8/);
    expectCleanPage(page);
  });

  it('in Arabic, the Data issues page says in Arabic why each bad row of a sheet was rejected', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const text = [
      'Date,Crossing,Trucks',
      '#date,#loc+name,#indicator+num+trucks',
      `${today},Kerem Shalom,12`,
      '2025-02-30,Rafah,4',
      `${today},Rafah,-3`,
      `${today},Rafah,"12,5 km"`,
    ].join('\n');
    const page = await browser.openApp('/data?lang=ar', { baseUrl: inject('demoUrl') });
    const sources = page.getByRole('region', { name: 'المصادر', exact: true });
    await sources.waitFor();
    await drop(page, [...new TextEncoder().encode(text)], 'bad-rows.csv');
    const rows = sources.locator('li[data-source="file-bad-rows"]').getByTestId('source-rows');
    await expect
      .poll(async () => (await rows.textContent())?.replace(/[\u2066-\u2069]/g, ''), {
        timeout: 20_000,
      })
      .toBe('قُرئ 4: قُبل 1 ورُفض 3');
    const issues = page.getByRole('region', { name: 'مشكلات البيانات', exact: true });
    const body = issues.locator('tbody');
    await body.getByText('ليس تاريخاً موجوداً في التقويم').waitFor();
    const shown = (await body.textContent()) ?? '';
    expect(shown).toContain('«\u20682025-02-30\u2069» ليس تاريخاً موجوداً في التقويم');
    expect(shown).toContain('يجب ألا يكون سالباً');
    expect(shown).toContain('الوحدة «\u2068km\u2069» ليست من الوحدات المقبولة');
    expect(shown).not.toMatch(/is not a real date|must not be negative|is not one of/);
    // An Arabic reader finds a row by the Arabic words of its reason.
    await issues.getByRole('searchbox').fill('سالباً');
    await expect.poll(() => body.locator('tr').count()).toBe(1);
    expect(await body.locator('tr').textContent()).toContain('يجب ألا يكون سالباً');
    expectCleanPage(page);
  });
});
