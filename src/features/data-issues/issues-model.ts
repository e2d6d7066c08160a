import type { CsvCell } from '../../domain/csv.ts';
import type { DataIssue } from '../../domain/validate.ts';

export interface IssueFilter {
  sourceId: string;
  dataset: string;
  text: string;
}

/**
 * Whether an issue passes the filters. The text is looked for in the field, the reason in English
 * and, given `inWords`, the reason as the reader sees it (an Arabic reader searches in Arabic),
 * and the record as received.
 */
export function matchesIssue(
  issue: DataIssue,
  filter: IssueFilter,
  inWords?: (issue: DataIssue) => string,
): boolean {
  if (filter.sourceId && issue.sourceId !== filter.sourceId) return false;
  if (filter.dataset && issue.dataset !== filter.dataset) return false;
  const text = searchable(filter.text.trim());
  if (!text) return true;
  const shown = inWords ? inWords(issue) : '';
  return searchable(`${issue.field} ${issue.reason} ${shown} ${rawText(issue.raw, 2000)}`).includes(
    text,
  );
}

/** Lower case, without the invisible bidi isolates a translated sentence puts around its data. */
function searchable(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, '').toLowerCase();
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

/** The reason in the reader's language, for a column beside the English one. */
export interface LocalReason {
  /** The language's code, naming the column: `reason_ar`. */
  language: string;
  text: (issue: DataIssue) => string;
}

/** The CSV's columns; with a reader-language reason, `reason_<language>` after `reason`. */
export function issuesCsvHeader(local?: LocalReason): string[] {
  if (!local) return [...ISSUE_CSV_HEADER];
  const header: string[] = [...ISSUE_CSV_HEADER];
  header.splice(header.indexOf('reason') + 1, 0, `reason_${local.language}`);
  return header;
}

/**
 * Rows of the downloadable CSV; positions as the source counts them (file rows 1-based, records
 * 0-based), and the identity each issue is listed once by (see DataIssue.record). The English
 * reason is always there (the column scripts and other teams read); `local` adds the reader's.
 */
export function* issuesCsvRows(
  issues: readonly DataIssue[],
  sourceName: (id: string) => string,
  local?: LocalReason,
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
      ...(local ? [local.text(issue).replace(/[\u2066-\u2069]/g, '')] : []),
      rawText(issue.raw, 10_000),
    ];
}
