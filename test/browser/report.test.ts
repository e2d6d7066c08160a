/**
 * Observers' reports through the form, in a real Chromium at phone width (issue 16, part 5): one
 * filed online, one queued offline (`context.setOffline(true)`), the counts on the page and the
 * badge in the header, the queued one sent when the link returns, and the reported status on
 * the board with its source's name. Against the real API server on its store (server/: PGlite in
 * memory, seeded with the demo's last weeks, a token created as `npm run api -- token create`
 * does), serving the built app on the same origin with a config that marks it writable.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../scripts/api-server.ts';
import { storeApi } from '../../server/api.ts';
import { openDb, type Db } from '../../server/db.ts';
import { migrate } from '../../server/migrate.ts';
import { seedDemo } from '../../server/seed.ts';
import { createToken } from '../../server/tokens.ts';
import { shiftDay, theatreDay } from '../../src/domain/time.ts';
import { reportWords } from '../../src/ui/i18n/pages/report.ts';
import { englishMessages, pageTexts } from './english-left.ts';
import {
  READY_TIMEOUT,
  boardRows,
  crossingsSection,
  expectCleanPage,
  setUpBrowser,
  waitForReady,
} from './harness.ts';

const browser = setUpBrowser();

const PUBLISHER = { id: 'field-monitors', name: 'Field monitors network' };
const CONFIG = {
  defaultSource: 'field',
  sources: [
    { id: 'field', name: 'Field monitors', adapter: 'rest', url: '/api/v1', writable: true },
  ],
};
const DIST = resolve(import.meta.dirname, '../../dist');
/** What the browser reports while offline: the offline worker trying the network first. */
const OFFLINE_ATTEMPTS = [/net::ERR_INTERNET_DISCONNECTED/];

let db: Db;
let server: RunningServer;
let token: string;

beforeAll(async () => {
  db = await openDb({ dir: 'memory' });
  await migrate(db);
  // The demo's last weeks are enough for the board (and quick to load).
  await seedDemo(db, { start: shiftDay(theatreDay(Date.now(), 'Asia/Gaza'), -21) });
  token = (await createToken(db, PUBLISHER.id, 'Crossing team', PUBLISHER.name)).secret;
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    staticDir: DIST,
    config: CONFIG,
    api: storeApi({ db }),
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await db?.close();
});

interface Post {
  url: string;
  key: string | undefined;
  authorization: string | undefined;
  status: number;
}

/** Files a report for `crossing` with `status`, through the form as an observer would. */
async function fileReport(page: Page, crossing: string, status: string, trucks?: string) {
  await page.getByRole('combobox', { name: 'Crossing' }).selectOption({ label: crossing });
  await page.getByRole('radio', { name: status }).check();
  if (trucks) {
    await page.getByRole('button', { name: 'Add a row of trucks' }).click();
    await page.getByRole('spinbutton', { name: 'Trucks' }).fill(trucks);
  }
  await page.getByRole('button', { name: 'Save and send' }).click();
  await page.getByText('Saved on this device.').waitFor({ timeout: READY_TIMEOUT });
}

const counts = (page: Page) => page.getByTestId('outbox-counts').innerText();

describe('Observers’ reports (phone, real browser)', () => {
  it('files a report online and one offline, counts them, sends the queued one when back online, and the board shows it with its source', async () => {
    const requestUrls: string[] = [];
    const posts: Post[] = [];
    const page = await browser.openApp('/report', {
      baseUrl: server.url,
      viewport: { width: 360, height: 740 },
      beforeNavigate: (p) => {
        p.context().on('request', (r) => requestUrls.push(r.url()));
        p.context().on('response', (r) => {
          const request = r.request();
          if (request.method() !== 'POST') return;
          const headers = request.headers();
          posts.push({
            url: r.url(),
            key: headers['idempotency-key'],
            authorization: headers.authorization,
            status: r.status(),
          });
        });
      },
    });
    await page.getByRole('heading', { name: 'File a report', level: 1 }).waitFor({
      timeout: READY_TIMEOUT,
    });
    await page.getByRole('combobox', { name: 'Crossing' }).waitFor({ timeout: READY_TIMEOUT });
    expect(await counts(page)).toBe('Queued 0 · Sent 0 · Failed 0');

    // The token, once, in a password field.
    const tokenField = page.getByLabel('Access token for Field monitors');
    expect(await tokenField.getAttribute('type')).toBe('password');
    await tokenField.fill(token);
    await page.getByRole('button', { name: 'Keep the token' }).click();
    await page.getByText('A token for Field monitors is kept on this device.').waitFor();

    // One column at 360 px: nothing runs off the side of the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
      [],
    );

    // Online: sent at once.
    await fileReport(page, 'Kerem Shalom', 'Closed', '17');
    await expect
      .poll(() => counts(page), { timeout: READY_TIMEOUT })
      .toBe('Queued 0 · Sent 1 · Failed 0');

    // Offline: kept on the device, counted as queued, shown in the header.
    await page.context().setOffline(true);
    await fileReport(page, 'Kissufim', 'Restricted');
    await expect.poll(() => counts(page)).toBe('Queued 1 · Sent 1 · Failed 0');
    await expect.poll(() => page.getByTestId('outbox-badge').innerText()).toBe('1 queued');
    const waiting = page.getByTestId('outbox-report').filter({ hasText: 'Kissufim' });
    await expect.poll(() => waiting.innerText()).toContain('Waiting for a connection.');
    expect(posts).toHaveLength(1);

    // The link returns: the queued report goes by itself.
    await page.context().setOffline(false);
    await expect
      .poll(() => counts(page), { timeout: READY_TIMEOUT })
      .toBe('Queued 0 · Sent 2 · Failed 0');
    expect(await page.getByTestId('outbox-badge').count()).toBe(0);
    expect(posts.map((p) => [new URL(p.url).pathname, p.status])).toEqual([
      ['/api/v1/reports', 201],
      ['/api/v1/reports', 201],
    ]);
    expect(new Set(posts.map((p) => p.key)).size).toBe(2);
    expect(posts.every((p) => p.authorization === `Bearer ${token}`)).toBe(true);
    const stored = await db.query<{
      dataset: string;
      crossing_id: string;
      body: Record<string, unknown>;
    }>(`select dataset, crossing_id, body from records where source_id = $1 order by id`, [
      PUBLISHER.id,
    ]);
    expect(stored.rows.map((r) => [r.dataset, r.crossing_id])).toEqual([
      ['crossing-status', 'kerem-shalom'],
      ['aid-flow', 'kerem-shalom'],
      ['crossing-status', 'kissufim'],
    ]);
    expect(stored.rows[1]!.body).toMatchObject({ stage: 'entered', commodity: 'food', trucks: 17 });
    // The token went in a header, never in an address.
    expect(requestUrls.length).toBeGreaterThan(0);
    expect(requestUrls.filter((u) => u.includes(token))).toEqual([]);

    // The board: the reported status, with the name of the source that reported it.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/`, { waitUntil: 'domcontentloaded' });
    const board = crossingsSection(page);
    await waitForReady(page, board);
    const rows = await boardRows(board);
    const kerem = rows.find((r) => r.name.startsWith('Kerem Shalom'));
    const kissufim = rows.find((r) => r.name.startsWith('Kissufim'));
    expect(kerem?.cells.join(' ')).toContain('Field monitors network');
    expect(kerem?.texts).toContain('Closed');
    expect(kissufim?.cells.join(' ')).toContain('Field monitors network');
    expect(kissufim?.texts).toContain('Restricted');
    expectCleanPage(page, { allow: OFFLINE_ATTEMPTS });
  });

  it.each(['ar', 'he'] as const)(
    '/report?lang=%s reads right to left, leaves no English interface text and is axe-clean',
    async (lang) => {
      const page = await browser.openApp(`/report?lang=${lang}`, {
        baseUrl: server.url,
        viewport: { width: 360, height: 740 },
      });
      await page
        .locator('form[aria-labelledby] select')
        .first()
        .waitFor({ timeout: READY_TIMEOUT });
      // A status, a row of trucks and a corridor: every part of the form is on the page.
      await page.locator('input[type="radio"][value="closed"]').check();
      await page.locator('.report-fieldset button').last().click();
      await page.locator('select[id$="-corridor-corridorId"]').selectOption({ index: 1 });
      await page.locator('button[type="submit"]').last().click();
      await page.locator('.report-problems').waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      const forms = (entry: unknown) =>
        typeof entry === 'string' ? [entry] : Object.values(entry as Record<string, string>);
      const pageEnglish = Object.entries(reportWords.en).flatMap(([key, entry]) => {
        const mine = new Set(forms(reportWords[lang][key as keyof typeof reportWords.en]));
        return forms(entry).filter((text) => !mine.has(text) && !/\{\w+\}/.test(text));
      });
      const english = new Set([...englishMessages(lang), ...pageEnglish]);
      const left = (await pageTexts(page)).filter((text) => english.has(text));
      expect(left, 'English interface text on the page').toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
      const axe = await new AxeBuilder({ page }).analyze();
      expect(
        axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
      ).toEqual([]);
      expectCleanPage(page);
    },
  );
});
