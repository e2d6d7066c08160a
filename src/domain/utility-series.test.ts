import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from './filters.ts';
import type { UtilityStatus } from './schemas.ts';
import { utilityLines } from './utility-series.ts';

const rec = (
  date: string,
  areaId: string,
  value: number,
  extra: Partial<UtilityStatus> = {},
): UtilityStatus => ({
  date,
  areaId,
  service: 'water',
  value,
  unit: 'm3/day',
  baseline: 1000,
  provenance: { sourceId: 'wash', reportedAt: `${date}T19:00:00Z`, verification: 'verified' },
  ...extra,
});

describe('utilityLines', () => {
  it('gives water as % of baseline per governorate, leaves assets out and gaps as gaps', () => {
    const lines = utilityLines(
      [
        rec('2025-03-01', 'gaza', 250),
        rec('2025-03-03', 'gaza', 500),
        rec('2025-03-01', 'gaza', 900, { assetId: 'plant' }),
      ],
      { from: '2025-03-01', to: '2025-03-03' },
      'water',
      DEFAULT_FILTERS,
    );
    expect(lines).toEqual([{ areaId: 'gaza', sourceId: 'wash', daily: [25, null, 50] }]);
  });
});
