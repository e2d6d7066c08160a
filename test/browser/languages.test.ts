/**
 * The app in Arabic and Hebrew on a 360 × 640 phone with the demo source: right to left, the
 * crossings board's status words and crossing names in the chosen language, no English left in
 * the interface around it, and no sideways scrolling.
 */
import { describe, expect, inject, it } from 'vitest';
import { englishMessages, pageTexts } from './english-left.ts';
import { expectCleanPage, phoneRows, setUpBrowser, waitForReady } from './harness.ts';

const browser = setUpBrowser();

const CASES = [
  {
    lang: 'ar',
    board: 'المعابر',
    status: ['مفتوح', 'مقيّد', 'مغلق', 'غير معروف'],
    names: ['كرم أبو سالم', 'رفح'],
    appName: 'مرصد الوصول الإنساني',
  },
  {
    lang: 'he',
    board: 'מעברים',
    status: ['פתוח', 'מוגבל', 'סגור', 'לא ידוע'],
    names: ['כרם שלום', 'רפיח'],
    appName: 'מעקב גישה הומניטרית',
  },
] as const;

/** English interface strings that must not survive a switch of language. */
const ENGLISH = [
  'Crossings',
  'Skip to content',
  'Status now',
  'Headline figures',
  'Open',
  'Closed',
];

describe('Arabic and Hebrew on a phone', () => {
  it.each(CASES)('/?lang=$lang reads right to left in its own language', async (c) => {
    const page = await browser.openApp(`/?lang=${c.lang}`, {
      baseUrl: inject('demoUrl'),
      viewport: { width: 360, height: 640 },
    });
    const section = page.getByRole('region', { name: c.board, exact: true });
    await waitForReady(page, section);

    const html = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(html.lang).toBe(c.lang);
    expect(html.dir).toBe('rtl');
    expect(html.scrollWidth, 'page width at 360 px').toBeLessThanOrEqual(html.innerWidth);
    await page.getByText(c.appName).first().waitFor({ state: 'visible' });

    // At 360 px the board is the phone answer: one row group per crossing.
    const rows = await phoneRows(section);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rows)
      expect(c.status, `status word of ${row.name}`).toContain(row.status as never);
    const names = rows.map((row) => row.name);
    for (const name of c.names)
      expect(
        names.some((n) => n.startsWith(name)),
        `${name} among ${names.join(', ')}`,
      ).toBe(true);

    const text = await section.innerText();
    for (const english of ENGLISH)
      expect(text, `English “${english}” left on the board`).not.toMatch(
        new RegExp(`(^|[^\\p{L}])${english}([^\\p{L}]|$)`, 'u'),
      );
    const english = new Set(englishMessages(c.lang));
    const left = (await pageTexts(page)).filter((text) => english.has(text));
    expect(left, 'English interface text on the page').toEqual([]);

    // The script's glyphs are the app's own font, loaded from this origin, not the device's.
    const family = c.lang === 'ar' ? 'Noto Sans Arabic' : 'Noto Sans Hebrew';
    const fonts = await page.evaluate(async (name) => {
      await document.fonts.ready;
      return [...document.fonts]
        .filter((face) => face.family.replace(/["']/g, '') === name)
        .map((face) => ({ status: face.status, weight: face.weight }));
    }, family);
    expect(fonts.filter((f) => f.status === 'loaded').length, `${family} loaded`).toBeGreaterThan(
      0,
    );
    const rendered = await page.evaluate(
      (name) => document.fonts.check(`16px "${name}"`, document.title),
      family,
    );
    expect(rendered, `${family} covers the page's title`).toBe(true);
    expectCleanPage(page);
  });

  it.each([
    { lang: 'ar', path: '/data', ready: 'section[aria-labelledby]' },
    { lang: 'he', path: '/data', ready: 'section[aria-labelledby]' },
    { lang: 'ar', path: '/wall', ready: 'section.crossings-board[data-state="ready"]' },
    { lang: 'he', path: '/wall', ready: 'section.crossings-board[data-state="ready"]' },
  ] as const)('$path?lang=$lang leaves no English interface text', async (c) => {
    const page = await browser.openApp(`${c.path}?lang=${c.lang}`, {
      baseUrl: inject('demoUrl'),
      viewport: { width: 1280, height: 800 },
    });
    await page.locator(c.ready).first().waitFor({ timeout: 20_000 });
    // Let the sources page finish its checks and the wall its first cycle.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const english = new Set(englishMessages(c.lang));
    const left = (await pageTexts(page)).filter((text) => english.has(text));
    expect(left, 'English interface text on the page').toEqual([]);
    expectCleanPage(page);
  });

  it.each([
    { lang: 'en', loads: [], skips: ['ar', 'he'] },
    { lang: 'ar', loads: ['ar'], skips: ['he'] },
    { lang: 'he', loads: ['he'], skips: ['ar'] },
  ])('a page in $lang downloads only its own catalog', async (c) => {
    const scripts: string[] = [];
    const page = await browser.openApp(`/?lang=${c.lang}`, {
      baseUrl: inject('demoUrl'),
      viewport: { width: 360, height: 640 },
      beforeNavigate: (p) => {
        p.on('request', (request) => {
          const name = /\/assets\/([a-z]+)-[\w-]+\.js$/.exec(new URL(request.url()).pathname);
          if (name) scripts.push(name[1]!);
        });
      },
    });
    await waitForReady(page, page.locator('section.crossings-board'));
    for (const lang of c.loads) expect(scripts, `${lang} catalog`).toContain(lang);
    for (const lang of c.skips) expect(scripts, `${lang} catalog`).not.toContain(lang);
    expectCleanPage(page);
  });

  it('the language picker switches to Hebrew and the address keeps it', async () => {
    const page = await browser.openApp('/', {
      baseUrl: inject('demoUrl'),
      viewport: { width: 360, height: 640 },
    });
    await waitForReady(page, page.getByRole('region', { name: 'Crossings', exact: true }));
    // On a phone the pickers are folded under one labelled disclosure.
    await page.locator('summary', { hasText: 'Language and source' }).click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('he');
    await waitForReady(page, page.getByRole('region', { name: 'מעברים', exact: true }));
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('he');
    expectCleanPage(page);
  });

  it('the wall and an embedded chart honour ?lang', async () => {
    const wall = await browser.openApp('/wall?lang=ar', {
      baseUrl: inject('demoUrl'),
      viewport: { width: 1280, height: 720 },
    });
    await wall
      .locator('section.crossings-board[data-state="ready"] li[data-crossing]')
      .first()
      .waitFor({ timeout: 20_000 });
    expect(await wall.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await wall.getByText('كرم أبو سالم').first().waitFor();
    expectCleanPage(wall);

    const embed = await browser.openApp('/embed/hospitals-beds?range=90d&lang=he', {
      baseUrl: inject('demoUrl'),
      viewport: { width: 560, height: 700 },
    });
    await waitForReady(embed, embed.locator('section[data-chart="hospitals-beds"]'));
    expect(await embed.evaluate(() => document.documentElement.lang)).toBe('he');
    await embed
      .getByText(/נתונים נכון ל-/)
      .first()
      .waitFor();
    expectCleanPage(embed);
  });
});
