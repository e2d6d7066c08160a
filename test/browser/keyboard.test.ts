/**
 * Fast keyboard users (issue 19, item 6): tabbing through the overview at a key every 250 ms,
 * without scrolling or waiting, on a connection slow enough that panels arrive after the key
 * presses, reaches every panel — each lazy panel's placeholder is a named stop that loads the
 * panel when focused — before the focus leaves the page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { crossingsSection, expectCleanPage, setUpBrowser, waitForReady } from './harness.ts';

const browser = setUpBrowser();

const PANELS = [
  'Crossings',
  'Headline figures',
  'Map',
  'Aid flow',
  'Hospital capacity',
  'Utilities',
  'Events',
];

/**
 * The names of the sections around the focused element (a section is named by its heading), or
 * null once the focus has left the page: back on the document, or wrapped round to the first stop.
 */
const focusedIn = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body || active.hasAttribute('data-first-stop')) return null;
    if (!document.querySelector('[data-first-stop]')) active.setAttribute('data-first-stop', '');
    const names: string[] = [];
    for (
      let el = active.closest('section');
      el;
      el = el.parentElement?.closest('section') ?? null
    ) {
      const label = el.getAttribute('aria-labelledby');
      const name = label ? document.getElementById(label)?.textContent?.trim() : undefined;
      if (name) names.push(name);
    }
    return names;
  });

describe('Tabbing at a key every 250 ms', () => {
  it(
    'reaches every panel of the overview before leaving the page',
    { timeout: 150_000 },
    async () => {
      const page = await browser.openApp('/', {
        baseUrl: inject('demoUrl'),
        // A slow connection: each lazy panel's code takes 1.5 s to arrive, longer than a key press.
        beforeNavigate: (p) =>
          p.route(/\/assets\/[^/]*-panel-[^/]*\.js$/, async (route) => {
            await new Promise((done) => setTimeout(done, 1500));
            await route.fallback();
          }),
      });
      await waitForReady(page, crossingsSection(page));
      const reached = new Set<string>();
      let stops = 0;
      let left = false;
      for (let i = 0; i < 400; i++) {
        await page.keyboard.press('Tab');
        await page.waitForTimeout(250);
        const names = await focusedIn(page);
        if (names === null) {
          // Past the last stop of the page.
          if (stops > 0) {
            left = true;
            break;
          }
          continue;
        }
        stops++;
        for (const n of names) reached.add(n);
      }
      expect(left, 'the focus left the page after the last stop').toBe(true);
      expect(
        PANELS.filter((p) => !reached.has(p)),
        `panels never reached in ${stops} stops`,
      ).toEqual([]);
      expectCleanPage(page);
    },
  );
});
