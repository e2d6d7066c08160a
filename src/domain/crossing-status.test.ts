import { describe, expect, it } from 'vitest';
import { crossingStatusAt } from './crossing-status.ts';
import type { CrossingStatus } from './schemas.ts';

const obs = (at: string, status: CrossingStatus['status'], sourceId = 'a'): CrossingStatus => ({
  crossingId: 'rafah',
  at,
  status,
  observersPresent: null,
  provenance: { sourceId, reportedAt: at, verification: 'reported' },
});

describe('crossingStatusAt', () => {
  const history = [
    obs('2025-03-01T06:00:00Z', 'closed'),
    obs('2025-03-01T08:00:00Z', 'open'),
    obs('2025-03-01T12:00:00Z', 'open'),
    obs('2025-03-01T13:00:00Z', 'restricted', 'b'),
    obs('2025-03-01T15:00:00Z', 'open'),
  ];

  it('is the latest observation at or before the moment, with when that state began', () => {
    const at12 = crossingStatusAt(history, 'rafah', new Date('2025-03-01T12:30:00Z'));
    expect(at12.state).toBe('open');
    expect(at12.since).toBe('2025-03-01T08:00:00Z');
  });

  it('ignores observations after the moment and is unknown before any', () => {
    expect(crossingStatusAt(history, 'rafah', new Date('2025-03-01T07:00:00Z')).state).toBe(
      'closed',
    );
    const before = crossingStatusAt(history, 'rafah', new Date('2025-02-01T00:00:00Z'));
    expect(before).toMatchObject({ state: 'unknown', latest: undefined });
    expect(crossingStatusAt(history, 'erez', new Date('2025-03-02T00:00:00Z')).state).toBe(
      'unknown',
    );
  });

  it('shows what another source says when it disagrees', () => {
    const now = crossingStatusAt(history, 'rafah', new Date('2025-03-01T16:00:00Z'));
    expect(now.state).toBe('open');
    expect(now.since).toBe('2025-03-01T15:00:00Z');
    expect(now.disagreements.map((d) => [d.provenance.sourceId, d.status])).toEqual([
      ['b', 'restricted'],
    ]);
  });
});
