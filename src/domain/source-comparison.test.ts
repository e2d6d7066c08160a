import { describe, expect, it } from 'vitest';
import type { AidFlowRollup, TruckGapsRollup } from './rollup.ts';
import { bucketsFor } from './series.ts';
import {
  aidFlowFigures,
  comparisonByBucket,
  largestDisagreements,
  pairCounts,
  pairFigures,
  truckGapFigures,
  type CountedFigure,
} from './source-comparison.ts';
import type { Day } from './time.ts';

const f = (
  bucket: string,
  thing: string,
  sourceId: string,
  value: number,
  dayMask = 1,
): CountedFigure => ({ bucket: bucket as Day, thing, sourceId, value, dayMask });

describe('pairing two sources', () => {
  it('pairs only equal keys and says which side is missing, never a zero', () => {
    const pairs = pairFigures(
      [
        f('2025-03-01', 'ks', 'ba', 120),
        f('2025-03-01', 'ks', 'un', 80),
        f('2025-03-01', 'rafah', 'ba', 40),
        f('2025-03-02', 'ks', 'un', 70),
        f('2025-03-02', 'ks', 'third', 999),
      ],
      'ba',
      'un',
    );
    expect(pairs).toHaveLength(3);
    expect(pairs[0]).toMatchObject({ thing: 'ks', state: 'compared', difference: 40, ratio: 1.5 });
    expect(pairs[1]).toMatchObject({ thing: 'rafah', state: 'missing-from-b' });
    expect(pairs[1]!.difference).toBeUndefined();
    expect(pairs[2]).toMatchObject({ bucket: '2025-03-02', state: 'missing-from-a' });
    expect(pairs[2]!.b!.value).toBe(70);
    expect(pairCounts(pairs)).toEqual({
      compared: 1,
      'missing-from-a': 1,
      'missing-from-b': 1,
      'days-differ': 0,
    });
  });

  it('leaves the ratio undefined when the second source says 0', () => {
    const [zero, both] = pairFigures(
      [
        f('2025-03-01', 'ks', 'a', 12),
        f('2025-03-01', 'ks', 'b', 0),
        f('2025-03-02', 'ks', 'a', 0),
        f('2025-03-02', 'ks', 'b', 0),
      ],
      'a',
      'b',
    );
    expect(zero).toMatchObject({ state: 'compared', difference: 12 });
    expect(zero!.ratio).toBeUndefined();
    expect(both).toMatchObject({ state: 'compared', difference: 0 });
    expect(both!.ratio).toBeUndefined();
  });

  it('does not compare sums over different days of a week', () => {
    const [pair] = pairFigures(
      [f('2025-03-03', 'ks', 'a', 700, 0b1111111), f('2025-03-03', 'ks', 'b', 500, 0b0011111)],
      'a',
      'b',
    );
    expect(pair).toMatchObject({ state: 'days-differ' });
    expect(pair!.a!.daysReported).toBe(7);
    expect(pair!.b!.daysReported).toBe(5);
    expect(pair!.difference).toBeUndefined();
  });

  it('merges one source’s rows of a key (verification levels) by summing and ORing days', () => {
    const [pair] = pairFigures(
      [
        f('2025-03-03', 'ks', 'a', 300, 0b0000111),
        f('2025-03-03', 'ks', 'a', 400, 0b1111000),
        f('2025-03-03', 'ks', 'b', 650, 0b1111111),
      ],
      'a',
      'b',
    );
    expect(pair).toMatchObject({ state: 'compared', difference: 50 });
    expect(pair!.a).toEqual({ value: 700, dayMask: 0b1111111, daysReported: 7 });
  });

  it('lists the largest disagreements first, compared pairs only', () => {
    const pairs = pairFigures(
      [
        f('2025-03-01', 'ks', 'a', 100),
        f('2025-03-01', 'ks', 'b', 90),
        f('2025-03-02', 'ks', 'a', 50),
        f('2025-03-02', 'ks', 'b', 150),
        f('2025-03-03', 'ks', 'a', 30),
        f('2025-03-03', 'ks', 'b', 30),
        f('2025-03-04', 'ks', 'a', 5000),
      ],
      'a',
      'b',
    );
    const top = largestDisagreements(pairs);
    expect(top.map((p) => p.difference)).toEqual([-100, 10]);
    expect(largestDisagreements(pairs, 1)).toHaveLength(1);
  });
});

describe('comparison per bucket', () => {
  it('keeps each source’s own total and compares only what both report', () => {
    const buckets = bucketsFor({ from: '2025-03-01', to: '2025-03-03' }, 'day');
    const pairs = pairFigures(
      [
        f('2025-03-01', 'ks', 'a', 100),
        f('2025-03-01', 'ks', 'b', 50),
        f('2025-03-01', 'rafah', 'a', 20),
        f('2025-03-02', 'ks', 'a', 10),
        f('2025-03-02', 'ks', 'b', 0),
      ],
      'a',
      'b',
    );
    const [d1, d2, d3] = comparisonByBucket(pairs, buckets);
    expect(d1).toMatchObject({ a: 120, b: 50, comparedA: 100, comparedB: 50, difference: 50 });
    expect(d1!.ratio).toBe(2);
    expect(d1!.missingFromB).toBe(1);
    expect(d2).toMatchObject({ difference: 10, ratio: null });
    expect(d3).toMatchObject({ a: null, b: null, difference: null, ratio: null });
  });
});

describe('aid-flow figures', () => {
  const row = (over: Partial<AidFlowRollup>): AidFlowRollup => ({
    bucket: '2025-03-01' as Day,
    to: '2025-03-01' as Day,
    days: 1,
    sourceId: 'a',
    verification: 'reported',
    records: 1,
    daysReported: 1,
    dayMask: 1,
    stage: 'entered',
    crossingId: 'ks',
    trucks: 10,
    ...over,
  });

  it('keeps one stage and measure, per crossing, through the verification filter', () => {
    const rows = [
      row({}),
      row({ verification: 'verified', trucks: 5 }),
      row({ stage: 'collected', trucks: 7 }),
      row({ crossingId: 'rafah', trucks: 3 }),
      row({ tonnes: 4, trucks: undefined, crossingId: 'erez' }),
    ];
    const all = aidFlowFigures(rows, { stage: 'entered', measure: 'trucks' }, { verification: [] });
    expect(all.map((x) => [x.thing, x.value])).toEqual([
      ['ks', 10],
      ['ks', 5],
      ['rafah', 3],
    ]);
    const verified = aidFlowFigures(
      rows,
      { stage: 'entered', measure: 'trucks', crossingId: 'ks' },
      { verification: ['verified'] },
    );
    expect(verified.map((x) => x.value)).toEqual([5]);
  });
});

describe('truck-gap figures', () => {
  const row = (over: Partial<TruckGapsRollup>): TruckGapsRollup => ({
    bucket: '2025-03-03' as Day,
    to: '2025-03-09' as Day,
    days: 7,
    sourceId: 'a',
    verification: 'reported',
    records: 1,
    daysReported: 1,
    dayMask: 0b1,
    crossingId: 'ks',
    ...over,
  });

  it('takes the last reported day of trucks waiting, never a sum over days or levels', () => {
    const rows = [
      row({ dayMask: 0b0011111, waiting: { last: 300, max: 500 }, intercepted: 4 }),
      row({ verification: 'verified', dayMask: 0b1100000, waiting: { last: 200, max: 250 } }),
      row({ crossingId: 'rafah', dayMask: 0b1, waiting: { last: 10, max: 10 } }),
    ];
    const waiting = truckGapFigures(rows, { gap: 'waiting' }, { verification: [] });
    expect(waiting.map((f) => [f.thing, f.value, f.dayMask])).toEqual([
      ['ks', 200, 0b1111111],
      ['rafah', 10, 0b1],
    ]);
    const verified = truckGapFigures(rows, { gap: 'waiting' }, { verification: ['reported'] });
    expect(verified.find((f) => f.thing === 'ks')!.value).toBe(300);
  });

  it('sums trucks intercepted, a flow, and pairs them like any count', () => {
    const rows = [
      row({ intercepted: 4 }),
      row({ verification: 'verified', intercepted: 3, dayMask: 0b10 }),
      row({ sourceId: 'b', intercepted: 1, dayMask: 0b11 }),
    ];
    const figures = truckGapFigures(
      rows,
      { gap: 'intercepted', crossingId: 'ks' },
      { verification: [] },
    );
    const [pair] = pairFigures(figures, 'a', 'b');
    expect(pair).toMatchObject({ state: 'compared', difference: 6 });
  });
});
