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
