import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../domain/series.ts';
import { dayNumberTickFormatter, tickFormatter } from './time-labels.ts';

const withinYear = { from: '2025-02-01', to: '2025-11-30' };
const overYears = { from: '2023-10-07', to: '2026-11-30' };
const acrossNewYear = { from: '2025-12-01', to: '2026-01-31' };

describe('axis ticks', () => {
  it('leave the year out within one calendar year', () => {
    expect(tickFormatter('week', 'en', withinYear)('2025-03-03')).toBe('Mar 3');
    expect(tickFormatter('day', 'en', withinYear)('2025-03-03')).not.toMatch(/2025/);
  });

  it.each(['day', 'week'] as const)(
    'carry the year at %s resolution over a range spanning years',
    (resolution) => {
      expect(tickFormatter(resolution, 'en', overYears)('2025-01-06')).toBe('Jan 6, 2025');
      expect(tickFormatter(resolution, 'en', acrossNewYear)('2025-12-29')).toMatch(/2025/);
    },
  );

  it('always carry the year at month resolution', () => {
    expect(tickFormatter('month', 'en', withinYear)('2025-04-01')).toBe('Apr 2025');
    expect(tickFormatter('month', 'en', overYears)('2024-04-01')).toBe('Apr 2024');
  });

  it.each(['ar', 'he'])('carry the year in %s too, in its own words (Intl)', (locale) => {
    const text = tickFormatter('week', locale, overYears)('2025-01-06');
    expect(text).toMatch(/2025/);
    expect(text).not.toMatch(/Jan/);
    expect(tickFormatter('week', locale, withinYear)('2025-01-06')).not.toMatch(/2025/);
  });

  it('tell two years apart on a timeline’s day-number axis', () => {
    const format = dayNumberTickFormatter('en', overYears);
    expect(format(dayNumber('2024-01-06'))).toBe('Jan 6, 2024');
    expect(format(dayNumber('2025-01-06'))).toBe('Jan 6, 2025');
  });
});
