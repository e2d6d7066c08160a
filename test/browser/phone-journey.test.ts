/**
 * The logistics officer on a phone (issue 18, items 7 and 8): "is Kerem Shalom open, since
 * when, and do sources agree?". Every status shown names its source and the time of its report;
 * each source's trucks on its own last reported day stand side by side; a tap on a crossing
 * brings its details into view with the focus on their heading, and closing them gives the focus
 * back to the crossing.
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { crossingsSection, expectCleanPage, setUpBrowser, waitForReady } from './harness.ts';

const browser = setUpBrowser();
const PHONE = { width: 360, height: 640 };
const SHOTS = '/tmp/shots';

/** The bottom of what the reader sees: the viewport, less the fixed synthetic-data notice. */
const visibleBottom = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelector('.synthetic-notice')?.getBoundingClientRect().top ??
      window.innerHeight,
  );

/** What the focused element is: its tag and text. */
const focused = (page: Page) =>
  page.evaluate(() => ({
    tag: document.activeElement?.tagName ?? '',
    text: (document.activeElement?.textContent ?? '').replace(/[\u2066-\u2069]/g, '').trim(),
  }));

/** A crossing's rows as the first screen shows them, each status with what names it. */
function firstScreen(crossing: Locator) {
  return crossing.evaluate((group) => {
    const text = (el: Element | null | undefined) =>
      (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const headerText = (cell: Element, ids: string) =>
      ids
        .split(' ')
        .map((id) => text(document.getElementById(id)))
        .filter(Boolean);
    const statuses = [...group.querySelectorAll('tr.phone-answer__statuses td')].map((td) => ({
      headers: headerText(td, td.getAttribute('headers') ?? ''),
      word: text(td.querySelector('.status__word')),
      time: td.querySelector('time')?.getAttribute('datetime') ?? null,
      shown: text(td.querySelector('time')),
    }));
    const figures = [...group.querySelectorAll('tr.phone-answer__figures td')].map((td) => ({
      headers: headerText(td, td.getAttribute('headers') ?? ''),
      text: text(td),
    }));
    return {
      headline: text(group.querySelector('.phone-answer__head .status__word')),
      since: text(group.querySelector('.phone-answer__since')),
      statuses,
      figures,
    };
  });
}

/** The details' table: one row per source, its status and time, its trucks per stage. */
function sourceTable(details: Locator) {
  return details.locator('table.source-reports tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      // Without the isolation marks the translator puts around each parameter.
      const text = (el: Element | null | undefined) =>
        (el?.textContent ?? '')
          .replace(/[\u2066-\u2069]/g, '')
          .replace(/\s+/g, ' ')
          .trim();
      const cells = row.querySelectorAll('td');
      return {
        source: text(row.querySelector('th')),
        word: text(cells[0]?.querySelector('.status__word')),
        time: cells[0]?.querySelector('time')?.getAttribute('datetime') ?? null,
        when: text(cells[0]?.querySelector('time')),
        figures: [...(cells[1]?.querySelectorAll('li') ?? [])].map((li) => text(li)),
      };
    }),
  );
}

const CASES = [
  {
    lang: 'en',
    board: 'Crossings',
    name: 'Kerem Shalom',
    heading: 'Kerem Shalom: each source’s last report',
    relative: /^(today|yesterday), \d\d:\d\d$|\(\d+ days ago\)$/,
    close: 'Close',
  },
  {
    lang: 'ar',
    board: 'المعابر',
    name: 'كرم أبو سالم',
    heading: 'كرم أبو سالم: آخر بلاغ من كل مصدر',
    relative: /^(اليوم|أمس)، \d\d:\d\d$|\(.+\)$/,
    close: 'إغلاق',
  },
] as const;

describe('The officer’s question on a phone', () => {
  it.each(CASES)(
    '/?lang=$lang: Kerem Shalom’s statuses name their sources and times; a tap shows its details, focused',
    async (c) => {
      const page = await browser.openApp(`/?lang=${c.lang}`, {
        baseUrl: inject('demoUrl'),
        viewport: PHONE,
      });
      const section = page.getByRole('region', { name: c.board, exact: true });
      await waitForReady(page, section);
      const kerem = section.locator('tbody[data-crossing="kerem-shalom"]');
      const sources = await section.locator('thead th[scope="colgroup"]').allInnerTexts();
      expect(sources.length, 'sources named over their columns').toBeGreaterThanOrEqual(2);

      // First screen: each source's status sits under the source's name, with its time.
      const row = await firstScreen(kerem);
      expect(row.statuses.length).toBe(sources.length);
      for (const [i, status] of row.statuses.entries()) {
        expect(status.headers, `status ${i} is tied to its source`).toContain(sources[i]);
        if (!status.word) continue; // a dash: that source reported no status this week
        expect(status.time, `the time of ${sources[i]}'s status`).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect(status.shown).toMatch(/\d\d:\d\d/);
      }
      const named = row.statuses.filter((s) => s.word);
      expect(named.length, 'at least one source reported a status').toBeGreaterThan(0);
      // The status in force is one of the sources' own, shown with its source and time.
      expect(named.map((s) => s.word)).toContain(row.headline);
      // Each source's trucks on its last reported day, side by side under its name.
      for (const figure of row.figures) {
        expect(sources.some((s) => figure.headers.includes(s))).toBe(true);
        expect(figure.text).toMatch(/^(\d+\D|—)/);
      }
      const bottom = await visibleBottom(page);
      const rowBottom = await kerem.evaluate((g) =>
        Math.max(
          ...[...g.querySelectorAll(':scope > tr')].map((tr) => tr.getBoundingClientRect().bottom),
        ),
      );
      expect(rowBottom, 'Kerem Shalom whole on the first screen').toBeLessThanOrEqual(bottom);

      // A tap on the crossing: its details in view, the focus on their heading.
      const toggle = kerem.getByRole('button', { name: c.name, exact: true });
      const box = (await toggle.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const details = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
      const heading = details.locator('h3[tabindex="-1"]');
      await heading.waitFor();
      await expect.poll(() => focused(page)).toEqual({ tag: 'H3', text: c.heading });
      const headingBox = (await heading.boundingBox())!;
      expect(headingBox.y, 'heading below the top of the screen').toBeGreaterThanOrEqual(0);
      expect(headingBox.y + headingBox.height, 'heading above the notice').toBeLessThanOrEqual(
        await visibleBottom(page),
      );

      // In the details, every source: its status with its time (relative and absolute) and its
      // trucks on its own last reported day, never added up across sources.
      const table = await sourceTable(details);
      expect(table.map((r) => r.source).sort()).toEqual([...sources].sort());
      for (const r of table) {
        if (r.word) {
          expect(r.time, `${r.source}: the time of its status`).toMatch(/^\d{4}-\d\d-\d\dT/);
          expect(r.when, `${r.source}: when, relative and absolute`).toMatch(/\d\d:\d\d/);
          expect(r.when).toMatch(c.relative);
        }
        const underSource = row.figures
          .filter((f) => f.headers.includes(r.source) && !f.text.startsWith('—'))
          .map((f) => f.text);
        expect(r.figures.length, `${r.source}: one figure per stage it counted`).toBe(
          underSource.length,
        );
        for (const [i, figure] of r.figures.entries())
          // "Entered 51 • Nov 29": the stage, the count (as on the first screen) and its day.
          expect(figure.endsWith(underSource[i]!) || figure.includes(underSource[i]!)).toBe(true);
      }
      await details
        .getByRole('link', { name: new RegExp(c.name) })
        .first()
        .waitFor();
      const href = await details
        .locator('a[href*="/crossings/kerem-shalom"]')
        .first()
        .getAttribute('href');
      expect(href).toMatch(/\/crossings\/kerem-shalom/);

      // The board with its details open breaks no accessibility rule (headings, tables, names).
      const axe = await new AxeBuilder({ page }).include('section.crossings-board').analyze();
      expect(
        axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
      ).toEqual([]);

      if (c.lang === 'en') {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: `${SHOTS}/phone-kerem-shalom.png` });
      }

      // Close gives the focus back to the crossing.
      await details.getByRole('button', { name: c.close, exact: true }).click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => toggle.evaluate((el) => el === document.activeElement)).toBe(true);
      expectCleanPage(page);
    },
  );

  it('/?lang=ar: the last crossing’s details scroll into view, and Back returns to it', async () => {
    const page = await browser.openApp('/?lang=ar', {
      baseUrl: inject('demoUrl'),
      viewport: PHONE,
    });
    const section = page.getByRole('region', { name: 'المعابر', exact: true });
    await waitForReady(page, section);
    const last = section.locator('tbody[data-crossing]').last();
    const toggle = last.locator('button[aria-expanded]');
    await toggle.press('Enter');
    const details = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
    const heading = details.locator('h3[tabindex="-1"]');
    await heading.waitFor();
    await expect.poll(() => focused(page).then((f) => f.tag)).toBe('H3');
    const box = (await heading.boundingBox())!;
    const bottom = await visibleBottom(page);
    expect(box.y).toBeGreaterThanOrEqual(0);
    // Not just its heading at the very bottom: there is room for the details under it.
    expect(box.y + 3 * box.height).toBeLessThanOrEqual(bottom);
    // Its own crossing's name is still in sight above them.
    expect((await toggle.boundingBox())!.y).toBeGreaterThanOrEqual(0);

    await page.goBack();
    await details.waitFor({ state: 'detached' });
    await expect.poll(() => toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    expectCleanPage(page);
  });

  it('on a wide screen opened details already in sight do not move the page', async () => {
    const page = await browser.openApp('/', {
      baseUrl: inject('demoUrl'),
      viewport: { width: 1280, height: 800 },
    });
    const section = crossingsSection(page);
    await waitForReady(page, section);
    const toggle = section.getByRole('button', { name: 'Show Kerem Shalom details' });
    // Its row near the top: the details open in sight, under it.
    await toggle.evaluate((el) => el.closest('tr')!.scrollIntoView({ block: 'start' }));
    const before = await page.evaluate(() => window.scrollY);
    await toggle.click();
    const heading = section.getByRole('heading', {
      name: 'Kerem Shalom: each source’s last report',
    });
    await heading.waitFor();
    await expect.poll(() => focused(page).then((f) => f.tag)).toBe('H3');
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    // The status cell names every source's status and its time.
    const statusCell = section.locator('tr.board__row--selected td.board__status');
    const said = await statusCell.locator('.status-by').allInnerTexts();
    expect(said.length).toBeGreaterThanOrEqual(1);
    for (const line of said) expect(line).toMatch(/\(synthetic\), reported .*\d\d:\d\d/);
    expectCleanPage(page);
  });
});
