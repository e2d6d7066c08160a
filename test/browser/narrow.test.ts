/**
 * Narrow screens (issue 19, item 5): at 320 px, with every menu open ("Download or share", "Show
 * as table", …), no row is wider than the screen: the page never scrolls sideways. Checked on
 * every embed and on the phone overview with all its panels loaded.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  crossingsSection,
  expectCleanPage,
  READY_TIMEOUT,
  setUpBrowser,
  waitForReady,
} from './harness.ts';
import { CHART_IDS } from '../../src/domain/panels.ts';

const browser = setUpBrowser();
const PHONE = { width: 320, height: 640 };

/** Every chart of the panel list: each has an /embed/<chart> page and exports. */
const EMBEDS = CHART_IDS;

/** Opens every <details> on the page (menus, tables), then measures the page's width. */
async function widthWithEveryMenuOpen(page: Page) {
  const opened = await page.evaluate(() => {
    const all = [...document.querySelectorAll('details')];
    for (const d of all) d.open = true;
    return all.length;
  });
  // Two frames: layout of the opened menus, and any resize observer reacting to it.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  const sizes = await page.evaluate(() => {
    // Tables scroll in their own box (.table-scroll): their width is not the page's.
    const widest = [...document.querySelectorAll<HTMLElement>('details *')]
      .filter((el) => !el.closest('.table-scroll'))
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .sort((a, b) => b.right - a.right)[0];
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      widestRight: widest?.right ?? 0,
      widest: widest
        ? `${widest.el.tagName.toLowerCase()}.${widest.el.className} → ${Math.round(widest.right)} px`
        : '',
    };
  });
  return { opened, ...sizes };
}

/** Waits until every chart (and the map) on the page has finished loading. */
async function allReady(page: Page) {
  // A chart draws once it is scrolled to (the map waits to be seen): visit each in turn.
  for (const chart of await page.locator('section[data-chart]').all())
    await chart.scrollIntoViewIfNeeded();
  await page
    .waitForFunction(
      () => {
        const charts = [...document.querySelectorAll('section[data-chart]')];
        return charts.length > 0 && charts.every((s) => s.getAttribute('data-state') !== 'loading');
      },
      undefined,
      { timeout: READY_TIMEOUT },
    )
    .catch(async (error: Error) => {
      const states = await page.$$eval('section[data-chart]', (all) =>
        all.map((s) => `${s.getAttribute('data-chart')}: ${s.getAttribute('data-state')}`),
      );
      const text = await page.evaluate(() => document.body.innerText.slice(0, 300));
      throw new Error(`Charts still loading: ${states.join(', ')} — ${page.url()} ${text}`, {
        cause: error,
      });
    });
}

describe('At 320 px with every menu open', () => {
  for (const id of EMBEDS) {
    it(`/embed/${id} does not scroll sideways`, async () => {
      const page = await browser.openApp(`/embed/${id}`, {
        baseUrl: inject('demoUrl'),
        viewport: PHONE,
      });
      await allReady(page);
      const measured = await widthWithEveryMenuOpen(page);
      expect(measured.opened, 'menus on the page').toBeGreaterThan(0);
      expect(
        measured.scrollWidth,
        `page width at 320 px (widest: ${measured.widest})`,
      ).toBeLessThanOrEqual(measured.innerWidth);
      expect(
        measured.widestRight,
        `no row wider than the screen (${measured.widest})`,
      ).toBeLessThanOrEqual(measured.innerWidth + 0.5);
      expectCleanPage(page);
    });
  }

  it('the phone overview does not scroll sideways', async () => {
    const page = await browser.openApp('/', { baseUrl: inject('demoUrl'), viewport: PHONE });
    await waitForReady(page, crossingsSection(page));
    // Load every panel below the board: scroll each placeholder into view until none is left.
    for (let i = 0; i < 40 && (await page.locator('[data-deferred]').count()) > 0; i++) {
      await page
        .locator('[data-deferred]')
        .first()
        .scrollIntoViewIfNeeded({ timeout: 2000 })
        .catch(() => {});
      await page.waitForTimeout(250);
    }
    expect(await page.locator('[data-deferred]').count()).toBe(0);
    await allReady(page);
    expect(await page.locator('section[data-chart]').count()).toBeGreaterThanOrEqual(9);
    const measured = await widthWithEveryMenuOpen(page);
    expect(measured.opened).toBeGreaterThanOrEqual(9);
    expect(
      measured.scrollWidth,
      `page width at 320 px (widest: ${measured.widest})`,
    ).toBeLessThanOrEqual(measured.innerWidth);
    expect(
      measured.widestRight,
      `no row wider than the screen (${measured.widest})`,
    ).toBeLessThanOrEqual(measured.innerWidth + 0.5);
    expectCleanPage(page);
  });
});
