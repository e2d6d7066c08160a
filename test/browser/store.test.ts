/**
 * The dashboard, unchanged, on the reference server's store (issue 16): the REST adapter reads
 * the demo scenario from PGlite — the board, the whole history with every chart drawn from
 * roll-ups the store answers (aid flow's from its weekly sums), no failed request, no console
 * error — and the Data issues view lists the rows an import into the store rejected, with
 * their reasons, in Arabic too.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../scripts/api-server.ts';
import { storeApi } from '../../server/api.ts';
import { openDb, type Db } from '../../server/db.ts';
import { importHxl } from '../../server/import.ts';
import { migrate } from '../../server/migrate.ts';
import { seedDemo } from '../../server/seed.ts';
import { shiftDay, theatreDay } from '../../src/domain/time.ts';
import { API_CONFIG } from './global-setup.ts';
import {
  boardRows,
  crossingsSection,
  expectCleanPage,
  expectEveryPanelSettled,
  loadEveryPanel,
  setUpBrowser,
  waitForReady,
} from './harness.ts';

const browser = setUpBrowser();
const DIST = resolve(import.meta.dirname, '../../dist');
const HOSTILE = resolve(import.meta.dirname, '../fixtures/adapters/aid-flow-hostile.csv');

let db: Db;
let server: RunningServer;
let imported: { rejected: number; accepted: number };

beforeAll(async () => {
  db = await openDb({ dir: 'memory' });
  await migrate(db);
  // A year and a half of the demo: long enough for monthly roll-ups, quick to seed.
  await seedDemo(db, { start: shiftDay(theatreDay(Date.now(), 'Asia/Gaza'), -540) });
  imported = await importHxl(db, HOSTILE, {
    sourceId: 'sheet-import',
    publisherName: 'Sheet import',
  });
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    staticDir: DIST,
    config: API_CONFIG,
    api: storeApi({ db }),
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await db?.close();
});

describe('The dashboard on the store', () => {
  it('draws the board and the whole history from SQL answers', { timeout: 180_000 }, async () => {
    const failed: string[] = [];
    const rolled: string[] = [];
    const page = await browser.openApp('/?range=all', {
      baseUrl: server.url,
      beforeNavigate: (page) => {
        page.on('response', (response) => {
          const url = new URL(response.url());
          if (!url.pathname.startsWith('/api/v1/')) return;
          if (response.status() >= 400) failed.push(`${response.status()} ${url.pathname}`);
          if (url.searchParams.has('resolution')) rolled.push(url.pathname.split('/').at(-1)!);
        });
      },
    });
    await waitForReady(page, crossingsSection(page));
    const rows = await boardRows(crossingsSection(page));
    expect(rows.length).toBe(7);
    await loadEveryPanel(page);
    await expectEveryPanelSettled(page);
    const aidFlow = page.locator('section[data-chart="aid-flow"]');
    expect(await aidFlow.getAttribute('data-state')).toBe('ready');
    // Drawn, not blank: the weekly bars of the whole range (540 days: weekly buckets).
    await expect
      .poll(() =>
        aidFlow
          .locator('svg .recharts-rectangle, svg [data-dense-bars] path, svg .recharts-curve')
          .count(),
      )
      .toBeGreaterThan(0);
    expect(await aidFlow.getAttribute('data-resolution')).toBe('week');
    expect(rolled).toContain('aid-flow');
    expect(failed).toEqual([]);
    expectCleanPage(page);
  });

  it('lists the rows an import rejected, with their reasons, in Arabic', async () => {
    expect(imported.rejected).toBeGreaterThan(0);
    const page = await browser.openApp('/data?lang=ar', { baseUrl: server.url });
    const issues = page.getByRole('region', { name: 'مشكلات البيانات', exact: true });
    const body = issues.locator('tbody');
    // The seed's own rejects are listed too; the import's are under its source.
    await issues.getByLabel('المصدر').selectOption('sheet-import', { timeout: 30_000 });
    await body.getByText('ليس تاريخاً موجوداً في التقويم').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => body.locator('tr').count()).toBe(imported.rejected);
    const shown = (await body.textContent()) ?? '';
    expect(shown).not.toMatch(/is not a real date|must not be negative/);
    expectCleanPage(page);
  });
});
