import { memo } from 'react';
import { useChartOptions } from '../data/chart-options.ts';
import { useSourceName } from '../data/queries.ts';
import { useActiveSource } from '../data/source-context.tsx';
import { useViewState } from '../data/view-state.ts';
import type { Dataset } from '../domain/vocabulary.ts';
import { ChartFrame } from '../ui/chart/chart-frame.tsx';
import { useChartWidth } from '../ui/chart/use-chart-size.ts';
import { useEmbeddedChart } from '../ui/export/export-context.tsx';
import { useI18n } from '../ui/i18n/context.tsx';
import type { MessageKey } from '../ui/i18n/translate.ts';
import {
  UrlNotices,
  Panel,
  panelState,
  QueryErrorNotices,
  outsideRangeOf,
  RecordsOutsideRange,
  RejectedRecords,
} from '../ui/panel.tsx';
import { ChartPlot } from './chart-plot.tsx';
import type { AnyChartSpec } from './chart-spec.ts';
import { OptionControls } from './option-controls.tsx';
import { useChart, useDatasets } from './use-chart.ts';

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
  const [plotRef, width] = useChartWidth<HTMLDivElement>();
  const chart = useChart(spec, width);
  const { notices } = useChartOptions(spec.urlPrefix, spec.options);
  return (
    <ChartFrame
      description={chart.description}
      table={chart.model?.table}
      fullTable={chart.fullTable}
      state={chart.state}
      headingLevel={headingLevel}
      className={spec.className}
      controls={spec.controls ? <OptionControls spec={spec} /> : undefined}
      notices={
        <>
          {grouped ? null : <QueryErrorNotices queries={chart.queries} sourceName={source.name} />}
          <UrlNotices notices={notices} />
          {grouped ? null : <RejectedRecords issues={chart.issues} sourceName={sourceName} />}
          {grouped ? null : <RecordsOutsideRange count={chart.outsideRange} source={source.name} />}
        </>
      }
    >
      <div ref={plotRef}>
        {chart.model ? (
          <ChartPlot model={chart.model} width={width} label={chart.description.title} />
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
  const datasets = [...new Set(specs.flatMap((s) => s.datasets as Dataset[]))];
  const { range } = useViewState(datasets);
  const { queries, results } = useDatasets(datasets, range);
  const state = panelState(
    queries,
    results.some((r) => (r.data?.records.length ?? 0) > 0),
  );
  return (
    <Panel title={t(title)} subtitle={t(subtitle)} state={state} className={className}>
      {embedded ? null : <QueryErrorNotices queries={queries} sourceName={source.name} />}
      {specs.map((spec) => (
        <ChartPanel key={spec.id} spec={spec} headingLevel={3} grouped />
      ))}
      {embedded ? null : (
        <>
          <RejectedRecords
            issues={results.flatMap((r) => r.data?.issues ?? [])}
            sourceName={sourceName}
          />
          <RecordsOutsideRange
            count={outsideRangeOf(results.map((r) => r.data))}
            source={source.name}
          />
        </>
      )}
    </Panel>
  );
});
