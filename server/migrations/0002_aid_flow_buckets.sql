-- Aid flow summed per ISO week and per calendar month, kept in step with the records in the
-- same transaction as each write, so a roll-up over years reads a few thousand rows instead of
-- every record. A derived table, not a record: it is the one thing a write updates (by adding
-- the new version and taking away the one it replaces), and it can be rebuilt from records.
-- `days` counts the records on each day of the bucket (index 1 = the bucket's first day), so
-- that taking a record away keeps the mask of days reported exact. A store that held aid flow
-- before this migration has the table filled from its records at start (server/buckets.ts).

create table aid_flow_buckets (
  resolution text not null check (resolution in ('week', 'month')),
  bucket date not null,
  crossing_id text not null,
  commodity text not null,
  stage text not null,
  source_id text not null,
  verification text not null,
  records integer not null,
  days integer[] not null,
  -- Bit i set when day i+1 has a record: days' mask, kept with it so reads need not derive it.
  mask bigint not null,
  trucks numeric not null default 0,
  trucks_n integer not null default 0,
  tonnes numeric not null default 0,
  tonnes_n integer not null default 0,
  litres numeric not null default 0,
  litres_n integer not null default 0,
  primary key (resolution, bucket, crossing_id, commodity, stage, source_id, verification)
);

create function add_day_counts(a integer[], b integer[]) returns integer[]
  language sql immutable as $$
  select array_agg(coalesce(a[i], 0) + coalesce(b[i], 0) order by i)
  from generate_series(1, greatest(cardinality(a), cardinality(b))) as i
$$;

create function day_mask(days integer[]) returns bigint
  language sql immutable as $$
  select coalesce(bit_or(1::bigint << (i - 1)), 0)
  from generate_subscripts(days, 1) as i where days[i] > 0
$$;
