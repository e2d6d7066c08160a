import { describe, expect, it } from 'vitest';
import { buildChart, RANGE, scenarioData, viewOf } from '../../../test/chart-data.ts';
import { aidFlowChart } from './aid-flow-chart.ts';

const data = scenarioData(['aid-flow']);

describe('aid flow chart spec', () => {
  it('stacks trucks by commodity by default, with target, sources and bands', () => {
    const model = buildChart(aidFlowChart, viewOf(aidFlowChart), data);
    expect(model.hasData).toBe(true);
    expect(model.subtitle).toMatch(/trucks per day by commodity/);
    expect(model.legend.map((l) => l.label)).toContain('Food');
    expect(model.legend.some((l) => l.label.startsWith('Agreed target'))).toBe(true);
    expect(model.shares.length).toBeGreaterThan(1);
    expect(model.plot.kind).toBe('time');
    expect(model.table.rows.length).toBeGreaterThan(0);
  });

  it('draws tonnes by crossing: crossing names stacked, no truck target, the fuel note', () => {
    const model = buildChart(
      aidFlowChart,
      viewOf(aidFlowChart, { stack: 'crossing', measure: 'tonnes' }),
      data,
    );
    const names = data.theatre.crossings.map((c) => c.names.en);
    expect(model.subtitle).toMatch(/tonnes per day by crossing/);
    const stacked = model.legend.filter((l) => l.shape === 'box' && !l.pattern);
    expect(stacked.length).toBeGreaterThan(0);
    for (const entry of stacked) expect(names).toContain(entry.label);
    expect(model.legend.some((l) => l.label.startsWith('Agreed target'))).toBe(false);
    expect(model.notes.join(' ')).toMatch(/fuel/i);
    expect(model.table.caption).toMatch(/tonnes/);
  });

  it('shows only the stages asked for, each source apart', () => {
    const model = buildChart(aidFlowChart, viewOf(aidFlowChart, { stages: ['collected'] }), data);
    const groups = new Set(model.table.rows.map((r) => r.cells[0]));
    expect([...groups].every((g) => g?.startsWith('Collected'))).toBe(true);
  });

  it('builds the full-range table day by day, however narrow the chart', () => {
    const narrow = buildChart(aidFlowChart, viewOf(aidFlowChart, {}, { width: 200 }), data);
    expect(narrow.table.columns[0]!.label).not.toBe('Day');
    const full = buildChart(
      aidFlowChart,
      viewOf(aidFlowChart, {}, { width: Infinity, full: true }),
      data,
    );
    expect(full.table.columns[0]!.label).toBe('Day');
    expect(new Set(full.table.rows.map((r) => r.iso)).size).toBe(90);
    expect(RANGE.from).toBe('2025-03-01');
  });
});
