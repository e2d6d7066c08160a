import type { PlotPiece } from './caption-svg.ts';

/** The charts' <svg>s and small-multiple titles inside `container`, placed as drawn. */
export function collectPlot(container: HTMLElement | null): {
  pieces: PlotPiece[];
  width: number;
  height: number;
} {
  if (!container) return { pieces: [], width: 0, height: 0 };
  const origin = container.getBoundingClientRect();
  const pieces: PlotPiece[] = [];
  let bottom = 0;
  const place = (el: Element) => {
    const r = el.getBoundingClientRect();
    bottom = Math.max(bottom, r.bottom - origin.top);
    return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
  };
  for (const el of container.querySelectorAll('svg.recharts-surface, .small-multiples__title')) {
    if (el instanceof SVGSVGElement) pieces.push({ kind: 'svg', element: el, ...place(el) });
    else pieces.push({ kind: 'label', text: el.textContent ?? '', ...place(el) });
  }
  const hasChart = pieces.some((p) => p.kind === 'svg');
  return { pieces: hasChart ? pieces : [], width: origin.width, height: Math.ceil(bottom) };
}
