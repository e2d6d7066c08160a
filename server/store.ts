/**
 * The store's reads and writes, in SQL. Records are only ever inserted: a correction is a new
 * row naming the one it replaces, and "current" is the version no later one replaces (the view
 * current_records). Nothing in this file updates or deletes a record, a report or an issue
 * (server/append-only.test.ts checks the source and the database's triggers refuse it anyway).
 */
import { createHash, randomBytes } from 'node:crypto';
import { daysInMask } from '../src/domain/rollup.ts';
import { bucketsFor } from '../src/domain/series.ts';
import { shiftDay } from '../src/domain/time.ts';
import type { DataIssue } from '../src/domain/validate.ts';
import { COMMODITIES, DATASETS, type Dataset } from '../src/domain/vocabulary.ts';
import { applyBucketDeltas, bucketDeltas, bucketStart } from './buckets.ts';
import type { Db, Queryable } from './db.ts';
import { issueDay, storedRow, type StoredRow } from './records.ts';

export const CROSSING_KEYED: ReadonlySet<Dataset> = new Set([
  'aid-flow',
  'crossing-status',
  'fuel-entry',
  'truck-gaps',
]);
const CARRY_IN_LOOKBACK_DAYS = 60;
/** Rows per insert statement (one JSON parameter each). */
const BATCH = 5000;

export interface WriteMeta {
  writtenBy: string;
  reportId?: string;
  importId?: string;
}

const INSERT_RECORDS = `
  insert into records (dataset, day, day_to, at, crossing_id, source_id, verification, reported_at,
    commodity, stage, trucks, tonnes, litres, body, written_by, report_id, import_id)
  select x.dataset, x.day, x.day_to, x.at, x.crossing_id, x.source_id, x.verification,
    x.reported_at, x.commodity, x.stage, x.trucks, x.tonnes, x.litres, x.body, $2, $3::bigint,
    $4::bigint
  from jsonb_to_recordset($1::jsonb) as x(dataset text, day date, day_to date, at timestamptz,
    crossing_id text, source_id text, verification text, reported_at timestamptz, commodity text,
    stage text, trucks numeric, tonnes numeric, litres numeric, body jsonb)
  returning id::text, dataset`;

/** Inserts valid records (version 1 each); returns their ids in order. */
export async function insertRecords(
  q: Queryable,
  rows: readonly StoredRow[],
  meta: WriteMeta,
): Promise<{ id: string; dataset: string }[]> {
  const out: { id: string; dataset: string }[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const result = await q.query<{ id: string; dataset: string }>(INSERT_RECORDS, [
      JSON.stringify(rows.slice(i, i + BATCH)),
      meta.writtenBy,
      meta.reportId ?? null,
      meta.importId ?? null,
    ]);
    out.push(...result.rows);
  }
  const flows = rows.filter((r) => r.dataset === 'aid-flow');
  if (flows.length) await applyBucketDeltas(q, bucketDeltas(flows));
  return out;
}

/** Stores rejected records or rows as data issues, each with its reason and what was received. */
export async function insertIssues(
  q: Queryable,
  issues: readonly DataIssue[],
  timeZone: string,
  importId?: string,
  fallbackDay: string | null = null,
): Promise<void> {
  for (let i = 0; i < issues.length; i += BATCH) {
    const rows = issues.slice(i, i + BATCH).map((issue) => ({
      // The source the record names, where it names one readably (a bad record is still theirs).
      source_id: claimedSource(issue.raw) ?? issue.sourceId,
      dataset: issue.dataset === 'theatre' ? null : issue.dataset,
      day: issueDay(issue.raw, timeZone, fallbackDay),
      position: issue.position,
      field: issue.field,
      reason: issue.reason,
      reasons: issue.reasons ?? [],
      raw: issue.raw ?? null,
      reported_at: readableInstant(
        (issue.raw as { provenance?: { reportedAt?: unknown } } | null)?.provenance?.reportedAt,
      ),
    }));
    await q.query(
      `insert into data_issues (source_id, dataset, day, import_id, position, field, reason,
         reasons, raw, reported_at)
       select x.source_id, x.dataset, x.day, $2::bigint, x.position, x.field, x.reason,
         x.reasons, x.raw, x.reported_at
       from jsonb_to_recordset($1::jsonb) as x(source_id text, dataset text, day date,
         position integer, field text, reason text, reasons jsonb, raw jsonb,
         reported_at timestamptz)`,
      [JSON.stringify(rows), importId ?? null],
    );
  }
}

/** An instant with its zone, as ISO text, or null (a local time or a non-date is unreadable). */
function readableInstant(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T.*([zZ]|[+-]\d\d:?\d\d)$/.test(value))
    return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function claimedSource(raw: unknown): string | undefined {
  const id = (raw as { provenance?: { sourceId?: unknown } } | null)?.provenance?.sourceId;
  return typeof id === 'string' && id.trim() ? id.slice(0, 80) : undefined;
}

export async function storeTheatre(q: Queryable, theatre: unknown): Promise<void> {
  // A newer theatre is a new row; the latest is the one in force.
  await q.query(`insert into theatre (id, body) values ($1, $2::jsonb)`, [
    `theatre-${Date.now()}-${randomBytes(3).toString('hex')}`,
    JSON.stringify(theatre),
  ]);
}

export async function loadTheatre(q: Queryable): Promise<unknown | undefined> {
  const { rows } = await q.query<{ body: unknown }>(
    'select body from theatre order by stored_at desc, id desc limit 1',
  );
  return rows[0]?.body;
}

export async function ensurePublisher(q: Queryable, sourceId: string, name: string) {
  await q.query(
    'insert into publishers (source_id, name) values ($1, $2) on conflict (source_id) do nothing',
    [sourceId, name],
  );
}

/**
 * The first and last day with records (undefined when the store is empty): per dataset, the
 * ends of its (dataset, day) index — a few index reads, whatever the store holds.
 */
export async function storedRange(
  q: Queryable,
): Promise<{ start: string; end: string } | undefined> {
  const { rows } = await q.query<{ start: string | null; end: string | null }>(
    `select min(lo)::text as start, max(hi)::text as "end" from (
       select (select min(day) from records where dataset = d) as lo,
              (select max(day) from records where dataset = d) as hi
       from unnest($1::text[]) as d) ends`,
    [DATASETS.filter((d) => d !== 'events')],
  );
  const r = rows[0];
  return r?.start && r.end ? { start: r.start, end: r.end } : undefined;
}

export interface RecordFilter {
  from: string;
  to: string;
  crossingIds?: readonly string[];
  sourceId?: string;
  /** Epoch ms: only what was reported (or, for issues, stored) after it. */
  since?: number;
  commodities?: readonly string[];
}

/** Pushes `value` as the next query parameter; returns its placeholder. */
function param(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}

/**
 * The crossing, source and commodity filters, for the records and for aid_flow_buckets alike
 * (the same column names); `prefix` is the table alias with its dot, or ''.
 */
function keyFilters(
  dataset: Dataset,
  f: RecordFilter,
  params: unknown[],
  prefix: string,
): string[] {
  const parts: string[] = [];
  if (f.crossingIds?.length && CROSSING_KEYED.has(dataset))
    parts.push(`${prefix}crossing_id = any(${param(params, f.crossingIds)}::text[])`);
  if (f.sourceId) parts.push(`${prefix}source_id = ${param(params, f.sourceId)}`);
  if (f.commodities?.length && dataset === 'aid-flow')
    parts.push(`${prefix}commodity = any(${param(params, f.commodities)}::text[])`);
  return parts;
}

function where(dataset: Dataset, f: RecordFilter, params: unknown[], alias = 'r'): string {
  const parts = [`${alias}.dataset = ${param(params, dataset)}`];
  if (dataset === 'events')
    parts.push(
      `${alias}.day <= ${param(params, f.to)}::date`,
      `coalesce(${alias}.day_to, 'infinity'::date) >= ${param(params, f.from)}::date`,
    );
  else
    parts.push(
      `${alias}.day between ${param(params, f.from)}::date and ${param(params, f.to)}::date`,
    );
  return [...parts, ...keyFilters(dataset, f, params, `${alias}.`)].join(' and ');
}

/** The current versions of a dataset's records in a range, oldest first. */
export async function recordsIn(q: Queryable, dataset: Dataset, f: RecordFilter) {
  const params: unknown[] = [];
  let sql = `select r.body from current_records r where ${where(dataset, f, params)}`;
  if (f.since !== undefined) {
    params.push(new Date(f.since).toISOString());
    sql += ` and r.reported_at > $${params.length}::timestamptz`;
  }
  sql += ' order by r.day, r.at nulls first, r.id';
  return (await q.query<{ body: unknown }>(sql, params)).rows.map((r) => r.body);
}

/**
 * The newest report time (as written, with its zone) among the current records a filter
 * selects: a roll-up's `reportedUpTo` where the rows come from the sums, not the records.
 */
export async function newestReportIn(
  q: Queryable,
  dataset: Dataset,
  f: RecordFilter,
): Promise<string | undefined> {
  const params: unknown[] = [];
  let sql = `select r.body->'provenance'->>'reportedAt' as at from current_records r
    where ${where(dataset, f, params)}`;
  if (f.since !== undefined) {
    params.push(new Date(f.since).toISOString());
    sql += ` and r.reported_at > $${params.length}::timestamptz`;
  }
  sql += ' order by r.reported_at desc limit 1';
  return (await q.query<{ at: string | null }>(sql, params)).rows[0]?.at ?? undefined;
}

/**
 * Crossing and corridor status: per crossing (or corridor) and source, the latest observation
 * before the range (looking back 60 days), so the state at the start of a range is known.
 */
export async function carriedIn(q: Queryable, dataset: Dataset, f: RecordFilter) {
  if (dataset !== 'crossing-status' && dataset !== 'corridor-status') return [];
  const params: unknown[] = [dataset, shiftDay(f.from, -CARRY_IN_LOOKBACK_DAYS), f.from];
  let sql = `select distinct on (coalesce(r.crossing_id, r.body->>'corridorId'), r.source_id) r.body
    from current_records r
    where r.dataset = $1 and r.day >= $2::date and r.day < $3::date`;
  if (f.crossingIds?.length && dataset === 'crossing-status') {
    params.push(f.crossingIds);
    sql += ` and r.crossing_id = any($${params.length}::text[])`;
  }
  if (f.sourceId) {
    params.push(f.sourceId);
    sql += ` and r.source_id = $${params.length}`;
  }
  sql += ` order by coalesce(r.crossing_id, r.body->>'corridorId'), r.source_id, r.at desc, r.id desc`;
  return (await q.query<{ body: unknown }>(sql, params)).rows.map((r) => r.body);
}

/** The rejected records and rows stored for a dataset's range, as received. */
export async function issuesIn(q: Queryable, dataset: Dataset, f: RecordFilter) {
  const params: unknown[] = [dataset, f.from, f.to];
  let sql = `select i.raw from data_issues i
    where i.dataset = $1 and i.day between $2::date and $3::date`;
  if (f.sourceId) {
    params.push(f.sourceId);
    sql += ` and i.source_id = $${params.length}`;
  }
  if (f.crossingIds?.length && CROSSING_KEYED.has(dataset)) {
    params.push(f.crossingIds);
    sql += ` and i.raw->>'crossingId' = any($${params.length}::text[])`;
  }
  if (f.commodities?.length && dataset === 'aid-flow') {
    // A reject whose commodity is missing or unknown is kept: it is a bad record to list.
    params.push(f.commodities, COMMODITIES);
    sql += ` and (i.raw->>'commodity' = any($${params.length - 1}::text[])
      or coalesce(i.raw->>'commodity', '') <> all($${params.length}::text[]))`;
  }
  if (f.since !== undefined) {
    params.push(new Date(f.since).toISOString());
    // As the records: what was reported after it; a reject whose report time cannot be read
    // is kept (it is a bad record the client must still list).
    sql += ` and (i.reported_at is null or i.reported_at > $${params.length}::timestamptz)`;
  }
  sql += ' order by i.id';
  return (await q.query<{ raw: unknown }>(sql, params)).rows.map((r) => r.raw);
}

export interface AidFlowRollupRow {
  bucket: string;
  to: string;
  days: number;
  sourceId: string;
  verification: string;
  records: number;
  daysReported: number;
  dayMask: number;
  crossingId?: string;
  commodity?: string;
  stage: string;
  trucks?: number;
  tonnes?: number;
  litres?: number;
}

/**
 * Aid flow rolled up in SQL from the records: sums per bucket × crossing × commodity × stage × source ×
 * verification (with `by`, summed over the other of crossing and commodity), with the records
 * and the mask of the days each row stands on — the same rows as src/domain/rollup.ts's
 * rollUpAidFlow (server/store.test.ts compares them with the mock's).
 */
export async function aidFlowRollupLive(
  q: Queryable,
  f: RecordFilter,
  resolution: 'day' | 'week' | 'month',
  by?: 'crossing' | 'commodity',
): Promise<AidFlowRollupRow[]> {
  // Buckets by arithmetic, not by a join: ISO weeks (Monday) and calendar months, clipped to
  // the range, as src/domain/series.ts's bucketsFor cuts them.
  const params: unknown[] = [];
  const filter = where('aid-flow', f, params);
  params.push(f.from);
  const from = `$${params.length}::date`;
  const start = (day: string) =>
    resolution === 'day' ? day : `date_trunc('${resolution}', ${day})::date`;
  const bucket = (day: string) => `greatest(${start(day)}, ${from})`;
  const keepCrossing = by !== 'commodity';
  const keepCommodity = by !== 'crossing';
  const crossing = keepCrossing ? 'r.crossing_id' : `''`;
  const commodity = keepCommodity ? 'r.commodity' : `''`;
  let touched = '';
  if (f.since !== undefined) {
    // Only the buckets holding a record reported after `since`, each answered whole.
    const inner = where('aid-flow', f, params, 'r2');
    params.push(new Date(f.since).toISOString());
    touched = ` and ${bucket('r.day')} in (select distinct ${bucket('r2.day')} from current_records r2
      where ${inner} and r2.reported_at > $${params.length}::timestamptz)`;
  }
  const sql = `select ${bucket('r.day')}::text as bucket,
      ${crossing} as crossing, ${commodity} as commodity, r.stage, r.source_id, r.verification,
      count(*)::int as records,
      bit_or(1::bigint << (r.day - ${bucket('r.day')}))::text as mask,
      sum(r.trucks)::float8 as trucks, sum(r.tonnes)::float8 as tonnes,
      sum(r.litres)::float8 as litres
    from current_records r
    where ${filter}${touched}
    group by 1, 2, 3, 4, 5, 6
    order by 1, 2, 3, 4, 5, 6`;
  const { rows } = await q.query<GroupedAidFlow>(sql, params);
  const ends = new Map(bucketsFor({ from: f.from, to: f.to }, resolution).map((b) => [b.from, b]));
  return rows.map((r) => rollupRow(r, ends.get(r.bucket)!, keepCrossing, keepCommodity));
}

/** A row of grouped aid flow, as either path reads it (sums are null where no record had one). */
interface GroupedAidFlow {
  bucket: string;
  crossing: string;
  commodity: string;
  stage: string;
  source_id: string;
  verification: string;
  records: number;
  mask: string;
  trucks: number | null;
  tonnes: number | null;
  litres: number | null;
}

function rollupRow(
  r: GroupedAidFlow,
  b: { from: string; to: string; days: number },
  keepCrossing: boolean,
  keepCommodity: boolean,
): AidFlowRollupRow {
  const dayMask = Number(r.mask) >>> 0;
  return {
    bucket: b.from,
    to: b.to,
    days: b.days,
    sourceId: r.source_id,
    verification: r.verification,
    records: Number(r.records),
    daysReported: daysInMask(dayMask),
    dayMask,
    ...(keepCrossing ? { crossingId: r.crossing } : {}),
    ...(keepCommodity ? { commodity: r.commodity } : {}),
    stage: r.stage,
    ...(r.trucks !== null ? { trucks: Number(r.trucks) } : {}),
    ...(r.tonnes !== null ? { tonnes: Math.round(Number(r.tonnes) * 1000) / 1000 } : {}),
    ...(r.litres !== null ? { litres: Number(r.litres) } : {}),
  };
}

/**
 * Aid flow's roll-up: weeks and months wholly inside the range are read from aid_flow_buckets
 * (kept in step with every write), the clipped first and last buckets and every `since` or
 * daily roll-up from the records. The rows are the same either way (server/store.test.ts).
 */
export async function aidFlowRollup(
  q: Queryable,
  f: RecordFilter,
  resolution: 'day' | 'week' | 'month',
  by?: 'crossing' | 'commodity',
): Promise<AidFlowRollupRow[]> {
  if (resolution === 'day' || f.since !== undefined) return aidFlowRollupLive(q, f, resolution, by);
  const buckets = bucketsFor({ from: f.from, to: f.to }, resolution);
  const whole = buckets.filter(
    (b) =>
      b.from === bucketStart(b.from, resolution) &&
      b.to === bucketsFor({ from: b.from, to: shiftDay(b.from, 31) }, resolution)[0]!.to,
  );
  const wholeSet = new Set(whole.map((b) => b.from));
  const rows: AidFlowRollupRow[] = [];
  for (const b of buckets)
    if (!wholeSet.has(b.from))
      rows.push(...(await aidFlowRollupLive(q, { ...f, from: b.from, to: b.to }, resolution, by)));
  if (!whole.length) return rows;
  const keepCrossing = by !== 'commodity';
  const keepCommodity = by !== 'crossing';
  const params: unknown[] = [resolution, whole.map((b) => b.from)];
  const filter = keyFilters('aid-flow', f, params, '')
    .map((part) => ` and ${part}`)
    .join('');
  const summed = await q.query<GroupedAidFlow>(
    `select bucket::text, ${keepCrossing ? 'crossing_id' : `''`} as crossing,
       ${keepCommodity ? 'commodity' : `''`} as commodity, stage, source_id, verification,
       sum(records)::int as records, bit_or(mask)::text as mask,
       case when sum(trucks_n) > 0 then sum(trucks)::float8 end as trucks,
       case when sum(tonnes_n) > 0 then sum(tonnes)::float8 end as tonnes,
       case when sum(litres_n) > 0 then sum(litres)::float8 end as litres
     from aid_flow_buckets
     where resolution = $1 and bucket = any($2::date[]) and records > 0${filter}
     group by 1, 2, 3, 4, 5, 6`,
    params,
  );
  const byFrom = new Map(whole.map((b) => [b.from, b]));
  for (const r of summed.rows)
    rows.push(rollupRow(r, byFrom.get(r.bucket)!, keepCrossing, keepCommodity));
  return rows;
}

export { storedRow };

export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

export type { Db };
