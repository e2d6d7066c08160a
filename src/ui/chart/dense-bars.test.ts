import { describe, expect, it } from 'vitest';
import { barColumns, barSlots, densePaths, isDense } from './dense-bars.ts';

describe('dense bars', () => {
  it('turns dense below 6 px of axis per bar (a bar: one column of one bucket)', () => {
    // Aid flow over its whole range: ~100 weeks × 3 groups in ~1,200 px.
    expect(isDense(100, 3, 1200)).toBe(true);
    // 90 days of one stacked column in the same width: 13 px a bar.
    expect(isDense(90, 1, 1200)).toBe(false);
    expect(isDense(200, 1, 1200)).toBe(false);
    expect(isDense(201, 1, 1200)).toBe(true);
    expect(isDense(0, 3, 1200)).toBe(false);
  });

  it('counts columns by stack id, in order of first use; unstacked bars stand alone', () => {
    expect(
      barColumns([
        { dataKey: 'a', stackId: 'x' },
        { dataKey: 'b', stackId: 'y' },
        { dataKey: 'c', stackId: 'x' },
        { dataKey: 'd' },
      ]),
    ).toEqual([['a', 'c'], ['b'], ['d']]);
  });

  it('places columns in a band as Recharts does', () => {
    // 12 px band, 1 px outer gap, 1 px between 3 columns: (12 - 2 - 2) / 3 = 2.67 → 3 px.
    expect(barSlots(12, 3, 1, 1)).toEqual([
      { offset: 1, size: 3 },
      { offset: 5, size: 3 },
      { offset: 9, size: 3 },
    ]);
    // 15 % of 40 px each side, one column: 28 px wide from 6 px.
    expect(barSlots(40, 1, 1, '15%')).toEqual([{ offset: 6, size: 28 }]);
    // Every day of two years on a phone: a band of a third of a pixel still draws its columns.
    const narrow = barSlots(0.36, 3, 1, 1);
    expect(narrow.map((c) => c.size)).toEqual([0.12, 0.12, 0.12].map((v) => expect.closeTo(v)));
    expect(narrow[0]!.offset).toBe(0);
    expect(narrow[2]!.offset + narrow[2]!.size).toBeCloseTo(0.36);
    // No room for gaps between: they go.
    expect(barSlots(3, 3, 2, 0).map((s) => s.offset)).toEqual([0, 1, 2]);
  });

  it('stacks values from zero, keeps nulls as gaps, and draws nothing for an empty series', () => {
    const paths = densePaths({
      rows: [
        { key: 'a', s0: 2, s1: 3, s2: null },
        { key: 'b', s0: null, s1: 4, s2: null },
      ],
      bars: [
        { dataKey: 's0', stackId: 'g' },
        { dataKey: 's1', stackId: 'g' },
        { dataKey: 's2', stackId: 'g' },
      ],
      bandStart: (key) => (key === 'a' ? 0 : 10),
      bandSize: 10,
      y: (v) => 100 - v * 10,
      barGap: 0,
      barCategoryGap: 1,
    });
    expect(paths).toEqual([
      { dataKey: 's0', d: 'M1 80h8v20h-8Z' },
      // On top of s0 in bucket a; from the axis in bucket b, where s0 is missing.
      { dataKey: 's1', d: 'M1 50h8v30h-8ZM11 60h8v40h-8Z' },
      { dataKey: 's2', d: '' },
    ]);
  });
});
