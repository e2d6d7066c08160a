import { placeNameOf } from '../../domain/place-names.ts';
import { defineChart } from '../../charts/chart-spec.ts';
import { gapSeries } from '../../domain/crossing-page.ts';
import type { TruckGapsRollup } from '../../domain/rollup.ts';
import { rollupShares } from '../../domain/rollup-series.ts';
import { bandsFor, bucketsFor } from '../../domain/series.ts';
import { lineLegend, type ChartTable, type LegendEntry } from '../../ui/chart/chart-model.ts';
import { seriesColour } from '../../ui/chart/palette.ts';
import type { BarSpec, LineSpec, Row } from '../../ui/chart/time-chart.tsx';
import { bucketIso, bucketLabel, periodLabel, tickFormatter } from '../../ui/chart/time-labels.ts';
import { formatNumber } from '../../ui/format.ts';
import { linesResolution } from './trucks-chart.ts';

const HEIGHT = 280;

/**
 * The gaps between stages at one crossing, per source: trucks waiting for collection (a stock:
 * the figure of each period's last reported day, never a sum of days) as lines, and trucks
 * intercepted on the route (a flow: summed over the period) as bars beside each other.
 */
export function crossingGapsChart(crossingId: string) {
  return defineChart({
    id: 'crossing-gaps',
    title: 'crossingPage.gaps.title',
    datasets: [],
    rollup: {
      dataset: 'truck-gaps',
      ask: (view) => ({
        resolution: view.full ? 'day' : linesResolution(view.range, view.width),
        crossingIds: [crossingId],
      }),
    },
    bands: true,
    urlPrefix: 'cgaps',
    options: {},
    renderer: 'time',
    className: 'crossing-gaps',
    build({ theatre, rollup, events }, view) {
      const { t, locale, range, sourceName } = view;
      const resolution = rollup?.resolution ?? 'day';
      const rows = ((rollup?.rows ?? []) as readonly TruckGapsRollup[]).filter(
        (r) => r.crossingId === crossingId,
      );
      const buckets = bucketsFor(range, resolution);
      const series = gapSeries(rows, buckets, view.filters);
      const shown = rows.filter(
        (r) =>
          view.filters.verification.length === 0 ||
          view.filters.verification.includes(r.verification),
      );
      const colourOf = (i: number) => seriesColour(i);
      const chartRows: Row[] = buckets.map((b, i) => {
        const row: Row = { key: b.key };
        series.forEach((s, si) => {
          row[`w${si}`] = s.waitingLast[i] ?? null;
          row[`x${si}`] = s.intercepted[i] ?? null;
        });
        return row;
      });
      const waitingName = (sourceId: string) =>
        t('crossingPage.gaps.waiting', { source: sourceName(sourceId) });
      const interceptedName = (sourceId: string) =>
        t('crossingPage.gaps.intercepted', { source: sourceName(sourceId) });
      const lines: LineSpec[] = series
        .map((s, si) => ({ s, si }))
        .filter(({ s }) => s.waitingLast.some((v) => v !== null))
        .map(({ s, si }) => ({
          dataKey: `w${si}`,
          name: waitingName(s.sourceId),
          colour: colourOf(si),
          width: 2,
        }));
      const bars: BarSpec[] = series
        .map((s, si) => ({ s, si }))
        .filter(({ s }) => s.intercepted.some((v) => v !== null))
        .map(({ s, si }) => ({
          dataKey: `x${si}`,
          name: interceptedName(s.sourceId),
          stackId: `x${si}`,
          colour: colourOf(si),
          pattern: 'hatch' as const,
        }));
      const legend: LegendEntry[] = [
        ...lineLegend(lines),
        ...bars.map((b) => ({
          label: b.name,
          colour: b.colour,
          pattern: b.pattern,
          shape: 'box' as const,
        })),
      ];
      const count = (v: number | null | undefined) =>
        v == null ? t('chart.noReport') : formatNumber(v, locale);
      const bands = bandsFor(events, buckets, view.timeZone);
      const describe = (key: string) => {
        const i = buckets.findIndex((b) => b.key === key);
        const b = buckets[i];
        if (!b) return undefined;
        return {
          title: bucketLabel(b, resolution, t, locale),
          lines: series.flatMap((s) => [
            { label: waitingName(s.sourceId), value: count(s.waitingLast[i]) },
            { label: interceptedName(s.sourceId), value: count(s.intercepted[i]) },
          ]),
        };
      };
      const table: ChartTable = {
        caption: t('crossingPage.gaps.caption'),
        columns: [
          { label: t(`chart.col.${resolution}`) },
          { label: t('source.label') },
          { label: t('chart.col.daysReported') },
          {
            label: t('crossingPage.gaps.col.waitingLast'),
            numeric: true,
            unit: t('crossingPage.unit.trucks'),
          },
          {
            label: t('crossingPage.gaps.col.waitingMax'),
            numeric: true,
            unit: t('crossingPage.unit.trucks'),
          },
          {
            label: t('crossingPage.gaps.col.intercepted'),
            numeric: true,
            unit: t('crossingPage.unit.trucks'),
          },
        ],
        rows: buckets.flatMap((b, i) =>
          series
            .filter((s) => s.reported[i]! > 0)
            .map((s) => ({
              key: `${b.key}-${s.sourceId}`,
              header: bucketLabel(b, resolution, t, locale),
              iso: bucketIso(b, resolution),
              cells: [
                sourceName(s.sourceId),
                t('chart.daysOf', { reported: s.reported[i]!, days: b.days }),
                count(s.waitingLast[i]),
                count(s.waitingMax[i]),
                count(s.intercepted[i]),
              ],
              values: [
                sourceName(s.sourceId),
                s.reported[i]!,
                s.waitingLast[i] ?? null,
                s.waitingMax[i] ?? null,
                s.intercepted[i] ?? null,
              ],
              source: sourceName(s.sourceId),
              behind: {
                dataset: 'truck-gaps' as const,
                from: b.from,
                to: b.to,
                sourceId: s.sourceId,
                match: { crossingId },
                verification: view.filters.verification,
              },
            })),
        ),
      };
      return {
        subtitle: t('crossingPage.gaps.subtitle', {
          crossing: placeNameOf(theatre.crossings, crossingId, locale),
          period: periodLabel(range, t, locale),
          resolution: t(`crossingPage.gaps.resolution.${resolution}`),
        }),
        legend,
        notes: [
          t('crossingPage.gaps.note.stock'),
          t('crossingPage.gaps.note.never'),
          t('chart.note.gaps'),
        ],
        bands,
        shares: rollupShares(shown),
        table,
        hasData: series.length > 0,
        height: HEIGHT,
        plot: {
          kind: 'time',
          chart: {
            height: HEIGHT,
            rows: chartRows,
            lines,
            bars,
            bands,
            tickFormat: tickFormatter(resolution, locale, range),
            valueFormat: (v: number) => formatNumber(v, locale, { notation: 'compact' }),
            describe,
          },
        },
      };
    },
  });
}
