/**
 * Publishers' API tokens: a random secret shown once at creation, stored only as its SHA-256
 * (a 256-bit random secret needs no slow hash). Revoking adds a row; nothing is rewritten.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from './db.ts';
import { ensurePublisher, sha256 } from './store.ts';

export interface TokenInfo {
  id: string;
  sourceId: string;
  label: string;
}

export const TOKEN_PREFIX = 'amt_';

export async function createToken(
  q: Queryable,
  sourceId: string,
  label: string,
  publisherName?: string,
): Promise<{ id: string; secret: string }> {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/.test(sourceId))
    throw new Error(`--source must be a source id (letters, digits, _ . -); got "${sourceId}"`);
  await ensurePublisher(q, sourceId, publisherName ?? sourceId);
  const id = `tok_${randomBytes(6).toString('hex')}`;
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  await q.query('insert into tokens (id, source_id, label, hash) values ($1, $2, $3, $4)', [
    id,
    sourceId,
    label.slice(0, 200),
    sha256(secret),
  ]);
  return { id, secret };
}

export async function revokeToken(q: Queryable, id: string, reason = ''): Promise<boolean> {
  const known = await q.query('select 1 from tokens where id = $1', [id]);
  if (!known.rows.length) return false;
  await q.query(
    'insert into token_revocations (token_id, reason) values ($1, $2) on conflict (token_id) do nothing',
    [id, reason],
  );
  return true;
}

export async function listTokens(q: Queryable) {
  const { rows } = await q.query<{
    id: string;
    source_id: string;
    label: string;
    created_at: Date;
    revoked_at: Date | null;
  }>(
    `select t.id, t.source_id, t.label, t.created_at, v.revoked_at
     from tokens t left join token_revocations v on v.token_id = t.id order by t.created_at`,
  );
  return rows;
}

/** The token a secret stands for, unless unknown or revoked. */
export async function tokenFor(q: Queryable, secret: string): Promise<TokenInfo | undefined> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return undefined;
  const { rows } = await q.query<{ id: string; source_id: string; label: string }>(
    `select t.id, t.source_id, t.label from tokens t
     where t.hash = $1 and not exists (select 1 from token_revocations v where v.token_id = t.id)`,
    [sha256(secret)],
  );
  const row = rows[0];
  return row ? { id: row.id, sourceId: row.source_id, label: row.label } : undefined;
}
