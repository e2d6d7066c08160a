/**
 * aid_flow_buckets (migration 0002): aid flow summed per ISO week and calendar month, changed
 * in the same transaction as every write of aid-flow records — a new version adds itself, the
 * version it replaces is taken away — so that long roll-ups read sums, not every record.
 */
import { dayNumber } from '../src/domain/series.ts';
import type { Queryable } from './db.ts';
import type { StoredRow } from './records.ts';

export const BUCKET_RESOLUTIONS = ['week', 'month'] as const;
export type BucketResolution = (typeof BUCKET_RESOLUTIONS)[number];

/** The first day of the ISO week or calendar month holding `day`. */
export function bucketStart(day: string, resolution: BucketResolution): string {
  if (resolution === 'month') return `${day.slice(0, 7)}-01`;
  const n = dayNumber(day);
  const weekday = (((n + 3) % 7) + 7) % 7; // 0 on Mondays (1970-01-01 was a Thursday)
  return new Date((n - weekday) * 86_400_000).toISOString().slice(0, 10);
}

interface Delta {
  resolution: BucketResolution;
  bucket: string;
  crossing_id: string;
  commodity: string;
  stage: string;
  source_id: string;
  verification: string;
  records: number;
  days: number[];
  trucks: number;
  trucks_n: number;
  tonnes: number;
  tonnes_n: number;
  litres: number;
  litres_n: number;
}

type AidFlowRow = Pick<
  StoredRow,
  | 'day'
  | 'crossing_id'
  | 'commodity'
  | 'stage'
  | 'source_id'
  | 'verification'
  | 'trucks'
  | 'tonnes'
  | 'litres'
>;

/**
 * The changes to the buckets of adding records and taking others away (the versions a
 * correction replaces), one delta per bucket row: a statement may change each row once.
 */
export function bucketDeltas(
  added: readonly AidFlowRow[],
  takenAway: readonly AidFlowRow[] = [],
): Delta[] {
  const deltas = new Map<string, Delta>();
  const signed = [...added.map((r) => [r, 1] as const), ...takenAway.map((r) => [r, -1] as const)];
  for (const [r, sign] of signed)
    for (const resolution of BUCKET_RESOLUTIONS) {
      const bucket = bucketStart(r.day, resolution);
      const key = [
        resolution,
        bucket,
        r.crossing_id,
        r.commodity,
        r.stage,
        r.source_id,
        r.verification,
      ].join('|');
      let d = deltas.get(key);
      if (!d) {
        d = {
          resolution,
          bucket,
          crossing_id: r.crossing_id ?? '',
          commodity: r.commodity ?? '',
          stage: r.stage ?? '',
          source_id: r.source_id,
          verification: r.verification,
          records: 0,
          days: [],
          trucks: 0,
          trucks_n: 0,
          tonnes: 0,
          tonnes_n: 0,
          litres: 0,
          litres_n: 0,
        };
        deltas.set(key, d);
      }
      d.records += sign;
      const i = dayNumber(r.day) - dayNumber(bucket);
      while (d.days.length <= i) d.days.push(0);
      d.days[i]! += sign;
      if (r.trucks !== null && r.trucks !== undefined) {
        d.trucks += sign * Number(r.trucks);
        d.trucks_n += sign;
      }
      if (r.tonnes !== null && r.tonnes !== undefined) {
        d.tonnes += sign * Number(r.tonnes);
        d.tonnes_n += sign;
      }
      if (r.litres !== null && r.litres !== undefined) {
        d.litres += sign * Number(r.litres);
        d.litres_n += sign;
      }
    }
  // Upserts take row locks in this order, so two writers never wait on each other in a circle.
  return [...deltas.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
}

const UPSERT = `
  insert into aid_flow_buckets as b (resolution, bucket, crossing_id, commodity, stage, source_id,
    verification, records, days, mask, trucks, trucks_n, tonnes, tonnes_n, litres, litres_n)
  select x.resolution, x.bucket, x.crossing_id, x.commodity, x.stage, x.source_id,
    x.verification, x.records, x.days, day_mask(x.days), x.trucks, x.trucks_n, x.tonnes, x.tonnes_n, x.litres,
    x.litres_n
  from jsonb_to_recordset($1::jsonb) as x(resolution text, bucket date, crossing_id text,
    commodity text, stage text, source_id text, verification text, records integer,
    days integer[], trucks numeric, trucks_n integer, tonnes numeric, tonnes_n integer,
    litres numeric, litres_n integer)
  on conflict (resolution, bucket, crossing_id, commodity, stage, source_id, verification)
  do update set records = b.records + excluded.records,
    days = add_day_counts(b.days, excluded.days),
    mask = day_mask(add_day_counts(b.days, excluded.days)),
    trucks = b.trucks + excluded.trucks, trucks_n = b.trucks_n + excluded.trucks_n,
    tonnes = b.tonnes + excluded.tonnes, tonnes_n = b.tonnes_n + excluded.tonnes_n,
    litres = b.litres + excluded.litres, litres_n = b.litres_n + excluded.litres_n`;

/** Applies the deltas of records added (and of versions they replace, taken away). */
export async function applyBucketDeltas(q: Queryable, deltas: readonly Delta[]): Promise<void> {
  for (let i = 0; i < deltas.length; i += 2000)
    await q.query(UPSERT, [JSON.stringify(deltas.slice(i, i + 2000))]);
}

/** Fills the buckets from the records in force (a store that held aid flow before 0002). */
export async function rebuildBuckets(q: Queryable): Promise<number> {
  let last = '0';
  let count = 0;
  for (;;) {
    const { rows } = await q.query<AidFlowRow & { id: string }>(
      `select id::text, day::text, crossing_id, commodity, stage, source_id, verification,
         trucks::float8, tonnes::float8, litres::float8
       from current_records where dataset = 'aid-flow' and id > $1::bigint order by id limit 20000`,
      [last],
    );
    if (!rows.length) return count;
    await applyBucketDeltas(q, bucketDeltas(rows));
    count += rows.length;
    last = rows[rows.length - 1]!.id;
  }
}
