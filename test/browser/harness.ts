/**
 * Real-browser harness for the "browser" vitest project: Debian's Chromium driven by
 * playwright-core. One browser per test file (`setUpBrowser()`), one fresh context per page, and a
 * guard on every page that records what a clean page must never do: talk to another host (the
 * request is aborted), log a console error, throw, fail a same-origin request, open a dialog, or
 * break the Content-Security-Policy the server sends (a `securitypolicyviolation` event).
 * `expectCleanPage(page)` fails the test with the list of what happened.
 */
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  type Request,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

/** Flags from STACK.md ("Real browser"); headless comes from the launch option. */
import { CHROMIUM_FLAGS as CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.ts';
export { CHROMIUM_ARGS, chromiumPath };

/** How long the app may take to show data in tests (software rendering, 2 cores, CI). */
export const READY_TIMEOUT = 20_000;

export const STATUS_WORDS = ['Open', 'Restricted', 'Closed', 'Unknown'] as const;

export interface Problems {
  foreignRequests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  dialogs: string[];
  cspViolations: string[];
}

export interface OpenAppOptions {
  /** Origin of the app, e.g. inject('demoUrl'). */
  baseUrl: string;
  viewport?: { width: number; height: number };
  /** Runs on the new page before navigation, e.g. to add page.route() overrides. */
  beforeNavigate?: (page: Page) => Promise<unknown> | void;
}

export interface BrowserHarness {
  /** A fresh context and page, guarded, navigated to `path` on `baseUrl`. */
  openApp(path: string, options: OpenAppOptions): Promise<Page>;
}

const guards = new WeakMap<Page, Problems>();

/** Launches Chromium once for the calling test file and closes it after the file. */
export function setUpBrowser(): BrowserHarness {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: await chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });

  afterEach(async () => {
    const open = contexts;
    contexts = [];
    // Route handlers still fetching when a test ends must not fail the file after it passed.
    await Promise.allSettled(
      open.flatMap((context) => [
        context.unrouteAll({ behavior: 'ignoreErrors' }),
        ...context.pages().map((page) => page.unrouteAll({ behavior: 'ignoreErrors' })),
      ]),
    );
    await Promise.allSettled(open.map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
  });

  return {
    async openApp(path, { baseUrl, viewport, beforeNavigate }) {
      if (!browser)
        throw new Error('setUpBrowser(): the browser is not running (beforeAll failed?)');
      const url = new URL(path, baseUrl);
      const context = await browser.newContext({
        viewport: viewport ?? { width: 1280, height: 800 },
        serviceWorkers: 'allow',
      });
      contexts.push(context);
      const page = await context.newPage();
      guards.set(page, await guard(context, page, [url.origin]));
      await beforeNavigate?.(page);
      await page.goto(url.href, { waitUntil: 'domcontentloaded' });
      return page;
    },
  };
}

async function guard(
  context: BrowserContext,
  page: Page,
  origins: readonly string[],
): Promise<Problems> {
  const problems: Problems = {
    foreignRequests: [],
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    dialogs: [],
    cspViolations: [],
  };
  const foreign = new Set<string>();
  const recordForeign = (request: Request): void => {
    const where = request.serviceWorker() ? ' (from service worker)' : '';
    const entry = `${request.method()} ${request.url()}${where}`;
    if (!foreign.has(entry)) {
      foreign.add(entry);
      problems.foreignRequests.push(entry);
    }
  };

  // Context-wide so that requests made by the MSW service worker are covered too.
  await context.route('**', async (route) => {
    const request = route.request();
    if (isAllowed(request.url(), origins)) return route.fallback();
    recordForeign(request);
    return route.abort('blockedbyclient');
  });
  // Anything that reached the network without passing the route (belt and braces).
  context.on('request', (request) => {
    if (!isAllowed(request.url(), origins)) recordForeign(request);
  });
  page.on('websocket', (socket) => {
    if (!isAllowed(socket.url(), origins))
      problems.foreignRequests.push(`WebSocket ${socket.url()}`);
  });
  context.on('requestfailed', (request) => {
    if (!isAllowed(request.url(), origins)) return; // already recorded as foreign
    if (page.isClosed()) return;
    // A cancellation (navigation away, AbortController), not a failure of the server or network.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.failedRequests.push(
      `${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`,
    );
  });
  context.on('response', (response) => {
    if (response.status() >= 400 && isAllowed(response.url(), origins)) {
      problems.failedRequests.push(
        `${response.request().method()} ${response.url()}: HTTP ${response.status()}`,
      );
    }
  });
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    problems.consoleErrors.push(`${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  context.on('weberror', (error) => {
    problems.pageErrors.push(error.error().stack ?? String(error.error()));
  });
  // Every frame reports what its CSP blocked (or would have, for report-only policies), to the
  // guard of its page; the binding and script are the context's, so they are added once.
  if (!reportsCsp.has(context)) {
    reportsCsp.add(context);
    await context.exposeBinding('__accessMonitorCspViolation', ({ frame, page }, text: string) => {
      guards.get(page)?.cspViolations.push(`${text} (in ${frame.url()})`);
    });
    await reportCspViolations(context);
  }
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return problems;
}

const reportsCsp = new WeakSet<BrowserContext>();

async function reportCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (globalThis as unknown as Record<string, (text: string) => void>)
        .__accessMonitorCspViolation;
      const sample = event.sample ? ` "${event.sample}"` : '';
      void report?.(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}${sample}` +
          ` at ${event.sourceFile || '?'}:${event.lineNumber}`,
      );
    });
  });
}

function isAllowed(url: string, origins: readonly string[]): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    return origins.includes(new URL(url).origin);
  } catch {
    return false;
  }
}

/**
 * Guards a page of a context the test made itself (e.g. a persistent one with its own profile
 * settings), as openApp() does: `origins` are the app's and any other the test itself serves.
 */
export async function guardPage(
  context: BrowserContext,
  page: Page,
  origins: readonly string[],
): Promise<void> {
  guards.set(page, await guard(context, page, origins));
}

/** What the guard of `page` recorded so far. */
export function problemsOf(page: Page): Problems {
  const problems = guards.get(page);
  if (!problems) throw new Error('This page was not opened with openApp()');
  return problems;
}

/**
 * Fails unless the page made no foreign request, logged no error, threw nothing, failed no
 * same-origin request and opened no dialog. `allow` lists patterns of entries a test expects,
 * e.g. a 500 it provoked on purpose: [/api\/v1\/aid-flow.*HTTP 500/, /status of 500/].
 */
export function expectCleanPage(page: Page, { allow = [] }: { allow?: RegExp[] } = {}): void {
  const found = (Object.entries(problemsOf(page)) as [string, string[]][])
    .map(
      ([kind, list]) =>
        [kind, list.filter((entry) => !allow.some((re) => re.test(entry)))] as const,
    )
    .filter(([, list]) => list.length > 0);
  expect(
    Object.fromEntries(found),
    `the page should be clean, but:\n${found
      .map(([kind, list]) => `  ${kind}:\n${list.map((entry) => `    - ${entry}`).join('\n')}`)
      .join('\n')}`,
  ).toEqual({});
}

/** The Crossings panel: a <section> named by its "Crossings" heading. */
export function crossingsSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Crossings', exact: true });
}

/** Waits until `section` carries data-state="ready"; on timeout says what it showed instead. */
export async function waitForReady(page: Page, section: Locator): Promise<void> {
  try {
    await section.and(page.locator('[data-state="ready"]')).waitFor({ timeout: READY_TIMEOUT });
  } catch (error) {
    const seen = await describeSection(section);
    const problems = JSON.stringify(problemsOf(page), null, 2);
    throw new Error(
      `The section did not reach data-state="ready" within ${READY_TIMEOUT} ms.\n` +
        `It showed: ${seen}\nGuard: ${problems}\n${(error as Error).message}`,
      { cause: error },
    );
  }
}

async function describeSection(section: Locator): Promise<string> {
  if ((await section.count()) === 0) return '(no such section on the page)';
  return section.first().evaluate((element) =>
    JSON.stringify({
      'data-state': element.getAttribute('data-state'),
      'aria-busy': element.getAttribute('aria-busy'),
      text: (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 500),
    }),
  );
}

export interface BoardRow {
  /** The row header: the crossing's name. */
  name: string;
  /** The text of the other cells, in order. */
  cells: string[];
  /** The non-empty text nodes of the other cells, trimmed, in document order. */
  texts: string[];
}

/** The rows of the board: one per crossing, headed by a <th scope="row"> with its name. */
export async function boardRows(section: Locator): Promise<BoardRow[]> {
  return section.locator('tr:has(th[scope="row"])').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('td')];
      const texts: string[] = [];
      for (const cell of cells) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = (node.textContent ?? '').trim();
          if (text) texts.push(text);
        }
      }
      return {
        name: (row.querySelector('th[scope="row"]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        cells: cells.map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
        texts,
      };
    }),
  );
}

/** A crossing of the phone answer (at 600 px and narrower), as the reader sees it. */
export interface PhoneRow {
  id: string;
  /** The crossing's name (its disclosure button). */
  name: string;
  /** The status word, as rendered. */
  status: string;
  /** Each source column's text: a count and its day, or a dash. */
  figures: string[];
  /** Where the crossing's rows end on screen (px from the top of the viewport). */
  bottom: number;
}

/** The phone answer's crossings in `section` (each a tbody[data-crossing]). */
export async function phoneRows(section: Locator): Promise<PhoneRow[]> {
  return section.locator('tbody[data-crossing]').evaluateAll((groups) =>
    groups.map((group) => ({
      id: group.getAttribute('data-crossing') ?? '',
      name: (group.querySelector('button[aria-expanded]')?.textContent ?? '').trim(),
      status: (group.querySelector('.status__word')?.textContent ?? '').trim(),
      figures: [...group.querySelectorAll('tr.phone-answer__figures td')].map((td) =>
        (td.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ),
      bottom: Math.max(
        ...[...group.querySelectorAll(':scope > tr:not(.phone-answer__details)')].map(
          (tr) => tr.getBoundingClientRect().bottom,
        ),
      ),
    })),
  );
}

/**
 * The first status word (Open / Restricted / Closed / Unknown) that starts a text node of the
 * row's cells: the word as rendered on its own, not a word inside a sentence of a note.
 */
export function statusWord(row: BoardRow): string | undefined {
  const pattern = new RegExp(`^(${STATUS_WORDS.join('|')})(?![\\p{L}])`, 'u');
  for (const text of row.texts) {
    const match = pattern.exec(text);
    if (match) return match[1];
  }
  return undefined;
}

/** Panels below the board load when scrolled near: scroll until the chart is there and ready. */
export async function showChart(page: Page, id: string): Promise<Locator> {
  const section = page.locator(`section[data-chart="${id}"]`);
  for (let i = 0; i < 30 && (await section.count()) === 0; i++) {
    const deferred = page.locator('[data-deferred]').first();
    if (await deferred.count())
      await deferred.scrollIntoViewIfNeeded({ timeout: 2000 }).catch(() => {});
    await page.waitForTimeout(250);
  }
  await section.scrollIntoViewIfNeeded();
  await waitForReady(page, section);
  return section;
}

/** Opens a chart's "Show as table" (its table is built when opened) and waits for the table. */
export async function openTable(section: Locator): Promise<void> {
  const details = section.locator('details.chart__table').first();
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await details.locator('summary').click();
  await details.locator('table').waitFor({ timeout: READY_TIMEOUT });
}

/** Scroll through the overview until every deferred panel has loaded (the board first). */
export async function loadEveryPanel(page: Page, tries = 40): Promise<void> {
  await waitForReady(page, crossingsSection(page));
  for (let i = 0; i < tries; i++) {
    const placeholders = page.locator('[data-deferred]');
    if ((await placeholders.count()) === 0) return;
    await placeholders
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'center' }))
      .catch(() => {});
    await page.waitForTimeout(250);
  }
  throw new Error('some panels never loaded');
}

/** Waits until every panel on the page is ready or empty (none loading, none failed). */
export async function expectEveryPanelSettled(page: Page, timeout = 90_000): Promise<void> {
  const sections = page.locator('section[data-state]');
  await expect
    .poll(
      () =>
        sections.evaluateAll((all) =>
          all
            .filter((s) => !['ready', 'empty'].includes(s.getAttribute('data-state') ?? ''))
            .map((s) => s.getAttribute('aria-labelledby') ?? s.className),
        ),
      { timeout },
    )
    .toEqual([]);
}
