/**
 * `resolution=` and `since=` of the REST API (docs/api/openapi.yaml, "Roll-ups"), as the mock
 * answers them: the records of a range are validated with the dashboard's own schemas, the
 * valid ones rolled up by `src/domain/rollup.ts`, and the invalid ones sent beside the roll-up
 * (`rejected`) so a client can still list every bad record with its reason.
 */
import { DATASET_SCHEMAS } from '../src/domain/datasets.ts';
import {
  isRollupDataset,
  ROLLUP_DATASETS,
  resolveResolution,
  rollUpDataset,
  type RollupShape,
  type RequestedResolution,
  type RollupDataset,
  type RollupResolution,
} from '../src/domain/rollup.ts';
import { newestReport } from '../src/domain/provenance.ts';
import { bucketsFor } from '../src/domain/series.ts';
import { theatreDay, type Day } from '../src/domain/time.ts';
import type { Dataset } from '../src/domain/vocabulary.ts';

export { isRollupDataset, ROLLUP_DATASETS, type RollupDataset };

/**
 * The scenario's records are cached objects, so each is validated once, however many ranges and
 * resolutions ask for it (the demo's mock runs in the page: "all" must not re-validate history).
 */
const checked = new WeakMap<object, { ok: true; record: unknown } | { ok: false }>();

function validate(dataset: Dataset, raw: unknown): { ok: true; record: unknown } | { ok: false } {
  const cacheable = typeof raw === 'object' && raw !== null;
  const hit = cacheable ? checked.get(raw) : undefined;
  if (hit) return hit;
  const result = DATASET_SCHEMAS[dataset].safeParse(raw);
  const verdict = result.success
    ? ({ ok: true, record: result.data } as const)
    : ({ ok: false } as const);
  if (cacheable) checked.set(raw, verdict);
  return verdict;
}

/** When a record was reported, or undefined when it does not say so readably. */
export function reportedAt(raw: unknown): number | undefined {
  const at = (raw as { provenance?: { reportedAt?: unknown } } | null)?.provenance?.reportedAt;
  // An instant without its zone is not readable (docs/api/openapi.yaml): it would mean another
  // moment on every server, so it is treated as unknown, never guessed in the server's zone.
  const ms = typeof at === 'string' && /([zZ]|[+-]\d\d:?\d\d)$/.test(at) ? Date.parse(at) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * `since`: the records reported after it. A record whose report time cannot be read is kept —
 * it may be a bad record the client must still list (clients key issues by identity, so a
 * repeat is listed once).
 */
export function changedSince(records: readonly unknown[], since: number): unknown[] {
  return records.filter((raw) => {
    const at = reportedAt(raw);
    return at === undefined || at > since;
  });
}

export interface RollupAnswer {
  data: unknown[];
  rejected: unknown[];
  resolution: RollupResolution;
  /** Records read for the answer: rolled up + rejected. */
  records: number;
  /** The newest report time among the valid records read (meta.reportedUpTo). */
  reportedUpTo?: string;
}

/**
 * The roll-up of `raw` (the records of the range, carried-in observations first) for `dataset`.
 * With `since`, only the buckets that hold a record reported after it are answered (each such
 * bucket whole), and only rejects reported after it.
 */
export function rollupAnswer(
  dataset: RollupDataset,
  raw: readonly unknown[],
  range: { from: Day; to: Day },
  requested: RequestedResolution,
  options: { timeZone: string; now: number; since?: number; shape?: RollupShape },
): RollupAnswer {
  const resolution = resolveResolution(requested, range);
  const valid: unknown[] = [];
  const rejected: unknown[] = [];
  for (const record of raw) {
    const verdict = validate(dataset, record);
    if (verdict.ok) valid.push(verdict.record);
    else rejected.push(record);
  }
  let data: unknown[] = rollUpDataset(
    dataset,
    valid,
    range,
    resolution,
    options.shape ?? {},
    options,
  );
  const reportedUpTo = newestReport(valid);
  const newest = reportedUpTo !== undefined ? { reportedUpTo } : {};
  if (options.since !== undefined) {
    const touched = changedBuckets(dataset, valid, range, resolution, options);
    data = data.filter((row) => touched.has((row as { bucket: Day }).bucket));
    return {
      data,
      rejected: changedSince(rejected, options.since),
      resolution,
      records: raw.length,
      ...newest,
    };
  }
  return { data, rejected, resolution, records: raw.length, ...newest };
}

/** The first days of the buckets that hold a valid record reported after `since`. */
function changedBuckets(
  dataset: RollupDataset,
  valid: unknown[],
  range: { from: Day; to: Day },
  resolution: RollupResolution,
  options: { timeZone: string; since?: number },
): Set<Day> {
  const buckets = bucketsFor(range, resolution);
  const touched = new Set<Day>();
  const since = options.since ?? Number.NEGATIVE_INFINITY;
  for (const record of valid) {
    const at = reportedAt(record);
    if (at === undefined || at <= since) continue;
    const r = record as { date?: Day; at?: string };
    const day = r.date ?? (r.at ? theatreDay(r.at, options.timeZone) : undefined);
    if (!day) continue;
    // A status change also changes the buckets after it: its state holds until the next one.
    const bucket = buckets.find((b) => b.from <= day && day <= b.to);
    if (bucket) touched.add(bucket.from);
    if (dataset === 'crossing-status')
      for (const b of buckets) if (b.from > day) touched.add(b.from);
  }
  return touched;
}
