import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ChartTable, SourceCredit } from '../chart/chart-model.ts';
import { chartCsv } from './chart-csv.ts';

const words = { iso: '(ISO 8601)', source: 'Source', verification: 'Verification' };
const sources: SourceCredit[] = [
  { name: 'COGAT', licence: 'CC BY 4.0', verification: '60 % verified, 40 % reported' },
];

const parse = (csv: string) => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
};

describe('chart CSV', () => {
  it('writes ISO dates, plain numbers, units in the header, source and verification columns', () => {
    const table: ChartTable = {
      caption: 'Aid flow',
      columns: [{ label: 'Week' }, { label: 'Food', numeric: true, unit: 'trucks per day' }],
      rows: [
        {
          key: 'a',
          header: 'Week 6 Jan – 12 Jan 2025',
          iso: '2025-01-06/2025-01-12',
          cells: ['1,234.5'],
          values: [1234.5],
        },
        {
          key: 'b',
          header: 'Week 13 Jan',
          iso: '2025-01-13/2025-01-19',
          cells: ['no report'],
          values: [null],
        },
      ],
    };
    expect(parse(chartCsv(table, sources, words))).toEqual([
      ['Week (ISO 8601)', 'Food (trucks per day)', 'Source', 'Verification'],
      ['2025-01-06/2025-01-12', '1234.5', 'COGAT (CC BY 4.0)', '60 % verified, 40 % reported'],
      ['2025-01-13/2025-01-19', '', 'COGAT (CC BY 4.0)', '60 % verified, 40 % reported'],
    ]);
  });

  it.each(['=1+2', '+SUM(A1)', '-2+3', '@cmd', '\tcmd', '\rcmd', '=HYPERLINK("http://evil","x")'])(
    'neutralises a cell starting with %j from a source',
    (hostile) => {
      const table: ChartTable = {
        caption: '',
        columns: [{ label: 'Event' }, { label: 'Kind' }],
        rows: [
          {
            key: 'x',
            header: hostile,
            cells: [hostile],
            source: hostile,
            verification: 'verified',
          },
        ],
      };
      const [, row] = parse(chartCsv(table, sources, words));
      expect(row).toEqual([`'${hostile}`, `'${hostile}`, `'${hostile}`, 'verified']);
    },
  );

  it('keeps quotes, commas, line breaks and Arabic intact through a round trip', () => {
    const name = 'معبر كرم أبو سالم, "Kerem Shalom"\nsecond line';
    const table: ChartTable = {
      caption: '',
      columns: [{ label: 'Crossing — كرم' }, { label: 'Trucks', numeric: true }],
      rows: [{ key: 'k', header: name, cells: ['12'], values: [12] }],
    };
    const csv = chartCsv(
      table,
      [{ name: 'مصدر', licence: undefined, verification: 'reported' }],
      words,
    );
    expect(csv).toContain('\r\n');
    expect(parse(csv)).toEqual([
      ['Crossing — كرم', 'Trucks', 'Source', 'Verification'],
      [name, '12', 'مصدر', 'reported'],
    ]);
    // UTF-8 with a byte-order mark: spreadsheets read the Arabic as Arabic.
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('does not repeat source or verification columns a table already has', () => {
    const table: ChartTable = {
      caption: '',
      columns: [{ label: 'Event' }, { label: 'Source' }, { label: 'Verification' }],
      rows: [{ key: 'e', header: 'Pause', cells: ['UN', 'verified'] }],
    };
    expect(parse(chartCsv(table, sources, words))[0]).toEqual(['Event', 'Source', 'Verification']);
  });
});

describe('chart CSV numbers', () => {
  const table = (values: (number | null)[][]): ChartTable => ({
    caption: 'Aid flow',
    columns: [
      { label: 'Day' },
      { label: 'Trucks', numeric: true, unit: 'trucks' },
      { label: 'Tonnes', numeric: true, unit: 'tonnes per day' },
      { label: 'Change', numeric: true, unit: 'tonnes' },
    ],
    rows: values.map((v, i) => ({
      key: String(i),
      header: `d${i}`,
      iso: `2025-01-0${i + 1}`,
      cells: v.map(String),
      values: v,
    })),
  });

  it('rounds each column to its data precision: no binary-float noise ever', () => {
    const csv = chartCsv(
      table([
        [12, 187.42000000000002, 0.1 + 0.2],
        [30, 2 / 3, -0.30000000000000004],
        [null, 1e-7, 1.005],
      ]),
      sources,
      words,
    );
    const rows = parse(csv).slice(1);
    expect(rows.map((r) => r.slice(1, 4))).toEqual([
      // Integers stay integers; a computed column (2/3) gets 2 decimals; 0.1+0.2 is 0.3.
      ['12', '187.42', '0.3'],
      ['30', '0.67', '-0.3'],
      ['', '0', '1.005'],
    ]);
    expect(csv).not.toMatch(/\d\.\d*0000000|\d\.\d*9999999/);
  });

  it('keeps neutralising formula cells beside rounded numbers', () => {
    const t = table([[1, 2.5, 3]]);
    t.rows[0]!.values = [1, '=HYPERLINK("x")', -0.1 - 0.2];
    const rows = parse(chartCsv(t, sources, words)).slice(1);
    expect(rows[0]!.slice(1, 4)).toEqual(['1', '\'=HYPERLINK("x")', '-0.3']);
  });

  it('never prints noise for any sum of decimal data (property)', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 40 }),
        (tenths) => {
          const sum = tenths.reduce((s, n) => s + n / 10, 0);
          const rows = parse(chartCsv(table([[1, sum, 0]]), sources, words)).slice(1);
          const printed = rows[0]![2]!;
          expect(printed).toMatch(/^-?\d+(\.\d)?$/);
          expect(Math.abs(Number(printed) - tenths.reduce((s, n) => s + n, 0) / 10)).toBeLessThan(
            1e-6,
          );
        },
      ),
    );
  });
});
