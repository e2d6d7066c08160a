import { placeNameOf } from '../../domain/place-names.ts';
import { defineChart } from '../../charts/chart-spec.ts';
import type { AidFlowRollup } from '../../domain/rollup.ts';
import { aidFlowSeriesFromRollups } from '../../domain/rollup-series.ts';
import { bandsFor, chooseResolution, dayCount } from '../../domain/series.ts';
import { STAGES } from '../../domain/vocabulary.ts';
import { lineLegend, type ChartTable, type LegendEntry } from '../../ui/chart/chart-model.ts';
import { REFERENCE_STYLE, STAGE_DASHES, seriesColour } from '../../ui/chart/palette.ts';
import type { LineSpec, ReferenceSpec, Row } from '../../ui/chart/time-chart.tsx';
import { bucketIso, bucketLabel, periodLabel, tickFormatter } from '../../ui/chart/time-labels.ts';
import { formatNumber } from '../../ui/format.ts';

const HEIGHT = 300;

/** A point every four pixels or so: lines need less room than grouped bars. */
export function linesResolution(range: { from: string; to: string }, width: number) {
  return chooseResolution(dayCount(range), Math.max(20, Math.floor((width - 70) / 4)));
}

/**
 * Trucks at one crossing by stage and source: one line per stage × source (entered, collected,
 * delivered), never added across sources, against the crossing's daily target. Long ranges are
 * per-day averages over the days each source reported, as on the aid-flow chart.
 */
export function crossingTrucksChart(crossingId: string) {
  return defineChart({
    id: 'crossing-trucks',
    title: 'crossingPage.trucks.title',
    datasets: [],
    rollup: {
      dataset: 'aid-flow',
      ask: (view) => ({
        resolution: view.full ? 'day' : linesResolution(view.range, view.width),
        by: 'crossing',
        crossingIds: [crossingId],
        commodities: view.filters.commodities,
      }),
    },
    bands: true,
    urlPrefix: 'ctrucks',
    options: {},
    renderer: 'time',
    className: 'crossing-trucks',
    build({ theatre, rollup, events }, view) {
      const { t, locale, range, sourceName } = view;
      const resolution = rollup?.resolution ?? 'day';
      const rows = ((rollup?.rows ?? []) as readonly AidFlowRollup[]).filter(
        (r) => r.crossingId === crossingId,
      );
      const { shares, ...series } = aidFlowSeriesFromRollups(rows, {
        range,
        // The page is this crossing's: the overview's crossing filter does not apply here.
        filters: { ...view.filters, crossings: [] },
        measure: 'trucks',
        stackBy: 'crossing',
        stages: STAGES,
        resolution,
      });
      const sources = [...new Set(series.groups.map((g) => g.sourceId))].sort();
      const colourOf = (sourceId: string) => seriesColour(sources.indexOf(sourceId));
      const groupName = (g: { stage: (typeof STAGES)[number]; sourceId: string }) =>
        t('aidFlow.group', { stage: t(`stage.${g.stage}`), source: sourceName(g.sourceId) });
      const target = theatre.crossings.find((c) => c.id === crossingId)?.targetTrucksPerDay;
      const chartRows: Row[] = series.buckets.map((b, i) => {
        const row: Row = { key: b.key };
        series.groups.forEach((g, gi) => (row[`g${gi}`] = g.total[i] ?? null));
        return row;
      });
      const lines: LineSpec[] = series.groups.map((g, gi) => ({
        dataKey: `g${gi}`,
        name: groupName(g),
        colour: colourOf(g.sourceId),
        dash: STAGE_DASHES[g.stage],
        width: 2,
      }));
      const references: ReferenceSpec[] = target
        ? [{ y: target, label: t('aidFlow.target', { value: target }), ...REFERENCE_STYLE.target }]
        : [];
      const legend: LegendEntry[] = lineLegend([...lines, ...references]);
      const value = (v: number) =>
        formatNumber(v, locale, { maximumFractionDigits: v < 10 ? 1 : 0 });
      const unit = t('crossingPage.trucks.unit');
      const bands = bandsFor(events, series.buckets, view.timeZone);
      const describe = (key: string) => {
        const i = series.buckets.findIndex((b) => b.key === key);
        const b = series.buckets[i];
        if (!b) return undefined;
        return {
          title: bucketLabel(b, resolution, t, locale),
          lines: series.groups.map((g) => ({
            label: groupName(g),
            value: g.total[i] == null ? t('chart.noReport') : `${value(g.total[i]!)} ${unit}`,
          })),
        };
      };
      const table: ChartTable = {
        caption: t('crossingPage.trucks.caption', { unit }),
        columns: [
          { label: t(`chart.col.${resolution}`) },
          { label: t('aidFlow.col.group') },
          { label: t('chart.col.daysReported') },
          { label: t('crossingPage.trucks.col.trucks', { unit }), numeric: true, unit },
        ],
        rows: series.buckets.flatMap((b, i) =>
          series.groups.map((g) => ({
            key: `${b.key}-${g.id}`,
            header: bucketLabel(b, resolution, t, locale),
            iso: bucketIso(b, resolution),
            cells: [
              groupName(g),
              t('chart.daysOf', { reported: g.reported[i]!, days: b.days }),
              g.total[i] == null ? t('chart.noReport') : value(g.total[i]!),
            ],
            values: [groupName(g), g.reported[i] ?? 0, g.total[i] ?? null],
            source: sourceName(g.sourceId),
            behind: {
              dataset: 'aid-flow' as const,
              from: b.from,
              to: b.to,
              sourceId: g.sourceId,
              match: { crossingId, stage: g.stage },
              oneOf: { commodity: view.filters.commodities },
              verification: view.filters.verification,
            },
          })),
        ),
      };
      return {
        subtitle: t('crossingPage.trucks.subtitle', {
          crossing: placeNameOf(theatre.crossings, crossingId, locale),
          unit,
          period: periodLabel(range, t, locale),
          resolution: t(`chart.resolution.${resolution}`),
        }),
        legend,
        notes: [
          t('aidFlow.note.never'),
          ...(resolution !== 'day' ? [t(`chart.note.rolledUp.${resolution}`)] : []),
          t('chart.note.gaps'),
        ],
        bands,
        shares,
        table,
        hasData: series.recordCount > 0,
        height: HEIGHT,
        plot: {
          kind: 'time',
          chart: {
            height: HEIGHT,
            rows: chartRows,
            lines,
            references,
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
