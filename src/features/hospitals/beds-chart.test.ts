import { describe, expect, it } from 'vitest';
import { buildChart, scenarioData, viewOf } from '../../../test/chart-data.ts';
import { bedsChart } from './beds-chart.ts';

const data = scenarioData(['facility-status']);

describe('beds available and occupied', () => {
  it('draws two lines with their table, credits the reporting sources', () => {
    const model = buildChart(bedsChart, viewOf(bedsChart), data);
    expect(model.hasData).toBe(true);
    if (model.plot.kind !== 'time') throw new Error('a time chart');
    expect(model.plot.chart.lines?.map((l) => l.name)).toEqual(['Beds available', 'Beds occupied']);
    expect(model.table.columns.map((c) => c.label).slice(1)).toEqual([
      'Beds available',
      'Beds occupied',
    ]);
    expect(model.shares.length).toBeGreaterThan(0);
  });

  it('has nothing to draw when no report passes the filters', () => {
    const empty = { ...data, records: { 'facility-status': [] } };
    expect(buildChart(bedsChart, viewOf(bedsChart), empty).hasData).toBe(false);
  });
});
