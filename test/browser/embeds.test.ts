/**
 * Embeds as another site shows them (issue 19, items 3 and 4). A host page on `localhost` (another
 * site than the app's 127.0.0.1) frames /embed/<chart> in a Chromium profile that blocks
 * third-party cookies and site data — the real browser setting (`profile.cookie_controls_mode`
 * = 1, "Block third-party cookies"), under which reading localStorage in the frame throws a
 * SecurityError and service workers are refused. And every embed names its publishers.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  CHROMIUM_ARGS,
  chromiumPath,
  expectCleanPage,
  guardPage,
  READY_TIMEOUT,
  setUpBrowser,
  waitForReady,
} from './harness.ts';
import { CHART_IDS } from '../../src/domain/panels.ts';

const browser = setUpBrowser();

/** Every chart of the panel list: each has an /embed/<chart> page and exports. */
const EMBEDS = CHART_IDS;

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

let host: Server | undefined;
let hostOrigin = '';
const contexts: { context: BrowserContext; dir: string }[] = [];

/**
 * A browser with a profile of its own that blocks third-party cookies and site data; one per
 * test, since the guard's routes are context-wide and each test allows its own origins.
 */
async function blockingBrowser(): Promise<BrowserContext> {
  const dir = await mkdtemp(join(tmpdir(), 'am-3p-blocked-'));
  await mkdir(join(dir, 'Default'));
  await writeFile(
    join(dir, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: 1, block_third_party_cookies: true } }),
  );
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: await chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1024, height: 800 },
  });
  contexts.push({ context, dir });
  // A plain page of the app's origin that may be framed (under /embed/), without the app.
  if ((await storageInFrameOf(context, `${inject('demoUrl')}/embed/probe.txt`)) === 'readable')
    await context.addInitScript(emulateBlockedStorage);
  return context;
}

/**
 * Chromium's headless shell (the one npm installs, @sparticuz/chromium) ignores the profile's
 * third-party-cookie setting, and so lets a frame of another site read storage: there the block
 * is emulated as the full browser applies it — reading `localStorage` in a frame of another site
 * throws a SecurityError and service workers are unavailable. Debian's Chromium applies the real
 * setting, and the browser tests run in both.
 */
function emulateBlockedStorage(): void {
  let otherSite = false;
  try {
    void window.top?.location.host;
  } catch {
    otherSite = true;
  }
  if (!otherSite) return;
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    },
  });
  Object.defineProperty(Navigator.prototype, 'serviceWorker', {
    configurable: true,
    get: () => undefined,
  });
}

/** Whether a frame of `url` in the host page (another site) may read storage, in `context`. */
async function storageInFrameOf(context: BrowserContext, url: string): Promise<string> {
  const probe = await context.newPage();
  try {
    await probe.goto(`${hostOrigin}/?src=${encodeURIComponent(url)}`, { waitUntil: 'load' });
    const frame = probe.frames().find((f) => f.url().startsWith(url));
    if (!frame) throw new Error(`the host page did not frame ${url}`);
    return await storageInFrame(frame);
  } finally {
    await probe.close();
  }
}

beforeAll(async () => {
  // A host page of another site: /?src=<url> frames that URL.
  host = createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://localhost').searchParams.get('src') ?? '';
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><html lang="en"><title>A news site</title><h1>A news site</h1>` +
        `<iframe title="Embedded chart" src="${escapeAttribute(src)}" width="720" height="640"></iframe>`,
    );
  });
  await new Promise<void>((done) => host!.listen(0, 'localhost', done));
  const address = host.address();
  hostOrigin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
});

afterEach(async () => {
  await Promise.allSettled(
    contexts.splice(0).map(async ({ context, dir }) => {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    }),
  );
});

afterAll(async () => {
  await new Promise((done) => host?.close(done));
});

/** The host page framing `src`, guarded like every page of these tests; and the frame. */
async function hostFraming(
  context: BrowserContext,
  src: string,
): Promise<{ page: Page; frame: Frame }> {
  const page = await context.newPage();
  await guardPage(context, page, [hostOrigin, new URL(src).origin]);
  await page.goto(`${hostOrigin}/?src=${encodeURIComponent(src)}`);
  const handle = await page.locator('iframe').elementHandle();
  const frame = await handle!.contentFrame();
  await frame!.waitForLoadState('domcontentloaded');
  return { page, frame: frame! };
}

/** What reading localStorage does inside the frame: proves the browser setting is in force. */
const storageInFrame = (frame: Frame) =>
  frame.evaluate(() => {
    try {
      localStorage.getItem('probe');
      return 'readable';
    } catch (error) {
      return (error as DOMException).name;
    }
  });

describe('An embed in a page of another site, third-party storage blocked', () => {
  it('the demo says in one sentence that it cannot run there, and links to the full page', async () => {
    const demo = inject('demoUrl');
    const context = await blockingBrowser();
    const { page, frame } = await hostFraming(context, `${demo}/embed/aid-flow?from=2025-01-01`);
    expect(await storageInFrame(frame)).toBe('SecurityError');

    const message = frame.getByRole('alert');
    await message.waitFor({ timeout: READY_TIMEOUT });
    const text = (await message.textContent()) ?? '';
    expect(text).toContain('This demo cannot run inside another site’s page');
    expect(text).not.toMatch(/not configured correctly|localStorage|config\.json/);
    expect(await frame.locator('body').textContent()).not.toMatch(/not configured correctly/);

    const link = message.getByRole('link', { name: 'Open it in its own page' });
    expect(await link.getAttribute('target')).toBe('_blank');
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe(`${demo}/?from=2025-01-01&v=2#chart-aid-flow`);
    expectCleanPage(page);

    // …and the full page, opened on its own (first-party storage), works.
    const full = await context.newPage();
    await guardPage(context, full, [new URL(demo).origin]);
    await full.goto(href);
    await waitForReady(full, full.getByRole('region', { name: 'Crossings', exact: true }));
    expectCleanPage(full);
  });

  it('an embed of a REST source shows its chart and its publishers there', async () => {
    const context = await blockingBrowser();
    const { page, frame } = await hostFraming(context, `${inject('apiUrl')}/embed/aid-flow`);
    expect(await storageInFrame(frame)).toBe('SecurityError');
    const section = frame.locator('section[data-chart="aid-flow"]');
    await section.and(frame.locator('[data-state="ready"]')).waitFor({ timeout: READY_TIMEOUT });
    expect(await section.locator('.chart__source').textContent()).toMatch(/^Source: /);
    expectCleanPage(page);
  });
});

describe('Every embed names its publishers', () => {
  for (const id of EMBEDS) {
    it(`/embed/${id} has a source line with licence and verification`, async () => {
      const page = await browser.openApp(`/embed/${id}`, { baseUrl: inject('demoUrl') });
      const section = page.locator(`section[data-chart="${id}"]`);
      await waitForReady(page, section);
      const line = section.locator('.chart__source');
      expect(await line.count()).toBe(1);
      // e.g. "Source: Border Authority (synthetic) (CC BY 4.0) — 60% verified, 40% reported…"
      expect(await line.textContent()).toMatch(
        /^Source: .+ \(.+\) — \d+(\.\d+)?\s?% (verified|reported|disputed|unverified)/,
      );
      expectCleanPage(page);
    });
  }
});
