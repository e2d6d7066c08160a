import { describe, expect, it } from 'vitest';
import {
  chartLook,
  fitRows,
  latestOfLines,
  latestOfStacks,
  multiplesColumns,
  placeEndLabels,
} from './wall-chart.ts';

describe('chartLook', () => {
  it('keeps the page as it was, and sizes the wall from its rem (doubled at 4K)', () => {
    expect(chartLook(false, 24)).toMatchObject({ fontSize: 11, valueTicks: 5 });
    const hd = chartLook(true, 24);
    const uhd = chartLook(true, 48);
    expect(hd).toMatchObject({ fontSize: 24, minTickGap: 48, valueTicks: 4 });
    expect(hd.lineWidth).toBeCloseTo(4.8);
    expect(uhd.fontSize).toBe(2 * hd.fontSize);
    expect(uhd.lineWidth).toBeCloseTo(2 * hd.lineWidth!);
    expect(hd.referenceWidth).toBeGreaterThan(hd.lineWidth!);
  });
});

describe('latest figures', () => {
  const rows = [
    { key: 'd1', a: 5, s1: 1, s2: 2, t1: 10 },
    { key: 'd2', a: 7, s1: 3, s2: null, t1: 20 },
    { key: 'd3', a: null, s1: null, s2: null, t1: null },
  ];

  it("labels a line's last reported value, not a gap after it", () => {
    expect(latestOfLines(rows, [{ dataKey: 'a' }, { dataKey: 'none' }])).toEqual([
      { id: 'a', key: 'd2', value: 7 },
    ]);
  });

  it('sums the parts of one stack but never two stacks (two sources side by side)', () => {
    const bars = [
      { dataKey: 's1', stackId: 'source-a' },
      { dataKey: 's2', stackId: 'source-a' },
      { dataKey: 't1', stackId: 'source-b' },
    ];
    expect(latestOfStacks(rows, bars)).toEqual([
      { id: 'source-a', key: 'd2', value: 3 },
      { id: 'source-b', key: 'd2', value: 20 },
    ]);
  });
});

describe('placeEndLabels', () => {
  const apart = (ys: number[], h: number) => {
    const s = [...ys].sort((a, b) => a - b);
    return s.every((y, i) => i === 0 || y - s[i - 1]! >= h - 1e-9);
  };

  it('leaves labels that do not collide where their line ends', () => {
    expect(placeEndLabels([100, 40, 200], 24, 0, 300)).toEqual([100, 40, 200]);
  });

  it('nudges colliding labels apart, keeping their order', () => {
    const ys = placeEndLabels([100, 105, 98], 24, 0, 300);
    expect(apart(ys, 24)).toBe(true);
    expect(ys[2]).toBeLessThan(ys[0]!);
    expect(ys[0]).toBeLessThan(ys[1]!);
  });

  it('keeps labels inside the plot at both edges (never cut off)', () => {
    const ys = placeEndLabels([295, 298, 2], 24, 0, 300);
    expect(apart(ys, 24)).toBe(true);
    expect(Math.min(...ys) - 12).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys) + 12).toBeLessThanOrEqual(300);
  });

  it('spreads labels evenly when there is not room for all', () => {
    const ys = placeEndLabels([10, 10, 10, 10], 24, 0, 60);
    expect(ys[0]).toBe(12);
    expect(ys[3]).toBe(48);
  });
});

describe('multiplesColumns', () => {
  it('lays five governorates out in a grid that fits a wide box', () => {
    expect(multiplesColumns(5, 1800, 300, 12)).toBe(5);
    expect(multiplesColumns(5, 700, 500, 12)).toBe(2);
    expect(multiplesColumns(5, 600, 800, 12)).toBe(1);
    expect(multiplesColumns(1, 600, 800)).toBe(1);
  });
});

describe('fitRows', () => {
  it('keeps every row that fits, else the first ones and a line for the rest', () => {
    expect(fitRows(10, 300, 30, 36)).toBe(10);
    expect(fitRows(20, 300, 30, 36)).toBe(8);
    expect(fitRows(20, 10, 30, 36)).toBe(1);
  });
});

describe('multiplesColumns with what each cell spends besides its plot', () => {
  it('counts only the plot: room taken by axes and labels in every column means fewer columns', () => {
    expect(multiplesColumns(5, 1000, 500, 18)).toBe(3);
    expect(multiplesColumns(5, 1000, 500, 18, [400, 0])).toBe(1);
  });
});
