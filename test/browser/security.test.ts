/**
 * The Content-Security-Policy at work in a real Chromium (what it refuses is reported and fails
 * the page), framing allowed only for /embed/<chart>, and data text isolated for bidi: a name
 * carrying U+202E (RIGHT-TO-LEFT OVERRIDE) cannot reverse the sentence around it.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  crossingsSection,
  expectCleanPage,
  problemsOf,
  READY_TIMEOUT,
  setUpBrowser,
  waitForReady,
} from './harness.ts';

const browser = setUpBrowser();
const RLO = '\u202E';

/**
 * Whether the app's words right after the first <bdi> in `selector` are drawn left to right: the
 * first letter of their first word left of its last. A bidi override leaking out of the data
 * text before them would draw them reversed.
 */
async function wordsAfterDataLeftToRight(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((root) => {
    const bdi = root.querySelector('bdi');
    const node = bdi?.nextSibling;
    if (!node || node.nodeType !== Node.TEXT_NODE) throw new Error('No text after the <bdi>');
    const word = /\p{L}{4,}/u.exec(node.textContent ?? '');
    if (!word) throw new Error(`No word in “${node.textContent}”`);
    const x = (offset: number) => {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      return range.getBoundingClientRect().left;
    };
    return x(word.index) < x(word.index + word[0].length - 1);
  });
}

describe('Content-Security-Policy', () => {
  it('is sent with the app, and what it refuses fails the page', async () => {
    const page = await browser.openApp('/', { baseUrl: inject('demoUrl') });
    const response = await page.request.get(page.url(), { headers: { Accept: 'text/html' } });
    expect(response.headers()['content-security-policy']).toMatch(/script-src 'self';/);
    await waitForReady(page, crossingsSection(page));
    // Markup that found its way into the page cannot run script nor reach another host.
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1';
      document.body.append(script);
      const fetched = await fetch('https://elsewhere.example.org/x').then(
        () => true,
        () => false,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { inline: (window as { __inline?: number }).__inline, fetched };
    });
    expect(ran).toEqual({ inline: undefined, fetched: false });
    const violations = problemsOf(page).cspViolations.join('\n');
    expect(violations).toMatch(/script-src(-elem)? blocked inline/);
    expect(violations).toMatch(/connect-src blocked https:\/\/elsewhere\.example\.org/);
    expectCleanPage(page, {
      allow: [/script-src/, /connect-src/, /Content Security Policy/, /Failed to fetch/],
    });
  });

  it('lets another page frame /embed/<chart> but nothing else', async () => {
    const app = inject('apiUrl');
    const page = await browser.openApp('/embed/events', { baseUrl: app });
    await page
      .locator('section[data-chart="events"][data-state="ready"]')
      .waitFor({ timeout: READY_TIMEOUT });
    // A page that frames the app, as a news site would: served here without the app's CSP,
    // on the app's origin (the guard keeps the test off other hosts; '*' admits any origin).
    const host = await page.context().newPage();
    await host.route(`${app}/host.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body:
          `<!doctype html><title>News</title>` +
          `<iframe name="embed" src="/embed/events" width="800" height="600"></iframe>` +
          `<iframe name="dashboard" src="/data" width="800" height="600"></iframe>`,
      }),
    );
    await host.goto(`${app}/host.html`);
    const embed = host.frame({ name: 'embed' })!;
    await embed
      .locator('section[data-chart="events"][data-state="ready"]')
      .waitFor({ timeout: READY_TIMEOUT });
    await expect
      .poll(() => problemsOf(page).consoleErrors.join('\n'), { timeout: 10_000 })
      .toMatch(/Framing .* violates .*frame-ancestors 'none'/);
    expect(await host.frame({ name: 'dashboard' })!.locator('main').count()).toBe(0);
    expectCleanPage(page, {
      allow: [
        /Framing .* violates .*frame-ancestors 'none'/,
        /\/data: net::ERR_BLOCKED_BY_RESPONSE/,
      ],
    });
  });
});

describe('Data text isolated for bidi', () => {
  it('a source name in a link with U+202E does not reverse the notice around it', async () => {
    const page = await browser.openApp(`/?source=${encodeURIComponent(`${RLO}evil`)}`, {
      baseUrl: inject('demoUrl'),
    });
    const notice = page.getByText(/which is not configured here/);
    await notice.waitFor({ timeout: READY_TIMEOUT });
    expect(await notice.locator('bdi').first().textContent()).toBe(`${RLO}evil`);
    expect(await wordsAfterDataLeftToRight(page, '.notice--warning[role="status"]')).toBe(true);
    expectCleanPage(page);
  });

  it('a publisher’s name with U+202E does not reverse the report line of a crossing', async () => {
    const page = await browser.openApp('/', {
      baseUrl: inject('apiUrl'),
      beforeNavigate: (page) =>
        page.route('**/api/v1/theatre', (route) => withPublisherNames(route, `${RLO}Evil `)),
    });
    const board = crossingsSection(page);
    await waitForReady(page, board);
    await board.locator('th[scope="row"] button').first().click();
    const line = board.locator('.history li').first();
    await line.waitFor({ timeout: READY_TIMEOUT });
    expect(await line.locator('bdi').first().textContent()).toMatch(new RegExp(`^${RLO}Evil `));
    expect(await wordsAfterDataLeftToRight(page, '.history li >> nth=0')).toBe(true);
    expectCleanPage(page);
  });
});

/** The real theatre, every publisher's name prefixed with `prefix`. */
async function withPublisherNames(route: Route, prefix: string): Promise<void> {
  const response = await route.fetch();
  if (!response.ok()) return route.fulfill({ response });
  const body = (await response.json()) as { data: { sources: { name: string }[] } };
  for (const source of body.data.sources) source.name = `${prefix}${source.name}`;
  await route.fulfill({ response, json: body });
}
