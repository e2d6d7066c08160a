/**
 * The stores server tests run against: PGlite in memory always, and PostgreSQL when
 * TEST_DATABASE_URL names a server where the tests may create databases (.ci/run starts one).
 * Under CI the PostgreSQL run is required: a missing TEST_DATABASE_URL fails, never skips.
 */
import { randomBytes } from 'node:crypto';
import { openDb, type Db } from './db.ts';
import { migrate } from './migrate.ts';

export interface StoreUnderTest {
  name: 'PGlite' | 'PostgreSQL';
  /** A new, empty, migrated database of this kind; `drop` removes it. */
  open(): Promise<{ db: Db; url?: string; drop(): Promise<void> }>;
}

const CI = process.env.CI === 'true' || process.env.CI === '1';
const PG_URL = process.env.TEST_DATABASE_URL;

export function storesUnderTest(): StoreUnderTest[] {
  if (CI && !PG_URL)
    throw new Error(
      'CI runs the server tests on PostgreSQL too: set TEST_DATABASE_URL (.ci/run starts a server and sets it).',
    );
  const stores: StoreUnderTest[] = [
    {
      name: 'PGlite',
      async open() {
        const db = await openDb({ dir: 'memory' });
        await migrate(db);
        return { db, drop: () => db.close() };
      },
    },
  ];
  if (PG_URL)
    stores.push({
      name: 'PostgreSQL',
      async open() {
        const name = `am_test_${randomBytes(5).toString('hex')}`;
        const admin = await openDb({ url: PG_URL, poolSize: 1 });
        await admin.query(`create database ${name}`);
        const url = new URL(PG_URL);
        url.pathname = `/${name}`;
        const db = await openDb({ url: url.href });
        await migrate(db);
        return {
          db,
          url: url.href,
          async drop() {
            await db.close();
            await admin.query(`drop database if exists ${name} with (force)`);
            await admin.close();
          },
        };
      },
    });
  return stores;
}
