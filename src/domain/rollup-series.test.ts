import { describe, expect, it } from 'vitest';
import { createScenario } from '../../mocks/scenario/index.ts';
import { aidFlowSeries, averageTrucksPerDay } from './aid-flow-series.ts';
import { DATASET_SCHEMAS } from './datasets.ts';
import { DEFAULT_FILTERS, type Filters } from './filters.ts';
import { hospitalSeries } from './hospital-series.ts';
import { rollUpAidFlow, rollUpFacilityStatus } from './rollup.ts';
import {
  aidFlowSeriesFromRollups,
  averagePerDayFromRollups,
  hospitalSeriesFromRollups,
  mergeShares,
  rollupShares,
} from './rollup-series.ts';
import { sourceShares } from './provenance.ts';
import type { AidFlow, FacilityStatus } from './schemas.ts';
import type { Resolution, Series } from './series.ts';

const scenario = createScenario({
  start: '2025-01-01',
  end: '2025-06-30',
  now: '2025-07-01T00:00:00Z',
});
const range = { from: '2025-02-03', to: '2025-05-28' };
const valid = <T>(dataset: 'aid-flow' | 'facility-status') =>
  scenario.records(dataset, range).flatMap((r) => {
    const parsed = DATASET_SCHEMAS[dataset].safeParse(r);
    return parsed.success ? [parsed.data] : [];
  }) as T[];
const flows = valid<AidFlow>('aid-flow');
const reports = valid<FacilityStatus>('facility-status');

const FILTERS: Filters[] = [
  DEFAULT_FILTERS,
  { ...DEFAULT_FILTERS, crossings: ['kerem-shalom', 'rafah'] },
  { ...DEFAULT_FILTERS, commodities: ['food', 'fuel'] },
  { ...DEFAULT_FILTERS, verification: ['verified'] },
];

const close = (a: Series, b: Series) => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => {
    if (v === null || b[i] === null) expect(v, `bucket ${i}`).toBe(b[i]);
    else expect(v).toBeCloseTo(b[i]!, 6);
  });
};

describe('aid flow from roll-ups', () => {
  it.each(['day', 'week', 'month'] as Resolution[])(
    'at %s resolution draws exactly what the records draw, for every filter and stacking',
    (resolution) => {
      for (const filters of FILTERS)
        for (const stackBy of ['commodity', 'crossing'] as const)
          for (const measure of ['trucks', 'tonnes'] as const) {
            const options = { range, filters, measure, stackBy, resolution };
            const fromRecords = aidFlowSeries(flows, options);
            // As the chart asks: summed over the dimension it does not stack by, filtered there.
            const picked = flows.filter((f) =>
              stackBy === 'commodity'
                ? !filters.crossings.length || filters.crossings.includes(f.crossingId)
                : !filters.commodities.length || filters.commodities.includes(f.commodity),
            );
            const rows = rollUpAidFlow(picked, range, resolution, stackBy);
            const fromRows = aidFlowSeriesFromRollups(rows, options);
            expect(fromRows.stackKeys).toEqual(fromRecords.stackKeys);
            expect(fromRows.groups.map((g) => g.id)).toEqual(fromRecords.groups.map((g) => g.id));
            // Rows count every record they stand on, a record without this measure included.
            expect(fromRows.recordCount > 0).toBe(fromRecords.recordCount > 0);
            fromRecords.groups.forEach((g, gi) => {
              const r = fromRows.groups[gi]!;
              expect(r.reported).toEqual(g.reported);
              close(r.total, g.total);
              for (const [k, s] of g.stacks) close(r.stacks.get(k)!, s);
              if (g.average7) close(r.average7!, g.average7);
            });
          }
    },
  );

  it('gives the headline the same per-day averages as the records, from monthly rows', () => {
    for (const filters of FILTERS) {
      const picked = flows.filter(
        (f) => !filters.crossings.length || filters.crossings.includes(f.crossingId),
      );
      const rows = rollUpAidFlow(picked, range, 'month', 'commodity');
      const fromRows = averagePerDayFromRollups(rows, range, filters, ['entered', 'collected']);
      const fromRecords = averageTrucksPerDay(flows, range, filters, ['entered', 'collected']);
      expect(fromRows.map((a) => [a.sourceId, a.stage, a.daysReported])).toEqual(
        fromRecords.map((a) => [a.sourceId, a.stage, a.daysReported]),
      );
      fromRows.forEach((a, i) => expect(a.perDay).toBeCloseTo(fromRecords[i]!.perDay!, 6));
    }
  });
});

describe('hospitals from roll-ups', () => {
  it.each(['day', 'week', 'month'] as Resolution[])(
    'at %s resolution: facilities per level per day reported equal the records',
    (resolution) => {
      for (const filters of FILTERS) {
        const fromRecords = hospitalSeries(reports, range, filters, resolution);
        const fromRows = hospitalSeriesFromRollups(
          rollUpFacilityStatus(reports, range, resolution),
          range,
          filters,
          resolution,
        );
        expect(fromRows.reported).toEqual(fromRecords.reported);
        for (const level of ['full', 'partial', 'none', 'unknown'] as const)
          close(fromRows.functionality[level], fromRecords.functionality[level]);
        expect(fromRows.recordCount).toBe(fromRecords.recordCount);
      }
    },
  );
});

describe('shares', () => {
  it('count the records behind the rows, and merge per source', () => {
    const rows = rollUpAidFlow(flows, range, 'week');
    expect(rollupShares(rows)).toEqual(sourceShares(flows));
    const merged = mergeShares(sourceShares(flows), sourceShares(flows));
    expect(merged.map((s) => s.records)).toEqual(sourceShares(flows).map((s) => 2 * s.records));
  });
});
