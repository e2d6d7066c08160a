import { describe, expect, it } from 'vitest';
import { incompleteDays, rejectedIn } from './incomplete-days.ts';
import type { DataIssue } from './validate.ts';

const issue = (day: string | undefined, dataset: DataIssue['dataset'] = 'aid-flow'): DataIssue => ({
  sourceId: 'file-x',
  dataset,
  position: 3,
  record: `row:${Math.random()}`,
  field: 'x',
  reason: 'bad',
  reasons: [],
  raw: {},
  ...(day === undefined ? {} : { day }),
});

describe('incompleteDays', () => {
  const range = { from: '2026-10-01', to: '2026-10-31' };

  it('counts rejected rows per day, and rows without a readable day apart', () => {
    const found = incompleteDays(
      [issue('2026-10-03'), issue('2026-10-03'), issue('2026-10-09'), issue(undefined)],
      ['aid-flow'],
      range,
    );
    expect([...found.days]).toEqual([
      ['2026-10-03', 2],
      ['2026-10-09', 1],
    ]);
    expect(found.undated).toBe(1);
  });

  it('leaves out other datasets and days outside the range, but never an undated row', () => {
    const found = incompleteDays(
      [
        issue('2026-10-03', 'crossing-status'),
        issue('2026-09-30'),
        issue('2026-11-01'),
        issue('nonsense'),
      ],
      ['aid-flow'],
      range,
    );
    expect(found.days.size).toBe(0);
    expect(found.undated).toBe(1);
  });

  it('sums the rejected rows of a day or an interval of days', () => {
    const found = incompleteDays(
      [issue('2026-10-03'), issue('2026-10-05'), issue('2026-10-12')],
      ['aid-flow'],
      range,
    );
    expect(rejectedIn(found, '2026-10-03')).toBe(1);
    expect(rejectedIn(found, '2026-10-01/2026-10-07')).toBe(2);
    expect(rejectedIn(found, '2026-10-13/2026-10-19')).toBe(0);
  });
});
