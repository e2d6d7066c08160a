import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  FILTER_PARTS,
  FILTERS_BY_DATASET,
  filterPartsFor,
  filterSearch,
  matchesFilters,
  narrowFilters,
  parseFilters,
  previousRange,
  resolveRange,
  writeFilters,
  type Filters,
} from './filters.ts';

const parse = (query: string, crossings?: string[]) =>
  parseFilters(new URLSearchParams(query), crossings);

describe('filters in the URL', () => {
  it('round-trips every kind of filter and leaves other parameters alone', () => {
    const filters: Filters = {
      range: { preset: 'custom', from: '2025-01-15', to: '2025-03-31' },
      crossings: ['kerem-shalom', 'rafah'],
      commodities: ['food', 'fuel'],
      verification: ['verified'],
    };
    const params = writeFilters(filters, new URLSearchParams('source=demo&crossing=erez'));
    expect(params.get('source')).toBe('demo');
    expect(params.get('crossing')).toBe('erez');
    expect(parse(params.toString(), ['kerem-shalom', 'rafah', 'erez'])).toEqual({
      filters,
      notices: [],
    });
  });

  it('omits defaults so a plain link stays plain', () => {
    expect(writeFilters(DEFAULT_FILTERS, new URLSearchParams()).toString()).toBe('');
    expect(
      writeFilters(
        { ...DEFAULT_FILTERS, range: { preset: 'all' } },
        new URLSearchParams(),
      ).toString(),
    ).toBe('range=all');
  });

  it('falls back with a notice for every bad value instead of breaking', () => {
    const { filters, notices } = parse(
      'range=forever&crossings=rafah,atlantis&commodities=food,weapons&verification=trust-me',
      ['rafah'],
    );
    expect(filters).toEqual({ ...DEFAULT_FILTERS, crossings: ['rafah'], commodities: ['food'] });
    expect(notices).toEqual([
      { param: 'range', value: 'forever', problem: 'unknown-value' },
      { param: 'crossings', value: 'atlantis', problem: 'unknown-value' },
      { param: 'commodities', value: 'weapons', problem: 'unknown-value' },
      { param: 'verification', value: 'trust-me', problem: 'unknown-value' },
    ]);
  });

  it('rejects impossible and reversed dates', () => {
    expect(parse('from=2025-02-30&to=2025-03-01').notices).toEqual([
      { param: 'from', value: '2025-02-30', problem: 'bad-date' },
    ]);
    expect(parse('from=2025-03-10&to=2025-03-01')).toMatchObject({
      filters: { range: DEFAULT_FILTERS.range },
      notices: [{ problem: 'reversed-range' }],
    });
    expect(parse('from=<script>&to=2025-03-01').notices[0]?.problem).toBe('bad-date');
  });
});

describe('ranges', () => {
  it('end today in the theatre and count whole days', () => {
    expect(resolveRange({ preset: '7d' }, '2025-03-07', '2023-10-07')).toEqual({
      from: '2025-03-01',
      to: '2025-03-07',
    });
    expect(resolveRange({ preset: 'all' }, '2025-03-07', '2025-01-01')).toEqual({
      from: '2025-01-01',
      to: '2025-03-07',
    });
    expect(previousRange({ from: '2025-03-01', to: '2025-03-07' })).toEqual({
      from: '2025-02-22',
      to: '2025-02-28',
    });
  });
});

describe('matchesFilters', () => {
  const record = {
    crossingId: 'rafah',
    commodity: 'food' as const,
    provenance: { verification: 'reported' as const },
  };
  it('keeps everything by default and narrows by each filter', () => {
    expect(matchesFilters(record, DEFAULT_FILTERS)).toBe(true);
    expect(matchesFilters(record, { ...DEFAULT_FILTERS, crossings: ['erez'] })).toBe(false);
    expect(matchesFilters(record, { ...DEFAULT_FILTERS, commodities: ['fuel'] })).toBe(false);
    expect(matchesFilters(record, { ...DEFAULT_FILTERS, verification: ['verified'] })).toBe(false);
    expect(
      matchesFilters(record, { ...DEFAULT_FILTERS, verification: ['verified', 'reported'] }),
    ).toBe(true);
  });
});

describe('which filters a dataset follows', () => {
  // One record of each dataset, with the fields matchesFilters looks at.
  const records = {
    'crossing-status': { crossingId: 'rafah', provenance: { verification: 'reported' as const } },
    'corridor-status': { provenance: { verification: 'reported' as const } },
    'aid-flow': {
      crossingId: 'rafah',
      commodity: 'food' as const,
      provenance: { verification: 'reported' as const },
    },
    'facility-status': { provenance: { verification: 'reported' as const } },
    'utility-status': { provenance: { verification: 'reported' as const } },
    events: { provenance: { verification: 'reported' as const } },
  };
  const excluding: Filters = {
    ...DEFAULT_FILTERS,
    crossings: ['erez'],
    commodities: ['fuel'],
    verification: ['verified'],
  };

  it('lists exactly the filters that can drop a record of the dataset', () => {
    for (const [dataset, record] of Object.entries(records)) {
      const parts = FILTERS_BY_DATASET[dataset as keyof typeof records];
      for (const part of FILTER_PARTS)
        expect(
          matchesFilters(record, { ...DEFAULT_FILTERS, [part]: excluding[part] }),
          `${dataset} ${part}`,
        ).toBe(!parts.includes(part));
    }
  });

  it('narrows filters and URLs to those parts', () => {
    expect(filterPartsFor(['facility-status', 'events'])).toEqual(['verification']);
    expect(filterPartsFor(['events', 'aid-flow'])).toEqual(FILTER_PARTS);
    expect(narrowFilters(excluding, ['crossing-status'])).toEqual({
      ...excluding,
      commodities: [],
    });
    const search = '?crossing=erez&commodities=fuel&range=all&verification=verified&source=demo';
    expect(filterSearch(search, ['verification'])).toBe('range=all&verification=verified');
    expect(filterSearch(search, [])).toBe(filterSearch('?range=all&commodities=food', []));
  });
});
