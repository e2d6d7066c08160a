import { defineChart, type ChartWords } from '../../charts/chart-spec.ts';
import type { HospitalSeries } from '../../domain/hospital-series.ts';
import { bandsFor } from '../../domain/series.ts';
import { FUNCTIONALITIES } from '../../domain/vocabulary.ts';
import type { ChartTable } from '../../ui/chart/chart-model.ts';
import { FUNCTIONALITY_STYLE } from '../../ui/chart/palette.ts';
import { bucketIso, bucketLabel, periodLabel, tickFormatter } from '../../ui/chart/time-labels.ts';
import { formatNumber } from '../../ui/format.ts';
import {
  bucketTooltip,
  facilityRollup,
  facilitySeries,
  HEIGHT,
  hospitalWords,
} from './hospital-words.ts';

/** Facilities by functionality over time, stacked, one bar per bucket. */
export const functionalityChart = defineChart({
  id: 'hospitals-functionality',
  title: 'hospitals.functionality.title',
  datasets: [],
  rollup: facilityRollup((width) => Math.floor((width - 70) / 4)),
  bands: true,
  urlPrefix: 'hospitals-functionality',
  options: {},
  renderer: 'time',
  build({ rollup, events }, view) {
    const { t, locale, range } = view;
    const words = hospitalWords(view);
    const { shares, ...s } = facilitySeries(rollup, view);
    const { resolution } = s;
    const bands = bandsFor(events, s.buckets, view.timeZone);
    return {
      subtitle: t('hospitals.functionality.subtitle', {
        period: periodLabel(range, t, locale),
        resolution: t(`chart.resolution.${resolution}`),
      }),
      legend: FUNCTIONALITIES.map((l) => ({
        label: words.level(l),
        colour: FUNCTIONALITY_STYLE[l].colour,
        pattern: FUNCTIONALITY_STYLE[l].pattern,
        shape: 'box' as const,
      })),
      notes: words.notes(resolution),
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
            ...Object.fromEntries(FUNCTIONALITIES.map((l) => [l, s.functionality[l][i] ?? null])),
          })),
          bars: FUNCTIONALITIES.map((l) => ({
            dataKey: l,
            name: words.level(l),
            stackId: 'f',
            colour: FUNCTIONALITY_STYLE[l].colour,
            pattern: FUNCTIONALITY_STYLE[l].pattern,
          })),
          bands,
          tickFormat: tickFormatter(resolution, locale, range),
          valueFormat: (v: number) => formatNumber(v, locale),
          describe: bucketTooltip(s, view, (i) =>
            FUNCTIONALITIES.map((l) => ({
              label: words.level(l),
              value: words.num(s.functionality[l][i], 1),
              colour: FUNCTIONALITY_STYLE[l].colour,
            })),
          ),
        },
      },
    };
  },
});

/** What the chart shows, and the full-range CSV from the same code. */
function tableOf(s: HospitalSeries, view: Pick<ChartWords, 't' | 'locale'>): ChartTable {
  const { t, locale } = view;
  const words = hospitalWords(view);
  return {
    caption: t('hospitals.functionality.caption'),
    columns: [
      { label: t(`chart.col.${s.resolution}`) },
      ...FUNCTIONALITIES.map((l) => ({
        label: words.level(l),
        numeric: true,
        unit: t('export.unit.facilities'),
      })),
      { label: t('chart.col.daysReported') },
    ],
    rows: s.buckets.map((b, i) => ({
      key: b.key,
      header: bucketLabel(b, s.resolution, t, locale),
      iso: bucketIso(b, s.resolution),
      cells: [
        ...FUNCTIONALITIES.map((l) => words.num(s.functionality[l][i], 1)),
        t('chart.daysOf', { reported: s.reported[i]!, days: b.days }),
      ],
      values: [...FUNCTIONALITIES.map((l) => s.functionality[l][i] ?? null), s.reported[i] ?? 0],
    })),
  };
}
