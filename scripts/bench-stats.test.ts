// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { alternate, formatBytes, formatRatio, median, ratioOf } from './bench-stats.ts';

describe('bench statistics', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('alternates the two sides, starting with the first', () => {
    expect(alternate('30d', 'all', 3)).toEqual(['30d', 'all', '30d', 'all', '30d', 'all']);
  });

  it('compares medians against a budget', () => {
    expect(ratioOf([100, 110, 90], [140, 150, 500], 1.5)).toEqual({
      base: 100,
      value: 150,
      ratio: 1.5,
      holds: true,
    });
    expect(ratioOf([100], [151], 1.5).holds).toBe(false);
    expect(ratioOf([0], [0], 1.5)).toMatchObject({ ratio: 1, holds: true });
    expect(ratioOf([0], [5], 2)).toMatchObject({ ratio: Infinity, holds: false });
  });

  it('prints ratios and sizes readably', () => {
    expect(formatRatio(1.4234)).toBe('1.42×');
    expect(formatRatio(18.61)).toBe('18.6×');
    expect(formatRatio(250.4)).toBe('250×');
    expect(formatRatio(Infinity)).toBe('∞×');
    expect(formatBytes(812 * 1024)).toBe('812 KB');
    expect(formatBytes(3.44 * 1024 * 1024)).toBe('3.4 MB');
    expect(formatBytes(940 * 1024 * 1024)).toBe('940 MB');
  });
});
