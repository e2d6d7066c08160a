import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from './filters.ts';
import { fuelStocks, hospitalSeries } from './hospital-series.ts';
import type { FacilityStatus } from './schemas.ts';

const report = (
  facilityId: string,
  date: string,
  functionality: FacilityStatus['functionality'],
  extra: Partial<FacilityStatus> = {},
): FacilityStatus => ({
  facilityId,
  date,
  functionality,
  power: null,
  water: null,
  provenance: { sourceId: 'health', reportedAt: `${date}T18:00:00Z`, verification: 'verified' },
  ...extra,
});

describe('hospitalSeries', () => {
  const reports = [
    report('a', '2025-03-01', 'full', { bedsAvailable: 100, bedsOccupied: 150 }),
    report('b', '2025-03-01', 'partial', { bedsAvailable: 20, bedsOccupied: 30 }),
    report('a', '2025-03-03', 'none'),
  ];
  it('counts facilities per level; a level nobody reported on a reported day is zero, an unreported day a gap', () => {
    const s = hospitalSeries(
      reports,
      { from: '2025-03-01', to: '2025-03-03' },
      DEFAULT_FILTERS,
      'day',
    );
    expect(s.functionality.full).toEqual([1, null, 0]);
    expect(s.functionality.none).toEqual([0, null, 1]);
    expect(s.bedsAvailable).toEqual([120, null, null]);
    expect(s.bedsOccupied).toEqual([180, null, null]);
  });
});

describe('fuelStocks', () => {
  it('takes each facility’s latest figure, lowest first, and lists facilities without one apart', () => {
    const { stocks, missing } = fuelStocks(
      [
        report('a', '2025-03-01', 'full', { fuelDays: 9 }),
        report('a', '2025-03-03', 'partial', { fuelDays: 2 }),
        report('b', '2025-03-02', 'full', { fuelDays: 5 }),
        report('c', '2025-01-01', 'full', { fuelDays: 1 }), // too old
      ],
      ['a', 'b', 'c'],
      '2025-03-03',
      DEFAULT_FILTERS,
    );
    expect(stocks.map((s) => [s.facilityId, s.fuelDays])).toEqual([
      ['a', 2],
      ['b', 5],
    ]);
    expect(missing).toEqual(['c']);
  });
});
