import { describe, expect, it } from 'vitest';
import type { CorridorStatus, FacilityStatus, UtilityStatus } from './schemas.ts';
import {
  corridorStatusAt,
  facilityStatusOn,
  utilityLevelOn,
  windowStateAt,
} from './theatre-state.ts';

const provenance = (reportedAt: string) => ({
  sourceId: 's',
  reportedAt,
  verification: 'reported' as const,
});
const ZONE = 'Asia/Gaza'; // UTC+2 in winter

describe('corridorStatusAt', () => {
  const obs: CorridorStatus[] = [
    {
      corridorId: 'c',
      at: '2025-01-01T08:00:00Z',
      status: 'closed',
      windows: [],
      provenance: provenance('2025-01-01T08:00:00Z'),
    },
    {
      corridorId: 'c',
      at: '2025-01-02T08:00:00Z',
      status: 'open',
      windows: [],
      provenance: provenance('2025-01-02T08:00:00Z'),
    },
  ];
  it('is the latest observation at or before the moment', () => {
    expect(corridorStatusAt(obs, 'c', new Date('2025-01-01T12:00:00Z'))?.status).toBe('closed');
    expect(corridorStatusAt(obs, 'c', new Date('2025-01-03T00:00:00Z'))?.status).toBe('open');
    expect(corridorStatusAt(obs, 'c', new Date('2024-12-31T00:00:00Z'))).toBeUndefined();
  });
});

describe('windowStateAt', () => {
  const day = [{ start: '10:00', end: '20:00' }];
  it('is on inside the daily window in theatre time and off outside it', () => {
    expect(windowStateAt(day, new Date('2025-01-15T09:00:00Z'), ZONE)).toEqual({
      window: day[0],
      inWindow: true,
    });
    expect(windowStateAt(day, new Date('2025-01-15T07:30:00Z'), ZONE)).toEqual({
      window: day[0],
      inWindow: false,
    });
    expect(windowStateAt(day, new Date('2025-01-15T18:00:00Z'), ZONE).inWindow).toBe(false);
  });
  it('handles windows past midnight and no windows', () => {
    const night = [{ start: '22:00', end: '04:00' }];
    expect(windowStateAt(night, new Date('2025-01-15T23:30:00Z'), ZONE).inWindow).toBe(true);
    expect(windowStateAt([], new Date(), ZONE)).toEqual({ window: undefined, inWindow: false });
  });
});

describe('facilityStatusOn', () => {
  const report = (
    date: string,
    reportedAt: string,
    functionality: FacilityStatus['functionality'],
  ): FacilityStatus => ({
    facilityId: 'f',
    date,
    functionality,
    power: null,
    water: null,
    provenance: provenance(reportedAt),
  });
  it('takes the latest day on or before, then the latest report about it', () => {
    const reports = [
      report('2025-01-01', '2025-01-01T10:00:00Z', 'full'),
      report('2025-01-02', '2025-01-02T10:00:00Z', 'partial'),
      report('2025-01-02', '2025-01-03T10:00:00Z', 'none'),
      report('2025-01-05', '2025-01-05T10:00:00Z', 'full'),
    ];
    expect(facilityStatusOn(reports, 'f', '2025-01-04')?.functionality).toBe('none');
    expect(facilityStatusOn(reports, 'f', '2024-12-31')).toBeUndefined();
  });
});

describe('utilityLevelOn', () => {
  const rec = (over: Partial<UtilityStatus>): UtilityStatus => ({
    date: '2025-01-01',
    areaId: 'gaza',
    service: 'water',
    value: 30,
    unit: 'm3/day',
    baseline: 120,
    provenance: provenance('2025-01-01T10:00:00Z'),
    ...over,
  });
  it('is the latest value of the service against its baseline', () => {
    const level = utilityLevelOn(
      [rec({}), rec({ date: '2025-01-02', value: 60 }), rec({ service: 'power' })],
      'gaza',
      'water',
      '2025-01-03',
    );
    expect(level?.ratio).toBe(0.5);
  });
  it('reads percentages without a baseline, and ignores assets and other areas', () => {
    const pct = rec({ service: 'telecom', unit: 'percent', value: 35, baseline: undefined });
    expect(utilityLevelOn([pct], 'gaza', 'telecom', '2025-01-01')?.ratio).toBe(0.35);
    expect(
      utilityLevelOn(
        [rec({ assetId: 'plant' }), rec({ areaId: 'rafah' })],
        'gaza',
        'water',
        '2025-01-01',
      ),
    ).toBeUndefined();
  });
});
