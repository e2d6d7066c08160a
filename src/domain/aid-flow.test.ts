import { describe, expect, it } from 'vitest';
import { truckCountsForCrossing } from './aid-flow.ts';
import type { AidFlow } from './schemas.ts';

const flow = (
  date: string,
  stage: AidFlow['stage'],
  trucks: number,
  sourceId = 'a',
  verification: AidFlow['provenance']['verification'] = 'verified',
): AidFlow => ({
  date,
  crossingId: 'ks',
  commodity: 'food',
  stage,
  trucks,
  provenance: { sourceId, reportedAt: `${date}T20:00:00Z`, verification },
});

describe('truckCountsForCrossing', () => {
  const flows = [
    flow('2025-03-07', 'entered', 100),
    flow('2025-03-07', 'entered', 20), // another commodity the same day: summed
    flow('2025-03-06', 'entered', 50),
    flow('2025-02-28', 'entered', 999), // 8 days back: outside the week
    flow('2025-03-07', 'entered', 80, 'b', 'disputed'),
    flow('2025-03-05', 'collected', 30),
  ];

  it('sums commodities, never sources or stages, and counts the 7 days ending today', () => {
    const counts = truckCountsForCrossing(flows, 'ks', '2025-03-07');
    expect(counts.map((c) => [c.stage, c.sourceId, c.today, c.last7, c.daysReported])).toEqual([
      ['entered', 'a', 120, 170, 2],
      ['entered', 'b', 80, 80, 1],
      ['collected', 'a', null, 30, 1],
    ]);
  });

  it('a day with no report is a gap (null), not zero, and keeps the weakest verification', () => {
    const counts = truckCountsForCrossing(flows, 'ks', '2025-03-07');
    expect(counts.find((c) => c.stage === 'collected')?.today).toBeNull();
    expect(counts.find((c) => c.sourceId === 'b')?.verification).toBe('disputed');
    // What the source last reported, for when today is not in yet.
    expect(counts.find((c) => c.stage === 'collected')?.latest).toEqual({
      day: '2025-03-05',
      trucks: 30,
    });
  });
});
