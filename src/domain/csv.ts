/**
 * Writing CSV for download (data issues now, chart exports later). Pure: rows in, text out.
 * Cells are quoted when they hold a delimiter, a quote or a line break (RFC 4180), and a cell
 * that a spreadsheet would run as a formula — starting with = + - @, a tab or a carriage return
 * — gets a leading apostrophe, so a hostile source cannot plant a formula in an export.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, neutralised and quoted as needed. Numbers are written as numbers (a minus is fine). */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: a header row, then the rows; CRLF line ends as RFC 4180 and Excel expect. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
