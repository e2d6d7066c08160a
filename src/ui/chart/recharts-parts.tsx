/**
 * Pieces shared by the Recharts charts. This file imports Recharts: import it only from chart
 * bodies that are loaded lazily, never from a panel, or Recharts lands in the initial chunk.
 */
import { ReferenceArea } from 'recharts';
import type { Band } from '../../domain/series.ts';
import { BAND_STYLE, patternId } from './palette.ts';

/**
 * Pauses and cease-fire phases as bands. Recharts wants its reference elements as direct
 * children of the chart, so this returns elements to spread there, not a component. Their
 * labels are drawn apart by <BandLabels> (band-labels-layer.tsx), placed so none overlaps.
 */
export function eventBandAreas(bands: readonly Band[], bucketIndex: (key: string) => number) {
  return drawnBands(bands, bucketIndex).map((band) => {
    const style = BAND_STYLE[band.kind] ?? { colour: '#999', opacity: 0.15 };
    return (
      <ReferenceArea
        key={band.id}
        x1={band.x1}
        x2={band.x2}
        fill={style.pattern ? `url(#${patternId(style.pattern, style.colour)})` : style.colour}
        fillOpacity={style.opacity}
        stroke={style.colour}
        strokeOpacity={0.5}
        ifOverflow="hidden"
      />
    );
  });
}

/** Bands of one kind beyond this many are merged where they overlap. */
const MERGE_BEYOND = 20;

/**
 * The bands to draw. A kind with few bands (cease-fire phases, pauses) keeps each one, labelled;
 * a kind with many (five years of closures at monthly buckets) has its overlapping or touching
 * bands drawn as one area (the first one's label), a few areas instead of a thousand stacked
 * ones. The legend and the notes still list every event.
 */
export function drawnBands(bands: readonly Band[], bucketIndex: (key: string) => number): Band[] {
  const byKind = new Map<string, Band[]>();
  for (const b of bands) {
    const list = byKind.get(b.kind);
    if (list) list.push(b);
    else byKind.set(b.kind, [b]);
  }
  const out: Band[] = [];
  for (const list of byKind.values()) {
    if (list.length <= MERGE_BEYOND) {
      out.push(...list);
      continue;
    }
    const sorted = [...list].sort((a, b) => bucketIndex(a.x1) - bucketIndex(b.x1));
    let current: Band | undefined;
    for (const b of sorted) {
      if (current && bucketIndex(b.x1) <= bucketIndex(current.x2) + 1) {
        if (bucketIndex(b.x2) > bucketIndex(current.x2)) current = { ...current, x2: b.x2 };
        out[out.length - 1] = current;
        continue;
      }
      current = b;
      out.push(b);
    }
  }
  return out;
}

export interface TooltipLine {
  label: string;
  value: string;
  colour?: string;
}

/**
 * Tooltip content from our own model rather than Recharts' payload, so that it says the same
 * as the table (gaps as "no report", sources by name). `describe` gets the bucket key.
 */
export function ChartTooltip({
  active,
  label,
  describe,
}: {
  active?: boolean;
  label?: string | number;
  describe: (key: string) => { title: string; lines: TooltipLine[] } | undefined;
}) {
  if (!active || label === undefined) return null;
  const content = describe(String(label));
  if (!content) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">
        <bdi>{content.title}</bdi>
      </p>
      <ul>
        {content.lines.map((l, i) => (
          <li key={i}>
            <span>
              {l.colour ? (
                <span aria-hidden="true" style={{ color: l.colour }}>
                  ■{' '}
                </span>
              ) : null}
              <bdi>{l.label}</bdi>
            </span>
            <span className="chart-tooltip__value">
              <bdi>{l.value}</bdi>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const AXIS_TICK = { fontSize: 11, fill: '#4a5868' };

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  textAnchor?: string;
  verticalAnchor?: string;
  orientation?: string;
}

/**
 * An axis label as one plain <text>: Recharts' own <Text> measures every word of every label in
 * the DOM to wrap it (a forced layout each); over five years of small multiples that was more
 * than a second of the first draw. Our labels never wrap.
 */
export function plainTick(
  format: (value: string) => string,
  fontSize = AXIS_TICK.fontSize,
  /**
   * The label of the axis' last bucket ends at the plot's end (`shift` px after its centre)
   * rather than being centred and cut there, as the tick picker placed it.
   */
  endAt?: { value: string; shift: number },
) {
  return function PlainTick({ x, y, payload, textAnchor, verticalAnchor, orientation }: TickProps) {
    const atEnd = endAt !== undefined && String(payload?.value) === endAt.value;
    const dy =
      verticalAnchor === 'start' || orientation === 'bottom'
        ? '0.71em'
        : verticalAnchor === 'end'
          ? '0'
          : '0.355em';
    return (
      <text
        x={atEnd ? Number(x) + endAt.shift : x}
        y={y}
        dy={dy}
        textAnchor={atEnd ? 'end' : ((textAnchor ?? 'middle') as 'start' | 'middle' | 'end')}
        fontSize={fontSize}
        fill={AXIS_TICK.fill}
        className="recharts-cartesian-axis-tick-value"
      >
        {format(String(payload?.value ?? ''))}
      </text>
    );
  };
}
