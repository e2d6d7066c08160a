import Papa from 'papaparse';
import { TableError } from './ingest.ts';

const SAMPLE = 64 * 1024;
const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Incremental CSV parsing over text that arrives in pieces (a File streamed through
 * TextDecoderStream, or a fetched body): papaparse's parser is run on what has arrived, the last
 * (possibly partial) row is held back until more text comes. The delimiter is chosen from the
 * hashtag row (title rows above it often have a single cell, which fools a whole-file guess).
 */
export function createCsvStream() {
  let buffer = '';
  let parser: Papa.Parser | undefined;
  let first = true;
  let newline: '\n' | '\r\n' | '\r' = '\n';

  function init() {
    sniffNotCsv(buffer);
    newline = buffer.includes('\r\n')
      ? '\r\n'
      : buffer.includes('\n')
        ? '\n'
        : buffer.includes('\r')
          ? '\r'
          : '\n';
    parser = new Papa.Parser({
      delimiter: chooseDelimiter(buffer, newline),
      newline,
      quoteChar: '"',
    });
  }

  function drain(final: boolean): string[][] {
    if (!parser) init();
    // A final newline ends the last row; it does not start a blank one.
    if (final && buffer.endsWith(newline)) buffer = buffer.slice(0, -newline.length);
    if (buffer === '') return [];
    const result = parser!.parse(buffer, 0, !final) as {
      data: string[][];
      meta: { cursor: number };
    };
    buffer = final ? '' : buffer.slice(result.meta.cursor);
    return result.data;
  }

  return {
    /** Adds text; returns the complete rows it finished. Throws TableError for what is not CSV. */
    push(text: string): string[][] {
      if (first) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      buffer += text;
      if (!parser && buffer.length < SAMPLE) return [];
      return drain(false);
    },
    /** The rows left when the text has ended. */
    end(): string[][] {
      return drain(true);
    },
  };
}

/** Rejects, by its first characters, what is plainly not a CSV file. */
function sniffNotCsv(sample: string): void {
  const head = sample.slice(0, 4096);
  if (/^\s*<(!doctype|html|\?xml|head|body)/i.test(head))
    throw new TableError('is an HTML or XML page, not a CSV file');
  if (/^\s*[{[]\s*["{[\]]/.test(head)) throw new TableError('is JSON, not a CSV file');
  if (
    ['\uFFFDPNG', '%PDF', 'PK\u0003\u0004', '\uFFFD\uFFFD\uFFFD'].some((magic) =>
      head.startsWith(magic),
    )
  )
    throw new TableError(
      'is not a CSV file (it looks like an image, a PDF or a spreadsheet; export it as CSV)',
    );
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i);
    if (code === 0) throw new TableError('is not a CSV file (it contains binary data)');
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control++;
  }
  if (head.length > 0 && control / head.length > 0.05)
    throw new TableError('is not a CSV file (it contains binary data)');
}

/** The delimiter used most in the hashtag row (outside quotes), else in the first lines. */
function chooseDelimiter(sample: string, newline: string): string {
  const lines = sample.split(newline).slice(0, 40);
  const tagLine = lines.find((l) => /^\s*"?\s*#[a-z]/i.test(l));
  const count = (text: string, d: string) => text.replace(/"[^"]*"/g, '').split(d).length - 1;
  const pick = (texts: string[]) => {
    let best: string = ',';
    let bestCount = 0;
    for (const d of DELIMITERS) {
      const n = texts.reduce((sum, t) => sum + count(t, d), 0);
      if (n > bestCount) [best, bestCount] = [d, n];
    }
    return best;
  };
  return tagLine ? pick([tagLine]) : pick(lines.slice(0, 10));
}
