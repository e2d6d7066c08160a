import { describe, expect, it } from 'vitest';
import { buildChart, RANGE, scenarioData, viewOf } from '../../../test/chart-data.ts';
import { powerChart, waterChart } from './service-chart.ts';

const data = scenarioData(['utility-status']);

describe('utility small multiples', () => {
  it('draws one multiple per governorate on a shared scale, thinned to the pixels it has', () => {
    const model = buildChart(waterChart, viewOf(waterChart, {}, { width: 500 }), data);
    if (model.plot.kind !== 'multiples') throw new Error('small multiples');
    expect(model.plot.items.map((i) => i.title)).toEqual(data.theatre.areas.map((a) => a.names.en));
    for (const item of model.plot.items) {
      expect(item.chart.yDomain).toEqual([0, 100]);
      expect(item.chart.rows.length).toBeLessThanOrEqual(Math.max(20, model.plot.columnWidth - 40));
    }
    expect(model.notes.join(' ')).toMatch(/pre-crisis|thinned|every/i);
  });

  it('keeps every day in the full-range table', () => {
    const full = buildChart(
      powerChart,
      viewOf(powerChart, {}, { width: Infinity, full: true }),
      data,
    );
    expect(full.table.rows[0]!.iso).toBe(RANGE.from);
    expect(full.table.rows).toHaveLength(90);
    expect(full.table.caption).toMatch(/hours/i);
  });
});
