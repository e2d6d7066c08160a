import { describe, expect, it } from 'vitest';
import { buildChart, scenarioData, viewOf } from '../../../test/chart-data.ts';
import type { ChartData } from '../../charts/chart-spec.ts';
import { fuelEntrySchema } from '../../domain/schemas.ts';
import { fuelEntryChart } from './fuel-entry-chart.ts';

const RANGE = { from: '2025-03-03', to: '2025-03-09' };

function fixture(): ChartData<'fuel-entry'> {
  const base = scenarioData([]);
  const [a, b] = base.theatre.sources.map((s) => s.id);
  const [ks, rafah] = base.theatre.crossings.map((c) => c.id);
  const f = (
    date: string,
    sourceId: string,
    crossingId: string,
    fuel: string,
    quantity: number,
    need?: number,
  ) =>
    fuelEntrySchema.parse({
      date,
      crossingId,
      fuel,
      quantity,
      unit: fuel === 'cooking-gas' ? 'tonnes' : 'litres',
      ...(need !== undefined ? { need } : {}),
      provenance: { sourceId, reportedAt: `${date}T18:00:00Z`, verification: 'reported' },
    });
  const records = [
    f('2025-03-03', a!, ks!, 'diesel', 120_000, 400_000),
    f('2025-03-03', a!, rafah!, 'diesel', 30_000, 100_000),
    f('2025-03-03', b!, ks!, 'diesel', 90_000),
    f('2025-03-03', a!, ks!, 'petrol', 8_000),
    f('2025-03-03', a!, ks!, 'cooking-gas', 55.5, 200),
    f('2025-03-04', b!, ks!, 'cooking-gas', 40),
  ];
  return { ...base, records: { 'fuel-entry': records } } as unknown as ChartData<'fuel-entry'>;
}

describe('fuel entry chart spec', () => {
  it('gives each fuel its own multiple and unit, never mixing litres and tonnes', () => {
    const model = buildChart(
      fuelEntryChart,
      viewOf(fuelEntryChart, {}, { range: RANGE }),
      fixture(),
    );
    if (model.plot.kind !== 'multiples') throw new Error('multiples expected');
    expect(model.plot.items.map((i) => i.title)).toEqual([
      'Diesel — litres per day',
      'Petrol — litres per day',
      'Cooking gas — tonnes per day',
    ]);
    const gas = model.plot.items[2]!;
    const values = gas.chart.rows.flatMap((r) =>
      Object.entries(r).flatMap(([k, v]) => (k !== 'key' && typeof v === 'number' ? [v] : [])),
    );
    // Tonnes of gas only: no litre figure of diesel or petrol on its axis.
    expect(Math.max(...values)).toBeLessThan(1000);
    for (const row of model.table.rows) {
      const [, fuel, unit] = row.cells;
      expect(unit).toBe(fuel === 'Cooking gas' ? 'tonnes per day' : 'litres per day');
    }
  });

  it('keeps two disagreeing sources as two series, and draws the need each states', () => {
    const data = fixture();
    const model = buildChart(fuelEntryChart, viewOf(fuelEntryChart, {}, { range: RANGE }), data);
    if (model.plot.kind !== 'multiples') throw new Error('multiples expected');
    const diesel = model.plot.items[0]!;
    expect(diesel.chart.bars).toHaveLength(2);
    expect(new Set(diesel.chart.bars!.map((b) => b.stackId)).size).toBe(2);
    const first = diesel.chart.rows[0]!;
    expect([first.q0, first.q1]).toEqual([150_000, 90_000]);
    // The need of the source that states one, summed over its crossings; none for the other.
    expect(first.n0).toBe(500_000);
    expect(diesel.chart.lines).toHaveLength(1);
    const a = data.theatre.sources[0]!.name;
    expect(diesel.chart.lines![0]!.name).toBe(`Need stated by ${a}`);
    expect(model.legend.some((l) => l.shape === 'line' && l.dash)).toBe(true);
    // A day a source did not report is a gap.
    expect(diesel.chart.rows[1]!.q0).toBeNull();
  });

  it('applies the crossings filter at the source', () => {
    const data = fixture();
    const rafah = data.theatre.crossings[1]!.id;
    const model = buildChart(
      fuelEntryChart,
      viewOf(
        fuelEntryChart,
        {},
        {
          range: RANGE,
          filters: {
            range: { preset: '30d' },
            crossings: [rafah],
            commodities: [],
            verification: [],
          },
        },
      ),
      data,
    );
    if (model.plot.kind !== 'multiples') throw new Error('multiples expected');
    expect(model.plot.items[0]!.chart.rows[0]!.q0).toBe(30_000);
    expect(model.plot.items[2]!.empty).toBe(true);
  });
});
