/**
 * Issue 18, items 3 and 4 (the journalist's chart): the reader chooses the aid-flow chart's
 * interval and whether bars are averages per day or totals, the choice lives in the URL, partial
 * intervals are marked, and the whole period's total is given per source; time axes over several
 * years carry the year; event labels never overlap, at phone and desktop widths, in every
 * language, abbreviated ones keeping their full text in the notes.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectCleanPage, loadEveryPanel, openTable, setUpBrowser, showChart } from './harness.ts';

const browser = setUpBrowser();

const open = (path: string, width = 1280): Promise<Page> =>
  browser.openApp(path, {
    baseUrl: inject('demoUrl'),
    viewport: { width, height: 900 },
    beforeNavigate: (page) => page.emulateMedia({ reducedMotion: 'reduce' }),
  });

/** A number as the table writes it ("1,234", "12.5"). */
const numberOf = (text: string) => Number(text.replace(/[^\d.]/g, ''));

interface TableRow {
  header: string;
  cells: string[];
}

async function tableRows(section: Locator): Promise<{ columns: string[]; rows: TableRow[] }> {
  await openTable(section);
  const table = section.locator('.chart__table table').first();
  const columns = await table.locator('thead th').allTextContents();
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      header: tr.querySelector('th')?.textContent ?? '',
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    })),
  );
  return { columns, rows };
}

describe('Aid flow: interval and total, chosen by the reader', () => {
  it(
    'weekly totals: bars and table are totals, partial weeks marked, the period total per source; the URL keeps it',
    { timeout: 240_000 },
    async () => {
      const page = await open('/?range=90d');
      let section = await showChart(page, 'aid-flow');
      await section.getByRole('radio', { name: 'Week', exact: true }).check();
      await section.getByText(/trucks per day by commodity, .* \(weekly averages\)/).waitFor();
      const averages = await tableRows(section);

      await section.getByRole('radio', { name: 'Total per interval', exact: true }).check();
      await section
        .getByText(/trucks per week by commodity/)
        .first()
        .waitFor();
      const subtitle = await section.locator('.panel__subtitle').textContent();
      expect(subtitle).toMatch(/^trucks per week by commodity/);
      const totals = await tableRows(section);
      expect(totals.columns).toEqual(
        expect.arrayContaining(['Days in interval', 'Partial', 'Total, trucks per week']),
      );

      // Each week's total is its average per day times the days reported, for every source.
      const at = (cols: string[], name: string) => cols.indexOf(name) - 1;
      const totalAt = at(totals.columns, 'Total, trucks per week');
      const reportedAt = at(totals.columns, 'Days reported');
      const partialAt = at(totals.columns, 'Partial');
      const averageAt = at(averages.columns, 'Total, trucks per day');
      let compared = 0;
      for (const row of totals.rows.filter((r) => r.header.startsWith('Week'))) {
        const same = averages.rows.find(
          (r) => r.header === row.header && r.cells[0] === row.cells[0],
        );
        if (!same || same.cells[averageAt] === 'no report') continue;
        const reported = numberOf(row.cells[reportedAt]!);
        const total = numberOf(row.cells[totalAt]!);
        const average = numberOf(same.cells[averageAt]!);
        expect(Math.abs(total - average * reported), row.header).toBeLessThanOrEqual(
          reported * 0.5 + 1,
        );
        if (reported >= 1) expect(total).toBeGreaterThan(average);
        compared++;
      }
      expect(compared).toBeGreaterThan(10);

      // Ninety days never start on a Monday and end on a Sunday here: the cut weeks are partial,
      // drawn lighter and said so in the table, the legend and the notes.
      const partial = totals.rows.filter((r) => r.cells[partialAt] === 'partial');
      expect(partial.length).toBeGreaterThan(0);
      for (const r of partial)
        expect(numberOf(r.cells[reportedAt]!)).toBeLessThan(numberOf(r.cells[reportedAt + 1]!));
      expect(
        await section.locator('svg.recharts-surface [fill-opacity="0.4"]').count(),
      ).toBeGreaterThan(0);
      await section
        .getByText(/Lighter bar: partial interval/)
        .first()
        .waitFor();

      // The whole period per source and stage, near the chart and in the table: never summed.
      const notes = await section.locator('.chart__notes li').allTextContents();
      const periodNotes = notes.filter((n) => n.startsWith('Total over the period, '));
      const periodRows = totals.rows.filter((r) => r.header.startsWith('Whole period'));
      expect(periodNotes.length).toBeGreaterThan(1);
      expect(periodRows.length).toBe(periodNotes.length);
      for (const row of periodRows) {
        const weeks = totals.rows.filter(
          (r) => r.header.startsWith('Week') && r.cells[0] === row.cells[0],
        );
        const sum = weeks.reduce((s, r) => s + (numberOf(r.cells[totalAt]!) || 0), 0);
        expect(Math.abs(numberOf(row.cells[totalAt]!) - sum)).toBeLessThanOrEqual(weeks.length);
        expect(periodNotes.join('\n')).toContain(
          `${row.cells[0]}: ${row.cells[totalAt]} trucks (from `,
        );
      }

      // The choice is in the URL (defaults are not), and a reload shows the same chart.
      const params = new URL(page.url()).searchParams;
      expect(params.get('aid.interval')).toBe('week');
      expect(params.get('aid.aggregate')).toBe('total');
      expect(params.has('aid.stack')).toBe(false);
      await page.reload();
      section = await showChart(page, 'aid-flow');
      await section
        .getByText(/trucks per week by commodity/)
        .first()
        .waitFor();
      expect(await section.getByRole('radio', { name: 'Week', exact: true }).isChecked()).toBe(
        true,
      );
      expect(
        await section.getByRole('radio', { name: 'Total per interval', exact: true }).isChecked(),
      ).toBe(true);
      expect((await tableRows(section)).rows).toEqual(totals.rows);
      expectCleanPage(page);
    },
  );

  it(
    'every day of the whole period stays drawable at phone width (dense bars)',
    { timeout: 180_000 },
    async () => {
      const page = await open('/?range=all&aid.interval=day&aid.aggregate=total', 360);
      const section = await showChart(page, 'aid-flow');
      await section
        .getByText(/trucks per day by commodity/)
        .first()
        .waitFor();
      await section.locator('[data-dense-series]').first().waitFor({ timeout: 30_000 });
      expect(await section.locator('.recharts-bar-rectangle').count()).toBe(0);
      // Each day a bar, however thin: a series' path holds a rectangle per day reported (over
      // 365 of them), not one per week or month, and not none.
      const rects = await section
        .locator('[data-dense-series]')
        .evaluateAll((all) =>
          Math.max(0, ...all.map((p) => p.getAttribute('d')?.match(/M/g)?.length ?? 0)),
        );
      expect(rects).toBeGreaterThan(365);
      expectCleanPage(page);
    },
  );
});

describe('Time axes over several years carry the year', () => {
  it(
    'every time chart at range "all" labels its ticks with years',
    { timeout: 240_000 },
    async () => {
      const page = await open('/?range=all');
      await loadEveryPanel(page);
      const ticks: { chart: string; text: string }[] = [];
      for (const id of ['aid-flow', 'movements', 'fuel-entry', 'hospitals-beds', 'events']) {
        const section = await showChart(page, id);
        const axis = section.locator(
          '.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value',
        );
        await axis.first().waitFor({ state: 'attached', timeout: 30_000 });
        for (const text of await axis.allTextContents()) ticks.push({ chart: id, text });
      }
      expect(new Set(ticks.map((t) => t.chart)).size).toBe(5);
      expect(ticks.filter((t) => !/\b20\d\d\b/.test(t.text))).toEqual([]);
      // Weekly and daily ticks too, not only months: the aid flow chart by week.
      const weekly = await open('/?range=all&aid.interval=week');
      const aid = await showChart(weekly, 'aid-flow');
      const aidTicks = await aid
        .locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')
        .allTextContents();
      expect(aidTicks.length).toBeGreaterThan(3);
      for (const text of aidTicks) expect(text).toMatch(/^[A-Z][a-z]{2} \d{1,2}, 20\d\d$/);
      // The longer labels stay whole: none runs out of the chart (the last one's year was cut).
      const surface = await aid.locator('svg.recharts-surface').first().boundingBox();
      const boxes = await aid
        .locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')
        .evaluateAll((all) => all.map((t) => t.getBoundingClientRect().toJSON() as DOMRect));
      for (const b of boxes) {
        expect(b.left).toBeGreaterThanOrEqual(surface!.x - 0.5);
        expect(b.right).toBeLessThanOrEqual(surface!.x + surface!.width + 0.5);
      }
      expectCleanPage(page);
      expectCleanPage(weekly);
    },
  );
});

/** The band labels of a chart as boxes, with their text. */
async function labelBoxes(section: Locator) {
  return section.locator('.chart-band-label').evaluateAll((all) =>
    all.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent ?? '', x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
}

const intersect = (
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('Event labels never overlap', () => {
  for (const [lang, width] of [
    ['en', 1280],
    ['en', 360],
    ['ar', 360],
    ['he', 1280],
  ] as const)
    it(`cease-fire phases at ${width} px (${lang})`, { timeout: 180_000 }, async () => {
      const page = await open(`/?from=2025-01-01&to=2025-12-31&lang=${lang}`, width);
      const section = await showChart(page, 'aid-flow');
      await section.locator('.chart-band-label').first().waitFor({ timeout: 30_000 });
      const boxes = await labelBoxes(section);
      const plot = await section.locator('svg.recharts-surface').first().boundingBox();
      expect(boxes.length).toBeGreaterThan(1);
      for (let i = 0; i < boxes.length; i++) {
        expect(boxes[i]!.x).toBeGreaterThanOrEqual(plot!.x - 0.5);
        expect(boxes[i]!.x + boxes[i]!.w).toBeLessThanOrEqual(plot!.x + plot!.width + 0.5);
        for (let j = i + 1; j < boxes.length; j++)
          expect(
            intersect(boxes[i]!, boxes[j]!),
            `"${boxes[i]!.text}" and "${boxes[j]!.text}"`,
          ).toBe(false);
      }
      // An abbreviated label is its number; the note of that number has the full text.
      // Notes isolate each value for bidi (U+2066–2069): read them without the controls.
      const notes = (await section.locator('.chart__notes li').allTextContents()).map((n) =>
        n.replace(/[\u2066-\u2069]/g, ''),
      );
      for (const marker of boxes.map((b) => b.text).filter((t) => /^\[\d+\]$/.test(t)))
        expect(
          notes.some((n) => n.startsWith(`${marker} `)),
          marker,
        ).toBe(true);
      expectCleanPage(page);
    });
});
