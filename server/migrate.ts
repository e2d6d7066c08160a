/**
 * Versioned SQL migrations (server/migrations/NNNN_name.sql), applied in order, each once, each
 * in its own transaction, the same on PGlite and PostgreSQL. On PostgreSQL an advisory lock
 * makes servers starting together take turns.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db.ts';

const DIR = join(import.meta.dirname, 'migrations');
const LOCK = 27_200_016;

export function migrationFiles(): { version: number; name: string; sql: string }[] {
  return readdirSync(DIR)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({
      version: Number(name.slice(0, 4)),
      name,
      sql: readFileSync(join(DIR, name), 'utf8'),
    }));
}

/** Applies the migrations not yet applied; returns the names applied now. */
export async function migrate(db: Db): Promise<string[]> {
  await db.query(
    `create table if not exists schema_migrations (
       version integer primary key, name text not null, applied_at timestamptz not null default now())`,
  );
  const applied: string[] = [];
  for (const m of migrationFiles()) {
    const done = await db.transaction(async (tx) => {
      if (db.kind === 'postgres') await tx.query('select pg_advisory_xact_lock($1)', [LOCK]);
      const seen = await tx.query('select 1 from schema_migrations where version = $1', [
        m.version,
      ]);
      if (seen.rows.length) return false;
      // PGlite's extended protocol takes one statement per query: split on the file's own
      // statement ends (a line that ends with ";" outside a $$ body).
      for (const statement of statements(m.sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        m.version,
        m.name,
      ]);
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}

/** The statements of a migration file: split at ";" ending a line, never inside $$ … $$. */
export function statements(sql: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let inBody = false;
  for (const line of sql.split('\n')) {
    if (!current.length && /^\s*(--.*)?$/.test(line)) continue;
    current.push(line);
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inBody = !inBody;
    if (!inBody && /;\s*$/.test(line)) {
      out.push(current.join('\n').trim().replace(/;$/, ''));
      current = [];
    }
  }
  if (current.join('').trim()) out.push(current.join('\n').trim());
  return out;
}
