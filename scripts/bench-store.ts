/**
 * Rows of `npm run bench` for the API server's store (issue 16): the board's query and the
 * aid-flow chart's monthly roll-up (by commodity) over 5 years × 8 crossings, as requests per second and p95 latency
 * through HTTP, on PGlite (a data directory on disk) and on PostgreSQL. PostgreSQL is the one
 * named by BENCH_DATABASE_URL, else a throwaway cluster started with .ci/postgres.sh (skipped,
 * and said so, where PostgreSQL is not installed).
 *
 *   npx tsx scripts/bench-store.ts            # these rows alone
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { shiftDay, theatreDay } from '../src/domain/time.ts';
import { storeApi } from '../server/api.ts';
import { openDb, type Db } from '../server/db.ts';
import { migrate } from '../server/migrate.ts';
import { seedDemo } from '../server/seed.ts';
import { startServer } from './api-server.ts';
import { percentile } from './bench-stats.ts';
import type { Row } from './bench.ts';

const ROOT = resolve(import.meta.dirname, '..');
const YEARS = 5;
const CROSSINGS = 8;
/** Requests in flight at once (a handful of dashboards refreshing together). */
const CONCURRENCY = 4;
const SECONDS = Number(process.env.BENCH_STORE_SECONDS ?? 10);
const BOARD_P95_MS = 100;
const ROLLUP_P95_MS = 1000;

interface Load {
  rps: number;
  p95: number;
  requests: number;
}

/** Sends `path` with CONCURRENCY loops for SECONDS; every answer must be 200. */
async function load(base: string, paths: readonly string[]): Promise<Load> {
  const times: number[] = [];
  const end = Date.now() + SECONDS * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        for (const path of paths) {
          const t = performance.now();
          const r = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'gzip' } });
          await r.arrayBuffer();
          if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
          times.push(performance.now() - t);
        }
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  return { rps: times.length / seconds, p95: percentile(times, 0.95), requests: times.length };
}

async function measure(name: string, db: Db): Promise<Row[]> {
  const today = theatreDay(Date.now(), 'Asia/Gaza');
  const start = shiftDay(today, -365 * YEARS);
  const t0 = Date.now();
  const seeded = await seedDemo(db, { crossings: CROSSINGS, start });
  console.log(
    `  ${name}: seeded ${seeded.records.toLocaleString('en')} records ${seeded.from} … ${seeded.to} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  const server = await startServer({ api: storeApi({ db }) });
  try {
    const base = `${server.url}/api/v1`;
    const week = shiftDay(today, -6);
    // The board: every crossing's status (with the state carried in) and its trucks, last week.
    const board = [
      `/crossing-status?from=${week}&to=${today}`,
      `/aid-flow?from=${week}&to=${today}`,
    ];
    // The aid-flow chart's own request for the whole range (stacked by commodity).
    const rollup = [`/aid-flow?from=${start}&to=${today}&resolution=month&by=commodity`];
    await load(base, board); // warm up
    const b = await load(base, board);
    const r = await load(base, rollup);
    const label = `${YEARS} y × ${CROSSINGS} crossings, ${name}`;
    return [
      {
        metric: `Store: board query (2 requests), ${label} — requests/s`,
        value: b.rps.toFixed(0),
        unit: '/s',
        budget: '',
        holds: undefined,
      },
      {
        metric: `Store: board query, ${label} — p95`,
        value: Math.round(b.p95),
        unit: 'ms',
        budget: `≤ ${BOARD_P95_MS} ms`,
        holds: b.p95 <= BOARD_P95_MS,
      },
      {
        metric: `Store: monthly aid-flow roll-up by commodity, ${label} — requests/s`,
        value: r.rps.toFixed(1),
        unit: '/s',
        budget: '',
        holds: undefined,
      },
      {
        metric: `Store: monthly aid-flow roll-up by commodity, ${label} — p95`,
        value: Math.round(r.p95),
        unit: 'ms',
        budget: `≤ ${ROLLUP_P95_MS} ms`,
        holds: r.p95 <= ROLLUP_P95_MS,
      },
    ];
  } finally {
    await server.close();
  }
}

export async function benchStore(): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'am-bench-store-'));
  try {
    const db = await openDb({ dir });
    try {
      await migrate(db);
      rows.push(...(await measure('PGlite', db)));
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  let url = process.env.BENCH_DATABASE_URL;
  let started = false;
  if (!url) {
    try {
      url = execFileSync(
        'bash',
        [
          '-c',
          'PG_PORT=54331 PG_STATE=/tmp/am-bench-pg source .ci/postgres.sh start >&2 && echo $TEST_DATABASE_URL',
        ],
        { cwd: ROOT, encoding: 'utf8' },
      ).trim();
      started = true;
    } catch (error) {
      console.log(
        `  PostgreSQL not measured: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
      );
    }
  }
  if (url) {
    const admin = await openDb({ url, poolSize: 1 });
    const name = `am_bench_${process.pid}`;
    await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    try {
      const db = await openDb({ url: target.href });
      try {
        await migrate(db);
        rows.push(...(await measure('PostgreSQL', db)));
      } finally {
        await db.close();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.close();
      if (started)
        execFileSync('bash', ['-c', 'PG_STATE=/tmp/am-bench-pg .ci/postgres.sh stop'], {
          cwd: ROOT,
        });
    }
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const rows = await benchStore();
  for (const r of rows)
    console.log(
      `${r.metric}: ${r.value} ${r.unit}${r.budget ? ` (budget ${r.budget}: ${r.holds ? 'ok' : 'MISSED'})` : ''}`,
    );
}
