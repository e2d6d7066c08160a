import type { z } from 'zod';
import { checkDates, type DateBounds } from './date-bounds.ts';
import { DATASET_SCHEMAS, type DatasetRecord } from './datasets.ts';
import type { Dataset } from './vocabulary.ts';

/** A record a source sent that we could not accept, kept with the reason so nothing is lost. */
export interface DataIssue {
  sourceId: string;
  dataset: Dataset | 'theatre';
  /** Position in what the source sent: record index (0-based) or, for files, line number. */
  position: number;
  /** The field at fault, as a dotted path ("provenance.reportedAt"); empty for the whole record. */
  field: string;
  reason: string;
  /** The record as received, for download and inspection. Never rendered as markup. */
  raw: unknown;
}

export interface Validated<T> {
  accepted: T[];
  rejected: DataIssue[];
}

/**
 * Checks each record on its own: one bad record never costs the others, and
 * `accepted.length + rejected.length === items.length` always holds.
 */
export function validateRecords<S extends z.ZodType>(
  schema: S,
  items: readonly unknown[],
  context: {
    sourceId: string;
    dataset: DataIssue['dataset'];
    positionOffset?: number;
    /** When set (dataset records), dated fields outside the bounds are rejected too. */
    dates?: DateContext;
  },
): Validated<z.output<S>> {
  const accepted: z.output<S>[] = [];
  const rejected: DataIssue[] = [];
  const offset = context.positionOffset ?? 0;
  const { dates, dataset } = context;
  items.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    if (result.success) {
      const problem =
        dates && dataset !== 'theatre'
          ? checkDates(dataset, result.data, dates.bounds, dates.timeZone)
          : undefined;
      if (!problem) {
        accepted.push(result.data);
        return;
      }
      rejected.push({
        sourceId: context.sourceId,
        dataset,
        position: index + offset,
        field: problem.field,
        reason: problem.reason,
        raw,
      });
      return;
    }
    const first = result.error.issues[0];
    const field = first ? first.path.map(String).join('.') : '';
    rejected.push({
      sourceId: context.sourceId,
      dataset: context.dataset,
      position: index + offset,
      field,
      reason: result.error.issues
        .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ` : '') + issue.message)
        .join('; '),
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
 * through here, so none can forget the bounds.
 */
export function validateDataset<D extends Dataset>(
  dataset: D,
  items: readonly unknown[],
  context: { sourceId: string; dates: DateContext; positionOffset?: number },
): Validated<DatasetRecord<D>> {
  return validateRecords(DATASET_SCHEMAS[dataset], items, { ...context, dataset }) as Validated<
    DatasetRecord<D>
  >;
}
