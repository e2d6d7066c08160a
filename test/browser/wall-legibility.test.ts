/**
 * The wall read from the back of a room (issue 15), in a real Chromium at 1920 × 1080 and at
 * 3840 × 2160, in the dark and the light wall theme. For every panel, rotating as a briefing room
 * runs it, every visible text node is measured — its font size as drawn (CSS zoom and any scale
 * transform included), whether any of it falls outside the screen or is clipped by a box, and
 * the contrast of its colour against what is behind it:
 * - nothing under 1/45 of the screen height (24 px at 1080p, 48 px at 4K);
 * - the key words and figures (crossing names, status words, truck counts, headline figures, the
 *   clock, the panel's name, the stale band) at twice that;
 * - every text WCAG AA (3:1 for text this large; 4.5:1 asked of the key ones);
 * - no scroll bar, no text cut.
 * At 4K the layout is drawn at the screen's own density: the same layout with every size doubled.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WALL_PANEL_IDS, type WallPanelId } from '../../src/data/wall-config.ts';
import { startServer, type RunningServer } from '../../scripts/api-server.ts';
import { API_CONFIG } from './global-setup.ts';
import { expectCleanPage, READY_TIMEOUT, setUpBrowser } from './harness.ts';

const browser = setUpBrowser();
const DIST = resolve(import.meta.dirname, '../../dist');
/** Every panel the wall can show, the opt-in ones included. */
const CONFIG = { ...API_CONFIG, wall: { panels: [...WALL_PANEL_IDS], refreshSeconds: 600 } };

/** Each panel is seen in both themes: dark at one size, light at the other. */
const SIZES = [
  { width: 1920, height: 1080, darkFirst: 0 },
  { width: 3840, height: 2160, darkFirst: 1 },
] as const;

/** The words and figures a room reads first: twice the floor. */
const KEY_TEXT = [
  '.wall__time',
  '.wall__current-title',
  '.tile__name',
  '.tile__status .status__word',
  '.tile__figure strong',
  '.wall__stale p',
  '.wall__outage-text',
  '.headline__value',
].join(', ');

let server: RunningServer | undefined;
beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', staticDir: DIST, config: CONFIG });
});
afterAll(async () => {
  await server?.close();
});

interface TextAudit {
  text: string;
  where: string;
  size: number;
  contrast: number;
  cut: string | undefined;
  key: boolean;
}

/** Every visible text node of the page, measured (runs in the page). */
function auditText(keySelector: string): { floor: number; texts: TextAudit[]; scroll: number[] } {
  type Rgba = [number, number, number, number];
  const rgba = (value: string): Rgba[] =>
    [...value.matchAll(/rgba?\(([^)]+)\)/g)].map((m) => {
      const [r = 0, g = 0, b = 0, a = 1] = m[1]!
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [r, g, b, a];
    });
  const luminance = ([r, g, b]: Rgba) => {
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const ratio = (a: Rgba, b: Rgba) => {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (l1 + 0.05) / (l2 + 0.05);
  };
  const over = (top: Rgba, below: Rgba): Rgba => {
    const a = top[3];
    return [
      top[0] * a + below[0] * (1 - a),
      top[1] * a + below[1] * (1 - a),
      top[2] * a + below[2] * (1 - a),
      1,
    ];
  };
  /** The colours behind an element: its backgrounds and its ancestors', layered. */
  const backdrops = (el: Element): Rgba[] => {
    const layers: Rgba[][] = [];
    for (let a: Element | null = el; a; a = a.parentElement) {
      const style = getComputedStyle(a);
      const image = style.backgroundImage !== 'none' ? rgba(style.backgroundImage) : [];
      const colour = rgba(style.backgroundColor).filter((c) => c[3] > 0);
      if (image.length) layers.push(image);
      else if (colour.length) layers.push(colour);
      if ((image.length || colour[0]?.[3] === 1) && layers.at(-1)!.every((c) => c[3] === 1)) break;
    }
    let result: Rgba[] = [[255, 255, 255, 1]];
    for (const layer of layers.reverse())
      result = layer.flatMap((c) => result.map((below) => over(c, below)));
    return result;
  };
  const drawnScale = (el: Element) => {
    let scale = (el as HTMLElement).currentCSSZoom ?? 1;
    for (let a: Element | null = el; a; a = a.parentElement) {
      const transform = getComputedStyle(a).transform;
      if (transform && transform !== 'none') scale *= Math.abs(new DOMMatrix(transform).a);
    }
    return scale;
  };
  const name = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;

  const floor = window.innerHeight / 45;
  const texts: TextAudit[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    const el = node.parentElement;
    if (!el || !node.data.trim()) continue;
    // Recharts measures labels in a span parked 20,000 px above the page: never on screen.
    if (
      el.closest(
        'script, style, title, desc, .visually-hidden, [hidden], #recharts_measurement_span',
      )
    )
      continue;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
    // Visually hidden (1 px, clipped) text is for screen readers, not the room.
    if (!rects.length || rects.every((r) => r.width * r.height <= 2)) continue;
    const style = getComputedStyle(el);
    const size = parseFloat(style.fontSize) * drawnScale(el);
    const ink = rgba(el instanceof SVGElement ? style.fill : style.color)[0] ?? [0, 0, 0, 1];
    const behind = backdrops(el);
    const contrast = Math.min(...behind.map((b) => ratio(over(ink, b), b)));
    let cut: string | undefined;
    for (const r of rects) {
      if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1)
        cut = 'outside the screen';
      // Out of its tile or panel (overlapping the next one) is as unreadable as clipped.
      const box = el.closest('.tile, .panel, .wall__bar, .wall__foot, .wall__stale');
      const b = box?.getBoundingClientRect();
      if (
        b &&
        (r.left < b.left - 1 ||
          r.right > b.right + 1 ||
          r.top < b.top - 1 ||
          r.bottom > b.bottom + 1)
      )
        cut = `outside its box ${name(box!)}`;
      for (let a = el.parentElement; a && !cut; a = a.parentElement) {
        const overflow = getComputedStyle(a);
        if (overflow.overflowX === 'visible' && overflow.overflowY === 'visible') continue;
        const box = a.getBoundingClientRect();
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1)
          cut = `clipped by ${name(a)}`;
        else if (r.bottom > box.bottom + 1) cut = `clipped by ${name(a)}`;
      }
    }
    texts.push({
      text: node.data.trim().slice(0, 60),
      where: name(el),
      size,
      contrast,
      cut,
      key: el.closest(keySelector) !== null,
    });
  }
  const root = document.scrollingElement!;
  return {
    floor,
    texts,
    scroll: [root.scrollWidth - innerWidth, root.scrollHeight - innerHeight],
  };
}

/** The panel is up: its sections ready, its charts and map drawn, type settled. */
async function panelShown(page: Page, panel: WallPanelId): Promise<void> {
  const slot = page.locator(`.wall__slot[data-panel="${panel}"]`);
  await slot.locator('section[data-state="ready"]').first().waitFor({ timeout: READY_TIMEOUT });
  await page.waitForFunction(
    (id) => {
      const s = document.querySelector(`.wall__slot[data-panel="${id}"]`);
      if (!s || s.querySelector('[aria-busy="true"], [data-state="loading"]')) return false;
      if (id === 'map') return s.querySelector('canvas') !== null;
      const charts = s.querySelectorAll('section[data-chart]');
      return [...charts].every(
        (c) => c.getAttribute('data-state') !== 'ready' || c.querySelector('svg path') !== null,
      );
    },
    panel,
    { timeout: READY_TIMEOUT },
  );
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(400);
}

/** A second panel, so that the wall rotates (and names the panel shown in its bar). */
const otherThan = (panel: WallPanelId) => (panel === 'board' ? 'headline' : 'board');

describe.each(SIZES)('The wall at $width × $height', ({ darkFirst, ...size }) => {
  const themes = WALL_PANEL_IDS.map((panel, i) => ({
    panel,
    theme: (i + darkFirst) % 2 ? 'light' : 'dark',
  }));
  it.each(themes)(
    '$panel ($theme): no text under the floor, key words at twice it, none cut, AA contrast',
    async ({ panel, theme }) => {
      const page = await browser.openApp(
        `/wall?panels=${panel},${otherThan(panel)}&theme=${theme}&controls=never&rotate=600`,
        { baseUrl: server!.url, viewport: { width: size.width, height: size.height } },
      );
      await panelShown(page, panel);
      const { floor, texts, scroll } = await page.evaluate(auditText, KEY_TEXT);
      expect(floor).toBeCloseTo(size.height / 45, 5);
      const describe = (t: TextAudit) =>
        `${t.size.toFixed(1)} px, ${t.contrast.toFixed(2)}:1 <${t.where}> “${t.text}”`;

      expect(texts.length, 'text on the screen').toBeGreaterThan(10);
      expect(scroll, 'no scrolling either way').toEqual([0, 0]);
      const list = (found: TextAudit[], say = describe) => found.map(say).join('\n');
      expect(list(texts.filter((t) => t.size < floor - 0.05)), `text under ${floor} px`).toBe('');
      const key = texts.filter((t) => t.key);
      expect(key.length, 'key words and figures on the screen').toBeGreaterThan(0);
      expect(
        list(key.filter((t) => t.size < 2 * floor - 0.05)),
        `key words under ${2 * floor} px`,
      ).toBe('');
      expect(
        list(
          texts.filter((t) => t.cut),
          (t) => `${t.cut}: ${describe(t)}`,
        ),
        'text cut',
      ).toBe('');
      // Every text here is large text (24 px and more): AA asks 3:1; the key ones get 4.5:1.
      expect(list(texts.filter((t) => t.contrast < (t.key ? 4.5 : 3))), 'contrast under AA').toBe(
        '',
      );
      // Drawn at the screen's density: no zoom, no shrinking transform.
      expect(
        await page.evaluate(() => [
          document.documentElement.style.zoom,
          document.querySelector('.wall__fit')?.getAttribute('data-scale'),
        ]),
      ).toEqual(['', '1']);
      expectCleanPage(page);
    },
  );
});

describe('The wall says how old the data are, from the door', () => {
  it('a band across a stale panel, a large outage banner and the time to the next panel', async () => {
    let down = false;
    const page = await browser.openApp(
      '/wall?panels=board,headline&controls=never&refresh=2&maxAge=0.05&rotate=600',
      {
        baseUrl: server!.url,
        viewport: SIZES[0],
        beforeNavigate: (p) =>
          p.route('**/api/v1/**', (route) =>
            down ? route.abort('connectionrefused') : route.fallback(),
          ),
      },
    );
    await panelShown(page, 'board');
    const next = await page.locator('.wall__next').textContent();
    expect(next).toMatch(/^Next: Headline figures in \d+ sec$/);
    down = true;
    const band = page.locator('.wall__stale[data-panel="board"]');
    await band.waitFor({ timeout: READY_TIMEOUT });
    await page.getByRole('alert').waitFor({ timeout: READY_TIMEOUT });
    await page.waitForFunction(() =>
      /not answering/.test(document.querySelector('.wall__stale')?.textContent ?? ''),
    );
    expect(await band.textContent()).toMatch(
      /^Data \d+ (minutes?|hours?|days?) old — Access Monitor API not answering$/,
    );
    const { texts, floor } = await page.evaluate(auditText, KEY_TEXT);
    const banner = texts.filter((t) => t.where.startsWith('p.wall__outage-text'));
    const stale = texts.filter((t) => t.where === 'p' && /not answering/.test(t.text));
    expect(banner.length + stale.length).toBeGreaterThan(1);
    for (const t of [...banner, ...stale]) {
      expect(t.size, t.text).toBeGreaterThanOrEqual(2 * floor);
      expect(t.contrast, t.text).toBeGreaterThanOrEqual(4.5);
    }
    // The countdown counts down.
    const seconds = Number(await page.locator('.wall__next').getAttribute('data-seconds'));
    await page.waitForTimeout(2100);
    expect(Number(await page.locator('.wall__next').getAttribute('data-seconds'))).toBeLessThan(
      seconds,
    );
    expectCleanPage(page, {
      allow: [/\/api\/v1\/.*ERR_CONNECTION_REFUSED/, /ERR_CONNECTION_REFUSED.*\/api\/v1\//],
    });
  });
});
