import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoTheatre, demoTheatreJson } from '../../../../test/adapters/theatre.ts';
import { csvCell } from '../../../domain/csv.ts';
import { parseConfig, type CkanSourceConfig } from '../../config.ts';
import { SourceError } from '../../contract.ts';
import { createCkanAdapter } from '../ckan/ckan-adapter.ts';
import { theatreRef } from '../hxl/open-table.ts';
import { readHxlText } from '../hxl/read-hxl.ts';
import { TableError } from './ingest.ts';

const theatre = theatreRef(demoTheatre);
const HEADER = [
  '#date',
  '#loc+name',
  '#item+type',
  '#status',
  '#indicator+num+trucks',
  '#org',
  '#meta+note',
];

/** Cells people type, and cells that try to break a parser. */
const cell = fc.oneof(
  fc.constantFrom(
    '',
    '2025-03-01',
    '01/03/2025',
    'Rafah',
    'كرم أبو سالم',
    'Erez',
    'food',
    'entered',
    '1,200',
    '25 trucks',
    '-4',
    'NaN',
    '=1+1',
    '"',
    '\n',
    ';',
    '#date',
    '\uFEFF',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.integer({ min: -10, max: 100_000 }).map(String),
);
const row = fc.array(cell, { minLength: 0, maxLength: HEADER.length + 2 });

describe('adapters never crash on what they are sent', () => {
  it('random rows under a hashtag row: accepted + rejected = rows read, every row accounted for', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 30 }),
        fc.constantFrom(',', ';', '\t'),
        fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1 }),
        async (rows, delimiter, ends) => {
          const line = (cells: readonly string[]) =>
            cells
              .map((c) => (delimiter === ',' ? csvCell(c) : `"${c.replace(/"/g, '""')}"`))
              .join(delimiter);
          // Every line ends with a line end, mixed as they come: a last empty line is a blank
          // row, not the file's end; an empty line after a CR ends in CRLF (a CR then an LF is
          // one line end).
          let text = '';
          [line(HEADER), ...rows.map(line)].forEach((l, i) => {
            const end = ends[i % ends.length]!;
            text += l + (l === '' && text.endsWith('\r') && end === '\n' ? '\r\n' : end);
          });
          const { summary, records, issues } = await readHxlText(text, theatre, {
            sourceId: 'file',
            dataset: 'aid-flow',
          });
          expect(records.length).toBe(summary.accepted);
          expect(summary.accepted + issues.length).toBe(summary.rowsRead);
          const blank = rows.filter((r) => r.every((c) => c.trim() === '')).length;
          expect(summary.rowsRead + summary.blankRows).toBe(rows.length);
          expect(summary.blankRows).toBe(blank);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('random bytes: either rows are accounted for, or a clear TableError — never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.boolean(),
        async (bytes, withHeader) => {
          const input = withHeader
            ? new Uint8Array([...new TextEncoder().encode(`${HEADER.join(',')}\n`), ...bytes])
            : bytes;
          try {
            const { summary, issues } = await readHxlText(input, theatre, { sourceId: 'file' });
            expect(summary.accepted + issues.length).toBe(summary.rowsRead);
          } catch (error) {
            expect(error).toBeInstanceOf(TableError);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('random CKAN records: accepted + rejected = rows read, or an error naming the source', async () => {
    const source = parseConfig({
      defaultSource: 'c',
      sources: [
        {
          id: 'c',
          name: 'Portal',
          adapter: 'ckan',
          url: 'https://p.example',
          resourceId: 'r',
          theatreUrl: 'https://p.example/t',
          pageSize: 7,
          dataset: 'aid-flow',
        },
      ],
    }).sources[0] as CkanSourceConfig;
    const value = fc.oneof(
      cell,
      fc.constant(null),
      fc.double(),
      fc.boolean(),
      fc.object({ maxDepth: 1 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(value, value, value, value), { maxLength: 25 }),
        async (tuples) => {
          const records = tuples.map(([a, b, c, d], i) => ({ _id: i + 1, a, b, c, d }));
          const fetchImpl: typeof fetch = (input) => {
            const url = new URL(String(input));
            if (url.pathname === '/t')
              return Promise.resolve(Response.json({ data: demoTheatreJson }));
            const offset = Number(url.searchParams.get('offset'));
            const limit = Number(url.searchParams.get('limit'));
            return Promise.resolve(
              Response.json({
                success: true,
                result: {
                  fields: ['_id', 'a', 'b', 'c', 'd'].map((id) => ({ id })),
                  records: records.slice(offset, offset + limit),
                  total: records.length,
                },
              }),
            );
          };
          const adapter = createCkanAdapter(
            {
              ...source,
              fields: { a: '#date', b: '#loc+name', c: '#item+type', d: '#indicator+num+trucks' },
            },
            fetchImpl,
          );
          try {
            const inventory = await adapter.inventory!();
            expect(inventory.accepted + inventory.rejected.length).toBe(inventory.rowsRead);
            expect(inventory.rowsRead + inventory.blankRows).toBe(records.length);
          } catch (error) {
            expect(error).toBeInstanceOf(SourceError);
            expect(String(error)).toContain('Portal');
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
