import type { CsvCell } from '../../domain/csv.ts';
import type { DataIssue } from '../../domain/validate.ts';

export interface IssueFilter {
  sourceId: string;
  dataset: string;
  text: string;
}

export function matchesIssue(issue: DataIssue, filter: IssueFilter): boolean {
  if (filter.sourceId && issue.sourceId !== filter.sourceId) return false;
  if (filter.dataset && issue.dataset !== filter.dataset) return false;
  const text = filter.text.trim().toLowerCase();
  if (!text) return true;
  return `${issue.field} ${issue.reason} ${rawText(issue.raw, 2000)}`.toLowerCase().includes(text);
}

/** The record as received, as one line of text (never markup). */
export function rawText(raw: unknown, max: number): string {
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
  } catch {
    text = String(raw);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export const ISSUE_CSV_HEADER = [
  'source_id',
  'source',
  'dataset',
  'position',
  'record_id',
  'field',
  'reason',
  'record',
] as const;

/**
 * Rows of the downloadable CSV; positions as the source counts them (file rows 1-based, records
 * 0-based), and the identity each issue is listed once by (see DataIssue.record).
 */
export function* issuesCsvRows(
  issues: readonly DataIssue[],
  sourceName: (id: string) => string,
): Generator<CsvCell[]> {
  for (const issue of issues)
    yield [
      issue.sourceId,
      sourceName(issue.sourceId),
      issue.dataset,
      issue.position,
      issue.record,
      issue.field,
      issue.reason,
      rawText(issue.raw, 10_000),
    ];
}
