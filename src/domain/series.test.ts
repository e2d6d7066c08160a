import { describe, expect, it } from 'vitest';
import {
  bandsFor,
  bucketsFor,
  chooseResolution,
  dailyByKey,
  downsampleMinMax,
  movingAverage,
  reportedDays,
  rollUp,
  sumSeries,
  type XY,
} from './series.ts';

interface Row {
  date: string;
  key: string;
  value?: number;
}
const rows: Row[] = [
  { date: '2025-03-01', key: 'a', value: 10 },
  { date: '2025-03-01', key: 'a', value: 5 },
  { date: '2025-03-03', key: 'a', value: 0 },
  { date: '2025-03-03', key: 'b', value: 7 },
  { date: '2025-02-28', key: 'a', value: 99 }, // before the range
  { date: '2025-03-02', key: 'b' }, // no value: not a zero
];
const range = { from: '2025-03-01', to: '2025-03-04' };
const byKey = (combine?: 'sum' | 'mean') =>
  dailyByKey(
    rows,
    range,
    (r) => r.date,
    (r) => r.key,
    (r) => r.value,
    combine,
  );

describe('daily series', () => {
  it('sums records per key and day; days with no report stay gaps, never zeros', () => {
    const series = byKey();
    expect(series.get('a')).toEqual([15, null, 0, null]);
    expect(series.get('b')).toEqual([null, null, 7, null]);
  });

  it('can average several reports of one day instead of adding them', () => {
    expect(byKey('mean').get('a')).toEqual([7.5, null, 0, null]);
  });

  it('adds series day by day, keeping days where all are gaps as gaps', () => {
    expect(sumSeries([byKey().get('a')!, byKey().get('b')!], 4)).toEqual([15, null, 7, null]);
  });

  it('cuts event days in the theatre time zone', () => {
    const buckets = bucketsFor({ from: '2025-03-01', to: '2025-03-10' }, 'day');
    const bands = bandsFor(
      [
        {
          id: 'p',
          kind: 'pause',
          title: 'Pause',
          // 23:30 UTC on 1 March is already 2 March in Gaza (UTC+2).
          start: '2025-03-01T23:30:00Z',
          end: '2025-03-03T21:30:00Z',
          provenance: { sourceId: 'un' },
        },
        {
          id: 'c',
          kind: 'ceasefire-phase',
          title: 'Phase 1',
          start: '2025-03-08T06:00:00Z', // still going on: runs to the end of the range
          provenance: { sourceId: 'un' },
        },
        {
          id: 'x',
          kind: 'incident',
          title: 'Not a band',
          start: '2025-03-05T06:00:00Z',
          provenance: { sourceId: 'un' },
        },
        {
          id: 'old',
          kind: 'pause',
          title: 'Before the range',
          start: '2025-02-01T06:00:00Z',
          end: '2025-02-02T06:00:00Z',
          provenance: { sourceId: 'un' },
        },
      ],
      buckets,
      'Asia/Gaza',
    );
    expect(bands.map((b) => [b.id, b.x1, b.x2])).toEqual([
      ['p', '2025-03-02', '2025-03-03'],
      ['c', '2025-03-08', '2025-03-10'],
    ]);
  });
});

describe('roll-ups', () => {
  it('picks days, then weeks, then months so that no chart draws more buckets than it has room for', () => {
    expect(chooseResolution(30, 60)).toBe('day');
    expect(chooseResolution(90, 60)).toBe('week');
    expect(chooseResolution(700, 60)).toBe('month');
  });

  it('cuts ISO weeks (Monday to Sunday) and calendar months, edges cut at the range', () => {
    // 2025-03-01 is a Saturday.
    const weeks = bucketsFor({ from: '2025-03-01', to: '2025-03-18' }, 'week');
    expect(weeks.map((b) => [b.from, b.to, b.days])).toEqual([
      ['2025-03-01', '2025-03-02', 2],
      ['2025-03-03', '2025-03-09', 7],
      ['2025-03-10', '2025-03-16', 7],
      ['2025-03-17', '2025-03-18', 2],
    ]);
    const months = bucketsFor({ from: '2024-01-15', to: '2024-03-02' }, 'month');
    expect(months.map((b) => [b.from, b.to, b.days, b.start])).toEqual([
      ['2024-01-15', '2024-01-31', 17, 0],
      ['2024-02-01', '2024-02-29', 29, 17],
      ['2024-03-01', '2024-03-02', 2, 46],
    ]);
  });

  it('averages a week over the days reported, and a week with none is a gap', () => {
    const buckets = bucketsFor({ from: '2025-03-03', to: '2025-03-23' }, 'week');
    const daily = [10, null, 20, null, null, null, 30, ...Array(7).fill(null), 1, 1, 1, 1, 1, 1, 1];
    expect(rollUp(daily, buckets, 'mean')).toEqual([20, null, 1]);
    expect(rollUp(daily, buckets, 'sum')).toEqual([60, null, 7]);
    expect(rollUp(daily, buckets, 'max')).toEqual([30, null, 1]);
    expect(reportedDays(daily, buckets)).toEqual([3, 0, 7]);
  });
});

describe('7-day average', () => {
  it('averages the days reported in the trailing week, skipping gaps', () => {
    const values = [7, 7, 7, null, 14, 14, null, 0, null, null, null, null, null, null];
    const avg = movingAverage(values, 7, 4);
    expect(avg.slice(0, 3)).toEqual([null, null, null]); // fewer than 4 days reported yet
    expect(avg[4]).toBeCloseTo(35 / 4); // 7,7,7,14 — the gap is skipped, not a zero
    expect(avg[6]).toBeCloseTo(49 / 5);
    expect(avg[7]).toBeCloseTo((7 + 7 + 14 + 14 + 0) / 5); // the zero counts: it was reported
    expect(avg[10]).toBeNull(); // only 14, 14, 0 in the window
  });
});

describe('min/max-preserving downsampling', () => {
  const points: XY[] = Array.from({ length: 1000 }, (_, i) => ({
    x: i,
    y: i === 400 ? 1000 : i === 700 ? -50 : i >= 100 && i < 150 ? null : Math.sin(i / 20) * 10,
  }));

  it('never returns more points than asked for, and keeps the peak and the trough', () => {
    const out = downsampleMinMax(points, 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out).toContainEqual({ x: 400, y: 1000 });
    expect(out).toContainEqual({ x: 700, y: -50 });
    expect(out.map((p) => p.x)).toEqual([...out.map((p) => p.x)].sort((a, b) => a - b));
  });

  it('keeps a stretch with nothing reported as a gap', () => {
    const out = downsampleMinMax(points, 100);
    expect(out.some((p) => p.y === null && p.x >= 100 && p.x < 150)).toBe(true);
  });

  it('leaves short series alone', () => {
    expect(downsampleMinMax(points.slice(0, 10), 100)).toEqual(points.slice(0, 10));
  });
});

describe('source shares', () => {
  it('counts records and verification levels per source', async () => {
    const { sourceShares } = await import('./provenance.ts');
    const p = (sourceId: string, verification: 'verified' | 'disputed') => ({
      provenance: { sourceId, verification },
    });
    expect(sourceShares([p('a', 'verified'), p('b', 'disputed'), p('a', 'disputed')])).toEqual([
      {
        sourceId: 'a',
        records: 2,
        verification: { verified: 1, reported: 0, disputed: 1, unverified: 0 },
      },
      {
        sourceId: 'b',
        records: 1,
        verification: { verified: 0, reported: 0, disputed: 1, unverified: 0 },
      },
    ]);
  });
});

describe('downsampled buckets', () => {
  it('keeps at most the points asked for per series, including the exact peak day', async () => {
    const { downsampledBuckets } = await import('./series.ts');
    const daily = Array.from({ length: 700 }, (_, i) =>
      i === 333 ? 99 : i % 50 === 0 ? null : 10 + (i % 7),
    );
    const buckets = downsampledBuckets({ from: '2025-01-01', to: '2026-12-01' }, [daily], 100);
    expect(buckets.length).toBeLessThanOrEqual(101);
    expect(buckets.some((b) => b.start === 333 && b.days >= 1)).toBe(true);
    // Buckets tile the range without overlap.
    expect(buckets.reduce((s, b) => s + b.days, 0)).toBe(700);
  });
});
