import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { inventoryQuery } from '../data/source-status.ts';
import { useActiveSource } from '../data/source-context.tsx';
import { incompleteDays, rejectedIn, type IncompleteDays } from '../domain/incomplete-days.ts';
import type { Band } from '../domain/series.ts';
import type { Day } from '../domain/time.ts';
import { BAND_STYLE } from '../ui/chart/palette.ts';
import type { Translate } from '../ui/i18n/translate.ts';
import type { ChartModel, RendererKind } from './chart-spec.ts';
import { dataFilesWords } from '../ui/i18n/pages/data-files.ts';
import { provideWords } from '../ui/i18n/translate.ts';

// Their words come with them (see provideWords), before anything of them renders.
provideWords(dataFilesWords);

export const INCOMPLETE_KIND = 'incomplete';

/**
 * The rejected rows of the source in view (a table read whole: a dropped file, an HXL or CKAN
 * table) counted per day of `range`, for the datasets a chart reads; undefined for a source
 * that keeps no such list or has nothing rejected.
 */
export function useIncompleteDays(
  datasets: readonly string[],
  range: { from: Day; to: Day },
): IncompleteDays | undefined {
  const { adapter } = useActiveSource();
  const inventory = useQuery({
    ...inventoryQuery(adapter),
    enabled: typeof adapter.inventory === 'function',
  });
  const rejected = inventory.data?.rejected;
  const key = datasets.join(',');
  return useMemo(() => {
    if (!rejected?.length) return undefined;
    const found = incompleteDays(rejected, key.split(','), range);
    return found.days.size || found.undated ? found : undefined;
  }, [rejected, key, range]);
}

/**
 * A time chart's model with the days that lost rows marked: a hatched band over each bucket
 * holding one (with a legend entry), a note counting them (and the rows no day could be found
 * for), and a column of rejected rows in the table — so a low day is never read as a true one.
 */
export function markIncomplete<R extends RendererKind>(
  model: ChartModel<R>,
  incomplete: IncompleteDays | undefined,
  t: Translate,
): ChartModel<R> {
  if (!incomplete || model.plot.kind !== 'time') return model;
  const buckets = new Map<string, { key: Day; rejected: number }>();
  for (const row of model.table.rows) {
    if (!row.iso || buckets.has(row.iso)) continue;
    buckets.set(row.iso, {
      key: row.iso.split('/')[0] as Day,
      rejected: rejectedIn(incomplete, row.iso),
    });
  }
  const bands: Band[] = [...buckets.values()]
    .filter((b) => b.rejected > 0)
    .map((b) => ({
      id: `${INCOMPLETE_KIND}-${b.key}`,
      kind: INCOMPLETE_KIND,
      title: t('chart.incomplete.band'),
      sourceId: '',
      x1: b.key,
      x2: b.key,
      from: b.key,
      to: b.key,
    }));
  const style = BAND_STYLE[INCOMPLETE_KIND]!;
  const days = incomplete.days.size;
  const notes = [
    ...(days ? [t('chart.incomplete.note', { count: days })] : []),
    ...(incomplete.undated ? [t('chart.incomplete.undated', { count: incomplete.undated })] : []),
  ];
  const plot = model.plot as ChartModel<'time'>['plot'];
  return {
    ...model,
    legend: bands.length
      ? [
          ...model.legend,
          {
            label: t('chart.incomplete.legend'),
            colour: style.colour,
            shape: 'band',
            pattern: 'hatch',
          },
        ]
      : model.legend,
    notes: [...model.notes, ...notes],
    table: {
      ...model.table,
      columns: [...model.table.columns, { label: t('chart.incomplete.col'), numeric: true }],
      rows: model.table.rows.map((row) => {
        const rejected = row.iso ? (buckets.get(row.iso)?.rejected ?? 0) : 0;
        return {
          ...row,
          cells: [...row.cells, rejected ? t('chart.incomplete.cell', { count: rejected }) : '—'],
          ...(row.values ? { values: [...row.values, rejected] } : {}),
        };
      }),
    },
    plot: {
      ...plot,
      chart: { ...plot.chart, bands: [...(plot.chart.bands ?? []), ...bands] },
    } as unknown as ChartModel<R>['plot'],
  };
}
