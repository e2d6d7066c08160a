import { useQueryClient } from '@tanstack/react-query';
import { memo, Suspense, useMemo, useState } from 'react';
import { datasetQuery, useDataset, useSourceName, useTheatre } from '../../data/queries.ts';
import { useActiveSource } from '../../data/source-context.tsx';
import { useViewState } from '../../data/view-state.ts';
import { aidFlowShares } from '../../domain/aid-flow-index.ts';
import {
  aidFlowSeries,
  type AidFlowSeries,
  type FlowMeasure,
  type StackBy,
} from '../../domain/aid-flow-series.ts';
import { dataSpan } from '../../domain/date-bounds.ts';
import { matchesFilters } from '../../domain/filters.ts';
import { bandsFor, chooseResolution, dayCount } from '../../domain/series.ts';
import { STAGES, type Commodity, type Stage } from '../../domain/vocabulary.ts';
import { ChartFrame, ChartPlaceholder } from '../../ui/chart/chart-frame.tsx';
import type { ChartDescription, ChartTable, LegendEntry } from '../../ui/chart/chart-model.ts';
import { sourceCredits } from '../../ui/chart/credits.ts';
import { LazyTimeChart } from '../../ui/chart/lazy.tsx';
import {
  BAND_STYLE,
  COMMODITY_COLOURS,
  REFERENCE_STYLE,
  STAGE_PATTERNS,
  seriesColour,
} from '../../ui/chart/palette.ts';
import type { BarSpec, LineSpec, ReferenceSpec, Row } from '../../ui/chart/time-chart.tsx';
import { bucketIso, bucketLabel, periodLabel, tickFormatter } from '../../ui/chart/time-labels.ts';
import { useChartWidth, usePrefersReducedMotion } from '../../ui/chart/use-chart-size.ts';
import { formatDay, formatNumber } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import {
  RecordsOutsideRange,
  RejectedRecords,
  QueryErrorNotices,
  panelState,
} from '../../ui/panel.tsx';
import './aid-flow.css';

const HEIGHT = 320;
const AVERAGE_DASHES = ['', '5 3', '2 2', '8 3 2 3'];

/**
 * Aid flow: trucks (or tonnes) per day, one bar per source and stage, stacked by commodity or
 * crossing; target and pre-crisis lines; a 7-day average; pauses and cease-fire phases as bands.
 * Two sources counting the same stage stand side by side, never added up.
 */
export const AidFlowPanel = memo(function AidFlowPanel() {
  const { t, locale } = useI18n();
  const { source, adapter } = useActiveSource();
  const queryClient = useQueryClient();
  const { filters, range, timeZone, coverage } = useViewState(['aid-flow', 'events']);
  const theatreQuery = useTheatre();
  const flows = useDataset('aid-flow', range);
  const events = useDataset('events', range);
  const sourceName = useSourceName();
  const animate = !usePrefersReducedMotion();
  const [plotRef, width] = useChartWidth<HTMLDivElement>();
  const [stackBy, setStackBy] = useState<StackBy>('commodity');
  const [measure, setMeasure] = useState<FlowMeasure>('trucks');
  const [stages, setStages] = useState<readonly Stage[]>(['entered', 'collected']);
  const theatre = theatreQuery.data?.theatre;

  const crossingOrder = useMemo(() => theatre?.crossings.map((c) => c.id) ?? [], [theatre]);
  const records = flows.data?.records;
  // Groups are side by side: each bucket needs ~3 px per group, plus a gap.
  const groupGuess = Math.max(1, stages.length + (stages.includes('entered') ? 1 : 0));
  const resolution = chooseResolution(
    dayCount(range),
    Math.floor((width - 70) / (groupGuess * 3 + 2)),
  );
  const series = useMemo(
    () =>
      records
        ? aidFlowSeries(records, {
            range,
            filters,
            measure,
            stackBy,
            stages,
            crossingOrder,
            resolution,
          })
        : undefined,
    // range is a fresh object each render: depend on its days.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [records, range.from, range.to, filters, measure, stackBy, stages, crossingOrder, resolution],
  );
  const shares = useMemo(
    () => (records ? aidFlowShares(records, filters) : []),
    [records, filters],
  );
  const bands = useMemo(
    () =>
      series && events.data
        ? bandsFor(
            events.data.records.filter((e) => matchesFilters(e, filters)),
            series.buckets,
            timeZone,
          )
        : [],
    [series, events.data, filters, timeZone],
  );

  const value = (v: number) => formatNumber(v, locale, { maximumFractionDigits: v < 10 ? 1 : 0 });
  const unit = t(`aidFlow.unit.${measure}`);
  const stackName = (key: string) =>
    stackBy === 'commodity'
      ? t(`aidFlow.commodity.${key as Commodity}`)
      : (theatre?.crossings.find((c) => c.id === key)?.names.en ?? key);
  const stackColour = (key: string, i: number) =>
    stackBy === 'commodity' ? COMMODITY_COLOURS[key as Commodity] : seriesColour(i);
  const groupName = (g: { stage: Stage; sourceId: string }) =>
    t('aidFlow.group', { stage: t(`stage.${g.stage}`), source: sourceName(g.sourceId) });
  const target = measure === 'trucks' ? theatre?.baselines.trucksPerDayTarget : undefined;
  const preCrisis = measure === 'trucks' ? theatre?.baselines.trucksPerDayPreCrisis : undefined;

  const fmt = (v: number | null | undefined) => (v == null ? t('chart.noReport') : value(v));
  const credits = theatre ? sourceCredits(shares, theatre.sources, t, locale) : [];
  /** The table of a series: what the chart shows, and the full-range CSV from the same code. */
  const tableOf = (s: AidFlowSeries): ChartTable => ({
    caption: t('aidFlow.table.caption', { unit }),
    columns: [
      { label: t(`chart.col.${s.resolution}`) },
      { label: t('aidFlow.col.group') },
      { label: t('chart.col.daysReported') },
      { label: t('aidFlow.col.total', { unit }), numeric: true },
      ...s.stackKeys.map((k) => ({ label: stackName(k), numeric: true, unit })),
    ],
    rows: s.buckets.flatMap((b, i) =>
      s.groups.map((g) => {
        const source = sourceName(g.sourceId);
        return {
          key: `${b.key}-${g.id}`,
          header: bucketLabel(b, s.resolution, t, locale),
          iso: bucketIso(b, s.resolution),
          cells: [
            groupName(g),
            t('chart.daysOf', { reported: g.reported[i]!, days: b.days }),
            fmt(g.total[i]),
            ...s.stackKeys.map((k) => fmt(g.stacks.get(k)?.[i])),
          ],
          values: [
            groupName(g),
            g.reported[i] ?? 0,
            g.total[i] ?? null,
            ...s.stackKeys.map((k) => g.stacks.get(k)?.[i] ?? null),
          ],
          source,
          verification: credits.find((c) => c.name === source)?.verification,
        };
      }),
    ),
  });
  /** Every day the source covers, daily, with the same filters, stages and stacking. */
  const fullTable = async () => {
    const all = await queryClient.fetchQuery(datasetQuery(adapter, 'aid-flow', coverage));
    return tableOf(
      aidFlowSeries(all.records, {
        range: dataSpan(
          all.records.map((r) => r.date),
          coverage,
        ),
        filters,
        measure,
        stackBy,
        stages,
        crossingOrder,
        resolution: 'day',
      }),
    );
  };

  const rows: Row[] = [];
  const bars: BarSpec[] = [];
  const lines: LineSpec[] = [];
  const legend: LegendEntry[] = [];
  const notes: string[] = [];
  let table: ChartTable | undefined;
  if (series) {
    series.buckets.forEach((b, i) => {
      const row: Row = { key: b.key };
      series.groups.forEach((g, gi) => {
        series.stackKeys.forEach((k, si) => {
          row[`g${gi}s${si}`] = g.stacks.get(k)?.[i] ?? null;
        });
        row[`a${gi}`] = g.average7?.[i] ?? null;
      });
      rows.push(row);
    });
    series.groups.forEach((g, gi) => {
      series.stackKeys.forEach((k, si) =>
        bars.push({
          dataKey: `g${gi}s${si}`,
          name: `${groupName(g)} · ${stackName(k)}`,
          stackId: `g${gi}`,
          colour: stackColour(k, si),
          pattern: STAGE_PATTERNS[g.stage],
        }),
      );
      if (g.average7)
        lines.push({
          dataKey: `a${gi}`,
          name: t('aidFlow.average', { group: groupName(g) }),
          colour: '#13202e',
          dash: AVERAGE_DASHES[gi % AVERAGE_DASHES.length],
          width: 1.75,
        });
    });
    series.stackKeys.forEach((k, si) =>
      legend.push({ label: stackName(k), colour: stackColour(k, si), shape: 'box' }),
    );
    for (const stage of STAGES)
      if (series.groups.some((g) => g.stage === stage))
        legend.push({
          label: t(`aidFlow.stagePattern.${stage}`),
          colour: '#5f6b7a',
          pattern: STAGE_PATTERNS[stage],
          shape: 'box',
        });
    lines.forEach((l) =>
      legend.push({ label: l.name, colour: l.colour, dash: l.dash, shape: 'line' }),
    );
    if (target)
      legend.push({
        label: t('aidFlow.target', { value: target }),
        colour: REFERENCE_STYLE.target.colour,
        dash: REFERENCE_STYLE.target.dash,
        shape: 'line',
      });
    if (preCrisis)
      legend.push({
        label: t('aidFlow.preCrisis', { value: preCrisis }),
        colour: REFERENCE_STYLE.baseline.colour,
        dash: REFERENCE_STYLE.baseline.dash,
        shape: 'line',
      });
    for (const kind of ['pause', 'ceasefire-phase'] as const)
      if (bands.some((b) => b.kind === kind))
        legend.push({
          label: t(`chart.band.${kind}`),
          colour: BAND_STYLE[kind]!.colour,
          shape: 'band',
        });

    if (series.groups.length > 1)
      notes.push(t('aidFlow.note.order', { groups: series.groups.map(groupName).join('; ') }));
    notes.push(t('aidFlow.note.never'));
    if (series.resolution !== 'day') notes.push(t(`chart.note.rolledUp.${series.resolution}`));
    else notes.push(t('aidFlow.note.average'));
    notes.push(t('chart.note.gaps'));
    if (measure === 'tonnes') notes.push(t('aidFlow.note.fuel'));
    for (const b of bands)
      notes.push(
        t('chart.note.band', {
          kind: t(`chart.band.${b.kind as 'pause'}`),
          title: b.title,
          from: formatDay(b.from, locale),
          to: b.to ? formatDay(b.to, locale) : t('chart.ongoing'),
          source: sourceName(b.sourceId),
        }),
      );
    if (events.isError) notes.push(t('chart.note.noBands'));

    table = tableOf(series);
  }
  const references: ReferenceSpec[] = [];
  if (target)
    references.push({
      y: target,
      label: t('aidFlow.target', { value: target }),
      colour: REFERENCE_STYLE.target.colour,
      dash: REFERENCE_STYLE.target.dash,
    });
  if (preCrisis)
    references.push({
      y: preCrisis,
      label: t('aidFlow.preCrisis', { value: preCrisis }),
      colour: REFERENCE_STYLE.baseline.colour,
      dash: REFERENCE_STYLE.baseline.dash,
    });

  const description: ChartDescription = {
    id: 'aid-flow',
    title: t('aidFlow.title'),
    subtitle: t('aidFlow.subtitle', {
      unit,
      by: t(`aidFlow.by.${stackBy}`),
      period: periodLabel(range, t, locale),
      resolution: t(`chart.resolution.${series?.resolution ?? resolution}`),
    }),
    sources: credits,
    legend,
    notes,
  };

  const state = panelState([theatreQuery, flows], Boolean(series && series.recordCount > 0));

  const describe = (key: string) => {
    if (!series) return undefined;
    const i = series.buckets.findIndex((b) => b.key === key);
    const b = series.buckets[i];
    if (!b) return undefined;
    return {
      title: bucketLabel(b, series.resolution, t, locale),
      lines: series.groups.flatMap((g) => [
        {
          label: groupName(g),
          value: g.total[i] == null ? t('chart.noReport') : `${value(g.total[i]!)} ${unit}`,
        },
        ...(g.average7?.[i] != null
          ? [{ label: t('aidFlow.average.short'), value: value(g.average7[i]!) }]
          : []),
      ]),
    };
  };

  const toggleStage = (stage: Stage) =>
    setStages((current) =>
      current.includes(stage)
        ? current.length > 1
          ? current.filter((s) => s !== stage)
          : current
        : STAGES.filter((s) => s === stage || current.includes(s)),
    );

  return (
    <ChartFrame
      description={description}
      table={table}
      fullTable={fullTable}
      state={state}
      className="aid-flow"
      controls={
        <>
          <fieldset>
            <legend>{t('aidFlow.control.stackBy')}</legend>
            {(['commodity', 'crossing'] as const).map((v) => (
              <label key={v}>
                <input
                  type="radio"
                  name="aid-flow-stack"
                  checked={stackBy === v}
                  onChange={() => setStackBy(v)}
                />
                {t(`aidFlow.by.${v}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('aidFlow.control.measure')}</legend>
            {(['trucks', 'tonnes'] as const).map((v) => (
              <label key={v}>
                <input
                  type="radio"
                  name="aid-flow-measure"
                  checked={measure === v}
                  onChange={() => setMeasure(v)}
                />
                {t(`aidFlow.measure.${v}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('aidFlow.control.stages')}</legend>
            {STAGES.map((s) => (
              <label key={s}>
                <input
                  type="checkbox"
                  checked={stages.includes(s)}
                  onChange={() => toggleStage(s)}
                />
                {t(`stage.${s}`)}
              </label>
            ))}
          </fieldset>
        </>
      }
      notices={
        <>
          <QueryErrorNotices queries={[theatreQuery, flows]} sourceName={source.name} />
          <RejectedRecords issues={flows.data?.issues ?? []} sourceName={sourceName} />
          <RecordsOutsideRange results={[flows.data]} source={source.name} />
        </>
      }
    >
      <div ref={plotRef}>
        <Suspense fallback={<ChartPlaceholder height={HEIGHT} />}>
          <LazyTimeChart
            width={width}
            height={HEIGHT}
            rows={rows}
            bars={bars}
            lines={lines}
            references={references}
            bands={bands}
            tickFormat={tickFormatter(series?.resolution ?? 'day', locale)}
            valueFormat={(v) => formatNumber(v, locale, { notation: 'compact' })}
            describe={describe}
            animate={animate}
            label={description.title}
          />
        </Suspense>
      </div>
    </ChartFrame>
  );
});
