/**
 * The briefing-room operator's journey (issue 18, items 14 and 15), against the API server:
 * - on the first rotation no panel is shown before its data are in (they load out of sight);
 * - a panel's age is its newest report's, not the time since the last fetch, and "stale" is
 *   judged by that report against the panel's limit.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { API_CONFIG } from './global-setup.ts';
import { expectCleanPage, READY_TIMEOUT, setUpBrowser } from './harness.ts';

const browser = setUpBrowser();
const FULL_HD = { width: 1920, height: 1080 };
const HOUR = 3600_000;

interface FirstSight {
  sections: string[];
  age: string;
}

/**
 * Records, at the first frame a panel is on the stage, the states of its sections and what
 * the footer says of its data.
 */
function recordFirstSight() {
  const seen: Record<string, FirstSight> = {};
  (window as unknown as { firstSight: typeof seen }).firstSight = seen;
  const look = () => {
    for (const slot of document.querySelectorAll('.wall__slot[data-panel]')) {
      const id = slot.getAttribute('data-panel')!;
      if (seen[id]) continue;
      seen[id] = {
        sections: [...slot.querySelectorAll('section[data-state]')].map(
          (s) => s.getAttribute('data-state') ?? '',
        ),
        age:
          document.querySelector(`.wall__ages .wall__age[data-panel="${id}"]`)?.textContent ?? '',
      };
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

async function openWall(path: string, shiftReportsBy = 0): Promise<Page> {
  return browser.openApp(path, {
    baseUrl: inject('apiUrl'),
    viewport: FULL_HD,
    beforeNavigate: async (p) => {
      await p.addInitScript(recordFirstSight);
      await p.route('**/config.json', (route) =>
        route.fulfill({
          json: { ...API_CONFIG, wall: { reloadAt: null } },
          headers: { 'cache-control': 'no-store' },
        }),
      );
      if (!shiftReportsBy) return;
      // Every report made `shiftReportsBy` earlier than the server says: data hours old,
      // however recently the demo's monitors reported.
      await p.route('**/api/v1/**', async (route) => {
        const response = await route.fetch();
        const type = response.headers()['content-type'] ?? '';
        if (!response.ok() || !type.includes('json')) return route.fulfill({ response });
        const body = (await response.json()) as {
          data?: { provenance?: { reportedAt?: string } }[];
          meta?: { reportedUpTo?: string };
        };
        const earlier = (at: string) => new Date(Date.parse(at) - shiftReportsBy).toISOString();
        for (const r of Array.isArray(body.data) ? body.data : [])
          if (r?.provenance?.reportedAt) r.provenance.reportedAt = earlier(r.provenance.reportedAt);
        if (body.meta?.reportedUpTo) body.meta.reportedUpTo = earlier(body.meta.reportedUpTo);
        return route.fulfill({ response, json: body });
      });
    },
  });
}

describe('The wall on its first rotation', () => {
  it('shows no panel before its data are in: each is loaded out of sight first', async () => {
    const panels = ['board', 'map', 'aid-flow', 'hospitals', 'utilities', 'events'];
    const page = await openWall(`/wall?panels=${panels.join(',')}&rotate=8&controls=never`);
    for (const id of panels.slice(1))
      await page
        .locator(`.wall__slot[data-panel="${id}"]`)
        .waitFor({ timeout: READY_TIMEOUT + 20_000 });
    const seen = await page.evaluate(
      () => (window as unknown as { firstSight: Record<string, FirstSight> }).firstSight,
    );
    for (const id of panels.slice(1)) {
      const first = seen[id]!;
      expect(first.sections.length, `${id}: sections on its first frame`).toBeGreaterThan(0);
      expect(
        first.sections.filter((s) => s === 'loading'),
        `${id} loading when shown`,
      ).toEqual([]);
      expect(first.age, `${id}: the footer's age when shown`).not.toMatch(/No data yet/);
    }
    // Once all have been shown, only the next panel is drawn out of sight, hidden from all.
    const hidden = page.locator('.wall__warm-slot');
    expect(await hidden.count()).toBe(1);
    expect(await hidden.getAttribute('data-panel')).toBe('board');
    expect(await hidden.getAttribute('aria-hidden')).toBe('true');
    expectCleanPage(page);
  });
});

describe("The wall's age of the data", () => {
  it("is the newest report's, fetched second, and stale is judged by it", async () => {
    const page = await openWall(
      '/wall?panels=board,events&rotate=600&controls=never&maxAge=120',
      3 * HOUR,
    );
    const board = page.locator('.wall__ages .wall__age[data-panel="board"]');
    await page
      .locator('.wall__ages .wall__age[data-panel="board"][data-reported-at]')
      .waitFor({ timeout: READY_TIMEOUT });
    const reportedAt = Number(await board.getAttribute('data-reported-at'));
    const fetchedAt = Number(await board.getAttribute('data-updated-at'));
    // Reports at least three hours older than their fetch.
    expect(fetchedAt - reportedAt).toBeGreaterThanOrEqual(3 * HOUR);
    // Fetched seconds ago, but its newest report is past the two-hour limit: stale.
    expect(await board.getAttribute('data-age')).toBe('stale');
    expect(await board.textContent()).toMatch(/STALE · \d+ hr\. ago$/);
    const bar = page.locator('.wall__bar .wall__age');
    expect(await bar.textContent()).toMatch(
      /^STALE · latest report \d+ hr\. ago · fetched \d\d:\d\d$/,
    );
    const band = page.locator('.wall__stale[data-panel="board"]');
    await band.waitFor({ timeout: READY_TIMEOUT });
    expect(await band.textContent()).toMatch(
      /^Latest report \d+ hours old — past the 2 hours limit$/,
    );
    // Events are judged by their fetch (a quiet week is not old data): fresh, with its time.
    const events = page.locator('.wall__ages .wall__age[data-panel="events"]');
    await page
      .locator('.wall__ages .wall__age[data-panel="events"][data-age="fresh"]')
      .waitFor({ timeout: READY_TIMEOUT });
    expect(await events.getAttribute('data-reported-at')).toBeNull();
    expectCleanPage(page);
  });

  it('is fresh while the newest report is within the limit', async () => {
    const page = await openWall(
      '/wall?panels=board,events&rotate=600&controls=never&maxAge=10080',
      3 * HOUR,
    );
    const board = page.locator('.wall__ages .wall__age[data-panel="board"][data-reported-at]');
    await board.waitFor({ timeout: READY_TIMEOUT });
    expect(await board.getAttribute('data-age')).toBe('fresh');
    expect(await page.locator('.wall__bar .wall__age').textContent()).toMatch(
      /^Latest report \d+ hr\. ago · fetched \d\d:\d\d$/,
    );
    expect(await page.locator('.wall__stale').count()).toBe(0);
    expectCleanPage(page);
  });
});
