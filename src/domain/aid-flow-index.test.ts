import { describe, expect, it } from 'vitest';
import { aidFlowIndex, aidFlowShares, filterTest } from './aid-flow-index.ts';
import { DEFAULT_FILTERS, matchesFilters, type Filters } from './filters.ts';
import { sourceShares } from './provenance.ts';
import type { AidFlow } from './schemas.ts';
import { dayNumber } from './series.ts';

const flow = (
  date: string,
  crossingId: string,
  commodity: AidFlow['commodity'],
  sourceId: string,
  verification: AidFlow['provenance']['verification'],
  trucks?: number,
): AidFlow => ({
  date,
  crossingId,
  commodity,
  stage: 'entered',
  trucks,
  tonnes: trucks === undefined ? 5 : undefined,
  provenance: { sourceId, reportedAt: `${date}T20:00:00Z`, verification },
});

// Source "un" first appears with fuel: filtering fuel out makes "ba" come first.
const flows: AidFlow[] = [
  flow('2025-03-01', 'rafah', 'fuel', 'un', 'reported', 10),
  flow('2025-03-01', 'ks', 'food', 'ba', 'verified', 20),
  flow('2025-03-02', 'ks', 'food', 'un', 'disputed'),
  flow('2025-03-03', 'erez', 'health', 'ba', 'reported', 30),
];

const filterSets: Filters[] = [
  DEFAULT_FILTERS,
  { ...DEFAULT_FILTERS, commodities: ['food'] },
  { ...DEFAULT_FILTERS, commodities: ['food', 'health'], crossings: ['ks', 'unknown'] },
  { ...DEFAULT_FILTERS, verification: ['reported'] },
  { ...DEFAULT_FILTERS, crossings: ['nowhere'] },
];

describe('aidFlowIndex', () => {
  it('is built once per list of records and holds each record as small integers', () => {
    const index = aidFlowIndex(flows);
    expect(aidFlowIndex(flows)).toBe(index);
    expect(aidFlowIndex([...flows])).not.toBe(index);
    expect(index.length).toBe(4);
    expect(Array.from(index.day)).toEqual(flows.map((f) => dayNumber(f.date)));
    expect(index.crossings).toEqual(['rafah', 'ks', 'erez']);
    expect(index.sources).toEqual(['un', 'ba']);
    expect(Array.from(index.trucks)).toEqual([10, 20, NaN, 30]);
    expect(Array.from(index.tonnes)).toEqual([NaN, NaN, 5, NaN]);
  });

  it('lets through exactly the records matchesFilters lets through', () => {
    const index = aidFlowIndex(flows);
    for (const filters of filterSets) {
      const passes = filterTest(index, filters);
      expect(flows.map((_, i) => passes(i))).toEqual(flows.map((f) => matchesFilters(f, filters)));
    }
  });
});

describe('aidFlowShares', () => {
  it('equals the shares of the filtered records, in order of first appearance', () => {
    for (const filters of filterSets)
      expect(aidFlowShares(flows, filters)).toEqual(
        sourceShares(flows.filter((f) => matchesFilters(f, filters))),
      );
    expect(
      aidFlowShares(flows, { ...DEFAULT_FILTERS, commodities: ['food'] }).map((s) => s.sourceId),
    ).toEqual(['ba', 'un']);
  });
});
