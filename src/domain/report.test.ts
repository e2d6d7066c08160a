import { describe, expect, it } from 'vitest';
import {
  buildReport,
  emptyDraft,
  IDEMPOTENCY_KEY,
  newIdempotencyKey,
  theatreLocalInstant,
  toTheatreLocal,
  type ReportContext,
} from './report.ts';

const madeAt = new Date('2026-11-30T09:00:00Z');
const context: ReportContext = {
  timeZone: 'Asia/Gaza',
  crossingIds: ['kerem-shalom', 'rafah'],
  corridorIds: ['salah-al-din'],
  theatreName: 'Gaza',
  sourceId: 'field',
  madeAt,
};

describe('a report from the form', () => {
  it('reads the time at the crossing in theatre time, as an instant with its offset', () => {
    expect(theatreLocalInstant('2026-11-30T10:30', 'Asia/Gaza')).toBe(
      '2026-11-30T10:30:00.000+02:00',
    );
    // Summer time.
    expect(theatreLocalInstant('2026-07-01T10:30', 'Asia/Gaza')).toBe(
      '2026-07-01T10:30:00.000+03:00',
    );
    expect(theatreLocalInstant('2026-02-30T10:30', 'Asia/Gaza')).toBeUndefined();
    expect(theatreLocalInstant('yesterday', 'Asia/Gaza')).toBeUndefined();
    expect(toTheatreLocal(madeAt, 'Asia/Gaza')).toBe('2026-11-30T11:00');
  });

  it('builds the body the API takes, with the defaults the schemas give and no provenance', () => {
    const draft = {
      ...emptyDraft(madeAt, 'Asia/Gaza', 'kerem-shalom'),
      status: 'closed' as const,
      since: '2026-11-30T08:15',
      note: '  Gate shut at dawn  ',
      corridor: {
        corridorId: 'salah-al-din',
        status: 'open' as const,
        start: '10:00',
        end: '20:00',
      },
      trucks: [
        { stage: 'entered' as const, commodity: 'food' as const, trucks: '12', tonnes: '' },
        { stage: 'entered' as const, commodity: 'fuel' as const, trucks: '', tonnes: '3,5' },
      ],
    };
    const result = buildReport(draft, context);
    expect(result).toEqual({
      ok: true,
      body: {
        madeAt: '2026-11-30T09:00:00.000Z',
        crossingStatus: [
          {
            crossingId: 'kerem-shalom',
            at: '2026-11-30T08:15:00.000+02:00',
            status: 'closed',
            observersPresent: null,
            note: 'Gate shut at dawn',
          },
        ],
        aidFlow: [
          {
            date: '2026-11-30',
            crossingId: 'kerem-shalom',
            commodity: 'food',
            stage: 'entered',
            trucks: 12,
          },
          {
            date: '2026-11-30',
            crossingId: 'kerem-shalom',
            commodity: 'fuel',
            stage: 'entered',
            tonnes: 3.5,
          },
        ],
        corridorStatus: [
          {
            corridorId: 'salah-al-din',
            at: '2026-11-30T08:15:00.000+02:00',
            status: 'open',
            windows: [{ start: '10:00', end: '20:00' }],
          },
        ],
      },
    });
  });

  it('takes a corridor alone, without a crossing', () => {
    const result = buildReport(
      {
        ...emptyDraft(madeAt, 'Asia/Gaza'),
        corridor: { corridorId: 'salah-al-din', status: 'closed', start: '', end: '' },
      },
      context,
    );
    expect(result.ok && result.body.corridorStatus).toEqual([
      {
        corridorId: 'salah-al-din',
        at: '2026-11-30T11:00:00.000+02:00',
        status: 'closed',
        windows: [],
      },
    ]);
    expect(result.ok && [result.body.crossingStatus, result.body.aidFlow]).toEqual([[], []]);
  });

  it('finds every problem at once, each at its field', () => {
    const result = buildReport(
      {
        crossingId: 'atlantis',
        status: 'open',
        since: '2026-11-30T23:00',
        observersPresent: '',
        day: '2026-12-02',
        note: 'x'.repeat(1001),
        trucks: [
          { stage: 'entered', commodity: 'food', trucks: 'twelve', tonnes: '' },
          { stage: 'entered', commodity: 'health', trucks: '-3', tonnes: '' },
          { stage: 'entered', commodity: 'health', trucks: '99999', tonnes: '' },
        ],
        corridor: { corridorId: 'salah-al-din', status: '', start: '10:00', end: '' },
      },
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        field: 'crossingId',
        kind: 'reason',
        reason: {
          code: 'unknown-crossing',
          params: { value: 'atlantis', theatre: 'Gaza' },
        },
      },
      { field: 'since', kind: 'form', code: 'since-in-future' },
      { field: 'note', kind: 'reason', reason: { code: 'too-long', params: { count: 1000 } } },
      {
        field: 'day',
        kind: 'reason',
        reason: {
          code: 'in-the-future',
          params: { day: '2026-12-02', latest: '2026-11-30' },
        },
      },
      {
        field: 'trucks.0.trucks',
        kind: 'reason',
        reason: { code: 'not-a-number', params: { value: 'twelve' } },
      },
      { field: 'trucks.1.trucks', kind: 'reason', reason: { code: 'negative' } },
      { field: 'trucks.2.commodity', kind: 'form', code: 'same-row-twice' },
      {
        field: 'trucks.2.trucks',
        kind: 'reason',
        reason: { code: 'implausibly-large', params: { limit: 5000 } },
      },
      { field: 'corridor.status', kind: 'reason', reason: { code: 'required' } },
      { field: 'corridor.end', kind: 'reason', reason: { code: 'required' } },
    ]);
  });

  it('makes idempotency keys the server accepts', () => {
    const key = newIdempotencyKey(() => crypto.randomUUID());
    expect(key).toMatch(IDEMPOTENCY_KEY);
    expect(newIdempotencyKey(() => crypto.randomUUID())).not.toBe(key);
  });
});
