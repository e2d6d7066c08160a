import { describe, expect, it } from 'vitest';
import { daysBetween, shiftDay, startOfTheatreDay, theatreDay } from './time.ts';

describe('theatre days', () => {
  it('cuts days in the theatre time zone, not UTC', () => {
    // 23:30 UTC on 1 March is 01:30 on 2 March in Gaza (UTC+2 in winter).
    expect(theatreDay('2025-03-01T23:30:00Z', 'Asia/Gaza')).toBe('2025-03-02');
    expect(theatreDay('2025-03-01T21:59:00Z', 'Asia/Gaza')).toBe('2025-03-01');
    // In summer Gaza is UTC+3: 21:30 UTC is already the next day.
    expect(theatreDay('2025-07-01T21:30:00Z', 'Asia/Gaza')).toBe('2025-07-02');
  });

  it('knows when a theatre day starts, across daylight-saving changes', () => {
    expect(startOfTheatreDay('2025-03-02', 'Asia/Gaza').toISOString()).toBe(
      '2025-03-01T22:00:00.000Z',
    );
    expect(startOfTheatreDay('2025-07-02', 'Asia/Gaza').toISOString()).toBe(
      '2025-07-01T21:00:00.000Z',
    );
  });

  it('does calendar arithmetic on day labels', () => {
    expect(shiftDay('2025-03-01', -1)).toBe('2025-02-28');
    expect(shiftDay('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2025-12-30', '2026-01-02')).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
    ]);
  });
});
