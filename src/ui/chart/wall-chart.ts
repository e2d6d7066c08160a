/**
 * How a chart is drawn for distance on the wall (issue 15), as plain numbers: sizes from the
 * page's rem, the latest figure of each series, labels placed at the plot's end without
 * colliding, and the grid of small multiples that fills the stage. No React, no Recharts.
 */

/** Sizes of a chart's marks and text, in px. */
export interface ChartLook {
  wall: boolean;
  /** Axis ticks, band and reference labels. */
  fontSize: number;
  /** Least gap between two x labels; undefined: the chart's own page default. */
  minTickGap: number | undefined;
  /** About how many value ticks (Recharts' tickCount). */
  valueTicks: number;
  /** Series lines; undefined: each line's own width. */
  lineWidth: number | undefined;
  referenceWidth: number;
}

/** The page's look (text 11 px, Recharts' five value ticks), or the wall's from its rem. */
export function chartLook(wall: boolean, remPx: number): ChartLook {
  if (!wall)
    return {
      wall,
      fontSize: 11,
      minTickGap: undefined,
      valueTicks: 5,
      lineWidth: undefined,
      referenceWidth: 1.5,
    };
  return {
    wall,
    fontSize: remPx,
    minTickGap: 2 * remPx,
    valueTicks: 4,
    lineWidth: 0.2 * remPx,
    referenceWidth: 0.3 * remPx,
  };
}

type Rows = readonly Record<string, number | string | null>[];

/** The latest figure of a series or a stack: its bucket, its value. */
export interface LatestFigure {
  /** The line's dataKey, or the stack's id. */
  id: string;
  /** Key of the bucket it was reported for (the rows' `key`). */
  key: string;
  value: number;
}

const numberIn = (row: Rows[number], dataKey: string): number | null => {
  const v = row[dataKey];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/** Each line's last non-null value (a line with none has no label). */
export function latestOfLines(rows: Rows, lines: readonly { dataKey: string }[]): LatestFigure[] {
  return lines.flatMap((l) => {
    for (let i = rows.length - 1; i >= 0; i--) {
      const v = numberIn(rows[i]!, l.dataKey);
      if (v !== null) return [{ id: l.dataKey, key: String(rows[i]!.key), value: v }];
    }
    return [];
  });
}

/**
 * Each stack's total in the latest bucket where it has a figure. Bars with the same stack id
 * are summed (they are parts of one whole); stacks stand side by side because they are
 * different sources or stages, and are never added together.
 */
export function latestOfStacks(
  rows: Rows,
  bars: readonly { dataKey: string; stackId?: string }[],
): LatestFigure[] {
  const stacks = new Map<string, string[]>();
  for (const b of bars) {
    const id = b.stackId ?? b.dataKey;
    stacks.set(id, [...(stacks.get(id) ?? []), b.dataKey]);
  }
  return [...stacks].flatMap(([id, keys]) => {
    for (let i = rows.length - 1; i >= 0; i--) {
      const values = keys.map((k) => numberIn(rows[i]!, k)).filter((v) => v !== null);
      if (values.length)
        return [{ id, key: String(rows[i]!.key), value: values.reduce((a, b) => a + b, 0) }];
    }
    return [];
  });
}

/**
 * Vertical centres for labels wanted at `want` (px, any order), each `lineHeight` tall, kept at
 * least `lineHeight` apart and within [top, bottom]: pushed down past the one above, then, if
 * the last overflows, pushed back up. The answer is in the order of `want`. When they cannot all
 * fit, they are spread evenly over the room (overlapping least).
 */
export function placeEndLabels(
  want: readonly number[],
  lineHeight: number,
  top: number,
  bottom: number,
): number[] {
  const order = want.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const lo = top + lineHeight / 2;
  const hi = bottom - lineHeight / 2;
  const placed = order.map((o) => Math.min(hi, Math.max(lo, o.y)));
  if (placed.length * lineHeight > bottom - top) {
    const step = placed.length > 1 ? (hi - lo) / (placed.length - 1) : 0;
    placed.forEach((_, k) => (placed[k] = placed.length > 1 ? lo + k * step : (lo + hi) / 2));
  } else {
    for (let k = 1; k < placed.length; k++)
      placed[k] = Math.max(placed[k]!, placed[k - 1]! + lineHeight);
    if (placed.length) placed[placed.length - 1] = Math.min(placed[placed.length - 1]!, hi);
    for (let k = placed.length - 2; k >= 0; k--)
      placed[k] = Math.min(placed[k]!, placed[k + 1]! - lineHeight);
  }
  const out = new Array<number>(want.length);
  order.forEach((o, k) => (out[o.i] = placed[k]!));
  return out;
}

/**
 * Columns for `count` small multiples in a box of `width` × `height` px: the choice whose cells
 * have the largest plot, a plot being at best about twice as wide as tall (time runs across).
 * `overhead` is what each cell spends besides its plot: [px across (value axis, end labels),
 * px down (title, time axis)].
 */
export function multiplesColumns(
  count: number,
  width: number,
  height: number,
  gap = 0,
  overhead: [number, number] = [0, 0],
): number {
  if (count <= 1 || width <= 0 || height <= 0) return 1;
  let best = 1;
  let bestScore = -Infinity;
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const w = (width - gap * (columns - 1)) / columns - overhead[0];
    const h = (height - gap * (rows - 1)) / rows - overhead[1];
    const score = Math.min(w, 2 * h);
    if (score > bestScore + 0.5) {
      best = columns;
      bestScore = score;
    }
  }
  return best;
}

/** A dash pattern ("6 3") scaled with a thicker line, so dashes stay dashes and not dots. */
export function scaleDash(dash: string | undefined, factor: number): string | undefined {
  if (!dash || factor === 1) return dash;
  return dash
    .trim()
    .split(/[\s,]+/)
    .map((n) => String(Math.round(Number(n) * factor * 10) / 10))
    .join(' ');
}

/**
 * How many of `count` rows of `rowHeight` px fit in `room` px, keeping `lineHeight` px for the
 * line that says how many more there are when not all fit.
 */
export function fitRows(count: number, room: number, rowHeight: number, lineHeight: number) {
  if (count * rowHeight <= room) return count;
  return Math.max(1, Math.floor((room - lineHeight) / rowHeight));
}
