import { describe, expect, it } from 'vitest';
import { rollUpDataset } from './rollup.ts';
import { ROLLUP_SCHEMAS } from './rollup-schemas.ts';
import { fuelEntrySchema, movementSchema, truckGapsSchema } from './schemas.ts';
import type { Day } from './time.ts';

const p = (sourceId: string, verification = 'reported') => ({
  sourceId,
  reportedAt: '2025-03-10T12:00:00Z',
  verification,
});
const range = { from: '2025-03-03' as Day, to: '2025-03-16' as Day };
const clock = { timeZone: 'Asia/Gaza', now: Date.parse('2025-04-01T00:00:00Z') };

describe('roll-ups of movements, fuel entry and truck gaps', () => {
  it('counts movement requests per week, outcome and zone, one source at a time', () => {
    const records = [
      {
        date: '2025-03-03',
        organisationType: 'un',
        purpose: 'food',
        toZone: 'north',
        outcome: 'denied',
        provenance: p('ocha'),
      },
      {
        date: '2025-03-04',
        organisationType: 'ngo',
        purpose: 'food',
        toZone: 'north',
        outcome: 'denied',
        missions: 3,
        provenance: p('ocha'),
      },
      {
        date: '2025-03-04',
        organisationType: 'ngo',
        purpose: 'food',
        toZone: 'north',
        outcome: 'denied',
        provenance: p('cogat'),
      },
      {
        date: '2025-03-11',
        organisationType: 'un',
        purpose: 'health',
        toZone: 'south',
        outcome: 'facilitated',
        provenance: p('ocha'),
      },
    ].map((r) => movementSchema.parse(r));
    const rows = rollUpDataset('movements', records, range, 'week', {}, clock);
    expect(rows).toHaveLength(3);
    const ocha = rows.find((r) => r.sourceId === 'ocha' && r.outcome === 'denied')!;
    expect(ocha).toMatchObject({ missions: 4, records: 2, daysReported: 2, toZone: 'north' });
    expect(rows.find((r) => r.sourceId === 'cogat')!.missions).toBe(1);
    for (const row of rows) expect(ROLLUP_SCHEMAS.movements.safeParse(row).success).toBe(true);
  });

  it('keeps only the split asked for (by), summing requests over the rest', () => {
    const records = [
      {
        date: '2025-03-03',
        organisationType: 'un',
        purpose: 'food',
        toZone: 'north',
        outcome: 'denied',
        provenance: p('ocha'),
      },
      {
        date: '2025-03-04',
        organisationType: 'un',
        purpose: 'health',
        toZone: 'south',
        outcome: 'denied',
        missions: 2,
        provenance: p('ocha'),
      },
      {
        date: '2025-03-04',
        organisationType: 'un',
        purpose: 'health',
        toZone: 'north',
        outcome: 'denied',
        provenance: p('ocha', 'verified'),
      },
    ].map((r) => movementSchema.parse(r));
    const outcome = rollUpDataset('movements', records, range, 'week', { by: 'outcome' }, clock);
    // Verification levels are never summed: one row per level.
    expect(outcome.map((r) => [r.verification, r.missions, r.purpose, r.toZone])).toEqual([
      ['reported', 3, undefined, undefined],
      ['verified', 1, undefined, undefined],
    ]);
    const zone = rollUpDataset('movements', records, range, 'week', { by: 'zone' }, clock);
    expect(
      zone.filter((r) => r.verification === 'reported').map((r) => [r.toZone, r.missions]),
    ).toEqual([
      ['north', 1],
      ['south', 2],
    ]);
    expect(zone.every((r) => r.purpose === undefined)).toBe(true);
    for (const row of [...outcome, ...zone])
      expect(ROLLUP_SCHEMAS.movements.safeParse(row).success).toBe(true);
  });

  it('sums fuel by type in its own unit and keeps the stated need apart', () => {
    const records = [
      {
        date: '2025-03-03',
        crossingId: 'ks',
        fuel: 'diesel',
        quantity: 100_000,
        unit: 'litres',
        need: 400_000,
        provenance: p('un'),
      },
      {
        date: '2025-03-04',
        crossingId: 'ks',
        fuel: 'diesel',
        quantity: 50_000,
        unit: 'litres',
        provenance: p('un'),
      },
      {
        date: '2025-03-04',
        crossingId: 'ks',
        fuel: 'cooking-gas',
        quantity: 12.5,
        unit: 'tonnes',
        need: 200,
        provenance: p('un'),
      },
    ].map((r) => fuelEntrySchema.parse(r));
    const rows = rollUpDataset('fuel-entry', records, range, 'week', {}, clock);
    const diesel = rows.find((r) => r.fuel === 'diesel')!;
    expect(diesel).toMatchObject({
      quantity: 150_000,
      unit: 'litres',
      need: { sum: 400_000, reported: 1 },
    });
    expect(rows.find((r) => r.fuel === 'cooking-gas')).toMatchObject({
      quantity: 12.5,
      unit: 'tonnes',
    });
    for (const row of rows) expect(ROLLUP_SCHEMAS['fuel-entry'].safeParse(row).success).toBe(true);
  });

  it('rejects fuel in the wrong unit with its reason', () => {
    const bad = fuelEntrySchema.safeParse({
      date: '2025-03-03',
      crossingId: 'ks',
      fuel: 'cooking-gas',
      quantity: 5,
      unit: 'litres',
      provenance: p('un'),
    });
    expect(bad.success).toBe(false);
  });

  it('never sums trucks waiting over days: the last day and the largest', () => {
    const records = [
      { date: '2025-03-03', crossingId: 'ks', waiting: 300, intercepted: 2, provenance: p('un') },
      { date: '2025-03-05', crossingId: 'ks', waiting: 500, provenance: p('un') },
      { date: '2025-03-04', crossingId: 'ks', waiting: 200, intercepted: 5, provenance: p('un') },
    ].map((r) => truckGapsSchema.parse(r));
    const [row] = rollUpDataset('truck-gaps', records, range, 'week', {}, clock);
    expect(row).toMatchObject({
      waiting: { last: 500, max: 500 },
      intercepted: 7,
      daysReported: 3,
    });
    expect(ROLLUP_SCHEMAS['truck-gaps'].safeParse(row).success).toBe(true);
    expect(
      truckGapsSchema.safeParse({ date: '2025-03-03', crossingId: 'ks', provenance: p('un') })
        .success,
    ).toBe(false);
  });
});
