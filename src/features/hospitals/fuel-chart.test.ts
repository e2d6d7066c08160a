import { describe, expect, it } from 'vitest';
import { buildChart, scenarioData, viewOf } from '../../../test/chart-data.ts';
import { fuelChart } from './fuel-chart.ts';
import { CRITICAL_FUEL_DAYS } from './hospital-words.ts';

const data = scenarioData(['facility-status']);

describe('fuel stock per facility', () => {
  it('ranks facilities, marks those below the threshold by pattern as well as colour', () => {
    const model = buildChart(fuelChart, viewOf(fuelChart), data);
    if (model.plot.kind !== 'ranked') throw new Error('ranked bars');
    const rows = model.plot.chart.rows;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.pattern).toBe(r.value < CRITICAL_FUEL_DAYS ? 'cross' : 'solid');
    expect(model.plot.chart.threshold?.value).toBe(CRITICAL_FUEL_DAYS);
  });

  it('gives every day of the full range, not one day', () => {
    const shown = buildChart(fuelChart, viewOf(fuelChart), data);
    const full = buildChart(
      fuelChart,
      viewOf(fuelChart, {}, { width: Infinity, full: true }),
      data,
    );
    expect(new Set(shown.table.rows.map((r) => r.values?.[2])).size).toBeLessThanOrEqual(
      shown.table.rows.length,
    );
    expect(new Set(full.table.rows.map((r) => r.values?.[2])).size).toBeGreaterThan(30);
  });
});
