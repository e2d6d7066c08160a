/**
 * The charts in a real Chromium: the period filter drives every chart and the URL, a reload of
 * the permalink restores the same view, and no chart is empty.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectCleanPage, loadEveryPanel, setUpBrowser } from './harness.ts';

const browser = setUpBrowser();

/** Charts of the state at the end of the period (not over it): their subtitle names a moment. */
const AS_OF_CHARTS = new Set(['map', 'hospitals-fuel']);

/** Every chart with its subtitle (which names the period), once all are ready. */
async function chartSubtitles(page: Page): Promise<Map<string, string>> {
  const charts = page.locator('section[data-chart]');
  await expect
    .poll(
      async () =>
        charts.evaluateAll(
          (all) =>
            all.length >= 8 &&
            all.every((s) => ['ready', 'empty'].includes(s.getAttribute('data-state') ?? '')),
        ),
      { timeout: 60_000 },
    )
    .toBe(true);
  const entries = await charts.evaluateAll((all) =>
    all.map((s) => [
      s.getAttribute('data-chart') ?? '',
      s.querySelector('.panel__subtitle')?.textContent ?? '',
    ]),
  );
  return new Map(entries as [string, string][]);
}

describe('Charts', () => {
  it(
    'follow the period filter and the URL; a reload of the permalink restores the view',
    {
      timeout: 180_000,
    },
    async () => {
      const page = await browser.openApp('/', { baseUrl: inject('demoUrl') });
      await loadEveryPanel(page);
      const before = await chartSubtitles(page);
      expect(before.size, 'charts on the overview').toBeGreaterThanOrEqual(8);

      // Not empty: each chart drew marks (bars, dense bars as paths, lines, areas, symbols; the
      // map its canvas).
      // Chart bodies load lazily inside ready panels: poll.
      const unmarked = () =>
        page
          .locator('section[data-chart]')
          .evaluateAll((all) =>
            all
              .filter(
                (s) =>
                  s.querySelectorAll(
                    'svg .recharts-rectangle, svg [data-dense-bars] path, svg .recharts-curve, svg .recharts-symbols, svg .recharts-area-area, canvas',
                  ).length === 0,
              )
              .map((s) => s.getAttribute('data-chart')),
          );
      await expect.poll(unmarked, { timeout: 30_000 }).toEqual([]);

      await page.getByRole('radio', { name: '90 days' }).check();
      expect(new URL(page.url()).searchParams.get('range')).toBe('90d');
      await expect
        .poll(
          async () => {
            const now = await chartSubtitles(page);
            return [...before]
              .filter(([id, text]) => !AS_OF_CHARTS.has(id) && now.get(id) === text)
              .map(([id]) => id);
          },
          { timeout: 60_000 },
        )
        .toEqual([]);
      const after = await chartSubtitles(page);

      await page.reload();
      await loadEveryPanel(page);
      expect(await page.getByRole('radio', { name: '90 days' }).isChecked()).toBe(true);
      const periodCharts = (m: Map<string, string>) =>
        [...m].filter(([id]) => !AS_OF_CHARTS.has(id));
      expect(periodCharts(await chartSubtitles(page))).toEqual(periodCharts(after));
      expectCleanPage(page);
    },
  );
});
