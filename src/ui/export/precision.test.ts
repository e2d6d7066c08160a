import { describe, expect, it } from 'vitest';
import { COMPUTED_DECIMALS, columnDecimals, decimalsOf, roundTo } from './precision.ts';

describe('precision of exported numbers', () => {
  it('finds the decimals the data have, ignoring float noise', () => {
    expect(decimalsOf(12)).toBe(0);
    expect(decimalsOf(187.42000000000002)).toBe(2);
    expect(decimalsOf(0.1 + 0.2)).toBe(1);
    expect(decimalsOf(1 / 3)).toBe(Infinity);
    expect(decimalsOf(1e15 + 2)).toBe(0);
  });

  it('gives a column the most decimals among its figures, or the computed precision', () => {
    expect(columnDecimals([1, 2, null, 'x', 3])).toBe(0);
    expect(columnDecimals([1, 2.5, 3.25])).toBe(2);
    expect(columnDecimals([1, 2.5, 187.42857142857142])).toBe(COMPUTED_DECIMALS);
    expect(columnDecimals([])).toBe(0);
  });

  it('rounds half away from zero, as written in decimal, and prints cleanly', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(187.42000000000002, 2)).toBe(187.42);
    expect(String(roundTo(2 / 3, 2))).toBe('0.67');
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
    expect(roundTo(123456789.125, 2)).toBe(123456789.13);
  });
});
