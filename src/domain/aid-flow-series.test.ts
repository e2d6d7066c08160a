import { describe, expect, it } from 'vitest';
import { aidFlowSeries, averageTrucksPerDay } from './aid-flow-series.ts';
import { DEFAULT_FILTERS } from './filters.ts';
import type { AidFlow } from './schemas.ts';

const flow = (
  date: string,
  stage: AidFlow['stage'],
  trucks: number,
  sourceId: string,
  extra: Partial<AidFlow> = {},
): AidFlow => ({
  date,
  crossingId: 'ks',
  commodity: 'food',
  stage,
  trucks,
  tonnes: trucks * 10,
  provenance: { sourceId, reportedAt: `${date}T20:00:00Z`, verification: 'verified' },
  ...extra,
});

const flows: AidFlow[] = [
  flow('2025-03-01', 'entered', 100, 'ba'),
  flow('2025-03-01', 'entered', 20, 'ba', { commodity: 'health' }),
  flow('2025-03-01', 'entered', 90, 'un'),
  flow('2025-03-01', 'collected', 60, 'un'),
  flow('2025-03-02', 'entered', 80, 'un', { crossingId: 'rafah' }),
  // 3 March: nobody reported.
  flow('2025-03-04', 'entered', 50, 'ba', {
    provenance: { sourceId: 'ba', reportedAt: '2025-03-04T20:00:00Z', verification: 'disputed' },
  }),
];
const range = { from: '2025-03-01', to: '2025-03-04' };

describe('aidFlowSeries', () => {
  it('keeps each source and stage apart: two sources for the same stage are never summed', () => {
    const s = aidFlowSeries(flows, {
      range,
      filters: DEFAULT_FILTERS,
      measure: 'trucks',
      stackBy: 'commodity',
      resolution: 'day',
    });
    expect(s.resolution).toBe('day');
    expect(s.groups.map((g) => [g.stage, g.sourceId, g.total])).toEqual([
      ['entered', 'ba', [120, null, null, 50]],
      ['entered', 'un', [90, 80, null, null]],
      ['collected', 'un', [60, null, null, null]],
    ]);
    expect(s.stackKeys).toEqual(['food', 'health']);
    expect(s.groups[0]!.stacks.get('health')).toEqual([20, null, null, null]);
  });

  it('stacks by crossing in the theatre order, measures tonnes, and follows the filters', () => {
    const s = aidFlowSeries(flows, {
      range,
      filters: { ...DEFAULT_FILTERS, verification: ['verified'] },
      measure: 'tonnes',
      stackBy: 'crossing',
      crossingOrder: ['rafah', 'ks'],
      resolution: 'day',
    });
    expect(s.stackKeys).toEqual(['rafah', 'ks']);
    const ba = s.groups.find((g) => g.sourceId === 'ba')!;
    expect(ba.total).toEqual([1200, null, null, null]); // the disputed day is filtered out
  });

  it('rolls long ranges up to per-day averages over the days reported, segments adding up to the total', () => {
    const s = aidFlowSeries(flows, {
      range: { from: '2025-03-01', to: '2025-03-31' },
      filters: DEFAULT_FILTERS,
      measure: 'trucks',
      stackBy: 'commodity',
      resolution: 'week',
    });
    expect(s.resolution).toBe('week');
    const ba = s.groups.find((g) => g.sourceId === 'ba' && g.stage === 'entered')!;
    // Week 1 (Sat 1 – Sun 2 March): reported on one day, 120 trucks.
    expect(ba.total[0]).toBe(120);
    expect(ba.reported[0]).toBe(1);
    // Week 2: 50 on 4 March only.
    expect(ba.total[1]).toBe(50);
    expect((ba.stacks.get('food')![0] ?? 0) + (ba.stacks.get('health')![0] ?? 0)).toBe(120);
    expect(ba.average7).toBeUndefined();
    expect(ba.total[2]).toBeNull();
  });
});

describe('averageTrucksPerDay', () => {
  it('averages over the days each source reported, per stage', () => {
    const avg = averageTrucksPerDay(flows, range, DEFAULT_FILTERS, ['entered']);
    expect(avg.map((a) => [a.sourceId, a.perDay, a.daysReported])).toEqual([
      ['ba', 85, 2],
      ['un', 85, 2],
    ]);
  });
});
