import { IDBFactory } from 'fake-indexeddb';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpMockApi } from '../../../test/msw.ts';
import type { ReportBody } from '../../domain/report.ts';
import { parseConfig, writableSources } from '../config.ts';
import { Outbox, type OutboxOptions } from './outbox.ts';
import { indexedDbOutboxStore } from './outbox-store.ts';

const server = setUpMockApi();

const config = parseConfig({
  defaultSource: 'field',
  sources: [
    { id: 'field', name: 'Field monitors', adapter: 'rest', url: '/api/v1', writable: true },
  ],
});
const TOKEN = 'amt_s3cret-token-value';

const body: ReportBody = {
  madeAt: '2026-11-30T09:00:00.000Z',
  crossingStatus: [
    {
      crossingId: 'kerem-shalom',
      at: '2026-11-30T10:30:00.000+02:00',
      status: 'closed',
      observersPresent: true,
    },
  ],
  aidFlow: [],
  corridorStatus: [],
};

interface Seen {
  url: string;
  method: string;
  authorization: string | null;
  key: string | null;
  body: unknown;
}

/** The write contract's answers, recording every request the outbox made. */
function reportsEndpoint(
  seen: Seen[],
  answer: (n: number) => Response | Promise<Response> = () => accepted(201),
) {
  return http.post('/api/v1/reports', async ({ request }) => {
    seen.push({
      url: request.url,
      method: request.method,
      authorization: request.headers.get('authorization'),
      key: request.headers.get('idempotency-key'),
      body: await request.json(),
    });
    return answer(seen.length);
  });
}

function accepted(status: 200 | 201) {
  return HttpResponse.json(
    {
      data: {
        reportId: 'rep_1',
        receivedAt: '2026-11-30T09:00:01.000Z',
        records: [{ id: 'cs_1', dataset: 'crossing-status', version: 1 }],
      },
    },
    { status, headers: status === 200 ? { 'Idempotent-Replayed': 'true' } : {} },
  );
}

function problem(status: number, errors: { path: string; message: string }[] = []) {
  return HttpResponse.json(
    { type: 'about:blank', title: 'Unprocessable report', status, detail: 'See errors', errors },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
}

let clock = Date.parse('2026-11-30T09:00:00Z');
let online = true;
let token: string | undefined = TOKEN;
let outboxes: Outbox[] = [];
let factory: IDBFactory;

beforeEach(() => {
  clock = Date.parse('2026-11-30T09:00:00Z');
  online = true;
  token = TOKEN;
  factory = new IDBFactory();
});
afterEach(() => {
  for (const outbox of outboxes) outbox.stop();
  outboxes = [];
});

async function makeOutbox(options: Partial<OutboxOptions> = {}) {
  const outbox = new Outbox({
    store: indexedDbOutboxStore(factory),
    sources: () => writableSources(config),
    token: () => token,
    online: () => online,
    now: () => clock,
    ...options,
  });
  outboxes.push(outbox);
  await outbox.start();
  return outbox;
}

describe('the report outbox', () => {
  it('keeps a report on the device, sends it once with the token in the header only, and counts it sent', async () => {
    const seen: Seen[] = [];
    let onDeviceWhenSent: unknown[] = [];
    server.use(
      reportsEndpoint(seen, async () => {
        onDeviceWhenSent = await indexedDbOutboxStore(factory).all();
        return accepted(201);
      }),
    );
    const outbox = await makeOutbox();
    const sent: string[] = [];
    outbox.onSent((id) => sent.push(id));
    const report = await outbox.add('field', body);
    await outbox.flush();
    // Saved on the device before it went out.
    expect(onDeviceWhenSent).toMatchObject([{ key: report.key, state: 'queued', body }]);

    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('POST');
    expect(new URL(seen[0]!.url).pathname).toBe('/api/v1/reports');
    expect(seen[0]!.url).not.toContain(TOKEN);
    expect(new URL(seen[0]!.url).search).toBe('');
    expect(seen[0]!.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen[0]!.key).toBe(report.key);
    expect(seen[0]!.key).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
    expect(seen[0]!.body).toEqual(body);
    expect(outbox.snapshot().counts).toEqual({ queued: 0, sent: 1, failed: 0 });
    expect(outbox.snapshot().reports[0]).toMatchObject({
      state: 'sent',
      receipt: { reportId: 'rep_1', records: [{ dataset: 'crossing-status', version: 1 }] },
    });
    expect(sent).toEqual(['field']);
    // The token is never part of what the device keeps in the outbox.
    expect(JSON.stringify(await indexedDbOutboxStore(factory).all())).not.toContain(TOKEN);
  });

  it('marks a report the server refuses (422) failed, with every problem, and keeps it until discarded', async () => {
    const errors = [
      { path: 'crossingStatus.0.status', message: 'must be one of open, restricted, closed' },
      { path: 'crossingStatus.0.at', message: 'is in the future' },
    ];
    server.use(reportsEndpoint([], () => problem(422, errors)));
    const outbox = await makeOutbox();
    const report = await outbox.add('field', body);
    await outbox.flush();
    expect(outbox.snapshot().counts).toEqual({ queued: 0, sent: 0, failed: 1 });
    expect(outbox.snapshot().reports[0]).toMatchObject({
      state: 'failed',
      failure: { kind: 'invalid', status: 422, title: 'Unprocessable report', problems: errors },
    });
    // Not tried again by itself.
    clock += 3600_000;
    await outbox.flush();
    expect(outbox.snapshot().counts.failed).toBe(1);

    await outbox.discard(report.key);
    expect(outbox.snapshot().counts).toEqual({ queued: 0, sent: 0, failed: 0 });
    expect(await indexedDbOutboxStore(factory).all()).toEqual([]);
  });

  it('never discards a queued or sent report', async () => {
    server.use(reportsEndpoint([]));
    const outbox = await makeOutbox();
    const report = await outbox.add('field', body);
    await outbox.flush();
    await outbox.discard(report.key);
    expect(outbox.snapshot().counts.sent).toBe(1);
  });

  it.each([
    [401, 'token'],
    [403, 'forbidden'],
    [409, 'conflict'],
    [413, 'too-large'],
  ] as const)('fails for good on HTTP %i (%s)', async (status, kind) => {
    const seen: Seen[] = [];
    server.use(reportsEndpoint(seen, () => problem(status)));
    const outbox = await makeOutbox();
    await outbox.add('field', body);
    await outbox.flush();
    clock += 3600_000;
    await outbox.flush();
    expect(seen).toHaveLength(1);
    expect(outbox.snapshot().reports[0]).toMatchObject({ state: 'failed', failure: { kind } });
  });

  it('keeps a report queued through server errors and sends it later with the same key', async () => {
    const seen: Seen[] = [];
    server.use(
      reportsEndpoint(seen, (n) =>
        n === 1 ? problem(503) : n === 2 ? HttpResponse.error() : accepted(201),
      ),
    );
    const outbox = await makeOutbox({ backoffMs: 1000 });
    await outbox.add('field', body);
    await outbox.flush();
    expect(outbox.snapshot().counts).toEqual({ queued: 1, sent: 0, failed: 0 });
    expect(outbox.snapshot().reports[0]).toMatchObject({
      waiting: { kind: 'server', status: 503 },
      attempts: 1,
    });
    // Not before its backoff.
    await outbox.flush();
    expect(seen).toHaveLength(1);
    clock += 1500;
    await outbox.flush();
    expect(seen).toHaveLength(2);
    expect(outbox.snapshot().reports[0]).toMatchObject({
      state: 'queued',
      waiting: { kind: 'network' },
    });
    clock += 60_000;
    await outbox.flush();
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.key)).size).toBe(1);
    expect(outbox.snapshot().counts).toEqual({ queued: 0, sent: 1, failed: 0 });
  });

  it('waits as long as a busy server asks (429 Retry-After)', async () => {
    server.use(
      reportsEndpoint(
        [],
        () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '120' } }),
      ),
    );
    const outbox = await makeOutbox();
    await outbox.add('field', body);
    await outbox.flush();
    expect(outbox.snapshot().reports[0]).toMatchObject({
      state: 'queued',
      waiting: { kind: 'busy' },
      nextAttemptAt: clock + 120_000,
    });
  });

  it('sends nothing offline, and sends the queued report when the link returns', async () => {
    const seen: Seen[] = [];
    server.use(reportsEndpoint(seen, () => accepted(201)));
    online = false;
    const outbox = await makeOutbox();
    const report = await outbox.add('field', body);
    await outbox.flush();
    expect(seen).toHaveLength(0);
    expect(outbox.snapshot().counts).toEqual({ queued: 1, sent: 0, failed: 0 });
    expect(outbox.snapshot().reports[0]!.waiting?.kind).toBe('offline');

    online = true;
    const sent = new Promise<string>((resolve) => outbox.onSent(resolve));
    window.dispatchEvent(new Event('online'));
    expect(await sent).toBe('field');
    expect(seen.map((s) => s.key)).toEqual([report.key]);
    expect(outbox.snapshot().counts).toEqual({ queued: 0, sent: 1, failed: 0 });
  });

  it('sends what an earlier visit queued when the app starts', async () => {
    const seen: Seen[] = [];
    online = false;
    const before = await makeOutbox();
    const report = await before.add('field', body);
    before.stop();

    online = true;
    server.use(reportsEndpoint(seen));
    const after = await makeOutbox();
    expect(seen.map((s) => s.key)).toEqual([report.key]);
    expect(after.snapshot().counts).toEqual({ queued: 0, sent: 1, failed: 0 });
  });

  it('never sends the same report twice at once', async () => {
    const seen: Seen[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      reportsEndpoint(seen, async () => {
        await gate;
        return accepted(201);
      }),
    );
    online = false;
    const outbox = await makeOutbox();
    await outbox.add('field', body);
    online = true;
    const flushes = [outbox.flush(), outbox.flush(), outbox.flush()];
    window.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(outbox.snapshot().sending.size).toBe(1);
    release();
    await Promise.all(flushes);
    await outbox.flush();
    expect(seen).toHaveLength(1);
    expect(outbox.snapshot().counts.sent).toBe(1);
  });

  it('counts a replayed answer (200, key already stored) as sent', async () => {
    server.use(reportsEndpoint([], () => accepted(200)));
    const outbox = await makeOutbox();
    await outbox.add('field', body);
    await outbox.flush();
    expect(outbox.snapshot().reports[0]).toMatchObject({ state: 'sent', replayed: true });
  });

  it('waits for a token without sending, and sends once one is given', async () => {
    const seen: Seen[] = [];
    server.use(reportsEndpoint(seen));
    token = undefined;
    const outbox = await makeOutbox();
    await outbox.add('field', body);
    await outbox.flush();
    expect(seen).toHaveLength(0);
    expect(outbox.snapshot().reports[0]!.waiting?.kind).toBe('no-token');
    token = TOKEN;
    await outbox.flush();
    expect(seen).toHaveLength(1);
  });

  it('sends a report refused for its token again, with the same key, once asked to', async () => {
    const seen: Seen[] = [];
    server.use(reportsEndpoint(seen, (n) => (n === 1 ? problem(401) : accepted(201))));
    const outbox = await makeOutbox();
    const report = await outbox.add('field', body);
    await outbox.flush();
    expect(outbox.snapshot().counts.failed).toBe(1);
    await outbox.retry(report.key);
    await outbox.flush();
    expect(seen.map((s) => s.key)).toEqual([report.key, report.key]);
    expect(outbox.snapshot().counts).toEqual({ queued: 0, sent: 1, failed: 0 });
  });

  it('fails a report whose source is no longer configured writable, keeping it', async () => {
    const outbox = await makeOutbox({ sources: () => [] });
    await outbox.add('field', body);
    await outbox.flush();
    expect(outbox.snapshot().reports[0]).toMatchObject({
      state: 'failed',
      failure: { kind: 'no-source' },
    });
  });
});
