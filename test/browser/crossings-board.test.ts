/**
 * The Crossings board in a real Chromium: with the demo source (MSW in the page), with the real
 * API server, on a small phone, and with hostile markup in a crossing note.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  STATUS_WORDS,
  boardRows,
  crossingsSection,
  expectCleanPage,
  problemsOf,
  statusWord,
  setUpBrowser,
  waitForReady,
} from './harness.ts';

const browser = setUpBrowser();

async function expectBoardWithCrossings(page: Page): Promise<void> {
  const section = crossingsSection(page);
  await waitForReady(page, section);
  expect(await section.getAttribute('aria-busy')).not.toBe('true');
  const rows = await boardRows(section);
  expect(rows.length, 'crossing rows on the board').toBeGreaterThanOrEqual(6);
  for (const row of rows) {
    expect(row.name, 'every row is headed by the crossing name').not.toBe('');
    expect(STATUS_WORDS, `status of ${row.name}: ${row.cells.join(' | ')}`).toContain(
      statusWord(row),
    );
  }
}

describe('Crossings board', () => {
  it('shows every crossing with its status from the demo source (MSW in the browser)', async () => {
    const page = await browser.openApp('/', { baseUrl: inject('demoUrl') });
    await expectBoardWithCrossings(page);
    await page
      .getByText(/Synthetic/)
      .first()
      .waitFor({ state: 'visible' });
    // The data came from the mock service worker, not the server behind it.
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expectCleanPage(page);
  });

  it('shows every crossing with its status from the real API server', async () => {
    const fromWorker: string[] = [];
    const page = await browser.openApp('/', {
      baseUrl: inject('apiUrl'),
      beforeNavigate: (page) => {
        page.context().on('response', (response) => {
          if (response.url().includes('/api/v1/') && response.fromServiceWorker())
            fromWorker.push(response.url());
        });
      },
    });
    await expectBoardWithCrossings(page);
    // The offline worker keeps the app's files; the API's answers never pass through it, also
    // once it controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    expect(await page.evaluate(async () => (await fetch('/api/v1/theatre')).ok)).toBe(true);
    expect(fromWorker).toEqual([]);
    expectCleanPage(page);
  });

  it('fits a 360 px wide phone without horizontal page scrolling', async () => {
    const page = await browser.openApp('/', {
      baseUrl: inject('demoUrl'),
      viewport: { width: 360, height: 740 },
    });
    const section = crossingsSection(page);
    await waitForReady(page, section);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, 'page width at 360 px').toBeLessThanOrEqual(innerWidth);
    expect(await section.isVisible()).toBe(true);
    // At 360 px the board is the phone answer: each crossing a row group under its name.
    const firstRow = section.locator('tbody[data-crossing] th').first();
    await firstRow.scrollIntoViewIfNeeded();
    expect(await firstRow.isVisible()).toBe(true);
    expectCleanPage(page);
  });

  it('renders markup in a crossing note as text', async () => {
    const note = '<img src=x onerror="window.__xss=1;alert(1)"><b>Convoy</b> held at gate';
    const noted: NotedRecord[] = [];
    const baseUrl = inject('apiUrl');
    const page = await browser.openApp('/', {
      baseUrl,
      beforeNavigate: (page) =>
        page.route('**/api/v1/crossing-status**', (route) => withNotes(route, note, noted)),
    });
    await waitForReady(page, crossingsSection(page));
    // Open the details of the crossing with the newest report: its history shows the note.
    const now = Date.now();
    const newest = noted
      .filter((record) => Date.parse(record.at) <= now)
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
    expect(newest, 'a crossing-status record to carry the hostile note').toBeDefined();
    await page.goto(new URL(`/?crossing=${encodeURIComponent(newest!.crossingId)}`, baseUrl).href);
    const section = crossingsSection(page);
    await waitForReady(page, section);
    await section.getByText(note, { exact: true }).first().waitFor({ state: 'visible' });
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(await page.locator('b', { hasText: 'Convoy' }).count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(problemsOf(page).dialogs).toEqual([]);
    expectCleanPage(page);
  });
});

interface NotedRecord {
  crossingId: string;
  at: string;
}

/** Answers with the real API response, every crossing-status record carrying `note`. */
async function withNotes(route: Route, note: string, noted: NotedRecord[]): Promise<void> {
  const response = await route.fetch();
  if (!response.ok()) return route.fulfill({ response });
  const body: unknown = await response.json();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.crossingId === 'string' && typeof record.status === 'string') {
        record.note = note;
        noted.push({ crossingId: record.crossingId, at: String(record.at) });
      } else Object.values(record).forEach(visit);
    }
  };
  visit(body);
  await route.fulfill({ response, json: body });
}
