/**
 * Events on lanes (one per kind) over time: spans as bars, each event's start as a marker
 * that the tooltip and the keyboard reach. Loaded lazily (see lazy.tsx).
 */
import {
  CartesianGrid,
  ReferenceArea,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import { usePresentation, useRemPx } from '../presentation.tsx';
import { AXIS_TICK, ChartTooltip, plainTick, type TooltipLine } from './recharts-parts.tsx';
import { labelWidth } from './ticks.ts';
import { chartLook } from './wall-chart.ts';

export type MarkerShape = 'circle' | 'cross' | 'diamond' | 'square' | 'star' | 'triangle' | 'wye';

export interface TimelineLane {
  index: number;
  label: string;
  colour: string;
  shape: MarkerShape;
}

export interface TimelineItem {
  id: string;
  lane: number;
  /** Day numbers (days since 1970-01-01), `end` exclusive. */
  start: number;
  end: number;
  /** Its own colour and marker shape, when items of one lane differ (e.g. a state per span). */
  colour?: string;
  shape?: MarkerShape;
  /** Drawn as a span even when it lasts one day (a state held that day, not a moment). */
  span?: boolean;
}

export function TimelineChart({
  width,
  height: givenHeight,
  lanes,
  items,
  domain,
  tickFormat,
  describe,
  laneLabelWidth = 150,
  laneHeight = 34,
  animate,
  label,
}: {
  width: number;
  /** The height to fill (the wall's stage); by default as tall as its lanes need. */
  height?: number;
  lanes: readonly TimelineLane[];
  items: readonly TimelineItem[];
  domain: [number, number];
  tickFormat: (dayNumber: number) => string;
  describe: (id: string) => { title: string; lines: TooltipLine[] } | undefined;
  /** Most room for lane names, in px (never more than 30 % of the width). */
  laneLabelWidth?: number;
  /** Height of a lane in px: more for names that wrap on a narrow screen. */
  laneHeight?: number;
  animate: boolean;
  label: string;
}) {
  const look = chartLook(usePresentation() === 'wall', useRemPx());
  const { wall, fontSize } = look;
  const height = givenHeight ?? 50 + lanes.length * (wall ? fontSize * 2 : laneHeight);
  const widthOf = (text: string) => labelWidth(text, fontSize) ?? text.length * fontSize * 0.6;
  const laneWidth = wall
    ? Math.min(
        Math.round(width * 0.35),
        Math.ceil(Math.max(0, ...lanes.map((l) => widthOf(l.label))) + fontSize * 0.8),
      )
    : Math.min(laneLabelWidth, Math.round(width * 0.3));
  // Room for the last date's label to hang past the axis end.
  const lastLabel = wall ? widthOf(tickFormat(domain[1])) / 2 + fontSize * 0.5 : 16;
  // Markers of about 0.7rem across on the wall (ZAxis range is an area in px²).
  const markerArea = wall ? Math.round((fontSize * 0.7) ** 2) : 64;
  return (
    <ScatterChart
      width={width}
      height={height}
      accessibilityLayer
      title={label}
      margin={{ top: 8, right: Math.ceil(lastLabel), bottom: 0, left: 0 }}
    >
      <CartesianGrid horizontal={false} stroke="#e3e7ec" />
      <XAxis
        type="number"
        dataKey="start"
        domain={domain}
        tick={wall ? plainTick((v) => tickFormat(Number(v)), fontSize) : AXIS_TICK}
        tickFormatter={tickFormat}
        allowDataOverflow
        scale="linear"
        tickCount={wall ? 4 : undefined}
        minTickGap={look.minTickGap}
        height={wall ? Math.ceil(fontSize * 1.7) : undefined}
      />
      <YAxis
        type="number"
        dataKey="lane"
        domain={[-0.5, lanes.length - 0.5]}
        ticks={lanes.map((l) => l.index)}
        tickFormatter={(i: number) => lanes[i]?.label ?? ''}
        tick={wall ? plainTick((i) => lanes[Number(i)]?.label ?? '', fontSize) : AXIS_TICK}
        width={laneWidth}
        reversed
        allowDecimals={false}
      />
      <ZAxis range={[markerArea, markerArea]} />
      {items
        .filter((e) => e.end - e.start > 1 || e.span)
        .map((e) => {
          const lane = lanes[e.lane];
          return (
            <ReferenceArea
              key={`span-${e.id}`}
              x1={Math.max(domain[0], e.start)}
              x2={Math.min(domain[1], e.end)}
              y1={e.lane - 0.28}
              y2={e.lane + 0.28}
              fill={e.colour ?? lane?.colour}
              fillOpacity={0.35}
              stroke={e.colour ?? lane?.colour}
              ifOverflow="hidden"
            />
          );
        })}
      {wall ? null : (
        <Tooltip
          cursor={false}
          content={({ active, payload }) => {
            const id = (payload?.[0]?.payload as TimelineItem | undefined)?.id;
            return (
              <ChartTooltip active={active && id !== undefined} label={id} describe={describe} />
            );
          }}
          isAnimationActive={animate}
        />
      )}
      {lanes.flatMap((lane) =>
        markerGroups(items, lane, domain[0]).map((group) => (
          <Scatter
            key={`${lane.index}-${group.colour}-${group.shape}`}
            name={lane.label}
            data={group.items}
            fill={group.colour}
            stroke="#13202e"
            shape={group.shape}
            isAnimationActive={animate}
          />
        )),
      )}
    </ScatterChart>
  );
}

/** A lane's markers grouped by their look: one Scatter per colour and shape. */
function markerGroups(items: readonly TimelineItem[], lane: TimelineLane, from: number) {
  const groups = new Map<string, { colour: string; shape: MarkerShape; items: TimelineItem[] }>();
  for (const item of items) {
    if (item.lane !== lane.index || item.start < from) continue;
    const colour = item.colour ?? lane.colour;
    const shape = item.shape ?? lane.shape;
    const key = `${colour}|${shape}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { colour, shape, items: [] }));
    group.items.push(item);
  }
  // A lane without items still gets its (empty) series, as before.
  return groups.size > 0
    ? [...groups.values()]
    : [{ colour: lane.colour, shape: lane.shape, items: [] }];
}

/** The props of a timeline, for chart specs that describe one as data. */
export type TimelineChartProps = Parameters<typeof TimelineChart>[0];
