import { describe, expect, it } from 'vitest';
import { checkDates, clampSpan, dateBounds } from './date-bounds.ts';
import { validateDataset } from './validate.ts';

// 22:30 UTC on 31 May 2026 is already 1 June in Gaza (UTC+3 in summer).
const NOW = Date.parse('2026-05-31T22:30:00Z');
const ZONE = 'Asia/Gaza';
const bounds = dateBounds(NOW, ZONE);
const dates = { bounds, timeZone: ZONE };
const provenance = { sourceId: 's', reportedAt: '2026-05-01T08:00:00Z', verification: 'reported' };
const flow = (date: string) => ({
  date,
  crossingId: 'rafah',
  commodity: 'food',
  stage: 'entered',
  trucks: 10,
  provenance,
});

describe('date bounds', () => {
  it('end at theatre-local today + 1 day, and start at 2000-01-01 unless the theatre says', () => {
    expect(bounds).toMatchObject({ earliest: '2000-01-01', latest: '2026-06-02' });
    expect(dateBounds(NOW, 'UTC').latest).toBe('2026-06-01');
    expect(dateBounds(NOW, ZONE, '2023-10-07').earliest).toBe('2023-10-07');
  });

  it('reject a row dated 2099 and one dated 1970 with a reason naming the bound', () => {
    const items = [flow('2026-06-02'), flow('2099-01-01'), flow('1970-01-01'), flow('2025-03-01')];
    const { accepted, rejected } = validateDataset('aid-flow', items, { sourceId: 's', dates });
    expect(accepted.map((r) => r.date)).toEqual(['2026-06-02', '2025-03-01']);
    expect(accepted.length + rejected.length).toBe(items.length);
    expect(rejected).toMatchObject([
      { position: 1, field: 'date', raw: items[1] },
      { position: 2, field: 'date', raw: items[2] },
    ]);
    expect(rejected[0]!.reason).toMatch(
      /2099-01-01 is in the future \(after 2026-06-02: theatre-local today \+ 1 day/,
    );
    expect(rejected[1]!.reason).toMatch(/1970-01-01 is before 2000-01-01, the earliest day/);
  });

  it('cut instants into theatre days; a planned end may lie ahead, a start may not', () => {
    // 21:30 UTC on 2 June is 00:30 on 3 June in Gaza: past the bound, though its UTC day is not.
    const status = { crossingId: 'rafah', status: 'open', provenance };
    expect(
      checkDates('crossing-status', { ...status, at: '2026-06-02T21:30:00Z' }, bounds, ZONE),
    ).toMatchObject({ field: 'at' });
    expect(
      checkDates('crossing-status', { ...status, at: '2026-06-02T20:30:00Z' }, bounds, ZONE),
    ).toBeUndefined();
    const event = { id: 'e', kind: 'pause', title: 'Pause', provenance };
    expect(
      checkDates(
        'events',
        { ...event, start: '2026-05-20T00:00:00Z', end: '2026-09-01T00:00:00Z' },
        bounds,
        ZONE,
      ),
    ).toBeUndefined();
    expect(
      checkDates(
        'events',
        { ...event, start: '2026-05-20T00:00:00Z', end: '2099-01-01T00:00:00Z' },
        bounds,
        ZONE,
      ),
    ).toMatchObject({ field: 'end' });
    expect(
      checkDates('events', { ...event, start: '2030-01-01T00:00:00Z' }, bounds, ZONE),
    ).toMatchObject({ field: 'start' });
    expect(
      checkDates(
        'aid-flow',
        {
          ...flow('2026-05-01'),
          provenance: { ...provenance, reportedAt: '2099-01-01T00:00:00Z' },
        },
        bounds,
        ZONE,
      ),
    ).toMatchObject({ field: 'provenance.reportedAt' });
  });

  it('clamp spans so that "all" and full-range exports never run over empty decades', () => {
    expect(clampSpan({ from: '1970-01-01', to: '2099-12-31' }, bounds)).toEqual({
      from: '2000-01-01',
      to: '2026-06-02',
    });
    expect(clampSpan({ from: '2099-01-01', to: '2099-12-31' }, bounds)).toEqual({
      from: '2026-06-02',
      to: '2026-06-02',
    });
    expect(clampSpan({ from: '2025-01-01', to: '2025-02-01' }, bounds)).toEqual({
      from: '2025-01-01',
      to: '2025-02-01',
    });
  });
});
