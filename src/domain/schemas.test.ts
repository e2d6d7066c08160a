import { describe, expect, it } from 'vitest';
import {
  aidFlowSchema,
  crossingStatusSchema,
  facilityStatusSchema,
  utilityStatusSchema,
  eventSchema,
} from './schemas.ts';
import { validateRecords } from './validate.ts';

const provenance = {
  sourceId: 'un-monitor',
  reportedAt: '2025-03-02T09:00:00Z',
  verification: 'verified',
};
const flow = {
  date: '2025-03-01',
  crossingId: 'kerem-shalom',
  commodity: 'food',
  stage: 'entered',
  trucks: 120,
  tonnes: 2400,
  provenance,
};

describe('aid-flow records', () => {
  it('accepts a valid record', () => {
    expect(aidFlowSchema.parse(flow)).toMatchObject({ trucks: 120 });
  });

  it.each([
    ['negative trucks', { trucks: -3 }, 'trucks: must not be negative'],
    ['absurd trucks', { trucks: 90_000 }, 'trucks: is implausibly large'],
    ['impossible date', { date: '2025-13-40' }, 'date: must be a date as YYYY-MM-DD'],
    ['unknown commodity', { commodity: 'weapons' }, 'commodity:'],
    ['unknown stage', { stage: 'screened' }, 'stage:'],
    [
      'no measure',
      { trucks: undefined, tonnes: undefined },
      'needs at least one of trucks, tonnes or litres',
    ],
    ['text for a number', { trucks: '120' }, 'trucks: must be a number'],
    ['NaN', { trucks: Number.NaN }, 'trucks:'],
    [
      'local time without zone',
      { provenance: { ...provenance, reportedAt: '2025-03-02T09:00:00' } },
      'provenance.reportedAt: must be a date-time with a time zone',
    ],
    [
      'unknown verification',
      { provenance: { ...provenance, verification: 'trust me' } },
      'provenance.verification:',
    ],
    [
      'missing source',
      { provenance: { ...provenance, sourceId: '' } },
      'provenance.sourceId: must not be empty',
    ],
  ])('rejects %s with a reason', (_label, change, reason) => {
    const { accepted, rejected } = validateRecords(aidFlowSchema, [{ ...flow, ...change }], {
      sourceId: 's',
      dataset: 'aid-flow',
    });
    expect(accepted).toHaveLength(0);
    expect(rejected[0]?.reason).toContain(reason);
  });
});

describe('other records', () => {
  it('crossing status: unknown state and bad hours are rejected, markup in a note is kept as text', () => {
    const base = {
      crossingId: 'rafah',
      at: '2025-03-01T08:00:00+02:00',
      status: 'open',
      provenance,
    };
    expect(crossingStatusSchema.safeParse({ ...base, status: 'half-open' }).success).toBe(false);
    expect(
      crossingStatusSchema.safeParse({ ...base, hours: { opens: '25:00', closes: '18:00' } })
        .success,
    ).toBe(false);
    const note = '<img src=x onerror=alert(1)>';
    expect(crossingStatusSchema.parse({ ...base, note }).note).toBe(note);
    expect(crossingStatusSchema.parse(base).observersPresent).toBeNull();
  });

  it('utilities: a percentage over 100 and more than 24 hours a day are rejected', () => {
    const base = { date: '2025-03-01', service: 'telecom', value: 40, unit: 'percent', provenance };
    expect(utilityStatusSchema.safeParse(base).success).toBe(true);
    expect(utilityStatusSchema.safeParse({ ...base, value: 140 }).success).toBe(false);
    expect(
      utilityStatusSchema.safeParse({ ...base, service: 'power', unit: 'hours/day', value: 30 })
        .success,
    ).toBe(false);
  });

  it('facilities: a non-functional hospital with occupied beds is rejected', () => {
    const base = { facilityId: 'al-shifa', date: '2025-03-01', functionality: 'none', provenance };
    expect(facilityStatusSchema.safeParse(base).success).toBe(true);
    expect(facilityStatusSchema.safeParse({ ...base, bedsOccupied: 40 }).success).toBe(false);
  });

  it('events: an end before the start is rejected', () => {
    const base = {
      id: 'p1',
      kind: 'pause',
      start: '2025-03-01T10:00:00+02:00',
      title: 'Pause',
      provenance,
    };
    expect(eventSchema.safeParse({ ...base, end: '2025-03-01T20:00:00+02:00' }).success).toBe(true);
    expect(eventSchema.safeParse({ ...base, end: '2025-02-28T20:00:00+02:00' }).success).toBe(
      false,
    );
  });
});

describe('validateRecords', () => {
  it('keeps every rejected record with its position, field and the record itself', () => {
    const items = [flow, { ...flow, trucks: -1 }, 'not an object', flow];
    const { accepted, rejected } = validateRecords(aidFlowSchema, items, {
      sourceId: 'src',
      dataset: 'aid-flow',
    });
    expect(accepted).toHaveLength(2);
    expect(rejected.map((r) => [r.position, r.field])).toEqual([
      [1, 'trucks'],
      [2, ''],
    ]);
    expect(rejected[0]?.raw).toEqual(items[1]);
    expect(accepted.length + rejected.length).toBe(items.length);
  });
});
