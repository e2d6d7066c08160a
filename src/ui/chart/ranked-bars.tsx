/**
 * Horizontal bars, one per item, sorted by the caller, with a threshold line (e.g. fuel stock
 * per facility against a critical level). Loaded lazily (see lazy.tsx).
 */
import { Bar, BarChart, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { PatternDefs } from './chart-frame.tsx';
import { fillFor, type FillPattern } from './palette.ts';
import { AXIS_TICK, ChartTooltip, type TooltipLine } from './recharts-parts.tsx';

export interface RankedRow {
  key: string;
  name: string;
  value: number;
  colour: string;
  pattern: FillPattern;
}

export function RankedBars({
  width,
  rows,
  threshold,
  valueFormat,
  describe,
  animate,
  label,
}: {
  width: number;
  rows: readonly RankedRow[];
  threshold?: { value: number; label: string; colour: string; dash: string };
  valueFormat: (value: number) => string;
  describe: (key: string) => { title: string; lines: TooltipLine[] } | undefined;
  animate: boolean;
  label: string;
}) {
  const patterns = rows
    .filter((r) => r.pattern !== 'solid')
    .map((r) => ({ pattern: r.pattern, colour: r.colour }));
  const height = 40 + rows.length * 22;
  return (
    <BarChart
      width={width}
      height={height}
      data={rows as RankedRow[]}
      layout="vertical"
      accessibilityLayer
      title={label}
      margin={{ top: 20, right: 16, bottom: 0, left: 0 }}
      barCategoryGap={3}
    >
      {patterns.length ? <PatternDefs patterns={patterns} /> : null}
      <XAxis type="number" tick={AXIS_TICK} tickFormatter={valueFormat} domain={[0, 'auto']} />
      <YAxis
        type="category"
        dataKey="key"
        tick={AXIS_TICK}
        width={Math.min(180, Math.round(width * 0.38))}
        tickFormatter={(key: string) => rows.find((r) => r.key === key)?.name ?? key}
        interval={0}
      />
      <Tooltip
        content={({ active, label: key }) => (
          <ChartTooltip active={active} label={key as string | undefined} describe={describe} />
        )}
        isAnimationActive={animate}
      />
      <Bar dataKey="value" isAnimationActive={animate} stroke="#13202e" strokeWidth={0.5}>
        {rows.map((r) => (
          <Cell key={r.key} fill={fillFor(r.colour, r.pattern)} />
        ))}
      </Bar>
      {threshold ? (
        <ReferenceLine
          x={threshold.value}
          stroke={threshold.colour}
          strokeDasharray={threshold.dash}
          strokeWidth={2}
          ifOverflow="extendDomain"
          label={{ value: threshold.label, position: 'top', fontSize: 11, fill: threshold.colour }}
        />
      ) : null}
    </BarChart>
  );
}

/** The props of a ranked-bars chart, for chart specs that describe one as data. */
export type RankedBarsProps = Parameters<typeof RankedBars>[0];
