/**
 * The one Recharts time chart behind every time-based panel: stacked or grouped bars, lines,
 * reference lines and event bands over buckets of days. Loaded lazily (see lazy.tsx).
 */
import { useMemo } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Band } from '../../domain/series.ts';
import { PatternDefs } from './chart-frame.tsx';
import { DenseBars } from './dense-bars-layer.tsx';
import { barColumns, isDense } from './dense-bars.ts';
import type { FillPattern } from './palette.ts';
import {
  AXIS_TICK,
  ChartTooltip,
  eventBandAreas,
  plainTick,
  type TooltipLine,
} from './recharts-parts.tsx';
import { labelWidth, pickTicks } from './ticks.ts';

export interface BarSpec {
  dataKey: string;
  name: string;
  /** Bars with the same stack id are stacked; different ids stand side by side. */
  stackId?: string;
  colour: string;
  pattern: FillPattern;
}

export interface LineSpec {
  dataKey: string;
  name: string;
  colour: string;
  dash?: string;
  width?: number;
}

export interface ReferenceSpec {
  y: number;
  label: string;
  colour: string;
  dash: string;
}

export type Row = { key: string } & Record<string, number | string | null>;

export interface TimeChartProps {
  width: number;
  height: number;
  rows: readonly Row[];
  bars?: readonly BarSpec[];
  lines?: readonly LineSpec[];
  references?: readonly ReferenceSpec[];
  bands?: readonly Band[];
  bandLabel?: (band: Band) => string;
  tickFormat: (key: string) => string;
  valueFormat: (value: number) => string;
  describe: (key: string) => { title: string; lines: TooltipLine[] } | undefined;
  yDomain?: [number | 'auto' | 'dataMin' | 'dataMax', number | 'auto' | 'dataMin' | 'dataMax'];
  /** Narrow charts (small multiples) use fewer ticks and a narrower axis. */
  compact?: boolean;
  animate: boolean;
  /** Names the chart for screen readers (the section title says the rest). */
  label: string;
}

const BAR_GAP = 1;

/** No vertical grid lines: without this the grid still measures every x label to place them. */
const NO_LINES = () => [];

export function TimeChart({
  width,
  height,
  rows,
  bars = [],
  lines = [],
  references = [],
  bands = [],
  bandLabel = (b) => b.title,
  tickFormat,
  valueFormat,
  describe,
  yDomain,
  compact = false,
  animate,
  label,
}: TimeChartProps) {
  const index = new Map(rows.map((r, i) => [r.key, i]));
  const patterns = bars
    .filter((b) => b.pattern !== 'solid')
    .map((b) => ({ pattern: b.pattern, colour: b.colour }));
  const yAxisWidth = compact ? 36 : 52;
  const rightMargin = compact ? 4 : 12;
  const minTickGap = compact ? 24 : 16;
  // The labels Recharts would keep, measured on a canvas; undefined (Recharts measures) in jsdom.
  const ticks =
    labelWidth('0', AXIS_TICK.fontSize) === undefined
      ? undefined
      : pickTicks(
          rows.length,
          width - yAxisWidth - rightMargin,
          (i) => labelWidth(tickFormat(rows[i]!.key), AXIS_TICK.fontSize)!,
          minTickGap,
        ).map((i) => rows[i]!.key);
  const xTick = useMemo(() => plainTick(tickFormat), [tickFormat]);
  const yTick = useMemo(() => plainTick((v) => valueFormat(Number(v))), [valueFormat]);
  const fill = (b: BarSpec) =>
    b.pattern === 'solid'
      ? b.colour
      : `url(#am-${b.pattern}-${b.colour.replace('#', '').toLowerCase()})`;
  const barCategoryGap = rows.length > 40 ? 1 : '15%';
  const barStrokeWidth = rows.length > 60 ? 0 : 0.5;
  // Too many bars for the width: one path per series (dense-bars.ts). The <Bar>s stay, hidden,
  // so that Recharts still stacks them into the value axis and keeps the axis in bands.
  const dense = isDense(rows.length, barColumns(bars).length, width - yAxisWidth - rightMargin);
  return (
    <ComposedChart
      width={width}
      height={height}
      data={rows as Row[]}
      accessibilityLayer
      title={label}
      margin={{ top: 16, right: rightMargin, bottom: 0, left: 0 }}
      barCategoryGap={barCategoryGap}
      barGap={BAR_GAP}
    >
      {patterns.length ? <PatternDefs patterns={patterns} /> : null}
      <CartesianGrid vertical={false} verticalCoordinatesGenerator={NO_LINES} stroke="#e3e7ec" />
      {eventBandAreas(
        bands,
        rows.length,
        bandLabel,
        (k) => index.get(k) ?? 0,
        compact ? 0.3 : 0.08,
      )}
      <XAxis
        dataKey="key"
        tick={ticks ? xTick : AXIS_TICK}
        tickFormatter={tickFormat}
        ticks={ticks}
        minTickGap={minTickGap}
        // Labels picked above (measured on a canvas) are all shown: Recharts measures none.
        interval={ticks ? 0 : 'preserveStartEnd'}
      />
      <YAxis
        tick={yTick}
        tickFormatter={valueFormat}
        width={yAxisWidth}
        // A handful of value ticks always fit the height: show them all, unmeasured.
        interval={0}
        domain={yDomain ?? [0, 'auto']}
        allowDecimals={false}
        includeHidden={dense}
      />
      <Tooltip
        content={({ active, label: key }) => (
          <ChartTooltip active={active} label={key as string | undefined} describe={describe} />
        )}
        isAnimationActive={animate}
      />
      {bars.map((b) => (
        <Bar
          key={b.dataKey}
          dataKey={b.dataKey}
          name={b.name}
          stackId={b.stackId}
          fill={fill(b)}
          stroke="#ffffff"
          strokeWidth={barStrokeWidth}
          isAnimationActive={animate}
          hide={dense}
        />
      ))}
      {dense ? (
        <DenseBars
          rows={rows}
          bars={bars.map((b) => ({ dataKey: b.dataKey, stackId: b.stackId, fill: fill(b) }))}
          barGap={BAR_GAP}
          barCategoryGap={barCategoryGap}
          stroke="#ffffff"
          strokeWidth={barStrokeWidth}
        />
      ) : null}
      {lines.map((l) => (
        <Line
          key={l.dataKey}
          dataKey={l.dataKey}
          name={l.name}
          stroke={l.colour}
          strokeWidth={l.width ?? 2}
          strokeDasharray={l.dash}
          dot={false}
          connectNulls={false}
          type="linear"
          isAnimationActive={animate}
        />
      ))}
      {references.map((r) => (
        <ReferenceLine
          key={r.label}
          y={r.y}
          stroke={r.colour}
          strokeDasharray={r.dash}
          strokeWidth={1.5}
          ifOverflow="extendDomain"
          label={{ value: r.label, position: 'insideTopRight', fontSize: 11, fill: r.colour }}
        />
      ))}
    </ComposedChart>
  );
}
