/**
 * Exports in a real Chromium: for each chart and the map, the PNG, SVG and CSV a journalist
 * downloads. The PNG decodes at the chosen size and is not blank; the SVG parses, carries title,
 * legend, sources and the synthetic mark and refers to nothing outside itself; the CSV parses
 * back to the rows shown. The embed route draws one chart alone; an empty period says so.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Locator, Page, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  expectCleanPage,
  openTable,
  problemsOf,
  setUpBrowser,
  showChart,
  waitForReady,
} from './harness.ts';
import { CHART_IDS } from '../../src/domain/panels.ts';

const browser = setUpBrowser();

/** Every chart of the panel list: each has an /embed/<chart> page and exports. */
const CHARTS = CHART_IDS;

const SYNTHETIC = 'Synthetic demo data — not real figures';

async function open(path: string, baseUrl = inject('demoUrl')): Promise<Page> {
  return browser.openApp(path, {
    baseUrl,
    beforeNavigate: (page) => page.emulateMedia({ reducedMotion: 'reduce' }),
  });
}

async function openMenu(section: Locator): Promise<Locator> {
  const details = section.locator('details.export-menu').last();
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await details.locator('summary').click();
  return details;
}

async function download(page: Page, menu: Locator, name: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('button', { name, exact: true }).click(),
  ]);
  const bytes = await readFile((await file.path())!);
  return { name: file.suggestedFilename(), bytes };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const workbenches = new WeakMap<Page, Promise<Page>>();

/**
 * A blank page in the app's browser context, to decode and parse downloads in: the app's CSP
 * (rightly) refuses the data: fetch and the style attributes of a parsed SVG, and those refusals
 * would be counted against the app.
 */
function workbench(page: Page): Promise<Page> {
  let bench = workbenches.get(page);
  if (!bench) {
    bench = page.context().newPage();
    workbenches.set(page, bench);
  }
  return bench;
}

/** Distinct colours and the alpha of the bottom-right pixel, decoded in a browser page. */
async function pngLook(page: Page, bytes: Buffer) {
  return (await workbench(page)).evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bitmap = await createImageBitmap(blob);
    const scale = Math.min(1, 600 / bitmap.width);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < px.length; i += 4)
      seen.add((px[i]! << 24) | (px[i + 1]! << 16) | (px[i + 2]! << 8) | px[i + 3]!);
    // The bottom-right corner is margin (the top is the synthetic banner).
    return { colours: seen.size, cornerAlpha: px[px.length - 1]! };
  }, bytes.toString('base64'));
}

/** The SVG parsed by a browser page: errors, texts, and references that leave the file. */
async function svgFacts(page: Page, text: string) {
  return (await workbench(page)).evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const external: string[] = [];
    for (const el of doc.querySelectorAll('*'))
      for (const attr of el.attributes) {
        if (/href$/i.test(attr.name) && !/^(#|data:)/.test(attr.value)) external.push(attr.value);
        for (const m of attr.value.matchAll(/url\(\s*["']?([^"')]*)/g))
          if (!/^(#|data:)/.test(m[1]!)) external.push(m[1]!);
      }
    for (const style of doc.querySelectorAll('style'))
      for (const m of (style.textContent ?? '').matchAll(/url\(\s*["']?([^"')]*)/g))
        if (!/^(#|data:)/.test(m[1]!)) external.push(m[1]!);
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.localName,
      width: Number(doc.documentElement.getAttribute('width')),
      height: Number(doc.documentElement.getAttribute('height')),
      text: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '').join('\n'),
      fonts: (doc.querySelector('style')?.textContent ?? '').match(/@font-face/g)?.length ?? 0,
      synthetic: doc.querySelectorAll('text[data-synthetic]').length,
      charts: doc.querySelectorAll('svg svg, image').length,
      markup: doc.querySelectorAll('img, b, script, foreignObject').length,
      external,
    };
  }, text);
}

/** RFC 4180, as a spreadsheet reads it (papaparse: the project's one CSV library). */
function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('Export', () => {
  it.each(CHARTS)('%s: PNG, SVG and CSV carry the chart and its provenance', async (id) => {
    const page = await open(id === 'aid-flow' ? '/?range=all' : '/?range=90d');
    const section = await showChart(page, id);
    const title = (await section.locator('h2, h3').first().textContent())!.trim();
    const legendLabel =
      id === 'map'
        ? (await section.locator('.map-legend__item span').first().textContent())!.trim()
        : (await section.locator('.chart-legend__item span').first().textContent())!.trim();
    const menu = await openMenu(section);

    // SVG: valid, self-contained, with title, legend, sources, period and the synthetic mark.
    const svg = await download(page, menu, 'Download SVG');
    expect(svg.name).toMatch(new RegExp(`^${id}_\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}\\.svg$`));
    const facts = await svgFacts(page, svg.bytes.toString('utf8'));
    expect(facts.errors, 'the SVG parses as XML').toBe(0);
    expect(facts.root).toBe('svg');
    expect(facts.external, 'references outside the file').toEqual([]);
    expect(facts.fonts, 'embedded @font-face rules').toBeGreaterThanOrEqual(2);
    expect(facts.charts, 'the chart itself is inside').toBeGreaterThan(0);
    expect(facts.text).toContain(title);
    expect(facts.text).toContain(legendLabel);
    expect(facts.text).toMatch(/Source: .+\(/);
    expect(facts.text).toContain('Asia/Gaza');
    expect(facts.text).toContain('Access Monitor');
    expect(facts.text).toContain(`#chart-${id}`);
    expect(facts.synthetic, 'the synthetic mark').toBeGreaterThan(0);
    expect(facts.text).toContain(SYNTHETIC);

    // PNG: 1× for all but aid-flow (4×, transparent); decodes at that size and is not blank.
    const scale = id === 'aid-flow' ? 4 : 1;
    await menu.getByLabel('Image size').selectOption(String(scale));
    if (id === 'aid-flow') await menu.getByLabel('Transparent background').check();
    const png = await download(page, menu, 'Download PNG');
    expect(png.name).toMatch(/\.png$/);
    const size = pngSize(png.bytes);
    expect(size).toEqual({ width: facts.width * scale, height: facts.height * scale });
    const look = await pngLook(page, png.bytes);
    expect(look.colours, 'distinct colours in the PNG').toBeGreaterThan(30);
    expect(look.cornerAlpha).toBe(id === 'aid-flow' ? 0 : 255);

    // CSV: UTF-8 with BOM, parses back to the rows of the table shown.
    const csv = await download(page, menu, 'Download CSV');
    expect(csv.name).toMatch(new RegExp(`^${id}_.*\\.csv$`));
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.bytes.toString('utf8').slice(1));
    const header = rows[0]!;
    expect(header).toContain('Source');
    expect(header).toContain('Verification');
    // The map's CSV lists its places; a chart's, the rows of its table.
    const shown =
      id === 'map'
        ? await section.locator('.map-list li, .place-list li').count()
        : await openTable(section).then(() => section.locator('.chart__table tbody tr').count());
    if (id === 'map') expect(rows.length - 1).toBeGreaterThan(10);
    else expect(rows.length - 1).toBe(shown);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    if (!['events', 'hospitals-fuel', 'map'].includes(id))
      expect(rows[1]![0]).toMatch(/^\d{4}-\d{2}-\d{2}(\/\d{4}-\d{2}-\d{2})?$/);
    expectCleanPage(page);
  });

  it.each([
    {
      lang: 'ar',
      title: 'تدفق المساعدات',
      font: /U\+6\?\?|U\+0600/,
      png: 'تنزيل PNG',
      svg: 'تنزيل SVG',
    },
    {
      lang: 'he',
      title: 'זרימת הסיוע',
      font: /U\+0?590-0?5FF/i,
      png: 'הורדת PNG',
      svg: 'הורדת SVG',
    },
  ])('in $lang the image reads right to left with its script in its own font', async (c) => {
    const page = await open(`/?range=90d&lang=${c.lang}`);
    const section = await showChart(page, 'aid-flow');
    const menu = await openMenu(section);
    const svg = await download(page, menu, c.svg);
    const source = svg.bytes.toString('utf8');
    const facts = await svgFacts(page, source);
    expect(facts.errors).toBe(0);
    expect(facts.external).toEqual([]);
    expect(facts.text).toContain(c.title);
    // The script's face is inside the file (a reader's machine may not have it).
    const faces = source.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces.some((face) => c.font.test(face))).toBe(true);
    const title = await (
      await workbench(page)
    ).evaluate(
      ([text, wanted]) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const t = [...doc.querySelectorAll('svg > text')].find((el) => el.textContent === wanted);
        return t && { direction: t.getAttribute('direction'), x: Number(t.getAttribute('x')) };
      },
      [source, c.title] as const,
    );
    expect(title?.direction).toBe('rtl');
    expect(title!.x).toBeGreaterThan(facts.width / 2);
    const png = await download(page, menu, c.png);
    const look = await pngLook(page, png.bytes);
    expect(look.colours).toBeGreaterThan(30);
    // For checking by eye: SHOTS_DIR=/some/dir keeps the images.
    if (process.env.SHOTS_DIR) {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(`${process.env.SHOTS_DIR}/export-${c.lang}.png`, png.bytes);
      await writeFile(`${process.env.SHOTS_DIR}/export-${c.lang}.svg`, svg.bytes);
    }
    expectCleanPage(page);
  });

  it('copies a permalink and an iframe embed code with a title', async () => {
    const page = await open('/?range=90d&commodities=food');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const section = await showChart(page, 'aid-flow');
    const menu = await openMenu(section);
    await menu.getByRole('button', { name: 'Copy link', exact: true }).click();
    await menu.getByRole('status').getByText('Link copied').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    // Dates pinned by default (issue 18): the days shown replace the moving "last 90 days".
    expect(link).toMatch(
      /\/\?commodities=food&from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d&v=2#chart-aid-flow$/,
    );
    await menu.getByRole('button', { name: 'Copy embed code', exact: true }).click();
    await menu.getByRole('status').getByText('Embed code copied').waitFor();
    const code = await page.evaluate(() => navigator.clipboard.readText());
    expect(code).toMatch(
      /^<iframe src="[^"]+\/embed\/aid-flow\?commodities=food&amp;from=[\d-]+&amp;to=[\d-]+&amp;v=2" title="Aid flow — Access Monitor" width="100%" height="\d+"/,
    );
    expectCleanPage(page);
  });

  it('the embed route draws one chart alone with its caption, sized to its frame', async () => {
    const page = await browser.openApp('/embed/hospitals-beds?range=90d', {
      baseUrl: inject('demoUrl'),
      viewport: { width: 560, height: 700 },
    });
    const section = page.locator('section[data-chart="hospitals-beds"]');
    await waitForReady(page, section);
    expect(await page.locator('section[data-chart]').count()).toBe(1);
    expect(await page.locator('.app-header, .app-footer').count()).toBe(0);
    await section.getByText(SYNTHETIC).waitFor();
    await section.getByText(/data as of .*Asia\/Gaza/).waitFor();
    await section
      .getByText(/^Source:/)
      .first()
      .waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const unknown = await browser.openApp('/embed/nope', { baseUrl: inject('demoUrl') });
    await unknown
      .getByRole('alert')
      .getByText(/no chart called “nope”/)
      .waitFor();
    expectCleanPage(page);
    expectCleanPage(unknown);
  });

  it('an empty period gives an image that says so, not a blank file', async () => {
    const page = await open('/?from=2001-01-01&to=2001-01-31');
    const section = page.locator('section[data-chart="aid-flow"]');
    for (let i = 0; i < 20 && (await section.count()) === 0; i++) {
      await page
        .locator('[data-deferred]')
        .first()
        .scrollIntoViewIfNeeded()
        .catch(() => {});
      await page.waitForTimeout(250);
    }
    await section.and(page.locator('[data-state="empty"]')).waitFor();
    const svg = await download(page, await openMenu(section), 'Download SVG');
    const facts = await svgFacts(page, svg.bytes.toString('utf8'));
    expect(facts.errors).toBe(0);
    expect(facts.text).toContain('No data for this period');
    expect(facts.text).toContain('Aid flow');
    expectCleanPage(page);
  });

  it('markup and very long names from a source stay text in the SVG', async () => {
    // Long, but within what the schema accepts for a name (120 characters).
    const markup = `<img src=x onerror="window.__xss=1"><b>Gate X9</b> ${'long name '.repeat(6)}`;
    const page = await browser.openApp('/?range=30d', {
      baseUrl: inject('apiUrl'),
      beforeNavigate: async (p) => {
        await p.emulateMedia({ reducedMotion: 'reduce' });
        await p.route('**/api/v1/theatre', (route) => withName(route, markup));
      },
    });
    const section = await showChart(page, 'aid-flow');
    await section.getByRole('radio', { name: 'crossing' }).check();
    await waitForReady(page, section);
    await section.locator('.chart-legend__item', { hasText: 'Gate X9' }).waitFor();
    const svg = await download(page, await openMenu(section), 'Download SVG');
    const facts = await svgFacts(page, svg.bytes.toString('utf8'));
    expect(facts.errors).toBe(0);
    // Wrapped over lines, and shortened, but text: no element came out of the name.
    expect(facts.text).toContain('<img');
    expect(facts.text).toContain('<b>Gate');
    expect(facts.markup).toBe(0);
    expect(facts.external).toEqual([]);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(problemsOf(page).dialogs).toEqual([]);
    expectCleanPage(page);
  });
});

async function withName(route: Route, name: string): Promise<void> {
  const response = await route.fetch();
  if (!response.ok()) return route.fulfill({ response });
  const body = (await response.json()) as {
    data: { crossings: { id: string; names: { en: string } }[] };
  };
  // Kerem Shalom carries most of the flow: its name is in the legend when stacked by crossing.
  body.data.crossings.find((c) => c.id === 'kerem-shalom')!.names.en = name;
  await route.fulfill({ response, json: body });
}
