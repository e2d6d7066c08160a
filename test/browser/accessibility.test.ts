/**
 * Accessibility checked by axe-core in a real Chromium, with the CSP on: the overview with every
 * lazy panel loaded, /data, /wall and every /embed/<chart>. Each page must have 0 violations of
 * axe's default rules (WCAG 2 A/AA and best practices), colour contrast included.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectCleanPage, READY_TIMEOUT, setUpBrowser } from './harness.ts';
import { CHART_IDS } from '../../src/domain/panels.ts';

const browser = setUpBrowser();

/** Every chart of the panel list: each has an /embed/<chart> page and exports. */
const EMBEDS = CHART_IDS;

async function open(path: string, viewport?: { width: number; height: number }): Promise<Page> {
  return browser.openApp(path, {
    baseUrl: inject('demoUrl'),
    viewport,
    // No transitions half-way through when axe reads colours.
    beforeNavigate: (page) => page.emulateMedia({ reducedMotion: 'reduce' }),
  });
}

/** Until no panel waits to be scrolled near and every panel on the page has settled. */
async function loadEveryPanel(page: Page): Promise<void> {
  await page.locator('section[data-state]').first().waitFor({ timeout: READY_TIMEOUT });
  const deadline = Date.now() + READY_TIMEOUT * 2;
  for (;;) {
    const deferred = page.locator('[data-deferred]');
    if ((await deferred.count()) === 0) break;
    if (Date.now() > deadline) throw new Error('Some panels never loaded when scrolled to.');
    await deferred
      .first()
      .scrollIntoViewIfNeeded({ timeout: 2000 })
      .catch(() => {});
    await page.waitForTimeout(200);
  }
  await settled(page);
}

/** Every section with a data-state is ready (or says it has no data), none still loading. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const states = [...document.querySelectorAll('section[data-state]')].map((s) =>
        s.getAttribute('data-state'),
      );
      return states.length > 0 && states.every((s) => s !== 'loading');
    },
    undefined,
    { timeout: READY_TIMEOUT },
  );
}

/** axe's violations, one readable line per rule and element. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact ?? '?'}): ${v.help} — ${n.target.join(' ')}: ${n.failureSummary ?? ''}`,
    ),
  );
}

describe('Accessibility (axe-core)', () => {
  it('the overview, every panel loaded, has no violations', async () => {
    const page = await open('/');
    await loadEveryPanel(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await violations(page)).toEqual([]);
    expectCleanPage(page);
  });

  it('the data page has no violations', async () => {
    const page = await open('/data');
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: READY_TIMEOUT });
    await settled(page);
    expect(await violations(page)).toEqual([]);
    expectCleanPage(page);
  });

  it('the wall, rotating, with and without its controls, has no violations', async () => {
    const page = await open('/wall', { width: 1920, height: 1080 });
    await settled(page);
    expect(await violations(page)).toEqual([]);
    // The controls appear when the mouse moves.
    await page.mouse.move(400, 300);
    await page.mouse.move(420, 320);
    await page.getByRole('toolbar').waitFor();
    expect(await violations(page)).toEqual([]);
    expectCleanPage(page);
  });

  it('the wall, every panel at once, has no violations', async () => {
    const page = await open('/wall?layout=grid', { width: 1920, height: 1080 });
    await page.locator('.wall__cell').first().waitFor({ timeout: READY_TIMEOUT });
    await settled(page);
    expect(await violations(page)).toEqual([]);
    expectCleanPage(page);
  });

  for (const chart of EMBEDS) {
    it(`/embed/${chart} has no violations`, async () => {
      const page = await open(`/embed/${chart}`, { width: 800, height: 700 });
      await page
        .locator(`section[data-chart="${chart}"][data-state="ready"]`)
        .waitFor({ timeout: READY_TIMEOUT });
      expect(await violations(page)).toEqual([]);
      expectCleanPage(page);
    });
  }
});
