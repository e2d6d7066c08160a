/**
 * Dense bars in a real Chromium: over the whole range the aid-flow chart has more bars than its
 * width holds, so it draws each series as one <path> (not ~2,000 <rect>s). The paths paint the
 * plot, the hover tooltip still reads a bucket, and the exported SVG carries the same paths.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectCleanPage, setUpBrowser, showChart } from './harness.ts';

const browser = setUpBrowser();

/** The dense paths (series, geometry, fill) under `root`, in order. In-page code. */
function readDensePaths(root: ParentNode) {
  return [...root.querySelectorAll('[data-dense-series]')].map((p) => ({
    series: p.getAttribute('data-dense-series') ?? '',
    d: p.getAttribute('d') ?? '',
    fill: p.getAttribute('fill') ?? '',
  }));
}

async function downloadSvg(page: Page, section: Locator): Promise<string> {
  const details = section.locator('details.export-menu').last();
  await details.locator('summary').click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    details.getByRole('button', { name: 'Download SVG', exact: true }).click(),
  ]);
  return readFile((await file.path())!, 'utf8');
}

describe('Dense bars', () => {
  it('over the whole range, aid flow draws one path per series, and exports the same', async () => {
    const page = await browser.openApp('/?range=all', {
      baseUrl: inject('demoUrl'),
      beforeNavigate: (p) => p.emulateMedia({ reducedMotion: 'reduce' }),
    });
    const section = await showChart(page, 'aid-flow');
    const svg = section.locator('svg.recharts-surface').first();
    await svg.locator('[data-dense-bars] path').first().waitFor({ timeout: 30_000 });

    const drawn = await svg.evaluate((el) => {
      const paths = [...el.querySelectorAll('[data-dense-series]')] as SVGPathElement[];
      const plot = el.getBoundingClientRect();
      return {
        paths: paths.length,
        allPaths: el.querySelectorAll('path').length,
        elements: el.querySelectorAll('*').length,
        barRects: el.querySelectorAll('.recharts-bar-rectangle').length,
        rectsPerPath: paths.map((p) => (p.getAttribute('d') ?? '').split('M').length - 1),
        // How far across the plot the bars reach, as a share of its width.
        reach: Math.max(...paths.map((p) => p.getBBox().width)) / plot.width,
        tallest: Math.max(...paths.map((p) => p.getBBox().height)),
      };
    });
    // A handful of paths (groups × stacked commodities), no element per bar.
    expect(drawn.paths).toBeGreaterThan(3);
    expect(drawn.paths).toBeLessThanOrEqual(3 * 8);
    expect(drawn.barRects).toBe(0);
    expect(drawn.elements).toBeLessThan(600);
    // Not blank: the series hold the bars of ~100 weeks and span the plot.
    expect(Math.max(...drawn.rectsPerPath)).toBeGreaterThan(50);
    expect(drawn.reach).toBeGreaterThan(0.8);
    expect(drawn.tallest).toBeGreaterThan(50);

    // The same bars on screen as in the legend's colours: the plot is painted, not white.
    const shot = await svg.screenshot();
    const orange = await page
      .context()
      .newPage()
      .then(async (bench) => {
        const n = await bench.evaluate(async (b64) => {
          const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
          const bitmap = await createImageBitmap(blob);
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(bitmap, 0, 0);
          const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
          let count = 0;
          // Okabe–Ito orange (#E69F00): food, the biggest commodity.
          for (let i = 0; i < px.length; i += 4)
            if (Math.abs(px[i]! - 0xe6) < 12 && Math.abs(px[i + 1]! - 0x9f) < 12 && px[i + 2]! < 30)
              count++;
          return count;
        }, shot.toString('base64'));
        await bench.close();
        return n;
      });
    expect(orange).toBeGreaterThan(2000);

    // Hovering a bucket still says its values (the tooltip reads the x axis, not the bars).
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
    await expect
      .poll(() => section.locator('.chart-tooltip').textContent(), { timeout: 10_000 })
      .toMatch(/Entered — /);

    // So does the keyboard: the chart's accessibility layer moves along the buckets.
    await page.mouse.move(0, 0);
    await expect.poll(() => section.locator('.chart-tooltip').count()).toBe(0);
    await svg.focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => section.locator('.chart-tooltip').textContent(), { timeout: 10_000 })
      .toMatch(/Entered — /);

    // The exported SVG carries the very same paths, fills renamed to its own patterns.
    const onScreen = await svg.evaluate(readDensePaths);
    const file = await downloadSvg(page, section);
    const bench = await page.context().newPage();
    const exported = await bench.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        patterns: [...doc.querySelectorAll('pattern')].map((p) => p.id),
        // As readDensePaths, inside the page.
        paths: [...doc.querySelectorAll('[data-dense-series]')].map((p) => ({
          series: p.getAttribute('data-dense-series') ?? '',
          d: p.getAttribute('d') ?? '',
          fill: p.getAttribute('fill') ?? '',
        })),
      };
    }, file);
    expect(exported.error).toBe(false);
    expect(exported.paths.map(({ series, d }) => ({ series, d }))).toEqual(
      onScreen.map(({ series, d }) => ({ series, d })),
    );
    for (const [i, path] of exported.paths.entries()) {
      const local = /^url\(#(.+)\)$/.exec(path.fill)?.[1];
      if (local) expect(exported.patterns).toContain(local);
      else expect(path.fill).toBe(onScreen[i]!.fill);
    }
    expectCleanPage(page);

    // Right to left, the chart stays left to right: the same bars in the same places.
    const arabic = await browser.openApp('/?range=all&lang=ar', {
      baseUrl: inject('demoUrl'),
      beforeNavigate: (p) => p.emulateMedia({ reducedMotion: 'reduce' }),
    });
    const arabicSvg = (await showChart(arabic, 'aid-flow')).locator('svg.recharts-surface').first();
    await arabicSvg.locator('[data-dense-bars] path').first().waitFor({ timeout: 30_000 });
    expect(await arabicSvg.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(await arabicSvg.evaluate(readDensePaths)).toEqual(onScreen);
    expectCleanPage(arabic);
  });
});
