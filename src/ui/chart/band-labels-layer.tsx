/**
 * The labels of a time chart's event bands, inside its Recharts <svg> on the chart's own x scale,
 * placed by `layoutBandLabels` so that none overlaps another (rows, then numbered markers).
 * Imports Recharts: only time-chart.tsx (lazy) uses it.
 */
import { DefaultZIndexes, usePlotArea, useXAxisScale, ZIndexLayer } from 'recharts';
import type { Band } from '../../domain/series.ts';
import { bandMarker, layoutBandLabels } from './band-labels.ts';

export interface BandLabelsProps {
  /** The bands drawn (merged where many), and every band's number as in the notes. */
  bands: readonly Band[];
  numbers: ReadonlyMap<string, number>;
  label: (band: Band) => string;
  fontSize: number;
  measure: (text: string, fontSize: number) => number;
  /** On the wall no marker: a label that does not fit whole is left out (the legend names it). */
  abbreviate: boolean;
  maxLanes: number;
}

export function BandLabels({
  bands,
  numbers,
  label,
  fontSize,
  measure,
  abbreviate,
  maxLanes,
}: BandLabelsProps) {
  const x = useXAxisScale();
  const area = usePlotArea();
  if (!x || !area) return null;
  const placed = layoutBandLabels(
    bands.flatMap((b) => {
      const start = x(b.x1, { position: 'start' });
      return start === undefined
        ? []
        : [
            {
              id: b.id,
              start: start - area.x,
              text: label(b),
              marker: bandMarker(numbers.get(b.id) ?? 0),
            },
          ];
    }),
    {
      plotWidth: area.width,
      measure: (text) => measure(text, fontSize),
      maxLanes,
      gap: Math.round(fontSize * 0.6),
      abbreviate,
    },
  );
  const lineHeight = Math.ceil(fontSize * 1.3);
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.label}>
      <g className="chart-band-labels">
        {placed.map((p) => (
          <text
            key={p.id}
            x={area.x + p.x}
            y={area.y + 2 + p.lane * lineHeight}
            dy="0.8em"
            fontSize={fontSize}
            fill="#13202e"
            // The layout measured the text from its left edge, whatever the page's direction.
            direction="ltr"
            textAnchor="start"
            className="chart-band-label"
            data-band={p.id}
            data-abbreviated={p.abbreviated ? '' : undefined}
          >
            {p.text}
          </text>
        ))}
      </g>
    </ZIndexLayer>
  );
}
