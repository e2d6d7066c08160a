/**
 * Issue 12 item 2 in a real Chromium: a large HXL file dropped on /data is held by its own
 * table worker (a module worker on the app's origin); the page receives roll-ups and short
 * windows of records, never every row, and the aid-flow chart over the whole period is drawn.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  crossingsSection,
  expectCleanPage,
  setUpBrowser,
  showChart,
  waitForReady,
} from './harness.ts';

const browser = setUpBrowser();
const ROWS = 50_000;

/** Rows over the last 360 days (Gaza time is at most a day off UTC: stay a day behind). */
function bigCsv(rows: number): string {
  const crossings = ['Kerem Shalom', 'Rafah', 'Kissufim', 'Erez', 'Zikim'];
  const commodities = ['food', 'health', 'wash', 'shelter', 'fuel'];
  const today = Date.UTC(
    new Date().getUTCFullYear(),
    new Date().getUTCMonth(),
    new Date().getUTCDate(),
  );
  const lines = [
    'Date,Crossing,Commodity,Stage,Trucks',
    '#date,#loc+name,#item+type,#status,#indicator+num+trucks',
  ];
  for (let i = 0; i < rows; i++) {
    const day = new Date(today - (1 + (i % 360)) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day},${crossings[i % 5]},${commodities[(i >> 3) % 5]},entered,${i % 90}`);
  }
  return lines.join('\n');
}

/** Counts, in the page, what every worker posts to it: messages and records or roll-up rows. */
async function countWorkerMessages(page: Page) {
  await page.addInitScript(() => {
    const seen = { messages: 0, records: 0, rows: 0, largest: 0, urls: [] as string[] };
    (window as unknown as { __posted: typeof seen }).__posted = seen;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        seen.urls.push(new URL(String(url), location.href).pathname);
        this.addEventListener('message', (event: MessageEvent) => {
          const data = event.data as { records?: unknown[]; rows?: unknown[] } | null;
          seen.messages++;
          const n = (data?.records?.length ?? 0) + (data?.rows?.length ?? 0);
          seen.records += data?.records?.length ?? 0;
          seen.rows += data?.rows?.length ?? 0;
          seen.largest = Math.max(seen.largest, n);
        });
      }
    };
  });
}

describe('a large HXL file dropped on /data', () => {
  it(`is held by its worker: the page receives roll-ups and short windows, not ${ROWS.toLocaleString('en')} rows`, async () => {
    const page = await browser.openApp('/data', {
      baseUrl: inject('demoUrl'),
      beforeNavigate: countWorkerMessages,
    });
    const sources = page.getByRole('region', { name: 'Sources', exact: true });
    await sources.waitFor();
    const dataTransfer = await page.evaluateHandle(
      ({ text }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], 'big.csv', { type: 'text/csv' }));
        return transfer;
      },
      { text: bigCsv(ROWS) },
    );
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
    const item = sources.locator('li[data-source="file-big"]');
    await item
      .getByTestId('source-rows')
      .getByText('50,000 read: 50,000 accepted, 0 rejected')
      .waitFor({ timeout: 60_000 });

    await item.getByRole('button', { name: 'Show big.csv on the dashboard' }).click();
    await waitForReady(page, crossingsSection(page));
    const chart = await showChart(page, 'aid-flow');
    expect(await chart.locator('svg').count()).toBeGreaterThan(0);

    const posted = await page.evaluate(
      () =>
        (
          window as unknown as {
            __posted: {
              messages: number;
              records: number;
              rows: number;
              largest: number;
              urls: string[];
            };
          }
        ).__posted,
    );
    expect(posted.urls).toContainEqual(
      expect.stringMatching(/^\/assets\/table-worker-[\w-]+\.js$/),
    );
    // The whole table stayed in the worker: what crossed is roll-up rows and a few weeks of records.
    expect(posted.rows).toBeGreaterThan(0);
    expect(posted.records + posted.rows).toBeLessThan(ROWS / 4);
    expect(posted.largest).toBeLessThan(ROWS / 10);
    expectCleanPage(page);
  });
});
