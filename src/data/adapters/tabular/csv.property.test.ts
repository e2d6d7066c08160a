import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvStream } from './csv-stream.ts';
import { createDecoder } from './decode.ts';

/**
 * Whatever the line ends (mixed per row), quotes, delimiter, BOM, encoding, title rows and
 * chunking, the rows read are the rows written: none merged, none split, none lost.
 */
const TAGS = [
  '#date',
  '#loc+name',
  '#item+type',
  '#status',
  '#indicator+num+trucks',
  '#org',
  '#meta+note',
];
const TITLES = [
  'GazaAid weekly figures',
  'Aid entering Gaza — weekly report',
  'تقرير أسبوعي عن المعابر',
  'דו״ח שבועי',
  'Prepared by the logistics cell; figures provisional, "draft"',
  'Two lines\r\nof title',
];
const HEADERS = ['Date', 'Crossing', 'Trucks', 'التاريخ', 'מעבר', 'Note; free text', 'Tonnes, t'];
const UNITS = [
  ...['"', ',', ';', '\t', '\r', '\n', '\r\n', ' ', '#', '+', '|', '=', "'"],
  ...['a', 'Z', '1', 'é', 'ك', 'ש', '😀', '\u202E', '\u00A0', '\uFEFF'],
];
const cell = fc.oneof(
  fc.constantFrom(
    '',
    '"',
    '""',
    '\r\n',
    '\r',
    '\n',
    'كرم أبو سالم',
    'עזה',
    '#date',
    ' pad ',
    '1,200',
    '12" pipe',
    'a""b" ',
  ),
  fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 10 }),
  fc.string({ maxLength: 8 }),
);
const LINE_ENDS = ['\n', '\r\n', '\r'] as const;

const table = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t'),
  titles: fc.array(
    fc.record({
      hash: fc.boolean(),
      text: fc.constantFrom(...TITLES, 'GazaAid'),
      padding: fc.nat(4),
    }),
    { maxLength: 3 },
  ),
  tags: fc.shuffledSubarray(TAGS, { minLength: 2 }),
  /** Data rows, blank ones (an empty line) often. */
  data: fc.array(
    fc.oneof(
      { arbitrary: fc.array(cell, { minLength: 1, maxLength: 9 }), weight: 4 },
      { arbitrary: fc.constant<string[]>(['']), weight: 1 },
    ),
    { maxLength: 25 },
  ),
  /** Per row: its line end, whether all its cells are quoted, whether it is loose. */
  style: fc.array(fc.tuple(fc.constantFrom(...LINE_ENDS), fc.boolean(), fc.boolean()), {
    minLength: 40,
  }),
  finalLineEnd: fc.boolean(),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
  /** Chunks of the byte stream: every n bytes, or cut at random places. */
  cuts: fc.oneof(fc.integer({ min: 1, max: 7 }), fc.array(fc.nat(), { maxLength: 8 })),
  extraSample: fc.nat(80),
  /** Bytes the decoder waits for before choosing the encoding (1 KB in the app). */
  sniffBytes: fc.integer({ min: 4, max: 64 }),
});

type Table = typeof table extends fc.Arbitrary<infer T> ? T : never;

/**
 * Writes rows as CSV. A row is strict (a cell is quoted when it must be, or all are) or loose,
 * as spreadsheets and people write: a quote inside a cell that needs no quoting is left bare
 * (`12" pipe`), and a space may follow a closing quote (`"a" ,b`); papaparse reads both so.
 */
function serialise(rows: readonly string[][], t: Table) {
  let text = '';
  let previous = '';
  rows.forEach((cells, r) => {
    const [end, quoteAll, loose] = t.style[r % t.style.length]!;
    const last = r === rows.length - 1;
    const ends = !last || t.finalLineEnd;
    const line = cells
      .map((c, k) => {
        const special = c.includes(t.delimiter) || /[\r\n]/.test(c) || c.startsWith('"');
        if (!special && (loose || !c.includes('"')) && !quoteAll) return c;
        const space = loose && (ends || k < cells.length - 1) ? ' ' : '';
        return `"${c.replaceAll('"', '""')}"${space}`;
      })
      .join(t.delimiter);
    // An empty line after a CR, ended by LF, would read as that CR's CRLF: one line end.
    const lineEnd = line === '' && previous === '\r' && end === '\n' ? '\r\n' : end;
    text += line + (ends || line === '' ? lineEnd : '');
    previous = lineEnd;
  });
  return text;
}

function encode(text: string, encoding: Table['encoding']): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  if (encoding === 'utf-8-bom') return new TextEncoder().encode(`\uFEFF${text}`);
  const units = `\uFEFF${text}`;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const [lo, hi] = [units.charCodeAt(i) & 0xff, units.charCodeAt(i) >> 8];
    out.set(encoding === 'utf-16le' ? [lo, hi] : [hi, lo], 2 * i);
  }
  return out;
}

function chunks(bytes: Uint8Array, cuts: number | number[]): Uint8Array[] {
  const at =
    typeof cuts === 'number'
      ? Array.from({ length: Math.ceil(bytes.length / cuts) }, (_, i) => i * cuts)
      : [0, ...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b)];
  return at.map((from, i) => bytes.subarray(from, at[i + 1] ?? bytes.length));
}

describe('CSV rows are never merged or lost', () => {
  it('line ends, quotes, delimiters, BOMs, UTF-16, title rows and chunk splits', () => {
    fc.assert(
      fc.property(table, (t) => {
        const titles = t.titles.map((title) => [
          (title.hash ? '#' : '') + title.text,
          ...Array<string>(title.padding).fill(''),
        ]);
        const head = [...titles, HEADERS.slice(0, t.tags.length), t.tags];
        const rows = [...head, ...t.data];
        // The delimiter is chosen once the hashtag row has arrived; the rest streams through.
        const sampleChars = serialise(head, { ...t, finalLineEnd: true }).length + t.extraSample;
        const bytes = encode(serialise(rows, t), t.encoding);
        const decoder = createDecoder(t.sniffBytes);
        const csv = createCsvStream(sampleChars);
        const read: string[][] = [];
        for (const chunk of chunks(bytes, t.cuts)) read.push(...csv.push(decoder.push(chunk)));
        read.push(...csv.push(decoder.end()), ...csv.end());
        expect(read).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
