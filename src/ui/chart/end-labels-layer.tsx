/**
 * The latest figure of each series written at the end of the plot, for the wall: a marker on
 * the line's (or stack's) last point in the series colour, a swatch with its colour and dash (or
 * fill pattern) and the figure in the ink colour, labels nudged apart so that none collide nor
 * leave the plot. Imports Recharts: only time-chart.tsx (lazy) uses it.
 */
import { DefaultZIndexes, usePlotArea, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import { placeEndLabels } from './wall-chart.ts';

export interface EndLabel {
  id: string;
  /** Bucket of the latest figure. */
  key: string;
  value: number;
  /** The figure in the chart's own format. */
  text: string;
  colour: string;
  /** A line's dash (line swatch) or, for a stack, the bars' fill (box swatch). */
  dash?: string;
  fill?: string;
}

/** Room the labels need right of the plot, in px, given the widest figure's width. */
export const endLabelRoom = (widestText: number, fontSize: number) =>
  Math.ceil(widestText + fontSize * 1.6);

export function EndLabels({ labels, fontSize }: { labels: readonly EndLabel[]; fontSize: number }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const area = usePlotArea();
  if (!x || !y || !area) return null;
  const points = labels.flatMap((l) => {
    const px = x(l.key, { position: 'middle' });
    const py = y(l.value);
    return px === undefined || py === undefined ? [] : [{ l, px, py }];
  });
  const lineHeight = fontSize * 1.2;
  const ys = placeEndLabels(
    points.map((p) => p.py),
    lineHeight,
    area.y,
    area.y + area.height,
  );
  const swatchStart = area.x + area.width + fontSize * 0.25;
  const swatchEnd = swatchStart + fontSize * 0.8;
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.label}>
      <g className="chart-end-labels">
        {points.map((p, i) => {
          const ly = ys[i]!;
          return (
            <g key={p.l.id} className="chart-end-label" data-series={p.l.id}>
              <circle
                cx={p.px}
                cy={p.py}
                r={fontSize * 0.28}
                fill={p.l.fill ?? p.l.colour}
                className="chart-end-label__marker"
              />
              {Math.abs(ly - p.py) > 1 || swatchStart - p.px > fontSize ? (
                <line
                  x1={p.px}
                  y1={p.py}
                  x2={swatchStart}
                  y2={ly}
                  stroke={p.l.colour}
                  strokeWidth={Math.max(1, fontSize / 16)}
                  className="chart-end-label__leader"
                />
              ) : null}
              {p.l.fill ? (
                <rect
                  x={swatchStart}
                  y={ly - fontSize * 0.35}
                  width={swatchEnd - swatchStart}
                  height={fontSize * 0.7}
                  fill={p.l.fill}
                  className="chart-end-label__marker"
                />
              ) : (
                <line
                  x1={swatchStart}
                  y1={ly}
                  x2={swatchEnd}
                  y2={ly}
                  stroke={p.l.colour}
                  strokeWidth={fontSize * 0.2}
                  strokeDasharray={p.l.dash}
                />
              )}
              <text
                x={swatchEnd + fontSize * 0.25}
                y={ly}
                dy="0.35em"
                fontSize={fontSize}
                className="chart-end-label__value"
              >
                {p.l.text}
              </text>
            </g>
          );
        })}
      </g>
    </ZIndexLayer>
  );
}
