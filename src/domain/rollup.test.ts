import { describe, expect, it } from 'vitest';
import {
  daysInMask,
  resolveResolution,
  rollUpAidFlow,
  rollUpCrossingStatus,
  rollUpFacilityStatus,
  rollUpUtilityStatus,
} from './rollup.ts';
import type { AidFlow, CrossingStatus, FacilityStatus, UtilityStatus } from './schemas.ts';
import type { Verification } from './vocabulary.ts';

const prov = (sourceId: string, verification: Verification = 'reported') => ({
  sourceId,
  reportedAt: '2025-01-10T12:00:00+02:00',
  verification,
});

const flow = (
  date: string,
  trucks: number,
  sourceId = 'cogat',
  extra: Partial<AidFlow> = {},
): AidFlow =>
  ({
    date,
    crossingId: 'kerem-shalom',
    commodity: 'food',
    stage: 'entered',
    trucks,
    provenance: prov(sourceId),
    ...extra,
  }) as AidFlow;

describe('resolveResolution', () => {
  it('keeps an explicit resolution and lets auto choose from the range', () => {
    expect(resolveResolution('week', { from: '2025-01-01', to: '2025-01-02' })).toBe('week');
    expect(resolveResolution('auto', { from: '2025-01-01', to: '2025-01-30' })).toBe('day');
    expect(resolveResolution('auto', { from: '2021-01-01', to: '2025-12-31' })).toBe('week');
    expect(resolveResolution('auto', { from: '2016-01-01', to: '2025-12-31' })).toBe('month');
  });
});

describe('rollUpAidFlow', () => {
  const range = { from: '2025-01-06', to: '2025-01-19' }; // two ISO weeks, Monday to Sunday

  it('sums a week per source and says how many of its days were reported', () => {
    const records = [
      flow('2025-01-06', 10),
      flow('2025-01-07', 20),
      flow('2025-01-09', 5),
      flow('2025-01-06', 4, 'un2720'),
      flow('2025-01-13', 7),
    ];
    const rows = rollUpAidFlow(records, range, 'week');
    expect(rows).toHaveLength(3);
    expect(rows).toContainEqual(
      expect.objectContaining({
        bucket: '2025-01-06',
        sourceId: 'cogat',
        trucks: 35,
        records: 3,
        daysReported: 3,
        days: 7,
      }),
    );
    // The other source's count of the same trucks stays its own row: never summed.
    expect(rows).toContainEqual(
      expect.objectContaining({
        bucket: '2025-01-06',
        sourceId: 'un2720',
        trucks: 4,
        daysReported: 1,
      }),
    );
  });

  it('never mixes verification levels, and a gap is no row rather than a zero', () => {
    const records = [
      flow('2025-01-06', 10),
      { ...flow('2025-01-07', 3), provenance: prov('cogat', 'verified') },
    ];
    const rows = rollUpAidFlow(records, range, 'week');
    expect(rows.map((r) => [r.verification, r.trucks])).toEqual([
      ['reported', 10],
      ['verified', 3],
    ]);
    expect(rows.some((r) => r.bucket === '2025-01-13')).toBe(false);
  });

  it('counts two records of one day as one reported day, and rounds tonnes to the data', () => {
    const rows = rollUpAidFlow(
      [
        flow('2025-01-06', 1, 'cogat', { tonnes: 0.1 }),
        flow('2025-01-06', 1, 'cogat', { tonnes: 0.2, commodity: 'food' }),
      ],
      range,
      'month',
    );
    expect(rows[0]).toMatchObject({
      records: 2,
      daysReported: 1,
      tonnes: 0.3,
      trucks: 2,
      days: 14,
    });
  });

  it('leaves records outside the range out', () => {
    expect(rollUpAidFlow([flow('2025-01-05', 1), flow('2025-01-20', 1)], range, 'day')).toEqual([]);
  });
});

describe('rollUpFacilityStatus', () => {
  it('counts facility-days by functionality and sums beds, per source', () => {
    const status = (
      facilityId: string,
      date: string,
      functionality: FacilityStatus['functionality'],
      beds?: number,
    ) =>
      ({
        facilityId,
        date,
        functionality,
        bedsAvailable: beds,
        power: null,
        water: null,
        provenance: prov('who'),
      }) as FacilityStatus;
    const rows = rollUpFacilityStatus(
      [
        status('shifa', '2025-01-06', 'partial', 100),
        status('shifa', '2025-01-07', 'none'),
        status('nasser', '2025-01-07', 'full', 50),
      ],
      { from: '2025-01-06', to: '2025-01-12' },
      'week',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      facilityDays: { full: 1, partial: 1, none: 1, unknown: 0 },
      facilities: 2,
      bedsAvailable: { sum: 150, reported: 2 },
      records: 3,
      daysReported: 2,
    });
  });
});

describe('rollUpUtilityStatus', () => {
  it('gives the mean and the minimum per area and service', () => {
    const power = (date: string, value: number) =>
      ({
        date,
        areaId: 'gaza',
        service: 'power',
        value,
        unit: 'hours/day',
        provenance: prov('grid'),
      }) as UtilityStatus;
    const rows = rollUpUtilityStatus(
      [power('2025-01-06', 4), power('2025-01-07', 2), power('2025-01-08', 3)],
      { from: '2025-01-06', to: '2025-01-12' },
      'week',
    );
    expect(rows).toEqual([
      expect.objectContaining({
        areaId: 'gaza',
        service: 'power',
        mean: 3,
        min: 2,
        daysReported: 3,
        records: 3,
      }),
    ]);
  });
});

describe('rollUpCrossingStatus', () => {
  const tz = 'Asia/Gaza';
  const status = (at: string, s: CrossingStatus['status'], sourceId = 'cogat') =>
    ({
      crossingId: 'rafah',
      at,
      status: s,
      observersPresent: null,
      provenance: prov(sourceId),
    }) as CrossingStatus;

  it('gives the share of the day in each state, carried in from before the range', () => {
    const rows = rollUpCrossingStatus(
      [
        status('2025-01-05T20:00:00+02:00', 'closed'),
        status('2025-01-06T06:00:00+02:00', 'open'),
        status('2025-01-06T18:00:00+02:00', 'closed'),
      ],
      { from: '2025-01-06', to: '2025-01-06' },
      'day',
      tz,
      Date.parse('2025-02-01T00:00:00Z'),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.shares).toMatchObject({ open: 0.5, closed: 0.5, unreported: 0 });
    expect(rows[0]).toMatchObject({ records: 2, daysReported: 1 });
  });

  it('keeps each source its own timeline and counts the time after now as unreported', () => {
    const rows = rollUpCrossingStatus(
      [
        status('2025-01-06T00:00:00+02:00', 'open'),
        status('2025-01-06T00:00:00+02:00', 'closed', 'un'),
      ],
      { from: '2025-01-06', to: '2025-01-06' },
      'day',
      tz,
      Date.parse('2025-01-06T12:00:00+02:00'),
    );
    expect(
      rows.map((r) => [r.sourceId, r.shares.open, r.shares.closed, r.shares.unreported]),
    ).toEqual([
      ['cogat', 0.5, 0, 0.5],
      ['un', 0, 0.5, 0.5],
    ]);
  });
});

describe('day masks and aid flow "by"', () => {
  const month = { from: '2025-01-01', to: '2025-01-31' } as const;

  it('marks each reported day of the bucket, and merged rows OR them into exact days reported', () => {
    const rows = rollUpAidFlow(
      [
        flow('2025-01-01', 5, 'cogat', { crossingId: 'kerem-shalom' }),
        flow('2025-01-02', 5, 'cogat', { crossingId: 'kerem-shalom' }),
        flow('2025-01-02', 7, 'cogat', { crossingId: 'rafah' }),
        flow('2025-01-31', 7, 'cogat', { crossingId: 'rafah' }),
      ],
      month,
      'month',
    );
    const ks = rows.find((r) => r.crossingId === 'kerem-shalom')!;
    const rafah = rows.find((r) => r.crossingId === 'rafah')!;
    expect(ks.dayMask).toBe(0b11);
    expect(rafah.dayMask >>> 0).toBe(((1 << 1) | (1 << 30)) >>> 0);
    expect(daysInMask(ks.dayMask)).toBe(ks.daysReported);
    // Days 1, 2 and 31: three days, not 2 + 2 and not max(2, 2).
    expect(daysInMask(ks.dayMask | rafah.dayMask)).toBe(3);
  });

  it('by commodity sums over crossings, by crossing over commodities, never over sources', () => {
    const records = [
      flow('2025-01-01', 5, 'cogat', { crossingId: 'kerem-shalom', commodity: 'food' }),
      flow('2025-01-01', 7, 'cogat', { crossingId: 'rafah', commodity: 'food' }),
      flow('2025-01-01', 2, 'cogat', { crossingId: 'rafah', commodity: 'fuel' }),
      flow('2025-01-01', 4, 'un', { crossingId: 'rafah', commodity: 'food' }),
    ];
    const byCommodity = rollUpAidFlow(records, month, 'week', 'commodity');
    expect(byCommodity.every((r) => r.crossingId === undefined)).toBe(true);
    expect(byCommodity.find((r) => r.sourceId === 'cogat' && r.commodity === 'food')?.trucks).toBe(
      12,
    );
    expect(byCommodity.find((r) => r.sourceId === 'un')?.trucks).toBe(4);
    const byCrossing = rollUpAidFlow(records, month, 'week', 'crossing');
    expect(byCrossing.every((r) => r.commodity === undefined)).toBe(true);
    expect(byCrossing.find((r) => r.sourceId === 'cogat' && r.crossingId === 'rafah')?.trucks).toBe(
      9,
    );
    expect(byCrossing).toHaveLength(3);
  });
});
