import Papa from 'papaparse';
import { hashtagRowSize } from './hxl.ts';
import { TableError } from './ingest.ts';
import { createLineEnds } from './line-ends.ts';
import { clip } from './values.ts';

const SAMPLE = 64 * 1024;
const DELIMITERS = [',', ';', '\t', '|'] as const;
/** Rows looked at for the hashtag row when choosing the delimiter (title rows come first). */
const SAMPLE_ROWS = 40;

/**
 * Incremental CSV parsing over text that arrives in pieces (decoded from a File or a fetched
 * body): line ends outside quoted cells are made LF (a file may mix CRLF, LF and CR), then
 * papaparse's parser is run on what has arrived, the last (possibly partial) row held back
 * until more text comes. The delimiter is the one that splits the hashtag row into hashtags
 * (title rows above it, even ones that begin with `#`, do not count), found in the first
 * `sampleChars` of text.
 */
export function createCsvStream(sampleChars = SAMPLE) {
  let sample = '';
  let buffer = '';
  let parser: Papa.Parser | undefined;
  let lineEnds: ReturnType<typeof createLineEnds> | undefined;
  let rowsRead = 0;

  function init(final: boolean) {
    sniffNotCsv(sample);
    const delimiter = chooseDelimiter(sample, final);
    lineEnds = createLineEnds(delimiter);
    parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' });
    buffer = lineEnds.push(sample);
    sample = '';
  }

  function drain(final: boolean): string[][] {
    if (buffer === '') return [];
    // A final line end ends the last row; it does not start a blank one. (It is dropped after
    // parsing: papaparse reads `"a" ` as a, but as `"a" ` at the very end.)
    const ended = final && buffer.endsWith('\n') && lineEnds!.outsideQuotes;
    const result = parser!.parse(buffer, 0, !final) as {
      data: string[][];
      errors: { code: string }[];
      meta: { cursor: number };
    };
    buffer = final ? '' : buffer.slice(result.meta.cursor);
    if (ended) result.data.pop();
    if (final && result.errors.some((e) => e.code === 'MissingQuotes'))
      unclosedQuote(rowsRead + result.data.length, result.data.at(-1) ?? []);
    rowsRead += result.data.length;
    return result.data;
  }

  return {
    /** Adds text; returns the complete rows it finished. Throws TableError for what is not CSV. */
    push(text: string): string[][] {
      if (parser) buffer += lineEnds!.push(text);
      else {
        sample += text;
        if (sample.length < sampleChars) return [];
        init(false);
      }
      return drain(false);
    },
    /** The rows left when the text has ended. */
    end(): string[][] {
      if (!parser) init(true);
      return drain(true);
    },
  };
}

/**
 * A quote opened and never closed takes every line after it into one cell: rows would vanish
 * into it without a word, so the file is refused, naming the row. (At the last line, nothing
 * is swallowed and the cell is kept as it is.)
 */
function unclosedQuote(row: number, cells: readonly string[]): void {
  const cell = cells.at(-1) ?? '';
  const lines = cell.replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/).length - 1;
  if (lines === 0) return;
  throw new TableError(
    `row ${row} opens a quote that is never closed (“"${clip(cell.split(/[\r\n]/)[0]!, 30)}”), so the ${lines} lines after it would be read as one cell; close the quote, or write a quote inside a cell as ""`,
  );
}

/** Rejects, by its first characters, text that is plainly not a CSV file. */
function sniffNotCsv(sample: string): void {
  const head = sample.slice(0, 4096);
  if (/^\s*<(!doctype|html|\?xml|head|body)/i.test(head))
    throw new TableError('is an HTML or XML page, not a CSV file');
  if (/^\s*[{[]\s*["{[\]]/.test(head)) throw new TableError('is JSON, not a CSV file');
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i);
    if (code === 0 || (code < 32 && code !== 9 && code !== 10 && code !== 13)) control++;
  }
  if (control > 0 && (head.includes('\0') || control / head.length > 0.05))
    throw new TableError('is not a CSV file (it contains binary data)');
}

/**
 * The delimiter that splits a row of the first ones into the most hashtags (the earlier row on
 * a tie); when none makes a hashtag row, the one used most in the first lines (the message
 * then says what is wrong).
 */
function chooseDelimiter(sample: string, final: boolean): string {
  let best: { delimiter: string; size: number; row: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const text = createLineEnds(delimiter).push(sample);
    const parser = new Papa.Parser({
      delimiter,
      newline: '\n',
      quoteChar: '"',
      preview: SAMPLE_ROWS,
    });
    const rows = (parser.parse(text, 0, !final) as { data: string[][] }).data;
    const row = rows.findIndex((cells) => hashtagRowSize(cells) > 0);
    const size = row < 0 ? 0 : hashtagRowSize(rows[row]!);
    if (size > (best?.size ?? 0) || (size > 0 && size === best?.size && row < best.row))
      best = { delimiter, size, row };
  }
  if (best) return best.delimiter;
  const lines = sample.split(/\r\n?|\n/).slice(0, 10);
  const count = (text: string, d: string) => text.replace(/"[^"]*"/g, '').split(d).length - 1;
  let most: string = ',';
  let mostCount = 0;
  for (const d of DELIMITERS) {
    const n = lines.reduce((sum, t) => sum + count(t, d), 0);
    if (n > mostCount) [most, mostCount] = [d, n];
  }
  return most;
}
