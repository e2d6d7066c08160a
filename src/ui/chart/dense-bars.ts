/**
 * Bars drawn at pixel density: when a time chart has more bars than its width holds comfortably,
 * each series is drawn as one SVG <path> (its bars as rectangles in the path's `d`) instead of
 * one element per bar. Same rectangles, same fills and patterns, a handful of elements instead of
 * thousands; and since it stays SVG, the PNG and SVG exports copy it as they copy any chart.
 * Pure geometry here (no React, no Recharts), so it is tested without a chart.
 */

/**
 * The threshold: below this many pixels of axis per bar (a bar is a column: one stack of one
 * group in one bucket), bars are drawn dense. At 6 px a bar is about 3–4 px wide after the gaps:
 * too thin to point at alone (the tooltip reads the whole bucket from the axis anyway) and no
 * longer outlined. Aid flow over its whole range is ~100 weeks × 3 groups in ~1,200 px: ~4 px.
 */
export const DENSE_MIN_PX_PER_BAR = 6;

/** What dense drawing needs of a bar series (a subset of the time chart's BarSpec). */
export interface DenseBarSeries {
  dataKey: string;
  /** Same id: stacked on each other; different ids stand side by side, in order of first use. */
  stackId?: string;
}

export type DenseRow = { key: string } & Record<string, number | string | null>;

/** The columns of a bucket, left to right: each a stack of series keys, bottom first. */
export function barColumns(bars: readonly DenseBarSeries[]): string[][] {
  const columns = new Map<string, string[]>();
  for (const b of bars) {
    const id = b.stackId ?? `\u0000${b.dataKey}`;
    const column = columns.get(id);
    if (column) column.push(b.dataKey);
    else columns.set(id, [b.dataKey]);
  }
  return [...columns.values()];
}

/** Whether `rows` buckets of `columns` bars each are too many for `plotWidth` px. */
export function isDense(rowCount: number, columnCount: number, plotWidth: number): boolean {
  const bars = rowCount * columnCount;
  return bars > 0 && plotWidth / bars < DENSE_MIN_PX_PER_BAR;
}

/**
 * Where each column sits in a band of `bandSize` px: offset from the band's start and width.
 * Recharts' own arithmetic (combineAllBarPositions, no fixed bar size), so that dense and sparse
 * bars fall on the same pixels and switching between them moves nothing.
 */
export function barSlots(
  bandSize: number,
  columnCount: number,
  barGap: number | string,
  barCategoryGap: number | string,
): { offset: number; size: number }[] {
  if (columnCount < 1) return [];
  let gap = percentOf(barGap, bandSize);
  let outer = percentOf(barCategoryGap, bandSize);
  if (bandSize - 2 * outer - (columnCount - 1) * gap <= 0) gap = 0;
  // A band narrower than its gaps (every day of years on a phone): the columns fill the band,
  // sub-pixel wide, rather than vanish. Recharts draws nothing there, but it is hidden then.
  if (bandSize - 2 * outer <= 0) outer = 0;
  let size = (bandSize - 2 * outer - (columnCount - 1) * gap) / columnCount;
  if (size > 1) size = Math.round(size);
  return Array.from({ length: columnCount }, (_, i) => ({
    offset: outer + (size + gap) * i,
    size,
  }));
}

/** Recharts' getPercentValue with validation: "15%" of the total, or a number of px. */
function percentOf(value: number | string, total: number): number {
  const v =
    typeof value === 'string' && value.endsWith('%')
      ? (total * parseFloat(value)) / 100
      : Number(value);
  if (Number.isNaN(v)) return 0;
  return Math.min(v, total);
}

export interface DensePath {
  dataKey: string;
  /** Rectangles as `M x y h w v h h -w Z`, one per bucket with a value; '' when none. */
  d: string;
}

/**
 * One path per series. Within a column each value stacks on the ones below it; a missing value
 * (null) is a gap: it draws nothing and adds nothing, never a zero-height bar standing in for it.
 * `bandStart` gives a bucket's band start in px, `y` a value's px (the chart's scales).
 */
export function densePaths({
  rows,
  bars,
  bandStart,
  bandSize,
  y,
  barGap,
  barCategoryGap,
}: {
  rows: readonly DenseRow[];
  bars: readonly DenseBarSeries[];
  bandStart: (key: string) => number | undefined;
  bandSize: number;
  y: (value: number) => number | undefined;
  barGap: number | string;
  barCategoryGap: number | string;
}): DensePath[] {
  const columns = barColumns(bars);
  const slots = barSlots(bandSize, columns.length, barGap, barCategoryGap);
  const parts = new Map<string, string[]>(bars.map((b) => [b.dataKey, []]));
  for (const row of rows) {
    const start = bandStart(row.key);
    if (start === undefined) continue;
    columns.forEach((keys, c) => {
      const { offset, size } = slots[c]!;
      if (size <= 0) return;
      let base = 0;
      for (const key of keys) {
        const value = row[key];
        if (typeof value !== 'number' || !Number.isFinite(value) || value === 0) continue;
        const y0 = y(base);
        const y1 = y(base + value);
        base += value;
        if (y0 === undefined || y1 === undefined) continue;
        const top = Math.min(y0, y1);
        const height = Math.abs(y0 - y1);
        if (height === 0) continue;
        parts
          .get(key)!
          .push(`M${px(start + offset)} ${px(top)}h${px(size)}v${px(height)}h${px(-size)}Z`);
      }
    });
  }
  return bars.map((b) => ({ dataKey: b.dataKey, d: parts.get(b.dataKey)!.join('') }));
}

/** Hundredths of a pixel: exact enough on any screen or PNG scale, and a short `d`. */
const px = (v: number) => String(Math.round(v * 100) / 100);
