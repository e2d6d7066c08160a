/**
 * The wall through an outage (issue 19, items 1 and 2), at /wall?rotate=3&refresh=4 with a
 * source whose timeoutMs (5 s) is longer than a rotation step. The API (the real server, behind
 * page.route) refuses connections, answers HTTP 500, or never answers; the banner must rise, and
 * once the source is back it must go, and every panel — the two rotated away too — show data
 * fetched after the return, within two refresh periods.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { API_CONFIG } from './global-setup.ts';
import { expectCleanPage, READY_TIMEOUT, setUpBrowser } from './harness.ts';

const browser = setUpBrowser();
const FULL_HD = { width: 1920, height: 1080 };
const PANELS = ['board', 'headline', 'events'] as const;
const REFRESH_MS = 4000;
const TIMEOUT_MS = 5000;
/** Time for the page itself (requests, rendering) on a busy 2-core machine. */
const SLACK_MS = 2000;

const CONFIG = {
  ...API_CONFIG,
  sources: API_CONFIG.sources.map((s) => ({ ...s, timeoutMs: TIMEOUT_MS })),
  wall: { panels: PANELS, reloadAt: null },
};

type Outage = 'refused' | 'http-500' | 'hang';

/** What the page logs and fails while the API is down on purpose. */
const OUTAGE_NOISE = [
  /\/api\/v1\/.*(ERR_CONNECTION_REFUSED|HTTP 500)/,
  /ERR_CONNECTION_REFUSED|status of 500/,
];

/** Opens the wall with the API behind a switch: `setOutage(kind)` takes it down, `null` back up. */
async function openWall(): Promise<{ page: Page; setOutage: (o: Outage | null) => void }> {
  let outage: Outage | null = null;
  const hung: Route[] = [];
  const page = await browser.openApp('/wall?rotate=3&refresh=4', {
    baseUrl: inject('apiUrl'),
    viewport: FULL_HD,
    beforeNavigate: async (p) => {
      await p.route('**/config.json', (route) =>
        route.fulfill({ json: CONFIG, headers: { 'cache-control': 'no-store' } }),
      );
      await p.route('**/api/v1/**', (route) => {
        if (outage === 'refused') return route.abort('connectionrefused');
        if (outage === 'http-500')
          return route.fulfill({
            status: 500,
            contentType: 'application/problem+json',
            body: JSON.stringify({ title: 'Internal Server Error', status: 500 }),
          });
        if (outage === 'hang') {
          hung.push(route); // never answered: the page gives up at the source's timeoutMs
          return;
        }
        return route.fallback();
      });
    },
  });
  return { page, setOutage: (o) => (outage = o) };
}

/** Every panel's data fetched at or after `since` (epoch ms), per the wall's age labels. */
const allUpdatedSince = (page: Page, since: number, timeout: number) =>
  page.waitForFunction(
    ({ panels, since }) =>
      panels.every((id) => {
        const at = document
          .querySelector(`.wall__ages .wall__age[data-panel="${id}"]`)
          ?.getAttribute('data-updated-at');
        return at != null && Number(at) >= since;
      }),
    { panels: PANELS, since },
    { timeout, polling: 100 },
  );

const ages = (page: Page) =>
  page.$$eval('.wall__ages .wall__age', (all) =>
    all.map((a) => `${a.getAttribute('data-panel')}: ${a.getAttribute('data-updated-at')}`),
  );

async function throughOutage(kind: Outage) {
  const { page, setOutage } = await openWall();
  // Every panel shown once (one rotation cycle) and its data in.
  for (const id of PANELS)
    await page
      .locator(`.wall__ages .wall__age[data-panel="${id}"][data-age="fresh"]`)
      .waitFor({ timeout: READY_TIMEOUT });
  const banner = page.locator('.wall__outage[role="alert"]');
  expect(await banner.count()).toBe(0);

  setOutage(kind);
  const down = Date.now();
  // A failed refresh shows at the next beat; a hang when the source's time-out ends it (5 s,
  // longer than a rotation step of 3 s: rotating must not abandon the request).
  const raiseWithin = REFRESH_MS + (kind === 'hang' ? TIMEOUT_MS : 0) + SLACK_MS;
  await banner.waitFor({ timeout: raiseWithin });
  expect(await banner.textContent()).toMatch(/Source Access Monitor API unreachable since/);
  const raisedAfter = Date.now() - down;
  // Down for a whole rotation cycle, so that panels rotated away fail too.
  await page.waitForTimeout(3 * 3000 + 1000);
  expect(await banner.count(), 'the banner stays while the source is down').toBe(1);

  setOutage(null);
  const up = Date.now();
  const recoverWithin = 2 * REFRESH_MS + SLACK_MS;
  await banner.waitFor({ state: 'detached', timeout: recoverWithin }).catch((error: Error) => {
    throw new Error(`The banner stayed more than ${recoverWithin} ms after the source came back`, {
      cause: error,
    });
  });
  const goneAfter = Date.now() - up;
  await allUpdatedSince(page, up, Math.max(0, recoverWithin - goneAfter)).catch(
    async (error: Error) => {
      throw new Error(
        `Not every panel had new data within ${recoverWithin} ms of the source's return ` +
          `(back at ${up}; ${(await ages(page)).join(', ')})`,
        { cause: error },
      );
    },
  );
  const recoveredAfter = Date.now() - up;
  expectCleanPage(page, { allow: OUTAGE_NOISE });
  return { raisedAfter, goneAfter, recoveredAfter };
}

describe('Wall display through an outage of its source', () => {
  for (const kind of ['refused', 'http-500', 'hang'] as const) {
    it(
      `${kind}: the banner rises, then every panel recovers within two refresh periods`,
      {
        timeout: 90_000,
      },
      async () => {
        const times = await throughOutage(kind);
        console.info(`wall outage ${kind}:`, times);
      },
    );
  }
});
