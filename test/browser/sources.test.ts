/**
 * Real data in a real Chromium (issue 7): an HXL file dropped on the /data page is read in a
 * worker, listed among the sources with its counts, its bad rows listed as data issues, and
 * shown on the board; a CKAN DataStore served by a local test server (plain node:http, not MSW)
 * is read page by page. The CKAN server also forwards every other path to an app server, so the
 * page talks to one origin only and the harness's no-foreign-request guard stays as it is.
 */
import {
  request as httpRequest,
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '../../scripts/api-server.ts';
import {
  boardRows,
  crossingsSection,
  expectCleanPage,
  setUpBrowser,
  statusWord,
  waitForReady,
} from './harness.ts';

const browser = setUpBrowser();
const DIST = resolve(import.meta.dirname, '../../dist');

/** Today and yesterday in the theatre (Asia/Gaza), as YYYY-MM-DD. */
function gazaDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Gaza',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

function sourcesSection(page: Page) {
  return page.getByRole('region', { name: 'Sources', exact: true });
}
function issuesSection(page: Page) {
  return page.getByRole('region', { name: 'Data issues', exact: true });
}

describe('an HXL file dropped on the page', () => {
  it('is read in the browser, listed with its counts and bad rows, and shown on the board', async () => {
    const today = gazaDay();
    const csv = [
      'Aid through the crossings, test file',
      'Date;Crossing;Commodity;Stage;Trucks;Source',
      '#date;#loc+name;#item+type;#status;#indicator+num+trucks;#org',
      `${today};Kerem Shalom;food;entered;"4 321";Test Monitor`,
      `${today};كرم أبو سالم;health;entered;9;Test Monitor`,
      `${today};Atlantis;food;entered;5;Test Monitor`,
      `${today};Rafah;food;entered;-3;Test Monitor`,
      '',
      `${gazaDay(-1)};Erez;fuel;entered;7 trucks;Test Monitor`,
    ].join('\n');
    const page = await browser.openApp('/data', { baseUrl: inject('demoUrl') });
    await sourcesSection(page).waitFor();
    const dataTransfer = await page.evaluateHandle(
      ({ text, name }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], name, { type: 'text/csv' }));
        return transfer;
      },
      { text: csv, name: 'crossings-today.csv' },
    );
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });

    const item = sourcesSection(page).locator('li[data-source="file-crossings-today"]');
    await item
      .getByTestId('source-rows')
      .getByText('5 read: 3 accepted, 2 rejected')
      .waitFor({ timeout: 20_000 });
    await item.getByText('HXL CSV').waitFor();

    const issues = issuesSection(page);
    await issues.getByRole('cell', { name: 'Row 6', exact: true }).waitFor();
    const text = (await issues.locator('tbody').textContent()) ?? '';
    expect(text).toContain('“Atlantis” is not a crossing');
    expect(text).toContain('Row 7');
    expect(text).toContain('must not be negative');

    await item.getByRole('button', { name: 'Show crossings-today.csv on the dashboard' }).click();
    const board = crossingsSection(page);
    await waitForReady(page, board);
    const kerem = (await boardRows(board)).find((row) => row.name.startsWith('Kerem Shalom'));
    expect(kerem?.cells.join(' | ')).toMatch(/4,330/); // 4 321 food + 9 health, from the file alone
    expect(await page.getByText(/Synthetic demo data/).count()).toBe(0);
    expectCleanPage(page);
  });
});

describe('a CKAN DataStore source', () => {
  const CROSSINGS = ['Kerem Shalom', 'Rafah', 'Kissufim', 'Erez', 'Zikim', 'Gate 96', 'Zikim West'];
  const asked: string[] = [];
  let front: Server;
  let app: RunningServer;
  let url = '';

  /**
   * 25 status reports over the last 25 minutes: the last one per crossing is "closed" for Kerem
   * Shalom, "open" elsewhere; one is invalid. (Fixed hours of "today" were in the future for
   * the first hours after midnight in Gaza, and the board rightly said "Unknown".)
   */
  const start = Date.now();
  function records() {
    return Array.from({ length: 25 }, (_, i) => ({
      _id: i + 1,
      Crossing: CROSSINGS[i % CROSSINGS.length],
      Reported: new Date(start - (25 - i) * 60_000).toISOString().slice(0, 19) + 'Z',
      Status: i === 12 ? 'half-open' : i >= 18 && i % 7 === 0 ? 'closed' : 'open',
      Publisher: 'Test CKAN portal',
    }));
  }

  function ckan(req: IncomingMessage, res: ServerResponse): void {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    asked.push(`offset=${query.get('offset')}&limit=${query.get('limit')}`);
    const all = records();
    const offset = Number(query.get('offset') ?? 0);
    const limit = Number(query.get('limit') ?? 100);
    const body =
      query.get('resource_id') === 'crossing-reports'
        ? {
            success: true,
            result: {
              resource_id: 'crossing-reports',
              fields: ['_id', 'Crossing', 'Reported', 'Status', 'Publisher'].map((id) => ({
                id,
                type: 'text',
              })),
              records: all.slice(offset, offset + limit),
              total: all.length,
              _links: {
                start: '/api/3/action/datastore_search?resource_id=crossing-reports',
                next: `/api/3/action/datastore_search?resource_id=crossing-reports&limit=${limit}&offset=${offset + limit}`,
              },
            },
          }
        : {
            success: false,
            error: { __type: 'Not Found Error', message: 'Resource was not found.' },
          };
    res.writeHead(body.success ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  beforeAll(async () => {
    front = createServer((req, res) => {
      if ((req.url ?? '').startsWith('/api/3/action/datastore_search')) return ckan(req, res);
      // Everything else (the app, config.json, the theatre) comes from the app server.
      const target = new URL(req.url ?? '/', app.url);
      const proxied = httpRequest(
        target,
        { method: req.method, headers: { ...req.headers, host: target.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      proxied.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(proxied);
    });
    await new Promise<void>((done) => front.listen(0, '127.0.0.1', done));
    const address = front.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    app = await startServer({
      port: 0,
      host: '127.0.0.1',
      staticDir: DIST,
      config: {
        defaultSource: 'portal',
        sources: [
          {
            id: 'portal',
            name: 'Test CKAN portal',
            adapter: 'ckan',
            url,
            resourceId: 'crossing-reports',
            dataset: 'crossing-status',
            pageSize: 10,
            theatreUrl: '/api/v1/theatre',
            fields: {
              Crossing: '#loc+name',
              Reported: '#date+time',
              Status: '#status',
              Publisher: '#org',
            },
            licence: 'CC BY 4.0',
          },
        ],
      },
    });
  });

  afterAll(async () => {
    await app?.close();
    await new Promise<void>((done) => (front ? front.close(() => done()) : done()));
  });

  it('is read page by page and shown on the board; its bad row is a data issue', async () => {
    const page = await browser.openApp('/', { baseUrl: url });
    const board = crossingsSection(page);
    await waitForReady(page, board);
    const rows = await boardRows(board);
    expect(statusWord(rows.find((r) => r.name.startsWith('Kerem Shalom'))!)).toBe('Closed');
    expect(statusWord(rows.find((r) => r.name.startsWith('Rafah'))!)).toBe('Open');
    expect(asked).toEqual(['offset=0&limit=10', 'offset=10&limit=10', 'offset=20&limit=10']);

    await page.goto(new URL('/data', url).href);
    const item = sourcesSection(page).locator('li[data-source="portal"]');
    await item
      .getByTestId('source-rows')
      .getByText('25 read: 24 accepted, 1 rejected')
      .waitFor({ timeout: 20_000 });
    await item.getByText('CKAN DataStore').waitFor();
    await item.locator('[data-health="ok"]').waitFor();
    const issues = issuesSection(page);
    await issues.getByRole('cell', { name: 'Row 13', exact: true }).waitFor();
    expect(await issues.locator('tbody').textContent()).toContain(
      '“half-open” is not one of open, restricted, closed, unknown',
    );
    expectCleanPage(page);
  });
});
