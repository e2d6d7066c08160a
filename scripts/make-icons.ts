/**
 * Draws the app's icons (public/icons/*.png) from public/favicon.svg with Chromium, so the
 * installed app has the same mark as the tab. Run after changing the favicon:
 *   npx tsx scripts/make-icons.ts
 * The maskable icon keeps the mark inside the central 80 % safe zone on the theme colour, as
 * launchers may crop it to a circle or a squircle.
 */
import { readFileSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium.ts';

const ROOT = new URL('../', import.meta.url);
/** --accent of src/ui/theme.css: the favicon's own background. */
const THEME = '#16324f';

const svg = readFileSync(new URL('public/favicon.svg', ROOT), 'utf8');
const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon-180.png', size: 180, maskable: true },
];

const browser = await chromium.launch({
  executablePath: await chromiumPath(),
  headless: true,
  args: CHROMIUM_FLAGS,
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  mkdirSync(new URL('public/icons/', ROOT), { recursive: true });
  for (const { file, size, maskable } of icons) {
    await page.setViewportSize({ width: size, height: size });
    // A maskable icon: full-bleed background, the mark at 70 % (inside the 80 % safe zone).
    const mark = maskable ? Math.round(size * 0.7) : size;
    const inner = svg.replace('<svg ', `<svg width="${mark}" height="${mark}" `);
    await page.setContent(
      `<!doctype html><html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? THEME : 'transparent'}">${inner}</body></html>`,
    );
    await page.screenshot({
      path: new URL(`public/icons/${file}`, ROOT).pathname,
      omitBackground: !maskable,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    console.log(`public/icons/${file} (${size}×${size}${maskable ? ', maskable' : ''})`);
  }
} finally {
  await browser.close();
}
