/**
 * Observers' writes: a report (new records) or a correction (a new version of one record),
 * checked with the dashboard's own schemas, written as the token's source only, once per
 * idempotency key. Every problem of a request is listed in one answer.
 */
import { dateBounds } from '../src/domain/date-bounds.ts';
import { describeReason, type Reason } from '../src/domain/reasons.ts';
import { validateDataset } from '../src/domain/validate.ts';
import type { Dataset } from '../src/domain/vocabulary.ts';
import type { Db, Queryable } from './db.ts';
import { storedRow, type StoredRow } from './records.ts';
import { insertRecords, sha256 } from './store.ts';
import type { TokenInfo } from './tokens.ts';

export interface Problem {
  path: string;
  message: string;
}

export class WriteRefused extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly problems: Problem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
  }
}

/** The parts of a report and the dataset each holds. */
export const REPORT_PARTS = {
  crossingStatus: 'crossing-status',
  aidFlow: 'aid-flow',
  corridorStatus: 'corridor-status',
} as const satisfies Record<string, Dataset>;
type Part = keyof typeof REPORT_PARTS;
const WRITABLE: readonly Dataset[] = Object.values(REPORT_PARTS);

export const MAX_RECORDS_PER_REPORT = 200;
/** A report may be made this long before it is sent (a device offline for days). */
const MAX_QUEUED_MS = 30 * 86_400_000;
const CLOCK_SKEW_MS = 5 * 60_000;
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

interface TheatreLike {
  timeZone: string;
  earliestDay?: string;
  crossings: { id: string }[];
  corridors: { id: string }[];
}

export interface WriteAnswer {
  reportId: string;
  kind: 'report' | 'correction';
  receivedAt: string;
  records: { id: string; dataset: string; version: number; replaces?: string }[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks one record as the token's source would write it; problems carry the record's path. */
function checkRecord(
  dataset: Dataset,
  item: unknown,
  path: string,
  token: TokenInfo,
  madeAt: string,
  theatre: TheatreLike,
  problems: Problem[],
): unknown | undefined {
  if (!isObject(item)) {
    problems.push({ path, message: 'must be an object' });
    return undefined;
  }
  const claimed = item.provenance;
  if (claimed !== undefined) {
    const source = isObject(claimed) ? claimed.sourceId : undefined;
    if (source !== undefined && source !== token.sourceId)
      throw new WriteRefused(403, 'Not your source', [
        {
          path: `${path}.provenance.sourceId`,
          message: `this token writes as "${token.sourceId}" only, not as "${String(source).slice(0, 80)}"`,
        },
      ]);
    problems.push({
      path: `${path}.provenance`,
      message: 'is set by the server (source from the token, report time from madeAt)',
    });
  }
  const record = {
    ...item,
    provenance: { sourceId: token.sourceId, reportedAt: madeAt, verification: 'reported' },
  };
  const dates = {
    bounds: dateBounds(Date.now(), theatre.timeZone, theatre.earliestDay),
    timeZone: theatre.timeZone,
  };
  const checked = validateDataset(dataset, [record], { sourceId: token.sourceId, dates });
  // One problem per field at fault, each worded on its own (the issue joins them).
  for (const issue of checked.rejected)
    for (const reason of issue.reasons.length ? issue.reasons : [undefined]) {
      const field = reason ? (reason.field ?? '') : issue.field;
      problems.push({
        path: field ? `${path}.${field}` : path,
        message: reason ? describeReason({ ...reason, field: undefined } as Reason) : issue.reason,
      });
    }
  const known =
    dataset === 'corridor-status'
      ? theatre.corridors.map((c) => c.id)
      : theatre.crossings.map((c) => c.id);
  const place = dataset === 'corridor-status' ? item.corridorId : item.crossingId;
  if (typeof place === 'string' && !known.includes(place))
    problems.push({
      path: `${path}.${dataset === 'corridor-status' ? 'corridorId' : 'crossingId'}`,
      message: `"${place.slice(0, 80)}" is not a known ${dataset === 'corridor-status' ? 'corridor' : 'crossing'} (known: ${known.join(', ')})`,
    });
  return checked.accepted[0];
}

function checkMadeAt(body: Record<string, unknown>, problems: Problem[], now: number): string {
  const made = body.madeAt;
  if (made === undefined) return new Date(now).toISOString();
  const ms = typeof made === 'string' && /[zZ]|[+-]\d\d:\d\d$/.test(made) ? Date.parse(made) : NaN;
  if (!Number.isFinite(ms)) {
    problems.push({ path: 'madeAt', message: 'must be an instant with its zone' });
    return new Date(now).toISOString();
  }
  if (ms > now + CLOCK_SKEW_MS)
    problems.push({ path: 'madeAt', message: 'is in the future: check the device clock' });
  if (ms < now - MAX_QUEUED_MS)
    problems.push({ path: 'madeAt', message: 'is more than 30 days ago' });
  return new Date(ms).toISOString();
}

/** The records of a report body, or WriteRefused(400) listing every problem. */
export function checkReport(
  body: unknown,
  token: TokenInfo,
  theatre: TheatreLike,
  now = Date.now(),
): { dataset: Dataset; record: unknown }[] {
  const problems: Problem[] = [];
  if (!isObject(body))
    throw new WriteRefused(400, 'Invalid report', [{ path: '', message: 'must be a JSON object' }]);
  for (const key of Object.keys(body))
    if (key !== 'madeAt' && !(key in REPORT_PARTS))
      problems.push({
        path: key,
        message: `is not part of a report (parts: madeAt, ${Object.keys(REPORT_PARTS).join(', ')})`,
      });
  const madeAt = checkMadeAt(body, problems, now);
  const out: { dataset: Dataset; record: unknown }[] = [];
  let count = 0;
  for (const part of Object.keys(REPORT_PARTS) as Part[]) {
    const items = body[part];
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      problems.push({ path: part, message: 'must be a list' });
      continue;
    }
    count += items.length;
    items.forEach((item, i) => {
      const record = checkRecord(
        REPORT_PARTS[part],
        item,
        `${part}.${i}`,
        token,
        madeAt,
        theatre,
        problems,
      );
      if (record) out.push({ dataset: REPORT_PARTS[part], record });
    });
  }
  if (count === 0 && !problems.length)
    problems.push({
      path: '',
      message: 'holds no record: give crossingStatus, aidFlow or corridorStatus',
    });
  if (count > MAX_RECORDS_PER_REPORT)
    problems.push({
      path: '',
      message: `holds ${count} records; at most ${MAX_RECORDS_PER_REPORT} per report`,
    });
  if (problems.length) throw new WriteRefused(400, 'Invalid report', problems);
  return out;
}

/** The answer of a stored report, rebuilt from its records (the same on every replay). */
async function answerOf(q: Queryable, reportId: string): Promise<WriteAnswer> {
  const report = await q.query<{ kind: 'report' | 'correction'; received_at: Date }>(
    'select kind, received_at from reports where id = $1::bigint',
    [reportId],
  );
  const records = await q.query<{
    id: string;
    dataset: string;
    version: number;
    replaces: string | null;
  }>(
    'select id::text, dataset, version, replaces::text from records where report_id = $1::bigint order by id',
    [reportId],
  );
  return {
    reportId,
    kind: report.rows[0]!.kind,
    receivedAt: new Date(report.rows[0]!.received_at).toISOString(),
    records: records.rows.map((r) => ({
      id: r.id,
      dataset: r.dataset,
      version: Number(r.version),
      ...(r.replaces ? { replaces: r.replaces } : {}),
    })),
  };
}

/**
 * Claims the idempotency key for this body in the transaction. Returns the new report's id, or
 * the earlier answer when the same key came with the same body (a retry), or refuses (409) when
 * it came with another body.
 */
async function claimKey(
  tx: Queryable,
  token: TokenInfo,
  key: string,
  bodyHash: string,
  madeAt: string,
  kind: 'report' | 'correction',
): Promise<{ id: string } | { replay: WriteAnswer }> {
  const inserted = await tx.query<{ id: string }>(
    `insert into reports (source_id, token_id, idempotency_key, body_hash, made_at, kind)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (source_id, idempotency_key) do nothing returning id::text`,
    [token.sourceId, token.id, key, bodyHash, madeAt, kind],
  );
  if (inserted.rows[0]) return { id: inserted.rows[0].id };
  const earlier = await tx.query<{ id: string; body_hash: string }>(
    'select id::text, body_hash from reports where source_id = $1 and idempotency_key = $2',
    [token.sourceId, key],
  );
  const row = earlier.rows[0]!;
  if (row.body_hash !== bodyHash)
    throw new WriteRefused(409, 'Idempotency key reused', [
      {
        path: 'Idempotency-Key',
        message: 'was already used for a different request; make a new key for a new report',
      },
    ]);
  return { replay: await answerOf(tx, row.id) };
}

export async function writeReport(
  db: Db,
  token: TokenInfo,
  key: string,
  rawBody: string,
  body: unknown,
  theatre: TheatreLike,
): Promise<{ answer: WriteAnswer; replayed: boolean }> {
  const checked = checkReport(body, token, theatre);
  const madeAt = (checked[0]!.record as { provenance: { reportedAt: string } }).provenance
    .reportedAt;
  return db.transaction(async (tx) => {
    const claim = await claimKey(tx, token, key, sha256(rawBody), madeAt, 'report');
    if ('replay' in claim) return { answer: claim.replay, replayed: true };
    const rows: StoredRow[] = checked.map(({ dataset, record }) =>
      storedRow(dataset, record, theatre.timeZone),
    );
    await insertRecords(tx, rows, { writtenBy: `token:${token.id}`, reportId: claim.id });
    return { answer: await answerOf(tx, claim.id), replayed: false };
  });
}

/** A correction: a new version of record `id`, by the same source, saying why. */
export async function writeCorrection(
  db: Db,
  token: TokenInfo,
  key: string,
  id: string,
  rawBody: string,
  body: unknown,
  theatre: TheatreLike,
): Promise<{ answer: WriteAnswer; replayed: boolean }> {
  if (!/^\d{1,18}$/.test(id)) throw new WriteRefused(404, 'No such record');
  const problems: Problem[] = [];
  if (!isObject(body))
    throw new WriteRefused(400, 'Invalid correction', [
      { path: '', message: 'must be a JSON object' },
    ]);
  for (const k of Object.keys(body))
    if (!['record', 'reason', 'madeAt'].includes(k))
      problems.push({ path: k, message: 'is not part of a correction (record, reason, madeAt)' });
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (!reason)
    problems.push({ path: 'reason', message: 'is required: say why the record is corrected' });
  if (reason.length > 1000)
    problems.push({ path: 'reason', message: 'is longer than 1000 characters' });
  const madeAt = checkMadeAt(body, problems, Date.now());
  const original = await db.query<{ dataset: Dataset; source_id: string; version: number }>(
    'select dataset, source_id, version from records where id = $1::bigint',
    [id],
  );
  const old = original.rows[0];
  if (!old) throw new WriteRefused(404, 'No such record');
  if (old.source_id !== token.sourceId)
    throw new WriteRefused(403, 'Not your source', [
      {
        path: '',
        message: `record ${id} is "${old.source_id}"'s; this token writes as "${token.sourceId}"`,
      },
    ]);
  if (!WRITABLE.includes(old.dataset))
    throw new WriteRefused(400, 'Not writable', [
      { path: '', message: `${old.dataset} records are not written by observers` },
    ]);
  const record = checkRecord(old.dataset, body.record, 'record', token, madeAt, theatre, problems);
  if (problems.length || !record) throw new WriteRefused(400, 'Invalid correction', problems);
  return db.transaction(async (tx) => {
    const claim = await claimKey(tx, token, key, sha256(rawBody), madeAt, 'correction');
    if ('replay' in claim) return { answer: claim.replay, replayed: true };
    const later = await tx.query<{ id: string }>(
      'select id::text from records where replaces = $1::bigint',
      [id],
    );
    if (later.rows[0])
      throw new WriteRefused(409, 'Already corrected', [
        {
          path: '',
          message: `record ${id} was already corrected by ${later.rows[0].id}; correct the latest version`,
        },
      ]);
    const row = storedRow(old.dataset, record, theatre.timeZone);
    try {
      await tx.query(
        `insert into records (dataset, day, day_to, at, crossing_id, source_id, verification,
           reported_at, commodity, stage, trucks, tonnes, litres, body, written_by, report_id,
           version, replaces, reason)
         select x.dataset, x.day, x.day_to, x.at, x.crossing_id, x.source_id, x.verification,
           x.reported_at, x.commodity, x.stage, x.trucks, x.tonnes, x.litres, x.body, $2,
           $3::bigint, $4, $5::bigint, $6
         from jsonb_to_record($1::jsonb) as x(dataset text, day date, day_to date, at timestamptz,
           crossing_id text, source_id text, verification text, reported_at timestamptz,
           commodity text, stage text, trucks numeric, tonnes numeric, litres numeric, body jsonb)`,
        [JSON.stringify(row), `token:${token.id}`, claim.id, Number(old.version) + 1, id, reason],
      );
    } catch (error) {
      // Two corrections of one version at once: the unique "replaces" lets one through.
      if ((error as { code?: string }).code === '23505')
        throw new WriteRefused(409, 'Already corrected', [
          { path: '', message: `record ${id} was corrected at the same moment; read its history` },
        ]);
      throw error;
    }
    return { answer: await answerOf(tx, claim.id), replayed: false };
  });
}

export interface Version {
  id: string;
  version: number;
  replaces: string | null;
  record: unknown;
  writtenBy: string;
  writtenAt: string;
  reason: string | null;
}

/** Every version of the record `id` belongs to, oldest first (empty when there is none). */
export async function historyOf(q: Queryable, id: string): Promise<Version[]> {
  if (!/^\d{1,18}$/.test(id)) return [];
  const { rows } = await q.query<{
    id: string;
    version: number;
    replaces: string | null;
    body: unknown;
    written_by: string;
    written_at: Date;
    reason: string | null;
    label: string | null;
    source_id: string;
  }>(
    `with recursive back as (
       select id, replaces from records where id = $1::bigint
       union all select r.id, r.replaces from records r join back on r.id = back.replaces),
     fwd as (
       select r.* from records r where r.id = (select id from back where replaces is null)
       union all select r.* from records r join fwd on r.replaces = fwd.id)
     select fwd.id::text, fwd.version, fwd.replaces::text, fwd.body, fwd.written_by,
       fwd.written_at, fwd.reason, t.label, fwd.source_id
     from fwd left join tokens t on fwd.written_by = 'token:' || t.id
     order by fwd.version`,
    [id],
  );
  return rows.map((r) => ({
    id: r.id,
    version: Number(r.version),
    replaces: r.replaces,
    record: r.body,
    writtenBy: r.label ? `${r.source_id}: ${r.label}` : r.written_by,
    writtenAt: new Date(r.written_at).toISOString(),
    reason: r.reason,
  }));
}
