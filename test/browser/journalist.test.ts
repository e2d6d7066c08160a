/**
 * The journalist's journey (issue 18, items 1, 2, 5 and 6): "aid into Gaza since the war began,
 * by crossing, in tonnes". A copied link lands on its chart; "All" pinned to the days shown
 * still shows them a week later; "Download data" is a ZIP of a clean CSV and its README; the
 * embed code fills its container's width and follows the chart's height in a page of another
 * site (localhost against the app's 127.0.0.1), and still shows the chart without its script.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  CHROMIUM_ARGS,
  chromiumPath,
  expectCleanPage,
  guardPage,
  READY_TIMEOUT,
  setUpBrowser,
  showChart,
  waitForReady,
} from './harness.ts';

const browser = setUpBrowser();
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

/** A moment for the app's clock (Date only: timers keep running). */
const NOW = new Date('2026-11-29T10:00:00Z');
const WEEK_LATER = new Date(+NOW + 7 * 86_400_000);

async function open(path: string, now?: Date, baseUrl = inject('demoUrl')): Promise<Page> {
  return browser.openApp(path, {
    baseUrl,
    beforeNavigate: async (page) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      if (now) await page.clock.setFixedTime(now);
    },
  });
}

async function openMenu(section: Locator): Promise<Locator> {
  const details = section.locator('details.export-menu').last();
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await details.locator('summary').click();
  return details;
}

async function copied(page: Page, menu: Locator, button: string, done: string): Promise<string> {
  await menu.getByRole('button', { name: button, exact: true }).click();
  await menu.getByRole('status').getByText(done).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** The days the chart shows, as its CSV export names them (aid-flow_<from>_<to>.csv). */
const shownDays = (page: Page, chart = 'aid-flow') =>
  page.evaluate(async (id) => (await window.__accessMonitorExport!(id, 'csv')).filename, chart);

const pathOf = (href: string) => {
  const url = new URL(href);
  return `${url.pathname}${url.search}${url.hash}`;
};

/** Where the chart's section is in the viewport, and what has focus. */
const landing = (page: Page, chart: string) =>
  page.evaluate((id) => {
    const section = document.getElementById(`chart-${id}`);
    const rect = section?.getBoundingClientRect();
    const active = document.activeElement;
    return {
      top: rect ? Math.round(rect.top) : null,
      scrollY: Math.round(window.scrollY),
      state: section?.getAttribute('data-state') ?? null,
      focusInChart: Boolean(section && active && section.contains(active)),
      focusIsHeading: Boolean(active && /^H[23]$/.test(active.tagName)),
    };
  }, chart);

describe('1. A copied link lands on its chart', () => {
  for (const [where, path, chart] of [
    ['the overview', '/?range=all#chart-aid-flow', 'aid-flow'],
    ['a crossing page', '/crossings/kerem-shalom?range=90d#chart-crossing-gaps', 'crossing-gaps'],
  ] as const) {
    it(`on ${where}: scrolled to the chart once drawn, focus on its heading, and kept there`, async () => {
      const page = await open(path, undefined);
      await waitForReady(page, page.locator(`section[data-chart="${chart}"]`));
      await expect
        .poll(() => landing(page, chart), { timeout: READY_TIMEOUT })
        .toMatchObject({ focusInChart: true, focusIsHeading: true });
      const first = await landing(page, chart);
      expect(first.scrollY, 'the page scrolled down to the chart').toBeGreaterThan(100);
      expect(first.top).toBeGreaterThanOrEqual(-2);
      expect(first.top).toBeLessThan(120);
      // Panels above finish loading and change height: the chart stays where it landed.
      await page.waitForTimeout(3000);
      const later = await landing(page, chart);
      expect(later.top).toBeGreaterThanOrEqual(-2);
      expect(later.top).toBeLessThan(120);
      expect(later.focusInChart).toBe(true);
      expectCleanPage(page);
    });
  }

  it('lets the reader scroll away: landing never fights the wheel', async () => {
    const page = await open('/?range=all#chart-aid-flow');
    await expect
      .poll(() => landing(page, 'aid-flow'), { timeout: READY_TIMEOUT })
      .toMatchObject({ focusInChart: true });
    await page.mouse.move(600, 400);
    await page.mouse.wheel(0, -600);
    await page.waitForTimeout(800);
    const after = await landing(page, 'aid-flow');
    expect(after.top!).toBeGreaterThan(300);
    expectCleanPage(page);
  });
});

describe('2. Pinned dates: the same link shows the same days a week later', () => {
  it('"All" copied with "Pin dates" opens the same days after the clock moves', async () => {
    const page = await open('/?range=all&aid.measure=tonnes&aid.stack=crossing', NOW);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const section = await showChart(page, 'aid-flow');
    const days = await shownDays(page);
    const menu = await openMenu(section);
    const pin = menu.getByRole('checkbox', { name: /^Pin dates: / });
    expect(await pin.isChecked(), 'pinned by default').toBe(true);
    expect(await pin.evaluate((el) => el.closest('label')!.textContent)).toMatch(
      /Pin dates: .+ – .*Nov 29, 2026/,
    );
    const link = await copied(page, menu, 'Copy link', 'Link copied');
    const params = new URL(link).searchParams;
    expect(params.get('range')).toBeNull();
    expect(params.get('to')).toBe('2026-11-29');
    expect(`aid-flow_${params.get('from')}_${params.get('to')}.csv`).toBe(days);
    expect(params.get('aid.measure')).toBe('tonnes');
    expect(new URL(link).hash).toBe('#chart-aid-flow');
    // The embed and the image carry the pinned days too.
    const code = await copied(page, menu, 'Copy embed code', 'Embed code copied');
    expect(code).toContain(`from=${params.get('from')}&amp;to=2026-11-29`);
    // Unticked, the link is the live view ("All" keeps moving), for those who want it.
    await pin.uncheck();
    await menu.getByText(/follow the view’s moving window/).waitFor();
    const live = await copied(page, menu, 'Copy link', 'Link copied');
    expect(new URL(live).searchParams.get('range')).toBe('all');
    expect(new URL(live).searchParams.get('from')).toBeNull();
    expectCleanPage(page);

    // A week later, the pinned link shows the same days; the live one has moved on.
    const later = await open(pathOf(link), WEEK_LATER);
    await showChart(later, 'aid-flow');
    expect(await shownDays(later)).toBe(days);
    expectCleanPage(later);
    const moved = await open(pathOf(live), WEEK_LATER);
    await showChart(moved, 'aid-flow');
    expect(await shownDays(moved)).not.toBe(days);
    expectCleanPage(moved);
  });
});

/** The files of a STORE-only ZIP, read with Python's zipfile (which also checks the CRCs). */
async function unzip(bytes: Buffer): Promise<Map<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'am-zip-'));
  try {
    const path = join(dir, 'data.zip');
    await writeFile(path, bytes);
    const script =
      'import sys,zipfile,json\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n' +
      'print(json.dumps({i.filename: z.read(i).decode("utf-8") for i in z.infolist()}))';
    const files = JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }));
    return new Map(Object.entries(files as Record<string, string>));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('5. Download data: a clean CSV and its README in one ZIP', () => {
  it('tonnes by crossing since the war began: numbers rounded, README with period, sources, link', async () => {
    const page = await open('/?range=all&aid.measure=tonnes&aid.stack=crossing', NOW);
    const section = await showChart(page, 'aid-flow');
    const menu = await openMenu(section);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      menu.getByRole('button', { name: /^Download data/ }).click(),
    ]);
    const name = file.suggestedFilename();
    expect(name).toMatch(/^aid-flow_\d{4}-\d\d-\d\d_2026-11-29\.zip$/);
    const files = await unzip(await readFile((await file.path())!));
    const csvName = name.replace(/\.zip$/, '.csv');
    expect([...files.keys()]).toEqual([csvName, 'README.txt']);

    const csv = files.get(csvName)!;
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    const [header, ...body] = rows.data;
    expect(header!.some((h) => /tonnes/i.test(h))).toBe(true);
    expect(body.length).toBeGreaterThan(10);
    const numbers = body
      .flatMap((r) => r.slice(1))
      .filter((c) => /^-?\d+(\.\d+)?(e-?\d+)?$/.test(c));
    expect(numbers.length).toBeGreaterThan(10);
    // No binary-float noise: at most three decimals, and the same column never longer.
    for (const n of numbers) expect(n).toMatch(/^-?\d+(\.\d{1,3})?$/);

    const readme = files.get('README.txt')!;
    const title = (await section.locator('.panel__title').first().textContent())!.trim();
    expect(readme.startsWith(title)).toBe(true);
    expect(readme).toMatch(/Period: .+ – .*Nov 29, 2026/);
    expect(readme).toContain('These dates are fixed');
    expect(readme).toMatch(/\n- .+ — licence: .+ — verification: .+%/);
    expect(readme).toContain(`Columns of ${csvName}`);
    const link = /Link to this view\r\n(\S+)/.exec(readme)?.[1];
    expect(new URL(link!).searchParams.get('to')).toBe('2026-11-29');
    expect(new URL(link!).hash).toBe('#chart-aid-flow');
    expect(readme).toContain('Synthetic demo data');

    // The PNG as a journalist downloads it, for the record.
    await mkdir(SHOTS, { recursive: true });
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      menu.getByRole('button', { name: 'Download PNG', exact: true }).click(),
    ]);
    await writeFile(join(SHOTS, 'aid-flow-export.png'), await readFile((await png.path())!));
    expectCleanPage(page);
  });
});

describe('6. The embed code is responsive, in a page of another site', () => {
  let host: Server | undefined;
  let hostOrigin = '';
  let own: Browser | undefined;
  const pages = new Map<string, string>();

  beforeAll(async () => {
    // Another site: localhost, where the app is served on 127.0.0.1. /<name> serves a stored page.
    host = createServer((req, res) => {
      const body = pages.get(new URL(req.url ?? '/', 'http://localhost').pathname);
      res.statusCode = body === undefined ? 404 : 200;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(body ?? 'not found');
    });
    await new Promise<void>((done) => host!.listen(0, 'localhost', done));
    const address = host.address();
    hostOrigin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
    own = await chromium.launch({
      executablePath: await chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });

  afterAll(async () => {
    await own?.close();
    await new Promise((done) => host?.close(done));
  });

  /** A news article with the snippet in a column `width` px wide. */
  const article = (snippet: string, width: number) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A news site</title>` +
    `<style>body{margin:0;font:16px sans-serif}.column{width:${width}px;margin:0 auto}</style>` +
    `</head><body><div class="column"><h1>Aid into Gaza</h1><p>Our reporting.</p>` +
    `${snippet}<p id="after">The article goes on.</p></div></body></html>`;

  async function hostPage(name: string, html: string, width: number, appUrl: string) {
    pages.set(`/${name}`, html);
    const context = await own!.newContext({ viewport: { width: width + 40, height: 900 } });
    const page = await context.newPage();
    await guardPage(context, page, [hostOrigin, new URL(appUrl).origin]);
    await page.goto(`${hostOrigin}/${name}`);
    const frame = (await page.locator('iframe').elementHandle())!;
    const content = (await frame.contentFrame())!;
    return { page, frame: page.locator('iframe'), content };
  }

  /** The embed's chart, once drawn in its frame. */
  const frameReady = async (content: Frame) => {
    const section = content.locator('section[data-chart="aid-flow"]');
    await section.and(content.locator('[data-state="ready"]')).waitFor({ timeout: READY_TIMEOUT });
    return section;
  };

  /** The iframe's box and the embed's own document height, measured inside it. */
  const sizes = async (page: Page, content: Frame) => {
    const box = await page.locator('iframe').evaluate((f) => {
      const r = f.getBoundingClientRect();
      return { width: Math.round(r.width), height: Math.round(r.height) };
    });
    const inner = await content.evaluate(() => {
      // The chart's own bottom, whatever the page's CSS does with its main element.
      const chart = document.querySelector('section[data-chart]')!;
      return {
        scrollHeight: document.documentElement.scrollHeight,
        clientHeight: document.documentElement.clientHeight,
        contentBottom: Math.round(chart.getBoundingClientRect().bottom + window.scrollY),
      };
    });
    return { ...box, ...inner };
  };

  it('fills a 320 px and a 1200 px column; its height follows the chart; works without its script', async () => {
    const appUrl = inject('apiUrl');
    const setup = await open('/?range=90d', undefined, appUrl);
    await setup.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const section = await showChart(setup, 'aid-flow');
    const code = await copied(
      setup,
      await openMenu(section),
      'Copy embed code',
      'Embed code copied',
    );
    expect(code).toMatch(/^<iframe src="[^"]+\/embed\/aid-flow\?[^"]*from=\d{4}-\d\d-\d\d&amp;to=/);
    expect(code).toMatch(/ width="100%" height="\d+" style="width:100%;border:0"/);
    expect(code).toMatch(/<script>[\s\S]+<\/script>$/);
    expectCleanPage(setup);

    await mkdir(SHOTS, { recursive: true });
    const heights: number[] = [];
    for (const width of [320, 1200]) {
      const { page, content } = await hostPage(
        `article-${width}`,
        article(code, width),
        width,
        appUrl,
      );
      await frameReady(content);
      // The frame takes the height the embed posts: no inner scrollbar, no empty space below.
      const fits = (s: Awaited<ReturnType<typeof sizes>>) =>
        s.scrollHeight <= s.clientHeight + 1 &&
        s.height >= s.contentBottom &&
        s.height - s.contentBottom < 24;
      await expect
        .poll(async () => fits(await sizes(page, content)), { timeout: READY_TIMEOUT })
        .toBe(true)
        .catch(async (error: unknown) => {
          throw new Error(`at ${width} px: ${JSON.stringify(await sizes(page, content))}`, {
            cause: error,
          });
        });
      const s = await sizes(page, content);
      expect(s.width, `the frame fills the ${width} px column`).toBe(width);
      heights.push(s.height);
      await content
        .locator('section[data-chart="aid-flow"] svg.recharts-surface')
        .first()
        .waitFor();
      // The whole article in the viewport: Chromium does not paint a frame's parts off screen.
      const tall = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: width + 40, height: tall });
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(SHOTS, `embed-${width}.png`), fullPage: true });
      expectCleanPage(page);
    }
    // The narrow column wraps the caption and legend: the frame grows with them.
    expect(heights[0]).not.toBe(heights[1]);

    // A CMS that strips scripts keeps the plain iframe: full width, the fallback height, the chart.
    const plain = code.replace(/<script>[\s\S]*<\/script>$/, '');
    const fallback = Number(/ height="(\d+)"/.exec(plain)![1]);
    expect(fallback).toBeGreaterThanOrEqual(360);
    const { page, content } = await hostPage('plain-720', article(plain, 720), 720, appUrl);
    const chart = await frameReady(content);
    const s = await sizes(page, content);
    expect(s.width).toBe(720);
    expect(s.height).toBe(fallback);
    const plot = chart.locator('svg.recharts-surface').first();
    await plot.waitFor({ state: 'visible', timeout: READY_TIMEOUT });
    // The plot is inside the frame's fixed height: the reader sees the chart, scrolling for more.
    const top = await plot.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(fallback - 100);
    expectCleanPage(page);
  });
});
