import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/translate.ts';
import { dataReadme, type ReadmeInput } from './data-readme.ts';

const input: ReadmeInput = {
  title: 'Aid entering Gaza',
  subtitle: 'Tonnes per day, by crossing',
  range: { from: '2023-10-07', to: '2026-11-29' },
  pinned: true,
  asOf: new Date('2026-11-29T10:00:00Z'),
  timeZone: 'Asia/Gaza',
  synthetic: true,
  sources: [{ name: 'COGAT', licence: 'CC BY 4.0', verification: '60 % verified' }],
  notes: ['Cease-fire phase 1 began on 19 January 2025.'],
  table: {
    caption: '',
    columns: [
      { label: 'Day' },
      { label: 'Total', numeric: true, unit: 'tonnes/day' },
      { label: 'Trucks', numeric: true, unit: 'trucks' },
    ],
    rows: [],
  },
  decimals: [0, 2, 0],
  csvName: 'aid-flow_2023-10-07_2026-11-29.csv',
  link: 'https://monitor.example/?from=2023-10-07&to=2026-11-29&v=2#chart-aid-flow',
  now: new Date('2026-11-30T12:00:00Z'),
};

describe('the README of "Download data"', () => {
  it('says title, pinned period, as-of, sources with licence and verification, rounding and link', () => {
    const text = dataReadme(input, createTranslator('en'), 'en');
    expect(text).toContain('Aid entering Gaza\r\nTonnes per day, by crossing');
    expect(text).toMatch(/Period: .*Oct 7, 2023 – .*Nov 29, 2026/);
    expect(text).toContain('These dates are fixed');
    expect(text).toContain('- COGAT — licence: CC BY 4.0 — verification: 60 % verified');
    expect(text).toContain('- Cease-fire phase 1 began on 19 January 2025.');
    expect(text).toContain('- Total (tonnes/day): rounded to 2 decimal places');
    expect(text).toContain('- Trucks (trucks): whole numbers');
    expect(text).toContain(input.link);
    expect(text).toContain('Synthetic demo data');
  });

  it('is written in the reader’s language, with its dates', () => {
    for (const locale of ['ar', 'he'] as const) {
      const text = dataReadme({ ...input, pinned: false }, createTranslator(locale), locale);
      expect(text).not.toContain('Period:');
      expect(text).not.toContain('These dates are fixed');
      expect(text).toContain(input.link);
      expect(text).toContain('2023');
    }
  });
});
