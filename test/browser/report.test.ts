/**
 * Observers' reports through the form, in a real Chromium at phone width (issue 16, part 5): one
 * filed online, one queued offline (`context.setOffline(true)`), the counts on the page and the
 * badge in the header, the queued one sent when the link returns, and the reported status on
 * the board with its source's name.
 *
 * The store-backed server (server/) was not on main when this was written, so the write contract
 * is served here by a small handler (`ReportsStore` below) that implements it as documented:
 * Bearer token, Idempotency-Key (a replay answers 200, another body under the same key 409), every
 * record checked with the app's own schemas (422 with every problem), provenance set from the
 * token's source. Reads are the demo's handlers over the same scenario plus the stored reports,
 * so the board shows what was filed. Everything else (the built app, config.json, its CSP) comes
 * from the project's own server, proxied on the same origin.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { getResponse } from 'msw';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../mocks/handlers.ts';
import { createScenario, type Scenario } from '../../mocks/scenario/index.ts';
import { startServer, type RunningServer } from '../../scripts/api-server.ts';
import { aidFlowSchema, crossingStatusSchema } from '../../src/domain/schemas.ts';
import { theatreDay } from '../../src/domain/time.ts';
import type { Dataset } from '../../src/domain/vocabulary.ts';
import {
  READY_TIMEOUT,
  boardRows,
  crossingsSection,
  expectCleanPage,
  setUpBrowser,
  waitForReady,
} from './harness.ts';

const browser = setUpBrowser();

const TOKEN = 'amt_observer-token-7f3a9c2e41';
const PUBLISHER = { id: 'field-monitors', name: 'Field monitors network', licence: 'CC BY 4.0' };
const CONFIG = {
  defaultSource: 'field',
  sources: [
    { id: 'field', name: 'Field monitors', adapter: 'rest', url: '/api/v1', writable: true },
  ],
};
const DIST = resolve(import.meta.dirname, '../../dist');
/** What the browser reports while offline: the offline worker trying the network first. */
const OFFLINE_ATTEMPTS = [/net::ERR_INTERNET_DISCONNECTED/];

interface Received {
  method: string;
  url: string;
  key: string | undefined;
  status: number;
}

/** The write contract, in memory: what server/ does on a database. */
class ReportsStore {
  readonly received: Received[] = [];
  private readonly byKey = new Map<string, { body: string; answer: unknown }>();
  readonly records: Record<'crossing-status' | 'aid-flow', Record<string, unknown>[]> = {
    'crossing-status': [],
    'aid-flow': [],
  };

  post(headers: IncomingMessage['headers'], text: string): { status: number; body: unknown } {
    if (headers.authorization !== `Bearer ${TOKEN}`)
      return { status: 401, body: { title: 'Unknown token', status: 401 } };
    const key = String(headers['idempotency-key'] ?? '');
    if (!/^[A-Za-z0-9_-]{8,128}$/.test(key))
      return { status: 400, body: { title: 'Bad Idempotency-Key', status: 400, errors: [] } };
    const seen = this.byKey.get(key);
    if (seen)
      return seen.body === text
        ? { status: 200, body: seen.answer }
        : { status: 409, body: { status: 409 } };
    const report = JSON.parse(text) as {
      madeAt: string;
      crossingStatus: Record<string, unknown>[];
      aidFlow: Record<string, unknown>[];
    };
    const provenance = {
      sourceId: PUBLISHER.id,
      reportedAt: report.madeAt,
      verification: 'reported',
    };
    const errors: { path: string; message: string }[] = [];
    const checked = (
      list: Record<string, unknown>[],
      name: string,
      schema: typeof crossingStatusSchema | typeof aidFlowSchema,
    ) =>
      list.map((record, i) => {
        const parsed = schema.safeParse({ ...record, provenance });
        if (!parsed.success)
          for (const issue of parsed.error.issues)
            errors.push({ path: [name, i, ...issue.path].join('.'), message: issue.message });
        return { ...record, provenance };
      });
    const statuses = checked(report.crossingStatus, 'crossingStatus', crossingStatusSchema);
    const flows = checked(report.aidFlow, 'aidFlow', aidFlowSchema);
    if (errors.length)
      return { status: 422, body: { title: 'Invalid report', status: 422, errors } };
    this.records['crossing-status'].push(...statuses);
    this.records['aid-flow'].push(...flows);
    const answer = {
      data: {
        reportId: `rep_${this.byKey.size + 1}`,
        receivedAt: new Date().toISOString(),
        records: [
          ...statuses.map((_, i) => ({
            id: `cs_${this.byKey.size}_${i}`,
            dataset: 'crossing-status',
            version: 1,
          })),
          ...flows.map((_, i) => ({
            id: `af_${this.byKey.size}_${i}`,
            dataset: 'aid-flow',
            version: 1,
          })),
        ],
      },
    };
    this.byKey.set(key, { body: text, answer });
    return { status: 201, body: answer };
  }

  /** The demo scenario with the stored reports in it, and their publisher among its sources. */
  scenario(): Scenario {
    const base = createScenario();
    const theatre = base.theatre as { sources: unknown[] };
    return {
      theatre: { ...theatre, sources: [...theatre.sources, { ...PUBLISHER, synthetic: false }] },
      range: () => base.range(),
      carryIn: (dataset, q) => base.carryIn(dataset, q),
      records: (dataset: Dataset, q) => {
        const stored =
          (this.records as Partial<Record<Dataset, Record<string, unknown>[]>>)[dataset] ?? [];
        const day = (r: Record<string, unknown>) =>
          typeof r.date === 'string' ? r.date : theatreDay(String(r.at), 'Asia/Gaza');
        return [
          ...base.records(dataset, q),
          ...stored.filter(
            (r) =>
              day(r) >= q.from &&
              day(r) <= q.to &&
              (!q.crossingIds?.length || q.crossingIds.includes(String(r.crossingId))),
          ),
        ];
      },
    };
  }
}

const store = new ReportsStore();
let app: RunningServer;
let front: Server;
let baseUrl: string;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (!['content-encoding', 'content-length', 'transfer-encoding'].includes(name))
      res.setHeader(name, value);
  });
  res.end(Buffer.from(await response.arrayBuffer()));
}

beforeAll(async () => {
  app = await startServer({ port: 0, host: '127.0.0.1', staticDir: DIST, config: CONFIG });
  const handlers = createHandlers({ scenario: store.scenario() });
  front = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/api/v1/reports' && req.method === 'POST') {
        const answer = store.post(req.headers, await readBody(req));
        store.received.push({
          method: 'POST',
          url: req.url ?? '',
          key: req.headers['idempotency-key'] as string | undefined,
          status: answer.status,
        });
        res.statusCode = answer.status;
        res.setHeader(
          'content-type',
          answer.status < 300 ? 'application/json' : 'application/problem+json',
        );
        if (answer.status === 200) res.setHeader('Idempotent-Replayed', 'true');
        res.end(JSON.stringify(answer.body));
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        store.received.push({
          method: req.method ?? '',
          url: req.url ?? '',
          key: undefined,
          status: 0,
        });
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers))
          if (typeof value === 'string') headers.set(name, value);
        const response = await getResponse(
          handlers,
          new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers }),
        );
        return send(res, response ?? new Response('Not found', { status: 404 }));
      }
      // The built app, config.json and their headers (CSP) from the project's server.
      const headers: Record<string, string> = { 'accept-encoding': 'identity' };
      if (req.headers.accept) headers.accept = req.headers.accept;
      await send(res, await fetch(`${app.url}${req.url}`, { method: req.method, headers }));
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((done) => front.listen(0, '127.0.0.1', done));
  const address = front.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise<void>((done) => front?.close(() => done()));
  front?.closeAllConnections();
  await app?.close();
});

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
    const page = await browser.openApp('/report', {
      baseUrl,
      viewport: { width: 360, height: 740 },
      beforeNavigate: (p) => {
        p.context().on('request', (r) => requestUrls.push(r.url()));
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
    await tokenField.fill(TOKEN);
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
    expect(store.received.filter((r) => r.method === 'POST')).toHaveLength(1);

    // The link returns: the queued report goes by itself.
    await page.context().setOffline(false);
    await expect
      .poll(() => counts(page), { timeout: READY_TIMEOUT })
      .toBe('Queued 0 · Sent 2 · Failed 0');
    expect(await page.getByTestId('outbox-badge').count()).toBe(0);
    const posts = store.received.filter((r) => r.method === 'POST');
    expect(posts.map((p) => p.status)).toEqual([201, 201]);
    expect(new Set(posts.map((p) => p.key)).size).toBe(2);
    expect(store.records['crossing-status'].map((r) => [r.crossingId, r.status])).toEqual([
      ['kerem-shalom', 'closed'],
      ['kissufim', 'restricted'],
    ]);
    expect(store.records['aid-flow']).toEqual([
      expect.objectContaining({ crossingId: 'kerem-shalom', trucks: 17, stage: 'entered' }),
    ]);
    // The token went in a header, never in an address.
    expect(requestUrls.length).toBeGreaterThan(0);
    expect(requestUrls.filter((u) => u.includes(TOKEN))).toEqual([]);
    expect(store.received.filter((r) => r.url.includes(TOKEN))).toEqual([]);

    // The board: the reported status, with the name of the source that reported it.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
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
});
