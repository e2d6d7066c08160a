// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { placeMatcher } from '../../src/domain/place-names.ts';
import { theatreSchema } from '../../src/domain/schemas.ts';
import { DATASETS } from '../../src/domain/vocabulary.ts';
import { dayLabel, dayNumber } from './calendar.ts';
import { createScenario } from './index.ts';
import { scalePlan, scaledStart } from './scale.ts';

const NOW = '2026-08-01T00:00:00Z';
const END = '2026-07-31';
/** 60 days: short enough to generate at 10× in a unit test. */
const START = dayLabel(dayNumber(END) - 59);

const total = (s: ReturnType<typeof createScenario>) =>
  DATASETS.reduce((sum, d) => sum + s.records(d, { from: '2000-01-01', to: END }).length, 0);

describe('scalePlan', () => {
  it('leaves scale 1 alone and spends 10× on years, publishers and crossings', () => {
    expect(scalePlan(1, 7)).toEqual({ years: 1, crossings: 7, extraPublishers: 0 });
    expect(scalePlan(10, 8)).toEqual({ years: 2, crossings: 24, extraPublishers: 2 });
    expect(scalePlan(2, 8)).toMatchObject({ years: 1, extraPublishers: 0 });
    expect(scalePlan(2, 8).crossings).toBeGreaterThan(8);
  });

  it('refuses a scale below 1 or past the maximum', () => {
    for (const bad of [0, 0.5, 21, Number.NaN]) expect(() => scalePlan(bad, 8)).toThrow(RangeError);
  });
});

describe('scaledStart', () => {
  it('reaches back `years` times as far from the end', () => {
    expect(scaledStart(100, 199, 1)).toBe(100);
    expect(scaledStart(100, 199, 2)).toBe(0);
    expect(scaledStart(100, 50, 2)).toBe(100); // nothing to stretch yet
  });
});

describe('the scenario at scale 10', () => {
  const base = createScenario({ start: START, end: END, now: NOW, crossings: 8 });
  const big = createScenario({ start: START, end: END, now: NOW, crossings: 8, scale: 10 });

  it('has about ten times the records, over twice the days', () => {
    const ratio = total(big) / total(base);
    expect(ratio).toBeGreaterThan(8.5);
    expect(ratio).toBeLessThan(11.5);
    expect(big.range()).toEqual({ start: dayLabel(dayNumber(START) - 60), end: END });
  });

  it('leaves the default scenario as it was', () => {
    const q = { from: START, to: END };
    const one = createScenario({ start: START, end: END, now: NOW, crossings: 8, scale: 1 });
    expect(one.theatre).toEqual(base.theatre);
    for (const d of DATASETS) expect(one.records(d, q), d).toEqual(base.records(d, q));
  });

  it('names its synthetic crossings in three languages, and its publishers as synthetic', () => {
    const theatre = theatreSchema.parse(big.theatre);
    expect(theatre.crossings).toHaveLength(24);
    expect(new Set(theatre.crossings.map((c) => c.id)).size).toBe(24);
    const [lonMin, latMin, lonMax, latMax] = theatre.bbox;
    const matcher = placeMatcher(theatre.crossings);
    for (const c of theatre.crossings) {
      expect(Object.keys(c.names).sort(), c.id).toEqual(['ar', 'en', 'he']);
      for (const name of Object.values(c.names)) expect(matcher.find(name!), name).toBe(c.id);
      expect(c.location.lon).toBeGreaterThanOrEqual(lonMin);
      expect(c.location.lon).toBeLessThanOrEqual(lonMax);
      expect(c.location.lat).toBeGreaterThanOrEqual(latMin);
      expect(c.location.lat).toBeLessThanOrEqual(latMax);
    }
    expect(theatre.sources.map((s) => s.id)).toEqual(
      expect.arrayContaining(['logistics-cluster', 'ngo-forum']),
    );
    expect(theatre.sources.every((s) => s.synthetic)).toBe(true);
    // Every record names a source the theatre lists.
    const known = new Set(theatre.sources.map((s) => s.id));
    const flows = big.records('aid-flow', { from: START, to: END }) as {
      provenance?: { sourceId?: string };
    }[];
    const publishers = new Set(flows.map((f) => f.provenance?.sourceId));
    expect([...publishers].every((id) => known.has(id!))).toBe(true);
    expect(publishers.size).toBe(4);
  });
});
