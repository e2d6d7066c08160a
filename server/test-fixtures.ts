/** Shared by the server tests: a small seeded store and reports to write into it. */
import { randomUUID } from 'node:crypto';
import { shiftDay, theatreDay } from '../src/domain/time.ts';
import type { Db } from './db.ts';
import { seedDemo } from './seed.ts';

export const TIME_ZONE = 'Asia/Gaza';
export const today = () => theatreDay(Date.now(), TIME_ZONE);

/** The demo scenario's last two weeks: enough theatre and records, seeded in a second or two. */
export async function seedSmall(db: Db): Promise<void> {
  await seedDemo(db, { start: shiftDay(today(), -14) });
}

/** A report of one crossing's status as an observer would send it. */
export function statusReport(crossingId = 'kerem-shalom', status = 'open', note?: string) {
  const at = new Date(Date.now() - 60_000).toISOString();
  return {
    madeAt: at,
    crossingStatus: [{ crossingId, at, status, ...(note ? { note } : {}) }],
  };
}

export async function post(
  url: string,
  body: unknown,
  options: { token?: string; key?: string | null; raw?: string } = {},
) {
  const key = options.key === undefined ? randomUUID() : options.key;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: options.raw ?? JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    key,
    json: (text ? JSON.parse(text) : undefined) as {
      data?: { reportId: string; records: { id: string; dataset: string; version: number }[] };
      errors?: { path: string; message: string }[];
      title?: string;
    },
  };
}
