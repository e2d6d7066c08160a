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
import { usePresentation, useRemPx } from '../presentation.tsx';
import { BandLabels } from './band-labels-layer.tsx';
import { bandMarker, bandNumbers, layoutBandLabels } from './band-labels.ts';
import { PatternDefs } from './chart-frame.tsx';
import { DenseBars } from './dense-bars-layer.tsx';
import { endLabelRoom, EndLabels, type EndLabel } from './end-labels-layer.tsx';
import { barColumns, isDense } from './dense-bars.ts';
import { BAND_STYLE, type FillPattern } from './palette.ts';
import {
  AXIS_TICK,
  ChartTooltip,
  drawnBands,
  eventBandAreas,
  plainTick,
  type TooltipLine,
} from './recharts-parts.tsx';
import { labelWidth, pickTicks } from './ticks.ts';
import { chartLook, latestOfLines, latestOfStacks, scaleDash } from './wall-chart.ts';

export interface BarSpec {
  dataKey: string;
  name: string;
  /** Bars with the same stack id are stacked; different ids stand side by side. */
  stackId?: string;
  colour: string;
  pattern: FillPattern;
  /** Drawn lighter (e.g. a partial interval's total), said in words in the legend and notes. */
  opacity?: number;
}

export interface LineSpec {
  dataKey: string;
  name: string;
  colour: string;
  dash?: string;
  width?: number;
  /**
   * On the wall, written before the line's latest figure at its end ("North Gaza 39"): where
   * lines differ by colour alone otherwise (one line per area), the name tells them apart.
   */
  endName?: string;
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

/** A label's width at `fontSize`, measured, or estimated where nothing measures (jsdom). */
const widthOf = (text: string, fontSize: number) =>
  labelWidth(text, fontSize) ?? text.length * fontSize * 0.6;

const fillOf = (b: BarSpec) =>
  b.pattern === 'solid'
    ? b.colour
    : `url(#am-${b.pattern}-${b.colour.replace('#', '').toLowerCase()})`;

/**
 * On the wall, the latest figure of each drawn line (targets are reference lines, labelled
 * already); on a chart of bars only, each stack's latest total (stacks side by side are
 * different sources or stages: never added together).
 */
function endLabelsOf(
  rows: readonly Row[],
  bars: readonly BarSpec[],
  lines: readonly LineSpec[],
  valueFormat: (value: number) => string,
  dashFactor: number,
): EndLabel[] {
  if (lines.length)
    return latestOfLines(rows, lines).map((f) => {
      const l = lines.find((x) => x.dataKey === f.id)!;
      const dash = scaleDash(l.dash, dashFactor);
      return {
        ...f,
        text: l.endName ? `${l.endName} ${valueFormat(f.value)}` : valueFormat(f.value),
        colour: l.colour,
        ...(dash ? { dash } : {}),
      };
    });
  return latestOfStacks(rows, bars).map((f) => {
    const first = bars.find((b) => (b.stackId ?? b.dataKey) === f.id)!;
    const single = bars.filter((b) => (b.stackId ?? b.dataKey) === f.id).length === 1;
    return {
      ...f,
      text: valueFormat(f.value),
      colour: first.colour,
      // One bar per stack: the swatch shows its fill (pattern tells sources apart, not colour).
      ...(single ? { fill: fillOf(first) } : {}),
    };
  });
}

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
  const patterns = [
    ...bars
      .filter((b) => b.pattern !== 'solid')
      .map((b) => ({ pattern: b.pattern, colour: b.colour })),
    ...bandPatterns(bands),
  ];
  const look = chartLook(usePresentation() === 'wall', useRemPx());
  const { wall, fontSize } = look;
  const endLabels = wall
    ? endLabelsOf(rows, bars, lines, valueFormat, (look.lineWidth ?? 2) / 2)
    : [];
  // On the wall the value axis is as wide as its widest figure at 1rem (about the largest).
  // The axis may run past the data: to a fixed top (100 %) or a rounder tick than the largest.
  const largest = wall
    ? Math.max(
        0,
        ...maxima(rows, bars, lines).map((m) => m * 1.25),
        ...references.map((r) => r.y),
        ...(typeof yDomain?.[1] === 'number' ? [yDomain[1]] : []),
      )
    : 0;
  const yAxisWidth = wall
    ? Math.ceil(widthOf(valueFormat(largest), fontSize) + fontSize * 0.8)
    : compact
      ? 36
      : 52;
  const rightMargin = wall
    ? Math.max(
        fontSize,
        endLabels.length
          ? endLabelRoom(
              Math.max(...endLabels.map((l) => widthOf(l.text, fontSize) * 1.1)),
              fontSize,
            )
          : 0,
      )
    : compact
      ? 4
      : 12;
  const minTickGap = look.minTickGap ?? (compact ? 24 : 16);
  // The labels Recharts would keep, measured on a canvas; undefined (Recharts measures) in jsdom.
  const ticks =
    labelWidth('0', fontSize) === undefined
      ? undefined
      : pickTicks(
          rows.length,
          width - yAxisWidth - rightMargin,
          (i) => labelWidth(tickFormat(rows[i]!.key), fontSize)!,
          minTickGap,
        ).map((i) => rows[i]!.key);
  // The last bucket's label, if shown, ends at the plot's end instead of being cut there.
  const lastKey = ticks?.at(-1) === rows.at(-1)?.key ? rows.at(-1)?.key : undefined;
  const halfBand = (width - yAxisWidth - rightMargin) / Math.max(1, rows.length) / 2;
  const xTick = useMemo(
    () =>
      plainTick(
        tickFormat,
        fontSize,
        lastKey === undefined ? undefined : { value: lastKey, shift: halfBand },
      ),
    [tickFormat, fontSize, lastKey, halfBand],
  );
  const yTick = useMemo(
    () => plainTick((v) => valueFormat(Number(v)), fontSize),
    [valueFormat, fontSize],
  );
  const fill = fillOf;
  const barCategoryGap = rows.length > 40 ? 1 : '15%';
  const barStrokeWidth = rows.length > 60 ? 0 : 0.5;
  // Band labels in rows above the plot, none over another (band-labels.ts). A bucket's band
  // starts at index × plot width / buckets: the category axis has no padding.
  const plotWidth = width - yAxisWidth - rightMargin;
  const labelLine = Math.ceil(fontSize * 1.3);
  const numbers = bandNumbers(bands);
  const placedLabels = bands.length
    ? layoutBandLabels(
        drawnBands(bands, (k) => index.get(k) ?? 0).map((b) => ({
          id: b.id,
          start: ((index.get(b.x1) ?? 0) / Math.max(1, rows.length)) * plotWidth,
          text: bandLabel(b),
          marker: bandMarker(numbers.get(b.id) ?? 0),
        })),
        {
          plotWidth,
          measure: (text) => widthOf(text, fontSize),
          maxLanes: compact ? 1 : wall ? 2 : 3,
          gap: Math.round(fontSize * 0.6),
          // The wall has no notes to hold a marker's text: a label is whole or left out.
          abbreviate: !wall,
        },
      )
    : [];
  const labelRoom = placedLabels.length
    ? (Math.max(...placedLabels.map((p) => p.lane)) + 1) * labelLine
    : 0;
  // Too many bars for the width: one path per series (dense-bars.ts). The <Bar>s stay, hidden,
  // so that Recharts still stacks them into the value axis and keeps the axis in bands.
  const dense = isDense(rows.length, barColumns(bars).length, plotWidth);
  return (
    <ComposedChart
      width={width}
      height={height}
      data={rows as Row[]}
      accessibilityLayer
      title={label}
      margin={{
        top: (wall ? Math.ceil(fontSize * 0.7) : 16) + labelRoom,
        right: rightMargin,
        bottom: 0,
        left: 0,
      }}
      barCategoryGap={barCategoryGap}
      barGap={BAR_GAP}
    >
      {patterns.length ? <PatternDefs patterns={patterns} /> : null}
      <CartesianGrid vertical={false} verticalCoordinatesGenerator={NO_LINES} stroke="#e3e7ec" />
      {eventBandAreas(bands, (k) => index.get(k) ?? 0)}
      <XAxis
        dataKey="key"
        tick={ticks ? xTick : AXIS_TICK}
        tickFormatter={tickFormat}
        ticks={ticks}
        minTickGap={minTickGap}
        // Labels picked above (measured on a canvas) are all shown: Recharts measures none.
        interval={ticks ? 0 : 'preserveStartEnd'}
        height={wall ? Math.ceil(fontSize * 1.7) : undefined}
      />
      <YAxis
        tick={yTick}
        tickFormatter={valueFormat}
        width={yAxisWidth}
        // A handful of value ticks always fit the height: show them all, unmeasured.
        interval={0}
        // On the wall, about four value ticks, fewer on a short plot (each keeps ~2 lines apart).
        tickCount={
          wall
            ? Math.max(2, Math.min(look.valueTicks, Math.floor(height / (fontSize * 2.2))))
            : look.valueTicks
        }
        domain={yDomain ?? [0, 'auto']}
        allowDecimals={false}
        includeHidden={dense}
      />
      {/* No one points at a wall: no tooltip there. */}
      {wall ? null : (
        <Tooltip
          content={({ active, label: key }) => (
            <ChartTooltip active={active} label={key as string | undefined} describe={describe} />
          )}
          isAnimationActive={animate}
        />
      )}
      {bars.map((b) => (
        <Bar
          key={b.dataKey}
          dataKey={b.dataKey}
          name={b.name}
          stackId={b.stackId}
          fill={fill(b)}
          fillOpacity={b.opacity}
          stroke="#ffffff"
          strokeWidth={barStrokeWidth}
          isAnimationActive={animate}
          hide={dense}
        />
      ))}
      {dense ? (
        <DenseBars
          rows={rows}
          bars={bars.map((b) => ({
            dataKey: b.dataKey,
            stackId: b.stackId,
            fill: fill(b),
            opacity: b.opacity,
          }))}
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
          strokeWidth={look.lineWidth ?? l.width ?? 2}
          strokeDasharray={wall ? scaleDash(l.dash, (look.lineWidth ?? 2) / 2) : l.dash}
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
          strokeDasharray={wall ? scaleDash(r.dash, look.referenceWidth / 1.5) : r.dash}
          strokeWidth={look.referenceWidth}
          ifOverflow="extendDomain"
          label={{
            value: r.label,
            position: 'insideTopRight',
            fontSize,
            fill: r.colour,
            className: 'chart-reference-label',
          }}
        />
      ))}
      {placedLabels.length ? (
        <BandLabels
          placed={placedLabels}
          fontSize={fontSize}
          lineHeight={labelLine}
          room={labelRoom}
        />
      ) : null}
      {endLabels.length ? <EndLabels labels={endLabels} fontSize={fontSize} /> : null}
    </ComposedChart>
  );
}

/** The largest figures drawn: each stack's total per bucket, and each line's values. */
function maxima(rows: readonly Row[], bars: readonly BarSpec[], lines: readonly LineSpec[]) {
  const out: number[] = [];
  for (const row of rows) {
    const stacks = new Map<string, number>();
    for (const b of bars) {
      const v = row[b.dataKey];
      if (typeof v === 'number') {
        const id = b.stackId ?? b.dataKey;
        stacks.set(id, (stacks.get(id) ?? 0) + v);
      }
    }
    out.push(...stacks.values());
    for (const l of lines) {
      const v = row[l.dataKey];
      if (typeof v === 'number') out.push(v);
    }
  }
  return out;
}

/** The fill patterns of hatched bands (days with rejected rows), each once. */
function bandPatterns(bands: readonly Band[]): { pattern: FillPattern; colour: string }[] {
  const out = new Map<string, { pattern: FillPattern; colour: string }>();
  for (const b of bands) {
    const style = BAND_STYLE[b.kind];
    if (style?.pattern) out.set(b.kind, { pattern: style.pattern, colour: style.colour });
  }
  return [...out.values()];
}
