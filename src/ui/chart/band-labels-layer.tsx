/**
 * The labels of a time chart's event bands, in a strip above its plot (the chart's top margin
 * grows by a row per lane), placed by `layoutBandLabels` so that none overlaps another, nor the
 * bars, lines or reference labels under them. Imports Recharts: only time-chart.tsx (lazy).
 */
import { DefaultZIndexes, usePlotArea, ZIndexLayer } from 'recharts';
import type { PlacedBandLabel } from './band-labels.ts';

export interface BandLabelsProps {
  placed: readonly PlacedBandLabel[];
  fontSize: number;
  lineHeight: number;
  /** Height of the strip above the plot: lanes × line height. */
  room: number;
}

export function BandLabels({ placed, fontSize, lineHeight, room }: BandLabelsProps) {
  const area = usePlotArea();
  if (!area) return null;
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.label}>
      <g className="chart-band-labels">
        {placed.map((p) => (
          <text
            key={p.id}
            x={area.x + p.x}
            y={area.y - room + p.lane * lineHeight}
            dy="0.85em"
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
