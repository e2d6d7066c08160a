/**
 * The dense bars of a time chart inside its Recharts <svg>: one <path> per series, on the chart's
 * own scales and in the layer where Recharts draws bars (above event bands and the hover cursor,
 * under lines and reference lines). Imports Recharts: only time-chart.tsx (lazy) uses it.
 */
import { DefaultZIndexes, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import { densePaths, type DenseRow } from './dense-bars.ts';

export interface DenseBarsProps {
  rows: readonly DenseRow[];
  bars: readonly {
    dataKey: string;
    stackId?: string;
    fill: string;
    opacity?: number | undefined;
  }[];
  barGap: number | string;
  barCategoryGap: number | string;
  stroke: string;
  strokeWidth: number;
}

export function DenseBars({
  rows,
  bars,
  barGap,
  barCategoryGap,
  stroke,
  strokeWidth,
}: DenseBarsProps) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const first = rows[0]?.key;
  if (!x || !y || first === undefined) return null;
  const start = x(first, { position: 'start' });
  const end = x(first, { position: 'end' });
  if (start === undefined || end === undefined) return null;
  const paths = densePaths({
    rows,
    bars,
    bandStart: (key) => x(key, { position: 'start' }),
    bandSize: end - start,
    y: (v) => y(v),
    barGap,
    barCategoryGap,
  });
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.bar}>
      <g className="time-chart__dense-bars" data-dense-bars="">
        {paths.map((p, i) =>
          p.d ? (
            <path
              key={p.dataKey}
              d={p.d}
              fill={bars[i]!.fill}
              fillOpacity={bars[i]!.opacity}
              stroke={strokeWidth ? stroke : 'none'}
              strokeWidth={strokeWidth || undefined}
              // Survives the export's copy (classes do not): tests find the series by it.
              data-dense-series={p.dataKey}
            />
          ) : null,
        )}
      </g>
    </ZIndexLayer>
  );
}
