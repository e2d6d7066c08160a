import { describe, expect, it } from 'vitest';
import { buildChart, scenarioData, viewOf } from '../../../test/chart-data.ts';
import type { ChartData } from '../../charts/chart-spec.ts';
import { movementSchema, type Movement } from '../../domain/schemas.ts';
import { MOVEMENT_OUTCOMES, type MovementOutcome } from '../../domain/vocabulary.ts';
import { movementsChart, roundedUp } from './movements-chart.ts';

/** Two sources that disagree about the same weeks (2025-03-03 and 2025-03-10 are Mondays). */
function fixture(): ChartData<'movements'> {
  const base = scenarioData([]);
  const sources = base.theatre.sources.map((s) => s.id);
  const [ba, un] = [sources[0]!, sources[1]!];
  const m = (
    date: string,
    sourceId: string,
    outcome: MovementOutcome,
    missions: number,
    over: Partial<Movement> = {},
  ) =>
    movementSchema.parse({
      date,
      organisationType: 'un',
      purpose: 'food',
      toZone: 'north',
      outcome,
      missions,
      provenance: { sourceId, reportedAt: `${date}T18:00:00Z`, verification: 'reported' },
      ...over,
    });
  const records = [
    m('2025-03-03', un, 'facilitated', 6),
    m('2025-03-04', un, 'impeded', 2, { toZone: 'south', purpose: 'health' }),
    m('2025-03-05', un, 'denied', 3),
    m('2025-03-06', un, 'postponed-cancelled', 1, { purpose: 'fuel' }),
    m('2025-03-03', ba, 'facilitated', 11),
    m('2025-03-05', ba, 'denied', 1),
    m('2025-03-11', ba, 'facilitated', 4, { toZone: 'south' }),
  ];
  return { ...base, records: { movements: records } } as unknown as ChartData<'movements'>;
}

const RANGE = { from: '2025-03-03', to: '2025-03-16' };

describe('movements chart spec', () => {
  it('draws one small multiple per source, weekly, stacked by outcome, never summed', () => {
    const data = fixture();
    const model = buildChart(movementsChart, viewOf(movementsChart, {}, { range: RANGE }), data);
    expect(model.hasData).toBe(true);
    expect(model.plot.kind).toBe('multiples');
    if (model.plot.kind !== 'multiples') return;
    expect(model.plot.items).toHaveLength(2);
    const [first, second] = model.plot.items;
    // The first week: 11 + 1 from one source, 6 + 2 + 3 + 1 from the other, in their own charts.
    const week1 = (item: typeof first) =>
      MOVEMENT_OUTCOMES.map((_, j) => item!.chart.rows[0]![`o${j}`]);
    expect([week1(first), week1(second)]).toEqual(
      expect.arrayContaining([
        [11, 0, 1, 0],
        [6, 2, 3, 1],
      ]),
    );
    // The source that reported nothing in the second week has a gap there, not zeros.
    const un = model.plot.items.find((i) => week1(i)[0] === 6)!;
    expect(un.chart.rows[1]!.o0).toBeNull();
    expect(un.chart.bars!.map((b) => b.pattern)).toEqual(['solid', 'hatch', 'cross', 'dots']);
    // One count axis for every source's chart, ending on a round number above the largest week.
    expect(model.plot.items.map((i) => i.chart.yDomain)).toEqual([
      [0, 15],
      [0, 15],
    ]);
  });

  it('says the period’s totals per source in the subtitle, with shares adding up to 100 %', () => {
    const model = buildChart(
      movementsChart,
      viewOf(movementsChart, {}, { range: RANGE }),
      fixture(),
    );
    expect(model.subtitle).toMatch(
      /12 requests: 6 facilitated \(50%\), 2 impeded \(17%\), 3 denied \(25%\), 1 postponed or cancelled \(8%\)/,
    );
    expect(model.subtitle).toMatch(
      /16 requests: 15 facilitated \(94%\), 0 impeded \(0%\), 1 denied \(6%\)/,
    );
    expect(model.notes.join(' ')).toMatch(/A request is one humanitarian movement/);
    expect(model.legend.map((l) => l.label)).toEqual([
      'Facilitated',
      'Impeded',
      'Denied',
      'Postponed or cancelled',
    ]);
  });

  it('shows shares of each bar that add up to 100 %', () => {
    const model = buildChart(
      movementsChart,
      viewOf(movementsChart, { show: 'share' }, { range: RANGE }),
      fixture(),
    );
    if (model.plot.kind !== 'multiples') throw new Error('multiples expected');
    for (const item of model.plot.items) {
      expect(item.chart.yDomain).toEqual([0, 100]);
      for (const row of item.chart.rows) {
        const values = MOVEMENT_OUTCOMES.map((_, j) => row[`o${j}`]);
        if (values[0] === null) continue;
        expect((values as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
      }
    }
    for (const row of model.table.rows) {
      const shares = row.values!.slice(-4) as number[];
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    }
  });

  it('splits by destination zone and by purpose, each source apart', () => {
    const data = fixture();
    const byZone = buildChart(
      movementsChart,
      viewOf(movementsChart, { split: 'zone' }, { range: RANGE }),
      data,
    );
    if (byZone.plot.kind !== 'multiples') throw new Error('multiples expected');
    expect(byZone.plot.items.map((i) => i.title)).toHaveLength(4);
    expect(byZone.plot.items.every((i) => / — To the (north|south)$/.test(i.title))).toBe(true);
    // Each row answers "who says so?" with its own source's records of that zone and week.
    const row = byZone.table.rows.find((r) => r.cells[0]!.endsWith('To the south'))!;
    expect(row.behind).toMatchObject({
      dataset: 'movements',
      from: row.iso!.split('/')[0],
      match: { toZone: 'south' },
    });
    const byPurpose = buildChart(
      movementsChart,
      viewOf(movementsChart, { split: 'purpose' }, { range: RANGE }),
      data,
    );
    if (byPurpose.plot.kind !== 'multiples') throw new Error('multiples expected');
    expect(byPurpose.plot.items.map((i) => i.title.split(' — ')[1])).toEqual(
      expect.arrayContaining(['Food', 'Health', 'Fuel']),
    );
  });

  it('follows the verification filter', () => {
    const model = buildChart(
      movementsChart,
      viewOf(
        movementsChart,
        {},
        {
          range: RANGE,
          filters: {
            range: { preset: '30d' },
            crossings: [],
            commodities: [],
            verification: ['verified'],
          },
        },
      ),
      fixture(),
    );
    expect(model.hasData).toBe(false);
  });
});

describe('the shared count axis', () => {
  it('ends on a round number at or above the largest week', () => {
    expect([143, 1644, 8, 1, 0.5, 100, 101].map(roundedUp)).toEqual([
      150, 2000, 8, 1, 0.5, 100, 150,
    ]);
  });
});
