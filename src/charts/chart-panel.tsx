import { createContext, memo, useCallback, useContext, useEffect, useState } from 'react';
import { useChartOptions } from '../data/chart-options.ts';
import { useSourceName } from '../data/queries.ts';
import { useActiveSource } from '../data/source-context.tsx';
import type { DataIssue } from '../domain/validate.ts';
import { ChartFrame } from '../ui/chart/chart-frame.tsx';
import type { ChartTableRow } from '../ui/chart/chart-model.ts';
import { useBoxSize, useChartWidth } from '../ui/chart/use-chart-size.ts';
import { useEmbeddedChart } from '../ui/export/export-context.tsx';
import { useI18n } from '../ui/i18n/context.tsx';
import type { MessageKey } from '../ui/i18n/translate.ts';
import {
  UrlNotices,
  Panel,
  panelState,
  QueryErrorNotices,
  RecordsOutsideRange,
  RejectedRecords,
  type PanelQuery,
} from '../ui/panel.tsx';
import { usePresentation, useRemPx } from '../ui/presentation.tsx';
import { ChartPlot } from './chart-plot.tsx';
import type { AnyChartSpec } from './chart-spec.ts';
import { OptionControls } from './option-controls.tsx';
import { useChart } from './use-chart.ts';
import { WhoSaysSo } from './who-says-so.tsx';

/** What a chart of a group tells its group: the group names failures and rejects once. */
interface ChartReport {
  state: 'loading' | 'ready' | 'error' | 'empty';
  queries: readonly PanelQuery[];
  issues: readonly DataIssue[];
  outsideRange: number;
}
type Report = (id: string, report: ChartReport | undefined) => void;
const GroupReport = createContext<Report | undefined>(undefined);

/** Two reports that would show the same: the group need not draw again. */
const sameReport = (a: ChartReport | undefined, b: ChartReport | undefined) =>
  a !== undefined &&
  b !== undefined &&
  a.state === b.state &&
  a.issues.length === b.issues.length &&
  a.outsideRange === b.outsideRange &&
  a.queries.length === b.queries.length &&
  a.queries.every(
    (q, i) =>
      q.isError === b.queries[i]!.isError &&
      q.isPending === b.queries[i]!.isPending &&
      q.error === b.queries[i]!.error,
  );

/** "Who says so?" for a table row: the row's first cells name the figure. */
const explainRow = (row: ChartTableRow) =>
  row.behind ? (
    <WhoSaysSo behind={row.behind} figure={[row.header, ...row.cells.slice(0, 1)].join(' · ')} />
  ) : null;

/**
 * One chart from its spec (bulletproof-react's "one hook, then a component given specs"). In a
 * group, the group names failed sources and rejected records once for all its charts.
 */
export const ChartPanel = memo(function ChartPanel({
  spec,
  headingLevel = 2,
  grouped = false,
}: {
  spec: AnyChartSpec;
  headingLevel?: 2 | 3;
  grouped?: boolean;
}) {
  const embedded = useEmbeddedChart();
  // On /embed/<chart>, the other charts of a group are neither drawn nor fetched.
  if (embedded && embedded !== spec.id) return null;
  return <ChartBody spec={spec} headingLevel={headingLevel} grouped={grouped && !embedded} />;
});

function ChartBody({
  spec,
  headingLevel,
  grouped,
}: {
  spec: AnyChartSpec;
  headingLevel: 2 | 3;
  grouped: boolean;
}) {
  const { source } = useActiveSource();
  const sourceName = useSourceName();
  const [plotRef, width, widthKnown] = useChartWidth<HTMLDivElement>();
  const wall = usePresentation() === 'wall';
  const remPx = useRemPx();
  // On the wall a rem is 24 px or more: the spec lays the chart out (columns, buckets) for the
  // width it would have at the page's 16 px, so that bars and labels grow with the type (and 4K
  // draws the 1080p chart at twice the size). It is drawn at its real width.
  const chart = useChart(spec, wall ? Math.round((width * 16) / remPx) : width, widthKnown);
  const [boxRef, box] = useBoxSize<HTMLDivElement>(wall);
  const { notices } = useChartOptions(spec.urlPrefix, spec.options);
  const report = useContext(GroupReport);
  const { state, queries, issues, outsideRange } = chart;
  useEffect(() => {
    if (grouped) report?.(spec.id, { state, queries, issues, outsideRange });
  }, [grouped, report, spec.id, state, queries, issues, outsideRange]);
  useEffect(() => () => report?.(spec.id, undefined), [report, spec.id]);
  return (
    <ChartFrame
      description={chart.description}
      table={chart.model?.table}
      fullTable={chart.fullTable}
      state={chart.state}
      queries={chart.queries}
      headingLevel={headingLevel}
      className={spec.className}
      resolution={chart.resolution}
      controls={spec.controls ? <OptionControls spec={spec} /> : undefined}
      explain={explainRow}
      tableShown={spec.tableShown}
      notices={
        <>
          {/* Always there, as wide as the plot: the width is known before the data arrive. */}
          <div ref={plotRef} className="chart__measure" />
          {grouped ? null : <QueryErrorNotices queries={chart.queries} sourceName={source.name} />}
          <UrlNotices notices={notices} />
          {grouped ? null : <RejectedRecords issues={chart.issues} sourceName={sourceName} />}
          {grouped ? null : <RecordsOutsideRange count={chart.outsideRange} source={source.name} />}
        </>
      }
    >
      <div ref={boxRef} className="chart__box">
        {chart.model ? (
          <ChartPlot
            model={chart.model}
            width={width}
            {...(box ? { height: box.height } : {})}
            label={chart.description.title}
          />
        ) : null}
      </div>
    </ChartFrame>
  );
}

/**
 * A panel of several charts (hospitals, utilities): one section with a heading, its sources'
 * failures and rejected records named once, and a chart per spec.
 */
export const ChartGroup = memo(function ChartGroup({
  title,
  subtitle,
  className,
  specs,
}: {
  title: MessageKey;
  subtitle: MessageKey;
  className?: string;
  specs: readonly AnyChartSpec[];
}) {
  const { t } = useI18n();
  const { source } = useActiveSource();
  const sourceName = useSourceName();
  const embedded = useEmbeddedChart();
  const wall = usePresentation() === 'wall';
  const [reports, setReports] = useState<Record<string, ChartReport>>({});
  const report = useCallback<Report>(
    (id, next) =>
      setReports((all) => {
        if (sameReport(all[id], next) || (!next && !(id in all))) return all;
        const rest = { ...all };
        delete rest[id];
        return next ? { ...rest, [id]: next } : rest;
      }),
    [],
  );
  const charts = specs.map((spec) => (
    <ChartPanel key={spec.id} spec={spec} headingLevel={3} grouped />
  ));
  const shown = Object.values(reports);
  const queries = shown.flatMap((r) => r.queries);
  const state =
    shown.length === 0
      ? 'loading'
      : panelState(
          queries,
          shown.some((r) => r.state === 'ready'),
        );
  return (
    <Panel
      title={t(title)}
      subtitle={t(subtitle)}
      state={state}
      className={`${wall ? 'chart-group--wall ' : ''}${className ?? ''}`}
    >
      {embedded ? null : <QueryErrorNotices queries={queries} sourceName={source.name} />}
      <GroupReport.Provider value={report}>
        {wall ? (
          // Side by side on the wall: every chart of the group on the screen at once.
          <div className="chart-group__charts">{charts}</div>
        ) : (
          charts
        )}
      </GroupReport.Provider>
      {embedded ? null : (
        <>
          <RejectedRecords issues={shown.flatMap((r) => r.issues)} sourceName={sourceName} />
          <RecordsOutsideRange
            // Charts reading the same answer count its rows once.
            count={Math.max(0, ...shown.map((r) => r.outsideRange))}
            source={source.name}
          />
        </>
      )}
    </Panel>
  );
});
