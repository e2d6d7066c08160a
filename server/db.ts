/**
 * The store's one connection contract, over embedded Postgres (PGlite, a data directory on disk
 * or in memory) or a real PostgreSQL (`DATABASE_URL`). The same SQL runs on both: migrations,
 * queries and writes never branch on which it is.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Rows<T> {
  rows: T[];
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Rows<T>>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** A PostgreSQL connection string; when set, PGlite is not used. */
  url?: string;
  /** PGlite's data directory; 'memory' (or absent) keeps the database in memory. */
  dir?: string;
  /** PostgreSQL pool size. Default 10. */
  poolSize?: number;
}

export async function openDb(options: DbOptions): Promise<Db> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.dir);
}

async function openPostgres(url: string, max: number): Promise<Db> {
  const { default: pg } = await import('pg');
  // Dates stay text (a theatre day is not an instant), bigints and numerics are read as text
  // and cast in SQL where a number is wanted.
  pg.types.setTypeParser(1082, (value: string) => value);
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', (error) => console.error(`PostgreSQL connection error: ${error.message}`));
  await pool.query('select 1');
  return {
    kind: 'postgres',
    query: async <T>(sql: string, params?: unknown[]) =>
      (await pool.query(sql, params)) as unknown as Rows<T>,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({
          query: async <R>(sql: string, params?: unknown[]) =>
            (await client.query(sql, params)) as unknown as Rows<R>,
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dir: string | undefined): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const inMemory = !dir || dir === 'memory';
  let releaseLock = () => {};
  if (!inMemory) {
    mkdirSync(resolve(dir), { recursive: true });
    releaseLock = lockDirectory(resolve(dir));
  }
  let db;
  try {
    db = inMemory ? await PGlite.create() : await PGlite.create(resolve(dir, 'pgdata'));
  } catch (error) {
    releaseLock();
    throw error;
  }
  const pglite = db;
  return {
    kind: 'pglite',
    query: async <T>(sql: string, params?: unknown[]) =>
      (await pglite.query(sql, params)) as unknown as Rows<T>,
    transaction: <T>(work: (tx: Queryable) => Promise<T>) =>
      pglite.transaction((tx) =>
        work({
          query: async <R>(sql: string, params?: unknown[]) =>
            (await tx.query(sql, params)) as unknown as Rows<R>,
        }),
      ),
    async close() {
      await pglite.close();
      releaseLock();
    },
  };
}

/**
 * PGlite takes no lock on its data directory, and two processes writing one directory corrupt
 * it. A pid file does what postmaster.pid does for PostgreSQL: a second server on the same
 * directory fails at once, naming the first; a file left by a process that is gone is taken over.
 */
function lockDirectory(dir: string): () => void {
  const file = join(dir, 'server.pid');
  let holder: number | undefined;
  try {
    holder = Number(readFileSync(file, 'utf8').trim());
  } catch {
    holder = undefined;
  }
  if (holder && holder !== process.pid && alive(holder))
    throw new Error(
      `The data directory ${dir} is in use by process ${holder}; stop it first (two servers on one directory would corrupt it).`,
    );
  writeFileSync(file, String(process.pid));
  const release = () => rmSync(file, { force: true });
  process.once('exit', release);
  return () => {
    process.off('exit', release);
    release();
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
