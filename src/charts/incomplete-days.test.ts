import { describe, expect, it } from 'vitest';
import { incompleteDays } from '../domain/incomplete-days.ts';
import type { DataIssue } from '../domain/validate.ts';
import type { Translate } from '../ui/i18n/translate.ts';
import type { ChartModel } from './chart-spec.ts';
import { markIncomplete } from './incomplete-days.ts';

const t = ((key: string, params?: Record<string, unknown>) =>
  params ? `${key} ${JSON.stringify(params)}` : key) as unknown as Translate;

const issue = (day?: string): DataIssue => ({
  sourceId: 'file-x',
  dataset: 'aid-flow',
  position: 1,
  record: `row:${day ?? 'none'}`,
  field: '',
  reason: '',
  reasons: [],
  raw: {},
  ...(day ? { day } : {}),
});

/** Two weekly buckets, each with two rows (two crossings). */
function weekly(): ChartModel<'time'> {
  const row = (iso: string, group: string) => ({
    key: `${iso}-${group}`,
    header: iso,
    iso,
    cells: [group, '12'],
    values: [group, 12],
  });
  return {
    subtitle: '',
    legend: [],
    notes: ['a note'],
    bands: [],
    shares: [],
    table: {
      caption: '',
      columns: [{ label: 'Week' }, { label: 'Crossing' }, { label: 'Trucks', numeric: true }],
      rows: [
        row('2026-11-02/2026-11-08', 'a'),
        row('2026-11-02/2026-11-08', 'b'),
        row('2026-11-09/2026-11-15', 'a'),
      ],
    },
    hasData: true,
    height: 300,
    plot: { kind: 'time', chart: { height: 300, rows: [], describe: () => undefined } },
  } as unknown as ChartModel<'time'>;
}

describe('markIncomplete', () => {
  const range = { from: '2026-11-02', to: '2026-11-15' };

  it('hatches each bucket holding a day with rejected rows, notes them and adds a column', () => {
    const found = incompleteDays(
      [issue('2026-11-03'), issue('2026-11-04'), issue(undefined)],
      ['aid-flow'],
      range,
    );
    const marked = markIncomplete(weekly(), found, t);
    const plot = marked.plot as ChartModel<'time'>['plot'];
    expect(plot.chart.bands?.map((b) => [b.kind, b.x1, b.x2])).toEqual([
      ['incomplete', '2026-11-02', '2026-11-02'],
    ]);
    expect(marked.legend).toEqual([
      expect.objectContaining({
        shape: 'band',
        pattern: 'hatch',
        label: 'chart.incomplete.legend',
      }),
    ]);
    expect(marked.notes).toEqual([
      'a note',
      'chart.incomplete.note {"count":2}',
      'chart.incomplete.undated {"count":1}',
    ]);
    expect(marked.table.columns.at(-1)).toEqual({ label: 'chart.incomplete.col', numeric: true });
    expect(marked.table.rows.map((r) => r.values?.at(-1))).toEqual([2, 2, 0]);
    expect(marked.table.rows.map((r) => r.cells.at(-1))).toEqual([
      'chart.incomplete.cell {"count":2}',
      'chart.incomplete.cell {"count":2}',
      '—',
    ]);
  });

  it('leaves a model alone when nothing was rejected', () => {
    const model = weekly();
    expect(markIncomplete(model, undefined, t)).toBe(model);
  });
});
