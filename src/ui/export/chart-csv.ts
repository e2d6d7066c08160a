/**
 * A chart's data as CSV: the rows of its table with ISO dates and plain numbers, the unit in each
 * header, and source and verification columns. Written by the one CSV writer (domain/csv.ts,
 * which neutralises formulas), with a byte-order mark so that spreadsheets read UTF-8 (Arabic).
 * Every number is rounded to its column's precision (see precision.ts): no float noise.
 */
import { toCsv, type CsvCell } from '../../domain/csv.ts';
import type { ChartTable, SourceCredit } from '../chart/chart-model.ts';
import { columnDecimals, roundTo } from './precision.ts';

export interface CsvWords {
  /** Header suffix for an ISO date column, e.g. "(ISO 8601)". */
  iso: string;
  source: string;
  verification: string;
}

const BOM = '\uFEFF';

export function chartCsv(
  table: ChartTable,
  sources: readonly SourceCredit[],
  words: CsvWords,
): string {
  const withUnit = (c: { label: string; unit?: string }) =>
    c.unit ? `${c.label} (${c.unit})` : c.label;
  const [first, ...rest] = table.columns;
  const isoRows = table.rows.some((r) => r.iso !== undefined);
  // Tables that already list source and verification (events, fuel) are not given them twice.
  const labels = table.columns.map((c) => c.label);
  const addSource = !labels.includes(words.source);
  const addVerification = !labels.includes(words.verification);
  const header = [
    first ? `${withUnit(first)}${isoRows ? ` ${words.iso}` : ''}` : '',
    ...rest.map(withUnit),
    ...(addSource ? [words.source] : []),
    ...(addVerification ? [words.verification] : []),
  ];
  const allSources = sources
    .map((s) => (s.licence ? `${s.name} (${s.licence})` : s.name))
    .join('; ');
  const allVerification = sources
    .map((s) => (sources.length > 1 ? `${s.name}: ${s.verification}` : s.verification))
    .join('; ');
  const decimals = csvDecimals(table);
  const rows = table.rows.map((row): CsvCell[] => [
    row.iso ?? row.header,
    ...(row.values ?? row.cells).map((v, i) =>
      typeof v === 'number' ? roundTo(v, decimals[i + 1] ?? 0) : v,
    ),
    ...(addSource ? [row.source ?? allSources] : []),
    ...(addVerification ? [row.verification ?? allVerification] : []),
  ]);
  return BOM + toCsv(header, rows);
}

/** The decimals of each column's numbers (index 0 is the row header), as the CSV writes them. */
export function csvDecimals(table: ChartTable): number[] {
  return table.columns.map((_, i) =>
    i === 0 ? 0 : columnDecimals(table.rows.map((row) => (row.values ?? row.cells)[i - 1])),
  );
}
