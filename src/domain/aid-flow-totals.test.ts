import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from './filters.ts';
import type { AidFlowRollup } from './rollup.ts';
import { aidFlowSeriesFromRollups, type FlowAggregate } from './rollup-series.ts';
import { bucketsFor, intervalDays, type Resolution } from './series.ts';

/** A mask of the bucket's days `days` (1-based), as a roll-up row carries it. */
const mask = (...days: number[]) => days.reduce((m, d) => (m | (1 << (d - 1))) >>> 0, 0);
const every = (n: number) => mask(...Array.from({ length: n }, (_, i) => i + 1));

function row(
  bucket: string,
  to: string,
  days: number,
  dayMask: number,
  trucks: number,
  extra: Partial<AidFlowRollup> = {},
): AidFlowRollup {
  const reported = dayMask.toString(2).replace(/0/g, '').length;
  return {
    bucket,
    to,
    days,
    sourceId: 'un',
    verification: 'verified',
    records: reported,
    daysReported: reported,
    dayMask,
    stage: 'entered',
    commodity: 'food',
    trucks,
    ...extra,
  };
}

// Wednesday 1 January to Sunday 19 January 2025: a week cut at the range (1–5 January, five of
// its seven days), then two whole ISO weeks; the last one with two days nobody reported.
const range = { from: '2025-01-01', to: '2025-01-19' };
const rows: AidFlowRollup[] = [
  row('2025-01-01', '2025-01-05', 5, every(5), 50),
  row('2025-01-06', '2025-01-12', 7, every(7), 60),
  row('2025-01-06', '2025-01-12', 7, mask(1, 2), 10, { commodity: 'health' }),
  row('2025-01-13', '2025-01-19', 7, mask(1, 2, 3, 6, 7), 50),
  // Another source: its own group and its own total, never added to the first one's.
  row('2025-01-06', '2025-01-12', 7, every(7), 700, { sourceId: 'cogat' }),
];

const series = (aggregate: FlowAggregate, resolution: Resolution = 'week') =>
  aidFlowSeriesFromRollups(rows, {
    range,
    filters: DEFAULT_FILTERS,
    measure: 'trucks',
    stackBy: 'commodity',
    resolution,
    aggregate,
  });

describe('aid flow totals and partial buckets', () => {
  it('a total per week is the sum over the week; segments add up to it', () => {
    const un = series('total').groups.find((g) => g.sourceId === 'un')!;
    expect(un.total).toEqual([50, 70, 50]);
    expect(un.stacks.get('food')).toEqual([50, 60, 50]);
    expect(un.stacks.get('health')).toEqual([null, 10, null]);
  });

  it('an average per day is the total over the days reported (the OR of the rows’ masks)', () => {
    const un = series('average').groups.find((g) => g.sourceId === 'un')!;
    expect(un.reported).toEqual([5, 7, 5]);
    expect(un.total).toEqual([10, 10, 10]);
    // 10 health trucks over the week's 7 days reported, not over the 2 days health was reported.
    expect(un.stacks.get('health')![1]).toBeCloseTo(10 / 7, 10);
    const total = series('total').groups.find((g) => g.sourceId === 'un')!;
    total.total.forEach((v, i) => expect(un.total[i]).toBeCloseTo(v! / un.reported[i]!, 10));
  });

  it('marks a bucket partial when cut at the range or with days not reported', () => {
    const s = series('total');
    expect(s.intervalDays).toEqual([7, 7, 7]);
    const un = s.groups.find((g) => g.sourceId === 'un')!;
    expect(un.partial).toEqual([true, false, true]);
    // A bucket nobody reported on is a gap, not a partial zero.
    const cogat = s.groups.find((g) => g.sourceId === 'cogat')!;
    expect(cogat.total).toEqual([null, 700, null]);
    expect(cogat.partial).toEqual([false, false, false]);
  });

  it('totals the whole period per source, with its days reported and first and last day', () => {
    const s = series('total');
    const un = s.groups.find((g) => g.sourceId === 'un')!;
    expect(un.period).toEqual({
      total: 170,
      daysReported: 17,
      first: '2025-01-01',
      last: '2025-01-19',
    });
    const cogat = s.groups.find((g) => g.sourceId === 'cogat')!;
    expect(cogat.period).toEqual({
      total: 700,
      daysReported: 7,
      first: '2025-01-06',
      last: '2025-01-12',
    });
    // The same whatever the interval the bars are drawn at.
    expect(series('average').groups.find((g) => g.sourceId === 'un')!.period.total).toBe(170);
  });

  it('the period starts and ends on the days a source reported, not on the range', () => {
    const late = aidFlowSeriesFromRollups([row('2025-01-13', '2025-01-19', 7, mask(3, 4), 20)], {
      range,
      filters: DEFAULT_FILTERS,
      measure: 'trucks',
      stackBy: 'commodity',
      resolution: 'week',
      aggregate: 'total',
    });
    expect(late.groups[0]!.period).toMatchObject({ first: '2025-01-15', last: '2025-01-16' });
  });

  it('a month or the 31st day of a month fits the mask', () => {
    const march = { from: '2025-03-01', to: '2025-03-31' };
    const s = aidFlowSeriesFromRollups([row('2025-03-01', '2025-03-31', 31, every(31), 310)], {
      range: march,
      filters: DEFAULT_FILTERS,
      measure: 'trucks',
      stackBy: 'commodity',
      resolution: 'month',
      aggregate: 'total',
    });
    expect(s.groups[0]!.partial).toEqual([false]);
    expect(s.groups[0]!.period).toEqual({
      total: 310,
      daysReported: 31,
      first: '2025-03-01',
      last: '2025-03-31',
    });
  });
});

describe('intervalDays', () => {
  it('is 1, 7, or the days of the calendar month, whatever the range cut', () => {
    const feb = bucketsFor({ from: '2024-02-10', to: '2024-03-05' }, 'month');
    expect(feb.map((b) => [b.days, intervalDays(b, 'month')])).toEqual([
      [20, 29],
      [5, 31],
    ]);
    const weeks = bucketsFor({ from: '2025-01-01', to: '2025-01-19' }, 'week');
    expect(weeks.map((b) => intervalDays(b, 'week'))).toEqual([7, 7, 7]);
    expect(intervalDays(bucketsFor(range, 'day')[0]!, 'day')).toBe(1);
  });
});
