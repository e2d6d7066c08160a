-- The store of Access Monitor's reference server: append-only records with their versions,
-- the reports (and their idempotency keys) that wrote them, publishers' tokens (hashes only),
-- imports and the rows they rejected. A report's answer is rebuilt from its records, so a
-- replayed request gets the same answer without anything being written twice. Nothing here is ever updated or deleted in place: the
-- triggers at the end refuse it, whatever the code above them tries.

create table theatre (
  id text primary key,
  body jsonb not null,
  stored_at timestamptz not null default now()
);

create table publishers (
  source_id text primary key,
  name text not null,
  created_at timestamptz not null default now()
);

create table tokens (
  id text primary key,
  source_id text not null references publishers (source_id),
  label text not null,
  -- sha256 of the secret, hex; the secret itself is shown once and never stored.
  hash text not null unique,
  created_at timestamptz not null default now()
);

create table token_revocations (
  token_id text primary key references tokens (id),
  revoked_at timestamptz not null default now(),
  reason text
);

create table reports (
  id bigserial primary key,
  source_id text not null,
  token_id text references tokens (id),
  idempotency_key text not null,
  -- sha256 of the request body: the same key with another body is refused, not replayed.
  body_hash text not null,
  made_at timestamptz not null,
  received_at timestamptz not null default now(),
  -- 'report' (new records) or 'correction' (a new version of one record).
  kind text not null,
  unique (source_id, idempotency_key)
);

create table imports (
  id bigserial primary key,
  source_id text not null,
  origin text not null,
  dataset text,
  rows_read integer not null,
  accepted integer not null,
  rejected integer not null,
  imported_at timestamptz not null default now()
);

create table records (
  id bigserial primary key,
  dataset text not null,
  -- The theatre-local day the record is about (its `date`, or the day of its `at`).
  day date not null,
  -- Events: the last day they cover (null while still going on).
  day_to date,
  at timestamptz,
  crossing_id text,
  source_id text not null,
  verification text not null,
  reported_at timestamptz not null,
  -- Aid flow's keys and measures, as columns so roll-ups need not read the JSON.
  commodity text,
  stage text,
  trucks numeric,
  tonnes numeric,
  litres numeric,
  body jsonb not null,
  version integer not null default 1,
  -- The version this one corrects; a version is corrected at most once (no forks).
  replaces bigint unique references records (id),
  reason text,
  report_id bigint references reports (id),
  import_id bigint references imports (id),
  written_by text not null,
  written_at timestamptz not null default now(),
  check ((replaces is null) = (version = 1)),
  check (replaces is null or reason is not null)
);

create index records_dataset_day on records (dataset, day);
create index records_day on records (day);
create index records_reported on records (dataset, reported_at);
create index records_aid_flow on records (day, crossing_id, commodity, stage, source_id, verification)
  include (trucks, tonnes, litres, replaces)
  where dataset = 'aid-flow';

-- The versions in force: those no later version replaces.
create view current_records as
  select r.* from records r
  where not exists (select 1 from records later where later.replaces = r.id);

create table data_issues (
  id bigserial primary key,
  source_id text not null,
  dataset text,
  day date,
  import_id bigint references imports (id),
  position integer not null,
  field text not null default '',
  reason text not null,
  -- The reasons as data (code, field, params), for the dashboard to word in its languages.
  reasons jsonb not null default '[]',
  raw jsonb,
  -- When the rejected record says it was reported, if it says so readably (for `since`).
  reported_at timestamptz,
  stored_at timestamptz not null default now()
);
create index data_issues_dataset_day on data_issues (dataset, day);

create function refuse_rewrite() returns trigger language plpgsql as $$
begin
  raise exception 'append-only: % on % is not allowed; write a correction instead', tg_op, tg_table_name
    using errcode = '42501';
end
$$;

create trigger records_append_only before update or delete on records
  for each row execute function refuse_rewrite();
create trigger records_no_truncate before truncate on records
  for each statement execute function refuse_rewrite();
create trigger reports_append_only before update or delete on reports
  for each row execute function refuse_rewrite();
create trigger reports_no_truncate before truncate on reports
  for each statement execute function refuse_rewrite();
create trigger issues_append_only before update or delete on data_issues
  for each row execute function refuse_rewrite();
create trigger tokens_append_only before update or delete on tokens
  for each row execute function refuse_rewrite();
create trigger revocations_append_only before update or delete on token_revocations
  for each row execute function refuse_rewrite();
