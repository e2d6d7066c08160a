// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DATASET_SCHEMAS } from '../../src/domain/datasets.ts';
import {
  aidFlowSchema,
  eventSchema,
  fuelEntrySchema,
  movementSchema,
  theatreSchema,
  truckGapsSchema,
  type AidFlow,
} from '../../src/domain/schemas.ts';
import { validateRecords } from '../../src/domain/validate.ts';
import { DATASETS } from '../../src/domain/vocabulary.ts';
import { dayLabel, dayNumber } from './calendar.ts';
import { insideRing } from './geography.ts';
import { DEFAULT_SEED, MARKUP_NOTE, createScenario } from './index.ts';
import { Timeline } from './timeline.ts';

const NOW = '2026-08-01T00:00:00Z';
const fixed = (options: Parameters<typeof createScenario>[0] = {}) =>
  createScenario({ end: '2026-07-31', now: NOW, ...options });
const range = { from: '2025-01-01', to: '2026-07-31' };

describe('the demo scenario', () => {
  it('is deterministic: same options, same data; another seed, other data', () => {
    const q = { from: '2025-03-01', to: '2025-03-10' };
    for (const dataset of DATASETS) {
      expect(fixed().records(dataset, q)).toEqual(fixed().records(dataset, q));
    }
    expect(fixed({ seed: 1 }).records('aid-flow', q)).not.toEqual(fixed().records('aid-flow', q));
  });

  it('does not depend on the order in which days are generated', () => {
    const a = fixed();
    const b = fixed();
    b.records('aid-flow', { from: '2025-06-01', to: '2025-06-30' });
    expect(a.records('aid-flow', { from: '2025-06-15', to: '2025-06-16' })).toEqual(
      b.records('aid-flow', { from: '2025-06-15', to: '2025-06-16' }),
    );
  });

  it('is prefix-stable: a past day does not change when the end moves', () => {
    const q = { from: '2025-05-01', to: '2025-05-31' };
    const short = createScenario({ end: '2025-06-30', now: NOW });
    const long = createScenario({ end: '2026-07-31', now: NOW });
    for (const dataset of DATASETS)
      expect(short.records(dataset, q)).toEqual(long.records(dataset, q));
    expect(short.records('aid-flow', { from: '2025-07-01', to: '2025-07-02' })).toEqual([]);
  });

  it('has a valid Gaza theatre with enough places and disagreeing synthetic sources', () => {
    const parsed = theatreSchema.parse(fixed().theatre);
    expect(parsed.timeZone).toBe('Asia/Gaza');
    expect(parsed.crossings.length).toBeGreaterThanOrEqual(6);
    expect(parsed.corridors.length).toBeGreaterThanOrEqual(3);
    expect(parsed.facilities.length).toBeGreaterThanOrEqual(15);
    expect(parsed.areas).toHaveLength(5);
    expect(parsed.areas.every((a) => a.approximate)).toBe(true);
    expect(parsed.sources.length).toBeGreaterThanOrEqual(2);
    expect(parsed.sources.every((s) => s.synthetic && /synthetic/i.test(s.name))).toBe(true);
    const target = parsed.crossings.reduce((s, c) => s + (c.targetTrucksPerDay ?? 0), 0);
    expect(target).toBe(600);
    expect(parsed.baselines).toMatchObject({ trucksPerDayPreCrisis: 500, trucksPerDayTarget: 600 });
    const ks = parsed.crossings.find((c) => c.id === 'kerem-shalom')!;
    expect(ks.aliases).toContain('Karem Abu Salem');
    // Facilities lie in the (approximate) governorate they name.
    for (const f of parsed.facilities) {
      const area = parsed.areas.find((a) => a.id === f.areaId)!;
      const ring = (area.geometry.coordinates as [number, number][][])[0]!;
      expect(insideRing(f.location.lon, f.location.lat, ring), f.id).toBe(true);
    }
    for (const crossings of [6, 8]) {
      const t = theatreSchema.parse(fixed({ crossings }).theatre);
      expect(t.crossings).toHaveLength(crossings);
      expect(t.crossings.reduce((s, c) => s + (c.targetTrucksPerDay ?? 0), 0)).toBe(600);
    }
  });

  it('covers at least 18 months of daily aid flow', () => {
    const flows = fixed().records('aid-flow', range) as AidFlow[];
    const days = new Set(flows.map((f) => f.date));
    expect(days.size).toBeGreaterThanOrEqual(548);
  });

  it('has sources that disagree on trucks entered, and trucks left uncollected', () => {
    const { accepted } = validateRecords(
      aidFlowSchema,
      fixed().records('aid-flow', { from: '2025-02-01', to: '2025-02-28' }),
      { sourceId: 'demo', dataset: 'aid-flow' },
    );
    const sum = (source: string, stage: string) =>
      accepted
        .filter((f) => f.provenance.sourceId === source && f.stage === stage)
        .reduce((s, f) => s + (f.trucks ?? 0), 0);
    const border = sum('border-authority', 'entered');
    const un = sum('un-monitor', 'entered');
    expect(border).toBeGreaterThan(un * 1.05);
    expect(sum('un-monitor', 'collected')).toBeLessThan(un);
    expect(sum('un-monitor', 'delivered')).toBeLessThanOrEqual(sum('un-monitor', 'collected'));
    expect(sum('border-authority', 'collected')).toBe(0);
  });

  it('sends a few invalid records in every dataset, which the zod schemas reject', () => {
    const s = fixed();
    for (const dataset of DATASETS) {
      const raw = s.records(dataset, range);
      const { accepted, rejected } = validateRecords(DATASET_SCHEMAS[dataset], raw, {
        sourceId: 'demo',
        dataset,
      });
      expect(rejected.length, dataset).toBeGreaterThan(0);
      expect(rejected.length, dataset).toBeLessThan(raw.length / (dataset === 'events' ? 10 : 20));
      expect(accepted.length + rejected.length).toBe(raw.length);
    }
  });

  it('has at least one invalid aid-flow and crossing-status record in any 7-day window', () => {
    const s = fixed();
    for (const dataset of ['aid-flow', 'crossing-status'] as const) {
      // The generation day of each invalid record (its own date or instant may be broken).
      const badDays = new Set<number>();
      for (let d = dayNumber(range.from); d <= dayNumber(range.to); d++) {
        const raw = s.records(dataset, { from: dayLabel(d), to: dayLabel(d) });
        if (raw.some((r) => !DATASET_SCHEMAS[dataset].safeParse(r).success)) badDays.add(d);
      }
      for (let d = dayNumber(range.from) + 6; d <= dayNumber(range.to); d++) {
        const window = [0, 1, 2, 3, 4, 5, 6].map((k) => d - k);
        expect(
          window.some((day) => badDays.has(day)),
          `${dataset} up to ${dayLabel(d)}`,
        ).toBe(true);
      }
    }
  }, 30_000);

  it('has gaps (missing records, not zeros) and late reports', () => {
    const flows = validateRecords(aidFlowSchema, fixed().records('aid-flow', range), {
      sourceId: 'demo',
      dataset: 'aid-flow',
    }).accepted;
    const reported = new Set(
      flows.map((f) => `${f.date}|${f.crossingId}|${f.provenance.sourceId}`),
    );
    const days = new Set(flows.map((f) => f.date));
    const crossings = new Set(flows.map((f) => f.crossingId));
    const expected = days.size * crossings.size * 2;
    expect(reported.size).toBeLessThan(expected * 0.97);
    expect(reported.size).toBeGreaterThan(expected * 0.8);
    const late = flows.filter(
      (f) =>
        Date.parse(f.provenance.reportedAt) - Date.parse(`${f.date}T00:00:00Z`) > 2 * 86_400_000,
    );
    expect(late.length).toBeGreaterThan(0);
  });

  it('withholds what is not yet reported as of now', () => {
    const early = createScenario({ end: '2025-06-30', now: '2025-06-30T07:00:00+03:00' });
    const later = createScenario({ end: '2025-06-30', now: '2025-07-15T00:00:00Z' });
    const q = { from: '2025-06-20', to: '2025-06-30' };
    expect(early.records('aid-flow', q).length).toBeLessThan(later.records('aid-flow', q).length);
    const statuses = early.records('crossing-status', q) as { at: string }[];
    expect(
      statuses.every((r) => !(Date.parse(r.at) > Date.parse('2025-06-30T07:00:00+03:00'))),
    ).toBe(true);
  });

  it('tells a story: events of every kind, and hospitals going down in bad times', () => {
    const s = fixed();
    const events = s.records('events', range) as { kind: string; title: string }[];
    const kinds = new Set(events.map((e) => e.kind));
    for (const kind of ['pause', 'ceasefire-phase', 'monitored-exchange', 'incident', 'agreement'])
      expect(kinds, kind).toContain(kind);
    expect(events.some((e) => e.title.includes('January 2025'))).toBe(true);
    const facilities = s.records('facility-status', range) as { functionality: string }[];
    expect(facilities.filter((f) => f.functionality === 'none').length).toBeGreaterThan(100);
    expect(facilities.filter((f) => f.functionality === 'full').length).toBeGreaterThan(100);
  });

  const valid = <T>(
    schema: { safeParse(raw: unknown): { success: boolean; data?: T } },
    raw: unknown[],
  ) =>
    raw.flatMap((r) => {
      const p = schema.safeParse(r);
      return p.success ? [p.data as T] : [];
    });

  it('has movement requests with realistic outcome shares, worse northwards and in fighting', () => {
    const s = fixed();
    const all = valid(movementSchema, s.records('movements', range));
    const access = all.filter((m) => m.provenance.sourceId === 'access-coordination');
    const days = new Set(access.map((m) => m.date)).size;
    expect(access.length / days).toBeGreaterThanOrEqual(10);
    expect(access.length / days).toBeLessThanOrEqual(25);
    expect(access.every((m) => m.missions === 1 && m.fromZone && m.fromArea && m.toArea)).toBe(
      true,
    );
    const share = (list: typeof all, outcome: string) =>
      list.filter((m) => m.outcome === outcome).reduce((n, m) => n + m.missions, 0) /
      list.reduce((n, m) => n + m.missions, 0);
    expect(share(access, 'facilitated')).toBeGreaterThan(0.3);
    expect(share(access, 'facilitated')).toBeLessThan(0.7);
    expect(share(access, 'denied')).toBeGreaterThan(0.1);
    const north = access.filter((m) => m.toZone === 'north');
    const south = access.filter((m) => m.toZone === 'south');
    expect(share(north, 'denied')).toBeGreaterThan(share(south, 'denied'));
    // Denied, impeded and cancelled requests state a reason; facilitated ones need none.
    expect(access.filter((m) => m.outcome !== 'facilitated').every((m) => m.reason)).toBe(true);
    // The NGO group counts grouped missions by its own rules: it never agrees with the system.
    const ngo = all.filter((m) => m.provenance.sourceId === 'ngo-access-group');
    expect(ngo.some((m) => m.missions > 1)).toBe(true);
    expect(share(ngo, 'impeded')).toBeGreaterThan(share(access, 'impeded') * 1.3);
    // In fighting, a third or so are denied; in a cease-fire, most are facilitated.
    const timeline = new Timeline(DEFAULT_SEED);
    const inRegime = (regime: string) =>
      access.filter((m) => timeline.segmentAt(dayNumber(m.date)).regime === regime);
    expect(share(inRegime('fighting'), 'facilitated')).toBeGreaterThan(0.3);
    expect(share(inRegime('fighting'), 'facilitated')).toBeLessThan(0.5);
    expect(share(inRegime('fighting'), 'denied')).toBeGreaterThan(0.22);
    expect(share(inRegime('ceasefire'), 'facilitated')).toBeGreaterThan(0.7);
    const purposes = new Set(access.map((m) => m.purpose));
    expect(purposes.size).toBe(8);
  });

  it('has fuel by type in its own units, collapsing when the crossings close', () => {
    const fuel = valid(fuelEntrySchema, fixed().records('fuel-entry', range));
    const total = (source: string, type: string) =>
      fuel
        .filter((f) => f.provenance.sourceId === source && f.fuel === type)
        .reduce((n, f) => n + f.quantity, 0);
    for (const source of ['border-authority', 'un-monitor']) {
      expect(total(source, 'diesel')).toBeGreaterThan(total(source, 'petrol') * 3);
      expect(total(source, 'cooking-gas')).toBeGreaterThan(0);
    }
    // The two sources disagree: screening counts more than what the UN receives.
    expect(total('border-authority', 'diesel')).toBeGreaterThan(total('un-monitor', 'diesel'));
    expect(fuel.filter((f) => f.fuel === 'cooking-gas').every((f) => f.unit === 'tonnes')).toBe(
      true,
    );
    // Only the UN states a need, and what entered stays below it.
    const stated = fuel.filter((f) => f.need !== undefined);
    expect(stated.every((f) => f.provenance.sourceId === 'un-monitor')).toBe(true);
    const need = stated.filter((f) => f.fuel === 'diesel').reduce((n, f) => n + f.need!, 0);
    expect(total('un-monitor', 'diesel')).toBeLessThan(need);
    // Days with no fuel at all (closures, fighting) exist: it collapses, it does not dip.
    const byDay = new Map<string, number>();
    for (const f of fuel.filter((x) => x.fuel === 'diesel' && x.crossingId === 'kerem-shalom'))
      byDay.set(f.date, (byDay.get(f.date) ?? 0) + f.quantity);
    const values = [...byDay.values()];
    expect(Math.min(...values)).toBeLessThan(Math.max(...values) * 0.1);
  });

  it('has trucks waiting (a stock fed by entered minus collected) and intercepted, per source', () => {
    const s = fixed();
    const gaps = valid(truckGapsSchema, s.records('truck-gaps', range));
    expect(gaps.every((g) => (g.waiting ?? 0) >= 0 && (g.intercepted ?? 0) >= 0)).toBe(true);
    const sum = (source: string, key: 'waiting' | 'intercepted') =>
      gaps.filter((g) => g.provenance.sourceId === source).reduce((n, g) => n + (g[key] ?? 0), 0);
    expect(sum('un-monitor', 'waiting')).toBeGreaterThan(0);
    expect(sum('border-authority', 'waiting')).toBeGreaterThan(sum('un-monitor', 'waiting'));
    expect(sum('un-monitor', 'intercepted')).toBeGreaterThan(0);
    const un = gaps.filter((g) => g.provenance.sourceId === 'un-monitor');
    const busiest = un.reduce((a, g) => ((g.waiting ?? 0) > (a.waiting ?? 0) ? g : a));
    expect(busiest.waiting).toBeGreaterThan(20);
    // Verified figures say who verified them.
    expect(
      gaps
        .filter((g) => g.provenance.verification === 'verified')
        .every((g) => g.provenance.verifiedBy),
    ).toBe(true);
  });

  it('names the crossings of closures and incidents, and how each source counts', () => {
    const s = fixed();
    const events = valid(eventSchema, s.records('events', range));
    const atCrossings = events.filter((e) => e.kind === 'closure' || e.kind === 'incident');
    expect(atCrossings.length).toBeGreaterThan(0);
    expect(atCrossings.every((e) => e.crossingIds.length > 0)).toBe(true);
    const theatre = theatreSchema.parse(s.theatre);
    expect(theatre.sources.every((source) => source.method && source.method.length > 40)).toBe(
      true,
    );
  });

  it('includes a crossing note with markup, as plain text', () => {
    const notes = (
      fixed().records('crossing-status', { from: '2025-06-01', to: '2025-06-07' }) as {
        note?: string;
      }[]
    ).map((r) => r.note);
    expect(notes).toContain(MARKUP_NOTE);
  });

  // Timings are measured by `npm run bench`, never asserted here (these machines are noisy).
  it('generates the benchmark scenario: 5 years × 8 crossings', () => {
    const s = createScenario({ start: '2021-01-01', end: '2025-12-31', now: NOW, crossings: 8 });
    const all = s.records('aid-flow', { from: '2021-01-01', to: '2025-12-31' });
    expect(all.length).toBeGreaterThan(300_000);
    // A range that starts before the crisis has its events too (the pre-crisis time has none).
    expect(s.records('events', { from: '2021-01-01', to: '2025-12-31' }).length).toBeGreaterThan(
      10,
    );
  }, 60_000);
});
