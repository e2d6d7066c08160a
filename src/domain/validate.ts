import type { z } from './zod.ts';
import { checkDates, datesChecker, type DateBounds, type DateProblem } from './date-bounds.ts';
import { FAST_RECORDS, type FastCheck } from './fast-records.ts';
import { describeReasons, reasonsFromZod, type Reason } from './reasons.ts';
import { DATASET_SCHEMAS, type DatasetRecord } from './datasets.ts';
import type { Dataset } from './vocabulary.ts';

/** A record a source sent that we could not accept, kept with the reason so nothing is lost. */
export interface DataIssue {
  sourceId: string;
  dataset: Dataset | 'theatre';
  /** Position in what the source sent: record index (0-based) or, for files, line number. */
  position: number;
  /**
   * Which record this is, the same however often and wherever it is fetched (see recordIdentity):
   * `id:<id>`, `row:<n>` for a row of a table, else `hash:<hash of its content>`; `#k` marks the
   * k-th record of one answer with the same identity, so two records sent are two issues.
   */
  record: string;
  /** The field at fault, as a dotted path ("provenance.reportedAt"); empty for the whole record. */
  field: string;
  /** Why, in English: `reasons` worded by describeReasons (for logs, downloads and search). */
  reason: string;
  /**
   * Why, as data: one reason per problem, in order, for the interface to word in the reader's
   * language. Issues kept from before reasons were coded (a persisted cache) may lack it.
   */
  reasons: Reason[];
  /** The record as received, for download and inspection. Never rendered as markup. */
  raw: unknown;
  /**
   * The day the rejected row is about, where its date could be read (rows of tables): a chart
   * marks that day as incomplete. Absent when the date itself was the problem.
   */
  day?: string;
}

/**
 * What makes two issues the same: source, dataset, record and field — never the position, which
 * changes with the range asked for (a refetch would list a record twice, and different records
 * at one position would hide each other).
 */
export function issueKey(issue: DataIssue): string {
  return `${issue.sourceId}|${issue.dataset}|${issue.record}|${issue.field}`;
}

/** Each issue once (the first seen), in order. */
export function uniqueIssues(issues: Iterable<DataIssue>): DataIssue[] {
  const seen = new Set<string>();
  const out: DataIssue[] = [];
  for (const issue of issues) {
    const key = issueKey(issue);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}

/** A record's identity: its `id` when it has a usable one, else a hash of its content. */
export function recordIdentity(raw: unknown): string {
  const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  if ((typeof id === 'string' && id.trim() !== '') || (typeof id === 'number' && isFinite(id)))
    return `id:${String(id).trim()}`;
  return `hash:${fnv1a(canonicalJson(raw))}`;
}

/** Numbers the repeats of one identity within one answer: "x", "x#2", "x#3"… */
export function numberRepeats(): (identity: string) => string {
  const counts = new Map<string, number>();
  return (identity) => {
    const n = (counts.get(identity) ?? 0) + 1;
    counts.set(identity, n);
    return n === 1 ? identity : `${identity}#${n}`;
  };
}

/** JSON with object keys sorted, so that key order does not change a record's identity. */
function canonicalJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? String(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/**
 * Two 32-bit FNV-1a hashes, one over the text forwards from the standard start, one backwards
 * from another: 64 bits, ample to tell records apart. An identity, not a defence against forgery.
 */
function fnv1a(text: string): string {
  let forwards = 0x811c9dc5;
  let backwards = 0x050c5d1f;
  for (let i = 0, j = text.length - 1; i < text.length; i++, j--) {
    forwards = Math.imul(forwards ^ text.charCodeAt(i), 0x01000193);
    backwards = Math.imul(backwards ^ text.charCodeAt(j), 0x01000193);
  }
  const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
  return hex(forwards) + hex(backwards);
}

export interface Validated<T> {
  accepted: T[];
  rejected: DataIssue[];
}

/** Where rejected records are reported, and what they are checked against. */
interface CheckContext {
  sourceId: string;
  dataset: DataIssue['dataset'];
  positionOffset?: number;
  /** When set (dataset records), dated fields outside the bounds are rejected too. */
  dates?: DateContext;
}

/**
 * Checks each record on its own: one bad record never costs the others, and
 * `accepted.length + rejected.length === items.length` always holds.
 */
export function validateRecords<S extends z.ZodType>(
  schema: S,
  items: readonly unknown[],
  context: CheckContext,
): Validated<z.output<S>> {
  const { dates, dataset } = context;
  const dateProblem =
    dates && dataset !== 'theatre'
      ? (record: unknown) => checkDates(dataset, record, dates.bounds, dates.timeZone)
      : undefined;
  return check(schema, undefined, dateProblem, items, context);
}

/**
 * The loop shared by both entry points. `fast`, when given, answers first for records it can
 * vouch for (with the output zod would give); zod checks every other record and words its reject.
 */
function check<S extends z.ZodType>(
  schema: S,
  fast: FastCheck<z.output<S>> | undefined,
  dateProblem: ((record: unknown) => DateProblem | undefined) | undefined,
  items: readonly unknown[],
  context: CheckContext,
): Validated<z.output<S>> {
  const accepted: z.output<S>[] = [];
  const rejected: DataIssue[] = [];
  const offset = context.positionOffset ?? 0;
  const repeat = numberRepeats();
  const { dataset } = context;
  items.forEach((raw, index) => {
    let data = fast?.(raw);
    let issues: readonly z.core.$ZodIssue[] | undefined;
    if (data === undefined) {
      const result = schema.safeParse(raw);
      if (result.success) data = result.data;
      else issues = result.error.issues;
    }
    if (!issues) {
      const problem = dateProblem?.(data);
      if (!problem) {
        accepted.push(data as z.output<S>);
        return;
      }
      rejected.push({
        sourceId: context.sourceId,
        dataset,
        position: index + offset,
        record: repeat(recordIdentity(raw)),
        field: problem.field,
        reason: describeReasons([problem.reason]),
        reasons: [problem.reason],
        raw,
      });
      return;
    }
    const first = issues[0];
    const field = first ? first.path.map(String).join('.') : '';
    const reasons = reasonsFromZod(issues, raw);
    rejected.push({
      sourceId: context.sourceId,
      dataset,
      position: index + offset,
      record: repeat(recordIdentity(raw)),
      field,
      reason: describeReasons(reasons),
      reasons,
      raw,
    });
  });
  return { accepted, rejected };
}

/** What date checks need: the bounds, and the zone in which instants are cut into days. */
export interface DateContext {
  bounds: DateBounds;
  timeZone: string;
}

/**
 * Validates records of a dataset against its schema and its date bounds: every adapter goes
 * through here, so none can forget the bounds. Well-formed records take the fast path
 * (fast-records.ts, `datesChecker`); the result is the same as `validateRecords` with the
 * dataset's schema and the bounds, record for record, reason for reason.
 */
export function validateDataset<D extends Dataset>(
  dataset: D,
  items: readonly unknown[],
  context: { sourceId: string; dates: DateContext; positionOffset?: number },
): Validated<DatasetRecord<D>> {
  const { bounds, timeZone } = context.dates;
  const schema: z.ZodType = DATASET_SCHEMAS[dataset];
  return check(schema, FAST_RECORDS[dataset], datesChecker(dataset, bounds, timeZone), items, {
    ...context,
    dataset,
  }) as Validated<DatasetRecord<D>>;
}
