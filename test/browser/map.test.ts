/**
 * The map panel in a real Chromium (software WebGL): it draws every crossing offline, clicking
 * one selects it on the board, markup in a name stays text, and nothing leaves the origin.
 */
import type { Locator, Page, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  crossingsSection,
  expectCleanPage,
  problemsOf,
  setUpBrowser,
  waitForReady,
} from './harness.ts';

const browser = setUpBrowser();

/** The map loads when scrolled near (it is below the board): bring it into view, then find it. */
async function showMap(page: Page): Promise<Locator> {
  // The placeholder is named like the panel, and marked as such until the map loads.
  const placeholder = page
    .getByRole('region', { name: 'Map', exact: true })
    .and(page.locator('[data-deferred]'));
  await placeholder
    .or(page.getByRole('region', { name: 'Map', exact: true }))
    .first()
    .waitFor();
  // It may already have turned into the map between the check and the scroll: that is fine.
  if (await placeholder.count())
    await placeholder.scrollIntoViewIfNeeded({ timeout: 2000 }).catch(() => {});
  return page.getByRole('region', { name: 'Map', exact: true });
}

interface CrossingJson {
  id: string;
  names: { en: string };
  location: { lat: number; lon: number };
}

/** The crossings the source sends, fetched in the page (through MSW for the demo). */
async function theatreCrossings(page: Page): Promise<CrossingJson[]> {
  return page.evaluate(async () => {
    const response = await fetch('/api/v1/theatre');
    const body = (await response.json()) as { data: { crossings: CrossingJson[] } };
    return body.data.crossings;
  });
}

/** Ids of the crossings drawn on the map now, via the test hook. */
async function renderedCrossings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hook = window.__accessMonitorMap!;
    return hook.map.queryRenderedFeatures([hook.crossingLayer]).map((f) => String(f.properties.id));
  });
}

describe('Map', () => {
  it('draws every crossing offline, with a canvas that is not blank', async () => {
    const page = await browser.openApp('/', { baseUrl: inject('demoUrl') });
    const section = await showMap(page);
    await waitForReady(page, section);
    const crossings = await theatreCrossings(page);
    expect(crossings.length).toBeGreaterThanOrEqual(6);
    const rendered = await renderedCrossings(page);
    for (const crossing of crossings)
      expect(rendered, `${crossing.id} is drawn on the map`).toContain(crossing.id);
    // Read the pixels back (the map keeps its drawing buffer) and count distinct colours.
    const colours = await page.evaluate(() => {
      const source = window.__accessMonitorMap!.map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(source, 0, 0);
      const pixels = ctx.getImageData(0, 0, copy.width, copy.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4 * 7)
        seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
      return seen.size;
    });
    expect(colours, 'distinct colours on the map canvas').toBeGreaterThan(50);
    // The image export draws the map with its legend.
    const png = await page.evaluate(async () => {
      const blob = await window.__accessMonitorMap!.exportPng();
      return { type: blob.type, size: blob.size };
    });
    expect(png.type).toBe('image/png');
    expect(png.size).toBeGreaterThan(10_000);
    // Basemap, fonts, worker and data all came from the app's own origin.
    expectCleanPage(page);
  });

  it('clicking a crossing shows its details and selects it on the board', async () => {
    const page = await browser.openApp('/', { baseUrl: inject('demoUrl') });
    const section = await showMap(page);
    await waitForReady(page, section);
    await waitForReady(page, crossingsSection(page));
    const kerem = (await theatreCrossings(page)).find((c) => c.id === 'kerem-shalom')!;
    const canvas = section.locator('canvas.maplibregl-canvas');
    // Centre it: the synthetic-data bar is fixed at the foot of the screen and would take the click.
    await canvas.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await canvas.boundingBox())!;
    const at = await page.evaluate(
      ({ lon, lat }) => window.__accessMonitorMap!.map.project(lon, lat),
      kerem.location,
    );
    await page.mouse.click(box.x + at.x, box.y + at.y);
    // The selection is pushed into the URL (no navigation): poll for it.
    await expect.poll(() => new URL(page.url()).searchParams.get('crossing')).toBe('kerem-shalom');
    const details = section.getByRole('region', { name: /Details/ });
    await details.getByText('Kerem Shalom', { exact: true }).waitFor();
    await details.getByText(/Karem Abu Salem/).waitFor();
    const row = crossingsSection(page).locator('tr[aria-selected="true"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('th[scope="row"]').textContent()).toContain('Kerem Shalom');
    expectCleanPage(page);
  });

  it('renders markup in a crossing name as text', async () => {
    const markup = '<img src=x onerror="window.__xss=1;alert(1)"><b>Gate</b> 9';
    const page = await browser.openApp('/', {
      baseUrl: inject('apiUrl'),
      beforeNavigate: (page) => page.route('**/api/v1/theatre', (route) => withName(route, markup)),
    });
    const section = await showMap(page);
    await waitForReady(page, section);
    await section.getByRole('button', { name: markup, exact: true }).waitFor();
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(await page.locator('b', { hasText: 'Gate' }).count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(problemsOf(page).dialogs).toEqual([]);
    expectCleanPage(page);
  });
});

/** Answers with the real theatre, its first crossing named `name`. */
async function withName(route: Route, name: string): Promise<void> {
  const response = await route.fetch();
  if (!response.ok()) return route.fulfill({ response });
  const body = (await response.json()) as { data: { crossings: { names: { en: string } }[] } };
  body.data.crossings[0]!.names.en = name;
  await route.fulfill({ response, json: body });
}
