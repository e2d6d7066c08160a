import { describe, expect, it } from 'vitest';
import { buildChart, scenarioData, viewOf } from '../../../test/chart-data.ts';
import { eventsChart } from './events-chart.ts';

const data = scenarioData(['events']);

describe('events chart spec', () => {
  it('puts each kind of event on its lane, one table row per event', () => {
    const model = buildChart(eventsChart, viewOf(eventsChart), data);
    expect(model.hasData).toBe(true);
    expect(model.table.rows).toHaveLength(data.records.events.length);
    if (model.plot.kind !== 'timeline') throw new Error('a timeline');
    const lanes = model.plot.chart.lanes;
    expect(model.legend.map((l) => l.label)).toEqual(lanes.map((l) => l.label));
    expect(model.height).toBe(50 + lanes.length * 34);
    expect(model.subtitle).toMatch(String(data.records.events.length));
  });

  it('follows the verification filter', () => {
    const filters = { ...viewOf(eventsChart).filters, verification: ['verified' as const] };
    const model = buildChart(eventsChart, viewOf(eventsChart, {}, { filters }), data);
    const verified = data.records.events.filter((e) => e.provenance.verification === 'verified');
    expect(model.table.rows).toHaveLength(verified.length);
    expect(model.hasData).toBe(verified.length > 0);
  });
});
