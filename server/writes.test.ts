// @vitest-environment node
/**
 * Observers' writes through HTTP, on PGlite and PostgreSQL: tokens, validation listing every
 * problem, one source per token, idempotent retries, limits, append-only corrections with
 * their history, and the new figures read back through the contract.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../scripts/api-server.ts';
import { storeApi } from './api.ts';
import type { Db } from './db.ts';
import { post, seedSmall, statusReport, today } from './test-fixtures.ts';
import { storesUnderTest } from './test-stores.ts';
import { aidFlowRollup, aidFlowRollupLive } from './store.ts';
import { createToken, revokeToken } from './tokens.ts';
import { shiftDay } from '../src/domain/time.ts';

describe.each(storesUnderTest())('writes on $name', (kind) => {
  let db: Db;
  let drop: () => Promise<void>;
  let server: RunningServer;
  let api: string;
  let token: string;
  let other: string;

  beforeAll(async () => {
    const store = await kind.open();
    db = store.db;
    drop = store.drop;
    await seedSmall(db);
    token = (await createToken(db, 'ngo-observers', 'Kerem Shalom team', 'NGO observers')).secret;
    other = (await createToken(db, 'other-ngo', 'Rafah team')).secret;
    server = await startServer({
      api: storeApi({ db, limits: { burst: 1000, perSecond: 1000 }, maxBodyBytes: 16 * 1024 }),
    });
    api = `${server.url}/api/v1`;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  it('stores a report as the token’s source and the board reads it back', async () => {
    const sent = await post(
      `${api}/reports`,
      statusReport('kerem-shalom', 'closed', 'Gate shut at 14:00'),
      { token },
    );
    expect(sent.status).toBe(201);
    expect(sent.json.data?.records).toEqual([
      { id: expect.any(String), dataset: 'crossing-status', version: 1 },
    ]);
    const read = await fetch(
      `${api}/crossing-status?from=${today()}&to=${today()}&source=ngo-observers`,
    );
    const body = (await read.json()) as {
      data: {
        status: string;
        note?: string;
        provenance: { sourceId: string; verification: string };
      }[];
    };
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({
      status: 'closed',
      note: 'Gate shut at 14:00',
      provenance: { sourceId: 'ngo-observers', verification: 'reported' },
    });
    const theatre = (await (await fetch(`${api}/theatre`)).json()) as {
      data: { sources: { id: string; name: string }[] };
    };
    expect(theatre.data.sources).toContainEqual(
      expect.objectContaining({ id: 'ngo-observers', name: 'NGO observers' }),
    );
  });

  it('a retried send with the same key is answered again and stored once', async () => {
    const report = statusReport('rafah', 'restricted');
    const first = await post(`${api}/reports`, report, { token, key: 'retry-key-0001' });
    const again = await post(`${api}/reports`, report, { token, key: 'retry-key-0001' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json.data).toEqual(first.json.data);
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from records r join reports p on p.id = r.report_id where p.idempotency_key = 'retry-key-0001'`,
    );
    expect(rows[0]!.n).toBe(1);
    const changed = await post(`${api}/reports`, statusReport('rafah', 'open'), {
      token,
      key: 'retry-key-0001',
    });
    expect(changed.status).toBe(409);
  });

  it('lists every problem of a bad report in one answer', async () => {
    const sent = await post(
      `${api}/reports`,
      {
        madeAt: 'yesterday',
        crossingStatus: [{ crossingId: 'atlantis', at: '2026-02-30T10:00', status: 'ajar' }],
        aidFlow: [
          { date: today(), crossingId: 'rafah', commodity: 'cement', stage: 'entered', trucks: -3 },
        ],
        extra: 1,
      },
      { token },
    );
    expect(sent.status).toBe(400);
    const paths = sent.json.errors!.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'extra',
        'madeAt',
        'crossingStatus.0.crossingId',
        'crossingStatus.0.status',
        'aidFlow.0.commodity',
        'aidFlow.0.trucks',
      ]),
    );
    expect(
      sent.json.errors!.find((e) => e.path === 'crossingStatus.0.crossingId')!.message,
    ).toContain('kerem-shalom');
  });

  it('refuses writes without a valid token, as another source, too large or too many', async () => {
    expect((await post(`${api}/reports`, statusReport())).status).toBe(401);
    expect(
      (await post(`${api}/reports`, statusReport(), { token: 'amt_not-a-token' })).status,
    ).toBe(401);
    expect((await post(`${api}/reports`, statusReport(), { token, key: null })).status).toBe(400);
    const claimed = statusReport();
    (claimed.crossingStatus[0] as Record<string, unknown>).provenance = { sourceId: 'un-monitor' };
    expect((await post(`${api}/reports`, claimed, { token })).status).toBe(403);
    const big = statusReport('rafah', 'open', 'x'.repeat(20_000));
    expect((await post(`${api}/reports`, big, { token })).status).toBe(413);
    // Sent in chunks, without a length: cut off at the limit, still answered 413.
    const chunked = await new Promise<number>((done, fail) => {
      const url = new URL(`${api}/reports`);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'idempotency-key': 'chunked-00000001',
            'content-type': 'application/json',
          },
        },
        (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        },
      );
      req.on('error', fail);
      for (let i = 0; i < 40; i++) req.write('x'.repeat(1024));
      req.end();
    });
    expect(chunked).toBe(413);
    const { secret, id } = await createToken(db, 'short-lived', 'revoked soon');
    expect((await post(`${api}/reports`, statusReport(), { token: secret })).status).toBe(201);
    await revokeToken(db, id, 'device lost');
    expect((await post(`${api}/reports`, statusReport(), { token: secret })).status).toBe(401);
  });

  it('limits the rate per token, saying when to retry', async () => {
    const limited = await startServer({
      api: storeApi({ db, limits: { burst: 3, perSecond: 0.1 } }),
    });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i++) {
        const r = await post(`${limited.url}/api/v1/reports`, statusReport(), { token: other });
        statuses.push(r.status);
        retryAfter ??= r.headers.get('retry-after');
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('a correction is a new version naming the one it replaces; history keeps both', async () => {
    const first = await post(`${api}/reports`, statusReport('zikim', 'open'), { token });
    const id = first.json.data!.records[0]!.id;
    const fixed = statusReport('zikim', 'closed').crossingStatus[0];
    const correction = await post(
      `${api}/records/${id}/corrections`,
      { record: fixed, reason: 'Gate was shut; wrong button' },
      { token },
    );
    expect(correction.status).toBe(201);
    const newId = correction.json.data!.records[0]!.id;
    expect(correction.json.data!.records[0]).toMatchObject({ version: 2, replaces: id });

    const history = (await (await fetch(`${api}/records/${newId}/history`)).json()) as {
      data: {
        id: string;
        version: number;
        replaces: string | null;
        reason: string | null;
        writtenBy: string;
        record: { status: string };
      }[];
    };
    expect(history.data.map((v) => [v.version, v.record.status, v.replaces, v.reason])).toEqual([
      [1, 'open', null, null],
      [2, 'closed', id, 'Gate was shut; wrong button'],
    ]);
    expect(history.data[1]!.writtenBy).toBe('ngo-observers: Kerem Shalom team');

    const read = await fetch(
      `${api}/crossing-status?from=${today()}&to=${today()}&crossing=zikim&source=ngo-observers`,
    );
    const statuses = ((await read.json()) as { data: { status: string }[] }).data.map(
      (r) => r.status,
    );
    expect(statuses).toEqual(['closed']);

    // The old version cannot be corrected again (no forks), nor by another source.
    const fork = await post(
      `${api}/records/${id}/corrections`,
      { record: fixed, reason: 'again' },
      { token },
    );
    expect(fork.status).toBe(409);
    const foreign = await post(
      `${api}/records/${newId}/corrections`,
      { record: fixed, reason: 'mine now' },
      { token: other },
    );
    expect(foreign.status).toBe(403);
    const noReason = await post(
      `${api}/records/${newId}/corrections`,
      { record: fixed },
      { token },
    );
    expect(noReason.status).toBe(400);
  });

  it('a corrected truck count moves the weekly and monthly sums with it', async () => {
    const day = today();
    const sent = await post(
      `${api}/reports`,
      {
        aidFlow: [
          { date: day, crossingId: 'erez', commodity: 'health', stage: 'delivered', trucks: 10 },
        ],
      },
      { token },
    );
    const id = sent.json.data!.records[0]!.id;
    const fixed = {
      date: day,
      crossingId: 'erez',
      commodity: 'health',
      stage: 'delivered',
      trucks: 25,
      tonnes: 80,
    };
    expect(
      (
        await post(
          `${api}/records/${id}/corrections`,
          { record: fixed, reason: 'miscounted' },
          { token },
        )
      ).status,
    ).toBe(201);
    const month = {
      from: `${day.slice(0, 8)}01`,
      to: shiftDay(`${shiftDay(`${day.slice(0, 8)}01`, 32).slice(0, 8)}01`, -1),
    };
    for (const resolution of ['week', 'month'] as const) {
      const range =
        resolution === 'month' ? month : { from: shiftDay(month.from, -14), to: month.to };
      const filter = { ...range, sourceId: 'ngo-observers' };
      const fromSums = await aidFlowRollup(db, filter, resolution);
      const fromRecords = await aidFlowRollupLive(db, filter, resolution);
      const sortRows = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
      expect(sortRows(fromSums)).toEqual(sortRows(fromRecords));
      expect(
        fromSums.filter((r) => r.stage === 'delivered').map((r) => [r.trucks, r.tonnes, r.records]),
      ).toEqual([[25, 80, 1]]);
    }
  });

  it('the database refuses to rewrite or delete a record, whoever asks', async () => {
    const { rows } = await db.query<{ id: string }>('select id::text from records limit 1');
    const id = rows[0]!.id;
    await expect(
      db.query(`update records set body = '{}' where id = $1::bigint`, [id]),
    ).rejects.toThrow(/append-only/);
    await expect(db.query(`delete from records where id = $1::bigint`, [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`truncate records cascade`)).rejects.toThrow(/append-only/);
    await expect(db.query(`delete from reports`)).rejects.toThrow(/append-only/);
  });
});

describe('no code path rewrites a report', () => {
  it('the server’s code holds no UPDATE, DELETE or TRUNCATE statement (but the sums’ upsert)', () => {
    const dir = import.meta.dirname;
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    files.push(...readdirSync(join(dir, 'migrations')).map((f) => join('migrations', f)));
    const offending = files.filter((f) => {
      const text = readFileSync(join(dir, f), 'utf8')
        // The triggers that refuse rewrites name the operations they refuse.
        .replace(/before update or delete on \w+/g, '')
        .replace(/before truncate on \w+/g, '')
        // The one derived table (sums kept in step with the records) is upserted by design.
        .replace(/insert into aid_flow_buckets[^`]*?do update set/g, '');
      return /\bupdate\s+\w+\s+set\b|\bdelete\s+from\b|\btruncate\b|\bon conflict[^;]*do update\b/i.test(
        text,
      );
    });
    expect(offending).toEqual([]);
  });
});
