// @vitest-environment node
/**
 * Nothing acknowledged is lost: the server is killed (SIGKILL) in the middle of a stream of
 * writes and every write it had acknowledged is there after a restart; 50 writers sending
 * 10,000 reports at once, with retries, lose none and double none.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../scripts/api-server.ts';
import { storeApi } from './api.ts';
import { openDb } from './db.ts';
import { migrate } from './migrate.ts';
import { post, seedSmall, statusReport } from './test-fixtures.ts';
import { storesUnderTest } from './test-stores.ts';
import { createToken } from './tokens.ts';

const ROOT = join(import.meta.dirname, '..');

/** `npm run api` on a data directory, in its own process; resolves once it listens. */
function serve(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'server/cli.ts'),
      '--db',
      dir,
      '--port',
      '0',
      '--rate',
      '100000',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /API on (http:\/\/[^\s/]+)/.exec(out);
      if (match) done({ child, url: match[1]! });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) =>
      fail(new Error(`server exited (${code}) before listening:\n${out}`)),
    );
  });
}

describe('a server killed mid-stream (PGlite on disk)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'am-kill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every write it acknowledged', async () => {
    const db = await openDb({ dir });
    await migrate(db);
    await seedSmall(db);
    const { secret } = await createToken(db, 'ngo-observers', 'kill test');
    await db.close();

    const first = await serve(dir);
    const acknowledged: string[] = [];
    let sent = 0;
    let killed = false;
    const exited = new Promise((done) => first.child.once('exit', done));
    // Eight writers in a row each; the server is killed once 150 writes are acknowledged.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (!killed) {
          sent++;
          try {
            const r = await post(`${first.url}/api/v1/reports`, statusReport('erez', 'open'), {
              token: secret,
            });
            if (r.status === 201) acknowledged.push(r.key!);
            if (acknowledged.length >= 150 && !killed) {
              killed = true;
              first.child.kill('SIGKILL');
            }
          } catch {
            // The connection died with the server: not acknowledged, may or may not be stored.
          }
        }
      }),
    );
    await exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);

    // Restarted on the same directory (the dead server's lock is taken over).
    const second = await serve(dir);
    try {
      for (const key of acknowledged.slice(-20)) {
        // A retry of an acknowledged report finds it stored: replayed, not written again.
        const retry = await post(`${second.url}/api/v1/reports`, statusReport('erez', 'open'), {
          token: secret,
          key,
        });
        expect([200, 409]).toContain(retry.status);
      }
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((done) => second.child.once('exit', done));
    }
    const after = await openDb({ dir });
    const { rows } = await after.query<{ key: string; records: number }>(
      `select p.idempotency_key as key, count(r.id)::int as records
       from reports p left join records r on r.report_id = p.id group by p.idempotency_key`,
    );
    await after.close();
    const stored = new Map(rows.map((r) => [r.key, r.records]));
    const lost = acknowledged.filter((key) => stored.get(key) !== 1);
    expect(lost).toEqual([]);
    console.log(
      `kill test: ${sent} sends, ${acknowledged.length} acknowledged before SIGKILL, ${stored.size} stored, 0 lost`,
    );
  }, 180_000);
});

describe('store commands while the server runs (PGlite on disk)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'am-admin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates and revokes a token through the running server', async () => {
    const db = await openDb({ dir });
    await migrate(db);
    await seedSmall(db);
    await db.close();
    const running = await serve(dir);
    const cli = (...argv: string[]) =>
      new Promise<string>((done, fail) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', join(ROOT, 'server/cli.ts'), ...argv, '--db', dir],
          { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let out = '';
        child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
        child.once('exit', (code) => (code === 0 ? done(out) : fail(new Error(out))));
      });
    try {
      const created = await cli(
        'token',
        'create',
        '--source',
        'night-shift',
        '--label',
        'Night shift',
      );
      const secret = /^(amt_\S+)$/m.exec(created)![1]!;
      const id = /Token (tok_\w+)/.exec(created)![1]!;
      expect(
        (await post(`${running.url}/api/v1/reports`, statusReport(), { token: secret })).status,
      ).toBe(201);
      expect(await cli('token', 'list')).toContain(`${id}  night-shift  Night shift`);
      await cli('token', 'revoke', id);
      expect(
        (await post(`${running.url}/api/v1/reports`, statusReport(), { token: secret })).status,
      ).toBe(401);
    } finally {
      running.child.kill('SIGTERM');
      await new Promise((done) => running.child.once('exit', done));
    }
  }, 120_000);
});

describe.each(storesUnderTest())('50 writers, 10,000 reports on $name', (kind) => {
  it('loses none and doubles none, retries included', async () => {
    const store = await kind.open();
    const { db } = store;
    try {
      await seedSmall(db);
      const tokens = await Promise.all(
        Array.from({ length: 50 }, (_, i) => createToken(db, `observers-${i % 5}`, `writer ${i}`)),
      );
      const server = await startServer({
        api: storeApi({ db, limits: { burst: 1e6, perSecond: 1e6 } }),
      });
      const started = Date.now();
      let retries = 0;
      try {
        await Promise.all(
          tokens.map(async ({ secret }, w) => {
            for (let n = 0; n < 200; n++) {
              const key = `w${w}-r${n}-${'x'.repeat(8)}`;
              const report = statusReport(
                ['erez', 'rafah', 'zikim'][n % 3],
                'open',
                `writer ${w} report ${n}`,
              );
              const r = await post(`${server.url}/api/v1/reports`, report, { token: secret, key });
              expect(r.status).toBe(201);
              // One send in ten is retried, as a phone whose answer was lost would.
              if (n % 10 === 3) {
                retries++;
                const again = await post(`${server.url}/api/v1/reports`, report, {
                  token: secret,
                  key,
                });
                expect(again.status).toBe(200);
              }
            }
          }),
        );
      } finally {
        await server.close();
      }
      const seconds = (Date.now() - started) / 1000;
      const { rows } = await db.query<{ reports: number; records: number; distinct_notes: number }>(
        `select count(distinct p.id)::int as reports, count(r.id)::int as records,
           count(distinct r.body->>'note')::int as distinct_notes
         from reports p join records r on r.report_id = p.id where p.source_id like 'observers-%'`,
      );
      expect(rows[0]).toEqual({ reports: 10_000, records: 10_000, distinct_notes: 10_000 });
      console.log(
        `${kind.name}: 10,000 reports + ${retries} retries from 50 writers in ${seconds.toFixed(1)} s (${Math.round((10_000 + retries) / seconds)} writes/s)`,
      );
    } finally {
      await store.drop();
    }
  }, 600_000);
});
