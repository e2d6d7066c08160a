/**
 * Issue 10 item 7 in a real Chromium: a large REST answer is parsed and validated in the answer
 * worker (a module worker on the app's origin), its records reach the board, and one page view
 * asks each URL once.
 */
import type { Worker } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { largeAidFlowBody } from '../../scripts/bench-large-answer.ts';
import { crossingsSection, expectCleanPage, setUpBrowser, waitForReady } from './harness.ts';

const browser = setUpBrowser();

describe('A large REST answer', () => {
  it('is read in the answer worker, and each URL is requested once', async () => {
    // ~1 MB: well past the worker threshold (256 KB), small enough for a test.
    const body = largeAidFlowBody(5000);
    const asked: string[] = [];
    const workers: Worker[] = [];
    const page = await browser.openApp('/', {
      baseUrl: inject('apiUrl'),
      beforeNavigate: async (p) => {
        p.on('worker', (worker) => workers.push(worker));
        p.on('request', (request) => {
          if (new URL(request.url()).pathname.startsWith('/api/')) asked.push(request.url());
        });
        await p.route('**/api/v1/aid-flow?**', (route) =>
          route.fulfill({ status: 200, contentType: 'application/json', body }),
        );
      },
    });
    const board = crossingsSection(page);
    await waitForReady(page, board);
    // Every record of the answer was accepted (the demo's deliberately bad statuses aside).
    expect(await board.textContent()).not.toMatch(/aid-flow · Record/);
    expect(await board.textContent()).toMatch(/Entered [\d,]+ of [\d,]+ target/);
    expect(workers.map((w) => new URL(w.url()).pathname)).toEqual([
      expect.stringMatching(/^\/assets\/answer-worker-[\w-]+\.js$/),
    ]);
    expect(asked.filter((url, i) => asked.indexOf(url) !== i)).toEqual([]);
    expectCleanPage(page);
  });
});
