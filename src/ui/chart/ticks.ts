/**
 * Which buckets of a time chart get an axis label. Recharts picks them itself by measuring
 * every label in the DOM, and each measure forces a layout of the page: at range "all" that is
 * thousands of labels and seconds of work. Here the same rule runs on widths measured on a
 * canvas, and Recharts is handed only the labels it will show.
 */

let context: OffscreenCanvasRenderingContext2D | null | undefined;
let family: string | undefined;
let sizeSet: number | undefined;

/**
 * Width in px of a label in the chart font at `fontSize` px; undefined where no canvas can
 * measure (jsdom). The canvas is made once; its font follows the size asked (the wall's ticks
 * are 1rem, the page's 11 px), so labels are never measured at another size than drawn.
 */
export function labelWidth(text: string, fontSize: number): number | undefined {
  if (context === undefined) {
    context =
      typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
    family =
      typeof document === 'undefined' ? 'sans-serif' : getComputedStyle(document.body).fontFamily;
  }
  if (!context) return undefined;
  if (sizeSet !== fontSize) {
    context.font = `${fontSize}px ${family}`;
    sizeSet = fontSize;
  }
  return context.measureText(text).width;
}

/**
 * The indices of `count` evenly spaced category ticks across `axisWidth` px that get a label,
 * by Recharts' "preserveStartEnd" rule: the last one if it fits, then from the first on, each
 * label that keeps `minGap` px from the one before (the first slides inwards if it overhangs).
 */
export function pickTicks(
  count: number,
  axisWidth: number,
  sizeOf: (index: number) => number,
  minGap: number,
): number[] {
  if (count === 0) return [];
  const band = axisWidth / count;
  const at = (i: number) => (i + 0.5) * band;
  let start = 0;
  let end = axisWidth;
  const fits = (centre: number, size: number) =>
    centre - size / 2 >= start && centre + size / 2 <= end;
  const shown: number[] = [];
  const last = count - 1;
  const lastSize = sizeOf(last);
  const overhang = at(last) + lastSize / 2 - end;
  const lastCentre = overhang > 0 ? at(last) - overhang : at(last);
  const showLast = fits(lastCentre, lastSize);
  if (showLast) end = lastCentre - (lastSize / 2 + minGap);
  for (let i = 0; i < last; i++) {
    // Most ticks fall well inside the label before: skip them without measuring.
    if (at(i) < start) continue;
    const size = sizeOf(i);
    const gap = i === 0 ? at(i) - size / 2 : 0;
    const centre = gap < 0 ? at(i) - gap : at(i);
    if (!fits(centre, size)) continue;
    start = centre + size / 2 + minGap;
    shown.push(i);
  }
  if (showLast) shown.push(last);
  return shown;
}
