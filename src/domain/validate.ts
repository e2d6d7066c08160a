import type { z } from './zod.ts';
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
  context: { sourceId: string; dataset: DataIssue['dataset']; positionOffset?: number },
): Validated<z.output<S>> {
  const accepted: z.output<S>[] = [];
  const rejected: DataIssue[] = [];
  const offset = context.positionOffset ?? 0;
  items.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    if (result.success) {
      accepted.push(result.data);
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
