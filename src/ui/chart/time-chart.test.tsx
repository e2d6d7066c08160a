import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as dense from './dense-bars.ts';
import { TimeChart, type BarSpec, type Row, type TimeChartProps } from './time-chart.tsx';

// The threshold can be overridden per test, to draw the same chart the other way.
vi.mock('./dense-bars.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./dense-bars.ts')>();
  return { ...original, isDense: vi.fn(original.isDense) };
});
const isDense = vi.mocked(dense.isDense);
afterEach(() => isDense.mockRestore());

const GROUPS = 3;
const STACKS = 3;
const COLOURS = ['#E69F00', '#56B4E9', '#009E73'];

const bars: BarSpec[] = Array.from({ length: GROUPS }, (_, g) =>
  Array.from({ length: STACKS }, (_, s) => ({
    dataKey: `g${g}s${s}`,
    name: `group ${g} · stack ${s}`,
    stackId: `g${g}`,
    colour: COLOURS[s]!,
    pattern: g === 0 ? ('solid' as const) : ('hatch' as const),
  })),
).flat();

/** `n` buckets; bucket 5 has no report from group 0 (a gap), bucket 7 none from anyone. */
function rowsOf(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => {
    const row: Row = { key: `b${String(i).padStart(3, '0')}` };
    for (let g = 0; g < GROUPS; g++)
      for (let s = 0; s < STACKS; s++)
        row[`g${g}s${s}`] =
          i === 7 || (i === 5 && g === 0) ? null : 10 + ((i * 7 + g * 5 + s * 3) % 40);
    return row;
  });
}

function chart(rows: Row[], width: number) {
  const props: TimeChartProps = {
    width,
    height: 300,
    rows,
    bars,
    tickFormat: (k) => k,
    valueFormat: (v) => String(v),
    describe: () => undefined,
    animate: false,
    label: 'Test chart',
  };
  return render(<TimeChart {...props} />).container;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The rectangles of a dense path's `d` (M x y h w v h h -w Z …). */
function boxesOf(d: string): Box[] {
  return [...d.matchAll(/M([-\d.]+) ([-\d.]+)h([-\d.]+)v([-\d.]+)h[-\d.]+Z/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    w: Number(m[3]),
    h: Number(m[4]),
  }));
}

const densePathsIn = (root: Element) => [
  ...root.querySelectorAll<SVGPathElement>('[data-dense-bars] path'),
];

describe('TimeChart bars', () => {
  it('draws a dense chart as one path per series, not one element per bar', () => {
    const rows = rowsOf(200); // 600 bars in ~736 px of axis: dense
    const root = chart(rows, 800);
    const paths = densePathsIn(root);
    expect(paths.length).toBe(GROUPS * STACKS);
    expect(root.querySelectorAll('.recharts-rectangle').length).toBe(0);
    // Each series path holds one rectangle per bucket it has a value for.
    const boxes = paths.map((p) => boxesOf(p.getAttribute('d')!));
    expect(boxes[0]!.length).toBe(198); // buckets 5 and 7 are gaps for group 0
    expect(boxes[STACKS]!.length).toBe(199); // bucket 7 only for the others
    // Colour and pattern as the sparse bars: solid for group 0, hatched for the others.
    expect(paths[0]!.getAttribute('fill')).toBe('#E69F00');
    expect(paths[STACKS]!.getAttribute('fill')).toBe('url(#am-hatch-e69f00)');
    expect(root.querySelector('pattern#am-hatch-e69f00')).not.toBeNull();
  });

  it('stacks each bucket: segments touch, and their heights add up to the total', () => {
    const rows = rowsOf(200);
    const paths = densePathsIn(chart(rows, 800)).map((p) => boxesOf(p.getAttribute('d')!));
    // Pixels per unit from one segment; every other segment must agree (a linear axis).
    const first = rows[0]!;
    const perUnit = paths[0]![0]!.h / (first.g0s0 as number);
    for (let g = 0; g < GROUPS; g++) {
      const column = [0, 1, 2].map((s) => paths[g * STACKS + s]![0]!);
      const values = [0, 1, 2].map((s) => first[`g${g}s${s}`] as number);
      // Same x and width: one column; each segment sits on the one below.
      expect(new Set(column.map((b) => `${b.x}/${b.w}`)).size).toBe(1);
      expect(column[1]!.y + column[1]!.h).toBeCloseTo(column[0]!.y, 1);
      expect(column[2]!.y + column[2]!.h).toBeCloseTo(column[1]!.y, 1);
      const total = values.reduce((a, b) => a + b, 0);
      const heights = column.reduce((a, b) => a + b.h, 0);
      expect(heights).toBeCloseTo(total * perUnit, 0);
      expect(column[0]!.y + column[0]!.h - column[2]!.y).toBeCloseTo(heights, 1);
    }
    // Groups stand side by side, in their order, without overlapping.
    const xs = [0, 1, 2].map((g) => paths[g * STACKS]![0]!);
    expect(xs[0]!.x + xs[0]!.w).toBeLessThanOrEqual(xs[1]!.x + 0.01);
    expect(xs[1]!.x + xs[1]!.w).toBeLessThanOrEqual(xs[2]!.x + 0.01);
  });

  it('leaves a missing bucket empty: no zero-height bar, no shift of the next', () => {
    const rows = rowsOf(200);
    const paths = densePathsIn(chart(rows, 800)).map((p) => boxesOf(p.getAttribute('d')!));
    const columnX = (g: number) => paths[g * STACKS]!.map((b) => b.x);
    const step = columnX(1)[1]! - columnX(1)[0]!; // a band's width
    const at = (g: number, i: number) =>
      columnX(1)[0]! + i * step + (columnX(g)[0]! - columnX(1)[0]!);
    // Group 0 has nothing at bucket 5 or 7; group 1 nothing at 7 but something at 5.
    for (const b of paths.slice(0, STACKS).flat()) {
      expect(Math.abs(b.x - at(0, 5))).toBeGreaterThan(0.5);
      expect(Math.abs(b.x - at(0, 7))).toBeGreaterThan(0.5);
    }
    expect(columnX(1).some((x) => Math.abs(x - at(1, 5)) < 0.5)).toBe(true);
    expect(columnX(1).some((x) => Math.abs(x - at(1, 7)) < 0.5)).toBe(false);
    for (const series of paths) for (const b of series) expect(b.h).toBeGreaterThan(0);
  });

  it('draws the same rectangles as Recharts would for the same chart', () => {
    const rows = rowsOf(200);
    const denseBoxes = densePathsIn(chart(rows, 800))
      .flatMap((p) => boxesOf(p.getAttribute('d')!))
      .map((b) => [b.x, b.y, b.w, b.h].map((v) => v.toFixed(1)).join(' '))
      .sort();
    document.body.innerHTML = '';
    isDense.mockReturnValue(false);
    const sparse = chart(rows, 800);
    expect(densePathsIn(sparse).length).toBe(0);
    const rechartsBoxes = [...sparse.querySelectorAll('.recharts-rectangle')]
      .map((r) =>
        ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a)).toFixed(1)).join(' '),
      )
      .sort();
    expect(rechartsBoxes.length).toBe(denseBoxes.length);
    expect(denseBoxes).toEqual(rechartsBoxes);
  });

  it('keeps a sparse chart as Recharts bars, one rectangle per value', () => {
    const rows = rowsOf(20); // 60 bars in ~736 px: ~12 px each
    const root = chart(rows, 800);
    expect(densePathsIn(root).length).toBe(0);
    expect(root.querySelector('[data-dense-bars]')).toBeNull();
    const values = rows.flatMap((r) =>
      bars.map((b) => r[b.dataKey]).filter((v) => typeof v === 'number'),
    );
    expect(root.querySelectorAll('.recharts-rectangle').length).toBe(values.length);
  });
});
