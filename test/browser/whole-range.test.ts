/**
 * Issue 12 in a real Chromium: the demo at range "all" — every panel becomes ready, every chart
 * drawn from roll-ups says the resolution it shows, and no request asks a dataset for raw
 * records over more than the few weeks the board, the map and the latest states need.
 */
import { describe, expect, inject, it } from 'vitest';
import { CHART_IDS } from '../../src/domain/panels.ts';
import {
  expectCleanPage,
  expectEveryPanelSettled,
  loadEveryPanel,
  setUpBrowser,
} from './harness.ts';

const browser = setUpBrowser();

/** Charts drawn from roll-ups, with the words of their subtitle that name the resolution. */
const ROLLED_UP = [
  'aid-flow',
  'hospitals-functionality',
  'hospitals-beds',
  'utilities-water',
  'utilities-power',
  'utilities-telecom',
];
const RESOLUTION_WORDS: Record<string, RegExp> = {
  day: /daily/,
  week: /weekly/,
  month: /monthly/,
};
/** The longest range raw records are asked for (the board's and the map's windows). */
const RAW_DAYS_MAX = 62;

const daysOf = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

describe('The whole history', () => {
  it(
    'at range "all" every panel is ready, each rolled-up chart says its resolution, and raw records are only asked for short windows',
    { timeout: 180_000 },
    async () => {
      const page = await browser.openApp('/?range=all', { baseUrl: inject('demoUrl') });
      const raw: string[] = [];
      const rolled: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (!/\/api\/v1\/[a-z-]+$/.test(url.pathname) || url.pathname.endsWith('/theatre')) return;
        const from = url.searchParams.get('from');
        const to = url.searchParams.get('to');
        if (!from || !to) return;
        const entry = `${url.pathname.split('/').at(-1)} ${from}..${to} (${daysOf(from, to)} days)`;
        if (url.searchParams.has('resolution')) rolled.push(entry);
        else raw.push(entry);
      });
      await page.reload();
      await loadEveryPanel(page);
      await expectEveryPanelSettled(page);
      for (const id of CHART_IDS) {
        const chart = page.locator(`section[data-chart="${id}"]`);
        await expect.poll(() => chart.getAttribute('data-state')).toBe('ready');
      }
      for (const id of ROLLED_UP) {
        const chart = page.locator(`section[data-chart="${id}"]`);
        const resolution = await chart.getAttribute('data-resolution');
        expect(['day', 'week', 'month'], id).toContain(resolution);
        // Aid flow draws its groups side by side: over more than a year, days would not fit.
        if (id === 'aid-flow') expect(resolution).not.toBe('day');
        const subtitle = (await chart.locator('.panel__subtitle').first().textContent()) ?? '';
        expect(subtitle, id).toMatch(RESOLUTION_WORDS[resolution!]!);
      }
      expect(rolled.length).toBeGreaterThan(0);
      const long = raw.filter((r) => Number(/\((\d+) days\)/.exec(r)![1]) > RAW_DAYS_MAX);
      // Events are few (pauses, phases): the bands read them over the whole period.
      expect(long.filter((r) => !r.startsWith('events '))).toEqual([]);
      expectCleanPage(page);
    },
  );
});
