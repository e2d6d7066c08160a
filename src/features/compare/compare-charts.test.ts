import { describe, expect, it } from 'vitest';
import { buildChart, scenarioData, viewOf } from '../../../test/chart-data.ts';
import {
  compareDifferenceChart,
  compareDisagreementsChart,
  compareOptions,
  compareSeriesChart,
} from './compare-charts.ts';

const data = scenarioData(['aid-flow']);
const options = compareOptions(
  data.theatre.crossings.map((c) => c.id),
  data.theatre.sources.map((s) => s.id),
);
const series = compareSeriesChart(options);
const difference = compareDifferenceChart(options);
const disagreements = compareDisagreementsChart(options);
const [first, second] = data.theatre.sources;

describe('sources compared: chart specs', () => {
  it('defaults to the theatre’s first two sources, entered trucks at every crossing', () => {
    const view = viewOf(series);
    expect(view.options).toMatchObject({
      a: first!.id,
      b: second!.id,
      stage: 'entered',
      crossing: 'all',
      commodity: 'all',
      measure: 'trucks',
    });
  });

  it('keeps two disagreeing sources as two lines, never one averaged or summed', () => {
    const model = buildChart(series, viewOf(series), data);
    expect(model.hasData).toBe(true);
    if (model.plot.kind !== 'time') throw new Error('time chart expected');
    expect(model.plot.chart.lines!.map((l) => l.name)).toEqual([first!.name, second!.name]);
    expect(model.plot.chart.bars ?? []).toHaveLength(0);
    const rows = model.plot.chart.rows.filter((r) => r.a !== null && r.b !== null);
    expect(rows.length).toBeGreaterThan(30);
    // The demo's border authority counts more than the UN mechanism at entry, by design.
    const higher = rows.filter((r) => (r.a as number) > (r.b as number)).length;
    expect(higher / rows.length).toBeGreaterThan(0.8);
    expect(model.table.columns.map((c) => c.label)).toEqual(['Day', first!.name, second!.name]);
    expect(model.subtitle).toMatch(/never averaged, never added up/);
  });

  it('shows the difference over compared figures only, and the ratio when asked', () => {
    const diff = buildChart(difference, viewOf(difference), data);
    if (diff.plot.kind !== 'time') throw new Error('time chart expected');
    expect(diff.plot.chart.bars!.map((b) => b.pattern)).toEqual(['solid', 'hatch']);
    expect(diff.notes.join(' ')).toMatch(/figures are reported by both/);
    // The demo's sources each miss some days: said as missing, not as zero.
    expect(diff.notes.join(' ')).toMatch(/missing from/);
    const ratio = buildChart(difference, viewOf(difference, { show: 'ratio' }), data);
    if (ratio.plot.kind !== 'time') throw new Error('time chart expected');
    expect(ratio.plot.chart.lines).toHaveLength(1);
    expect(ratio.plot.chart.references![0]!.y).toBe(1);
    const values = ratio.plot.chart.rows.flatMap((r) =>
      typeof r.ratio === 'number' ? [r.ratio] : [],
    );
    expect(values.every((v) => Number.isFinite(v) && v > 1)).toBe(true);
  });

  it('lists the largest disagreements first, then what one source lacks', () => {
    const model = buildChart(disagreements, viewOf(disagreements), data);
    const rows = model.table.rows;
    const disagree = rows.filter((r) => r.cells[5] === 'They disagree');
    expect(disagree).toHaveLength(15);
    const sizes = disagree.map((r) => Math.abs(r.values![3] as number));
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
    const missing = rows.filter((r) => String(r.cells[5]).startsWith('Missing from'));
    expect(missing.length).toBeGreaterThan(0);
    for (const r of missing) {
      expect(r.values![3]).toBeNull();
      // The absent figure says "missing" in its source's column, never 0.
      expect(r.cells.slice(1, 3)).toContain('missing');
      expect(r.values!.slice(1, 3)).toContain(null);
    }
    if (model.plot.kind !== 'ranked') throw new Error('ranked bars expected');
    expect(model.plot.chart.rows).toHaveLength(15);
  });

  it('compares one crossing and one commodity when chosen, and nothing for the same source twice', () => {
    const ks = data.theatre.crossings[0]!.id;
    const one = buildChart(
      disagreements,
      viewOf(disagreements, { crossing: ks, commodity: 'food' }),
      data,
    );
    const name = data.theatre.crossings[0]!.names.en;
    expect(one.table.rows.every((r) => r.cells[0] === name)).toBe(true);
    expect(one.subtitle).toContain('Food');
    const same = buildChart(series, viewOf(series, { b: first!.id }), data);
    expect(same.hasData).toBe(false);
  });

  it('compares weeks only where both sources reported the same days', () => {
    const narrow = buildChart(difference, viewOf(difference, {}, { width: 200 }), data);
    expect(narrow.notes.join(' ')).toMatch(/each point is a week’s total/);
    expect(narrow.notes.join(' ')).toMatch(/different days/);
  });
});

describe('sources compared: the gaps between stages', () => {
  it('reads truck gaps when waiting or intercepted is counted, in trucks', () => {
    const waiting = compareSeriesChart(options, 'waiting');
    expect(waiting.rollup!.dataset).toBe('truck-gaps');
    const view = viewOf(waiting, { count: 'waiting' }, { width: 200 });
    expect(waiting.rollup!.ask(view)).not.toHaveProperty('by');
    const model = waiting.build(
      {
        ...data,
        rollup: {
          resolution: 'week',
          rows: [
            {
              bucket: '2025-03-03',
              to: '2025-03-09',
              days: 7,
              sourceId: first!.id,
              verification: 'reported',
              records: 7,
              daysReported: 7,
              dayMask: 0b1111111,
              crossingId: data.theatre.crossings[0]!.id,
              waiting: { last: 420, max: 600 },
            },
          ],
        },
      } as never,
      { ...view, range: { from: '2025-03-03', to: '2025-03-09' } },
    );
    expect(model.subtitle).toMatch(
      /^Trucks waiting for collection · All crossings: trucks on the last day reported of each week/,
    );
    expect(model.notes.join(' ')).toMatch(/trucks waiting on the last day reported/);
    expect(model.notes.join(' ')).toMatch(/missing from/);
    if (model.plot.kind !== 'time') throw new Error('time chart expected');
    expect(model.plot.chart.rows[0]).toMatchObject({ a: 420, b: null });
  });
});
