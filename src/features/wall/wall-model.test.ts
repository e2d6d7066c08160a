import { describe, expect, it } from 'vitest';
import { SourceError } from '../../data/contract.ts';
import {
  formatDuration,
  formatSeconds,
  freshness,
  msUntilLocalTime,
  panelReportedAt,
  panelUpdatedAt,
  retryDelay,
  wallRetryDelay,
} from './wall-model.ts';

describe('wall model', () => {
  it("dates a panel's reports by the newest among its datasets that give report times", () => {
    expect(
      panelReportedAt(['aid-flow', 'crossing-status'], { 'aid-flow': 500, 'crossing-status': 300 }),
    ).toBe(500);
    // A dataset without report times (events, or a source that gives none) does not count.
    expect(panelReportedAt(['aid-flow', 'events'], { 'aid-flow': 500 })).toBe(500);
    expect(panelReportedAt(['events'], {})).toBeUndefined();
  });

  it('dates a panel by the stalest of its datasets, once each has data', () => {
    expect(
      panelUpdatedAt(['aid-flow', 'crossing-status'], { 'aid-flow': 500, 'crossing-status': 300 }),
    ).toBe(300);
    expect(panelUpdatedAt(['aid-flow', 'events'], { 'aid-flow': 500 })).toBeUndefined();
  });

  it('marks data stale past the limit', () => {
    const now = 10 * 60_000;
    expect(freshness(undefined, now, 5)).toBe('none');
    expect(freshness(now - 5 * 60_000, now, 5)).toBe('fresh');
    expect(freshness(now - 5 * 60_000 - 1, now, 5)).toBe('stale');
  });

  it('finds the next local reload time, at least a minute ahead', () => {
    const at = (h: number, m: number, s = 0) => new Date(2026, 2, 10, h, m, s);
    expect(msUntilLocalTime('04:00', at(3, 0))).toBe(3600_000);
    expect(msUntilLocalTime('04:00', at(4, 0, 1))).toBe(24 * 3600_000 - 1000);
    expect(msUntilLocalTime('04:00', at(23, 0))).toBe(5 * 3600_000);
  });

  it('backs off retries up to a cap', () => {
    expect([0, 1, 2, 3, 10].map((n) => retryDelay(n, 5000))).toEqual([
      1000, 2000, 4000, 5000, 5000,
    ]);
    expect(retryDelay(0, 200)).toBe(1000);
  });

  it('retries soon after a time-out (it waited the whole timeoutMs), with backoff otherwise', () => {
    const timeout = new SourceError('s', 'S', 'timeout', 'did not answer within 15 s');
    const http = new SourceError('s', 'S', 'http', 'answered HTTP 500', 500);
    expect(wallRetryDelay(5, timeout, 60_000)).toBe(1000);
    expect(wallRetryDelay(5, http, 60_000)).toBe(32_000);
    expect(wallRetryDelay(9, new Error('network'), 4000)).toBe(4000);
  });

  it("says how old stale data are in whole units, in the reader's language", () => {
    expect(formatDuration(10_000, 'en')).toBe('1 minute');
    expect(formatDuration(40 * 60_000, 'en')).toBe('40 minutes');
    expect(formatDuration(3 * 3600_000 + 10 * 60_000, 'en')).toBe('3 hours');
    expect(formatDuration(47 * 3600_000, 'en')).toBe('47 hours');
    expect(formatDuration(3 * 86400_000, 'en')).toBe('3 days');
    // Arabic in the Latin digits the app uses for figures, with the Arabic unit.
    expect(formatDuration(3 * 3600_000, 'ar')).toMatch(/^3 ساعات$/);
    expect(formatDuration(2 * 3600_000, 'he')).toBe('שעתיים');
    expect(formatDuration(5 * 3600_000, 'he')).toMatch(/^5 שעות$/);
    expect(formatSeconds(12, 'en')).toBe('12 sec');
  });
});
