/**
 * Horizontal bars, one per item, sorted by the caller, with a threshold line (e.g. fuel stock
 * per facility against a critical level). Loaded lazily (see lazy.tsx).
 */
import { Bar, BarChart, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../i18n/context.tsx';
import { wallChartWords } from '../i18n/pages/wall-chart.ts';
import { provideWords } from '../i18n/translate.ts';
import { usePresentation, useRemPx } from '../presentation.tsx';
import { PatternDefs } from './chart-frame.tsx';
import { fillFor, type FillPattern } from './palette.ts';
import { AXIS_TICK, ChartTooltip, plainTick, type TooltipLine } from './recharts-parts.tsx';
import { labelWidth } from './ticks.ts';
import { chartLook, fitRows } from './wall-chart.ts';

// The wall's words come with the chart body (see provideWords).
provideWords(wallChartWords);

export interface RankedRow {
  key: string;
  name: string;
  value: number;
  colour: string;
  pattern: FillPattern;
}

export function RankedBars({
  width,
  height: givenHeight,
  rows: allRows,
  threshold,
  valueFormat,
  describe,
  animate,
  label,
}: {
  width: number;
  /** The height to fill (the wall's stage); by default as tall as its rows need. */
  height?: number;
  rows: readonly RankedRow[];
  threshold?: { value: number; label: string; colour: string; dash: string };
  valueFormat: (value: number) => string;
  describe: (key: string) => { title: string; lines: TooltipLine[] } | undefined;
  animate: boolean;
  label: string;
}) {
  const patterns = allRows
    .filter((r) => r.pattern !== 'solid')
    .map((r) => ({ pattern: r.pattern, colour: r.colour }));
  const { t } = useI18n();
  const look = chartLook(usePresentation() === 'wall', useRemPx());
  const { wall, fontSize } = look;
  const top = wall ? Math.ceil(fontSize * 1.4) : 20;
  const axisHeight = wall ? Math.ceil(fontSize * 1.7) : 30;
  // On the wall every name is 1rem on a row of its own: a list longer than the height shows
  // its first rows (the caller sorted them, most urgent first) and says how many are below.
  const fit =
    wall && givenHeight !== undefined
      ? fitRows(allRows.length, givenHeight - top - axisHeight, fontSize * 1.25, fontSize * 1.5)
      : allRows.length;
  const rows = allRows.slice(0, fit);
  const more = allRows.length - rows.length;
  const height =
    givenHeight !== undefined
      ? givenHeight - (more ? Math.ceil(fontSize * 1.5) : 0)
      : 40 + rows.length * (wall ? fontSize * 1.4 : 22);
  const widthOf = (text: string) => labelWidth(text, fontSize) ?? text.length * fontSize * 0.6;
  // On the wall the names get the room they need (up to half the width), and each bar its
  // figure at its end, in the ink colour.
  const nameWidth = wall
    ? Math.min(
        Math.round(width * 0.6),
        Math.ceil(Math.max(0, ...rows.map((r) => widthOf(r.name))) + fontSize * 0.8),
      )
    : Math.min(180, Math.round(width * 0.38));
  const valueRoom = wall
    ? Math.ceil(Math.max(0, ...rows.map((r) => widthOf(valueFormat(r.value)))) + fontSize * 0.6)
    : 16;
  const nameOf = (key: string) => rows.find((r) => r.key === key)?.name ?? key;
  const chart = (
    <BarChart
      width={width}
      height={height}
      data={rows as RankedRow[]}
      layout="vertical"
      accessibilityLayer
      title={label}
      margin={{
        top,
        right: valueRoom,
        bottom: 0,
        left: 0,
      }}
      barCategoryGap={wall ? '18%' : 3}
    >
      {patterns.length ? <PatternDefs patterns={patterns} /> : null}
      <XAxis
        type="number"
        tick={wall ? plainTick((v) => valueFormat(Number(v)), fontSize) : AXIS_TICK}
        tickFormatter={valueFormat}
        domain={[0, 'auto']}
        tickCount={look.valueTicks}
        height={wall ? axisHeight : undefined}
      />
      <YAxis
        type="category"
        dataKey="key"
        tick={wall ? plainTick(nameOf, fontSize) : AXIS_TICK}
        width={nameWidth}
        tickFormatter={nameOf}
        interval={0}
      />
      {wall ? null : (
        <Tooltip
          content={({ active, label: key }) => (
            <ChartTooltip active={active} label={key as string | undefined} describe={describe} />
          )}
          isAnimationActive={animate}
        />
      )}
      <Bar dataKey="value" isAnimationActive={animate} stroke="#13202e" strokeWidth={0.5}>
        {rows.map((r) => (
          <Cell key={r.key} fill={fillFor(r.colour, r.pattern)} />
        ))}
        {wall ? (
          <LabelList
            dataKey="value"
            position="right"
            formatter={(v: unknown) => valueFormat(Number(v))}
            fontSize={fontSize}
            className="chart-bar-value"
          />
        ) : null}
      </Bar>
      {threshold ? (
        <ReferenceLine
          x={threshold.value}
          stroke={threshold.colour}
          strokeDasharray={threshold.dash}
          strokeWidth={wall ? look.referenceWidth : 2}
          ifOverflow="extendDomain"
          label={{
            value: threshold.label,
            position: 'top',
            fontSize,
            fill: threshold.colour,
            className: 'chart-reference-label',
          }}
        />
      ) : null}
    </BarChart>
  );
  if (!more) return chart;
  return (
    <>
      {chart}
      <p className="chart__more-rows">{t('chart.wall.moreRows', { count: more })}</p>
    </>
  );
}

/** The props of a ranked-bars chart, for chart specs that describe one as data. */
export type RankedBarsProps = Parameters<typeof RankedBars>[0];
