import { describe, expect, it } from 'vitest';
import { buildChart, scenarioData, viewOf } from '../../../test/chart-data.ts';
import { functionalityChart } from './functionality-chart.ts';

const data = scenarioData(['facility-status']);

describe('facilities by functionality', () => {
  it('stacks the levels per bucket, rolled up when the chart is narrow, daily in full', () => {
    const narrow = buildChart(
      functionalityChart,
      viewOf(functionalityChart, {}, { width: 300 }),
      data,
    );
    expect(narrow.hasData).toBe(true);
    expect(narrow.subtitle).toMatch(/week/);
    expect(narrow.notes.join(' ')).toMatch(/week/i);
    expect(narrow.legend.map((l) => l.label)).toContain('Not functional');
    const full = buildChart(
      functionalityChart,
      viewOf(functionalityChart, {}, { width: Infinity, full: true }),
      data,
    );
    expect(full.table.rows).toHaveLength(90);
    expect(full.table.rows[0]!.iso).toBe('2025-03-01');
  });
});
