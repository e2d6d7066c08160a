import { describe, expect, it } from 'vitest';
import { labelWidth, pickTicks } from './ticks.ts';

describe('pickTicks', () => {
  it('keeps the last label and, from the first on, every label clear of the one before', () => {
    // 10 buckets of 20 px, labels 30 px wide and 10 px apart at least; the last one first.
    expect(pickTicks(10, 200, () => 30, 10)).toEqual([0, 3, 5, 9]);
  });

  it('labels every bucket when there is room, and none of an empty axis', () => {
    expect(pickTicks(4, 400, () => 30, 10)).toEqual([0, 1, 2, 3]);
    expect(pickTicks(0, 400, () => 30, 10)).toEqual([]);
  });

  it('slides the first label inwards rather than dropping it', () => {
    // Centre at 5 px, 30 px wide: it would overhang the axis start by 10 px.
    expect(pickTicks(20, 200, () => 30, 10)[0]).toBe(0);
  });

  it('does not measure labels that start inside the one before', () => {
    const measured: number[] = [];
    pickTicks(1000, 500, (i) => (measured.push(i), 40), 16);
    expect(measured.length).toBeLessThan(500);
  });
});

describe('labelWidth', () => {
  it('answers undefined where no canvas can measure, so Recharts measures instead', () => {
    expect(labelWidth('Jan 2025', 11)).toBeUndefined();
  });
});
