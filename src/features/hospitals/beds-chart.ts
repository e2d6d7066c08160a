import { defineChart, type ChartWords } from '../../charts/chart-spec.ts';
import type { HospitalSeries } from '../../domain/hospital-series.ts';
import { bandsFor } from '../../domain/series.ts';
import type { ChartTable } from '../../ui/chart/chart-model.ts';
import { OKABE_ITO } from '../../ui/chart/palette.ts';
import { bucketIso, bucketLabel, periodLabel, tickFormatter } from '../../ui/chart/time-labels.ts';
import { formatNumber } from '../../ui/format.ts';
import {
  bucketTooltip,
  facilityRollup,
  facilitySeries,
  HEIGHT,
  hospitalWords,
} from './hospital-words.ts';

/** Beds available against occupied, one point per pixel at most. */
export const bedsChart = defineChart({
  id: 'hospitals-beds',
  title: 'hospitals.beds.title',
  datasets: [],
  rollup: facilityRollup((width) => width - 70),
  bands: true,
  urlPrefix: 'hospitals-beds',
  options: {},
  renderer: 'time',
  build({ rollup, events }, view) {
    const { t, locale, range } = view;
    const words = hospitalWords(view);
    const { shares, ...s } = facilitySeries(rollup, view);
    const { resolution } = s;
    const bands = bandsFor(events, s.buckets, view.timeZone);
    const available = t('hospitals.beds.available');
    const occupied = t('hospitals.beds.occupied');
    return {
      subtitle: t('hospitals.beds.subtitle', {
        period: periodLabel(range, t, locale),
        resolution: t(`chart.resolution.${resolution}`),
      }),
      legend: [
        { label: available, colour: OKABE_ITO.blue, shape: 'line' },
        { label: occupied, colour: OKABE_ITO.vermillion, dash: '5 3', shape: 'line' },
      ],
      notes: [t('hospitals.beds.note'), ...words.notes(resolution)],
      bands,
      shares,
      table: tableOf(s, view),
      hasData: s.recordCount > 0,
      height: HEIGHT,
      plot: {
        kind: 'time',
        chart: {
          height: HEIGHT,
          rows: s.buckets.map((b, i) => ({
            key: b.key,
            available: s.bedsAvailable[i] ?? null,
            occupied: s.bedsOccupied[i] ?? null,
          })),
          lines: [
            { dataKey: 'available', name: available, colour: OKABE_ITO.blue },
            { dataKey: 'occupied', name: occupied, colour: OKABE_ITO.vermillion, dash: '5 3' },
          ],
          bands,
          tickFormat: tickFormatter(resolution, locale, range),
          valueFormat: (v: number) => formatNumber(v, locale, { notation: 'compact' }),
          describe: bucketTooltip(s, view, (i) => [
            { label: available, value: words.num(s.bedsAvailable[i]) },
            { label: occupied, value: words.num(s.bedsOccupied[i]) },
          ]),
        },
      },
    };
  },
});

/** What the chart shows, and the full-range CSV from the same code. */
function tableOf(s: HospitalSeries, view: Pick<ChartWords, 't' | 'locale'>): ChartTable {
  const { t, locale } = view;
  const { num } = hospitalWords(view);
  return {
    caption: t('hospitals.beds.caption'),
    columns: [
      { label: t(`chart.col.${s.resolution}`) },
      { label: t('hospitals.beds.available'), numeric: true, unit: t('export.unit.beds') },
      { label: t('hospitals.beds.occupied'), numeric: true, unit: t('export.unit.beds') },
    ],
    rows: s.buckets.map((b, i) => ({
      key: b.key,
      header: bucketLabel(b, s.resolution, t, locale),
      iso: bucketIso(b, s.resolution),
      cells: [num(s.bedsAvailable[i]), num(s.bedsOccupied[i])],
      values: [s.bedsAvailable[i] ?? null, s.bedsOccupied[i] ?? null],
    })),
  };
}
