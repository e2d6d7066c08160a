/**
 * The exported image of a chart, as one self-contained SVG: the chart's own <svg> (or a raster
 * of the map) with everything a reader needs to quote it drawn in as real SVG text — title,
 * subtitle, period and as-of time, legend, every source with licence and verification, notes,
 * project name and permalink — and the synthetic-data mark when the figures are made up.
 * Built with DOM calls and XMLSerializer, so data are always text and the output is valid XML.
 */
import type { LegendEntry, SourceCredit } from '../chart/chart-model.ts';
import type { FillPattern } from '../chart/palette.ts';
import { cleanText, estimateText, wrapText, type MeasureText } from './text-layout.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const INK = '#13202e';
const MUTED = '#4a5868';
const PAD = 16;
const MIN_WIDTH = 560;
export const EXPORT_FONT_FAMILY =
  "'Access Monitor Sans', 'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Hebrew', sans-serif";

/** A legend line in an image: a chart's entry, a map symbol (16×16 path), or a group heading. */
export type CaptionLegendEntry =
  | LegendEntry
  | { shape: 'symbol'; label: string; colour: string; path: string; cross?: boolean }
  | { shape: 'heading'; label: string };

/** Something in the plot area, placed in CSS px from its top-left corner. */
export type PlotPiece =
  | { kind: 'svg'; element: SVGSVGElement; x: number; y: number; width: number; height: number }
  | { kind: 'image'; href: string; x: number; y: number; width: number; height: number }
  | { kind: 'label'; text: string; x: number; y: number; width: number };

export interface CaptionInput {
  title: string;
  subtitle: string;
  /** The period shown and the moment the data are as of, with the time zone, in words. */
  when: string;
  legend: readonly CaptionLegendEntry[];
  sources: readonly SourceCredit[];
  notes: readonly string[];
  /** The figures are made up: draw the mark. Callers cannot turn it off for such data. */
  synthetic: boolean;
  plots: readonly PlotPiece[];
  /** The plot area in CSS px (where the pieces sit). */
  plotSize: { width: number; height: number };
  /** Translated words the image needs. */
  text: {
    sourceLabel: string;
    synthetic: string;
    noData: string;
    /** e.g. "Access Monitor · https://…/?range=all#chart-aid-flow" */
    footer: string;
  };
  /**
   * The reading direction of the caption's language. Right to left mirrors the caption (text
   * from the right edge, legend marks to the right of their labels); the plot keeps its own
   * layout, time flowing left to right as on the page.
   */
  direction?: 'ltr' | 'rtl';
  /** @font-face rules with data: URIs (see fonts.ts); none in unit tests. */
  fontFaceCss?: string;
  transparent?: boolean;
  measure?: MeasureText;
  /** The document to build in (jsdom in unit tests). */
  doc?: Document;
}

export interface CaptionSvg {
  svg: string;
  width: number;
  height: number;
}

export function buildCaptionSvg(input: CaptionInput): CaptionSvg {
  const doc = input.doc ?? document;
  const measure = input.measure ?? estimateText;
  const el = <K extends keyof SVGElementTagNameMap>(
    name: K,
    attrs: Record<string, string | number | undefined> = {},
  ): SVGElementTagNameMap[K] => {
    const node = doc.createElementNS(SVG_NS, name) as SVGElementTagNameMap[K];
    for (const [k, v] of Object.entries(attrs))
      if (v !== undefined) node.setAttribute(k, String(v));
    return node;
  };

  const width = Math.round(Math.max(MIN_WIDTH, input.plotSize.width) + 2 * PAD);
  const inner = width - 2 * PAD;
  const rtl = input.direction === 'rtl';
  /** Where a box `w` wide that starts `x` from the reading edge sits, in SVG x. */
  const at = (x: number, w = 0) => (rtl ? width - x - w : x);
  /** Caption text starting `x` from the reading edge, in the reading direction. */
  const textAt = (x: number, attrs: Record<string, string | number | undefined>) =>
    el('text', { x: at(x), direction: rtl ? 'rtl' : undefined, ...attrs });
  const root = el('svg', { width, viewBox: `0 0 ${width} 0` });
  root.setAttribute('font-family', EXPORT_FONT_FAMILY);
  const title = el('title');
  title.textContent = cleanText(input.title);
  root.append(title);
  const defs = el('defs');
  root.append(defs);
  if (input.fontFaceCss) {
    const style = el('style');
    style.textContent = input.fontFaceCss;
    defs.append(style);
  }
  const background = el('rect', { x: 0, y: 0, width, height: 0, fill: '#ffffff' });
  if (!input.transparent) root.append(background);

  let y = PAD;
  /** Wrapped lines of text from `y`; returns the height used. */
  const paragraph = (
    text: string,
    o: {
      size: number;
      bold?: boolean;
      colour?: string;
      maxLines?: number;
      x?: number;
      width?: number;
    },
  ) => {
    const x = o.x ?? PAD;
    const lines = wrapText(text, o.width ?? inner, o.size, {
      bold: o.bold,
      maxLines: o.maxLines ?? 4,
      measure,
    });
    const lineHeight = Math.round(o.size * 1.35);
    lines.forEach((line, i) => {
      const t = textAt(x, {
        y: y + lineHeight * i + o.size,
        'font-size': o.size,
        'font-weight': o.bold ? 700 : undefined,
        fill: o.colour ?? INK,
      });
      t.textContent = line;
      root.append(t);
    });
    y += lines.length * lineHeight;
  };

  // 1. The synthetic mark, first and unmissable.
  if (input.synthetic) {
    const h = 26;
    root.append(
      el('rect', { x: 0, y: 0, width, height: h, fill: '#ffe08a', 'data-synthetic': 'true' }),
    );
    const t = textAt(PAD, {
      y: 18,
      'font-size': 13,
      'font-weight': 700,
      fill: '#3d2e00',
      'data-synthetic': 'true',
    });
    t.textContent =
      wrapText(input.text.synthetic, inner, 13, { bold: true, maxLines: 1, measure })[0] ?? '';
    root.append(t);
    y = h + PAD * 0.75;
  }

  // 2. Title, subtitle, period and as-of.
  paragraph(input.title, { size: 19, bold: true, maxLines: 3 });
  y += 2;
  paragraph(input.subtitle, { size: 13, colour: MUTED, maxLines: 3 });
  paragraph(input.when, { size: 12, colour: MUTED, maxLines: 2 });
  y += 8;

  // 3. The plot, or a clear "no data" when there is nothing to draw.
  const plotTop = y;
  const plotHeight = input.plots.length ? Math.max(1, input.plotSize.height) : 120;
  if (input.plots.length === 0) {
    root.append(
      el('rect', {
        x: PAD,
        y: plotTop,
        width: inner,
        height: plotHeight,
        fill: '#f3f5f7',
        stroke: '#c9d1da',
        'stroke-dasharray': '4 3',
      }),
    );
    const t = el('text', {
      x: PAD + inner / 2,
      direction: rtl ? 'rtl' : undefined,
      y: plotTop + plotHeight / 2 + 6,
      'text-anchor': 'middle',
      'font-size': 16,
      'font-weight': 700,
      fill: MUTED,
    });
    t.textContent =
      wrapText(input.text.noData, inner - 16, 16, { bold: true, maxLines: 1, measure })[0] ?? '';
    root.append(t);
  }
  input.plots.forEach((piece, i) => {
    const g = el('g', { transform: `translate(${PAD + piece.x} ${plotTop + piece.y})` });
    if (piece.kind === 'svg') g.append(importChartSvg(doc, piece.element, piece, `p${i}-`));
    else if (piece.kind === 'image')
      g.append(
        el('image', {
          href: piece.href,
          x: 0,
          y: 0,
          width: piece.width,
          height: piece.height,
          preserveAspectRatio: 'none',
        }),
      );
    else {
      const t = el('text', { x: 0, y: 13, 'font-size': 13, 'font-weight': 700, fill: INK });
      t.textContent =
        wrapText(piece.text, piece.width, 13, { bold: true, maxLines: 1, measure })[0] ?? '';
      g.append(t);
    }
    root.append(g);
  });
  if (input.synthetic && input.plots.length) {
    // Across the plot too, so that a crop of the chart alone still says so.
    const t = el('text', {
      x: PAD + inner / 2,
      y: plotTop + plotHeight / 2,
      'text-anchor': 'middle',
      direction: rtl ? 'rtl' : undefined,
      'dominant-baseline': 'middle',
      'font-size': Math.max(14, Math.min(30, inner / 28)),
      'font-weight': 700,
      fill: '#8a6d00',
      'fill-opacity': 0.22,
      transform: `rotate(-12 ${PAD + inner / 2} ${plotTop + plotHeight / 2})`,
      'data-synthetic': 'true',
      'pointer-events': 'none',
    });
    t.textContent = cleanText(input.text.synthetic);
    root.append(t);
  }
  y = plotTop + plotHeight + 12;

  // 4. The legend, flowing in rows (Recharts' own legend is HTML: drawn here as SVG).
  if (input.legend.length) {
    const legend = el('g', { 'data-part': 'legend' });
    root.append(legend);
    const patterns = new Map<string, { pattern: FillPattern; colour: string }>();
    const rowHeight = 18;
    let x = PAD;
    let rowTop = y;
    let rowLines = 1;
    const newRow = () => {
      rowTop += rowHeight * rowLines + 2;
      rowLines = 1;
      x = PAD;
    };
    for (const entry of input.legend) {
      if (entry.shape === 'heading') {
        if (x > PAD) newRow();
        const t = textAt(PAD, {
          y: rowTop + 13,
          'font-size': 12,
          'font-weight': 700,
          fill: INK,
        });
        t.textContent =
          wrapText(entry.label, inner, 12, { bold: true, maxLines: 1, measure })[0] ?? '';
        legend.append(t);
        newRow();
        continue;
      }
      const swatch = 24;
      const labelMax = Math.min(inner - swatch - 6, 320);
      const lines = wrapText(entry.label, labelMax, 12, { maxLines: 2, measure });
      const itemWidth = swatch + 6 + Math.max(...lines.map((l) => measure(l, 12, false))) + 16;
      if (x > PAD && x + itemWidth > PAD + inner) newRow();
      legend.append(legendMark(el, entry, at(x, swatch), rowTop + 2, patterns));
      lines.forEach((line, i) => {
        const t = textAt(x + swatch + 6, {
          y: rowTop + 13 + i * 15,
          'font-size': 12,
          fill: INK,
        });
        t.textContent = line;
        legend.append(t);
      });
      rowLines = Math.max(rowLines, lines.length);
      x += itemWidth;
    }
    for (const { pattern, colour } of patterns.values())
      defs.append(patternDef(el, pattern, colour));
    y = rowTop + (x > PAD ? rowHeight * rowLines : 0) + 8;
  }

  // 5. Sources with licence and verification, then notes.
  for (const s of input.sources) {
    const line = `${input.text.sourceLabel}: ${s.name}${s.licence ? ` (${s.licence})` : ''}${
      s.verification ? ` — ${s.verification}` : ''
    }`;
    paragraph(line, { size: 12, colour: INK, maxLines: 3 });
  }
  if (input.sources.length) y += 4;
  for (const note of input.notes) {
    const t = textAt(PAD, { y: y + 11, 'font-size': 11, fill: MUTED });
    t.textContent = '•';
    root.append(t);
    paragraph(note, { size: 11, colour: MUTED, maxLines: 4, x: PAD + 10, width: inner - 10 });
  }
  y += 6;

  // 6. Project name and permalink.
  root.append(el('line', { x1: PAD, x2: width - PAD, y1: y, y2: y, stroke: '#d5dbe1' }));
  y += 4;
  paragraph(input.text.footer, { size: 11, colour: MUTED, maxLines: 3 });
  if (input.synthetic)
    paragraph(input.text.synthetic, { size: 11, bold: true, colour: '#6b5200', maxLines: 2 });
  y += PAD - 4;

  const height = Math.ceil(y);
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  background.setAttribute('height', String(height));
  const xml = new XMLSerializer().serializeToString(root);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`, width, height };
}

/**
 * Drops the declarations of an inline style that could reach outside the file (url()), fight the
 * export's font or resize the copy. Through the CSSOM, not setAttribute('style'): the app's CSP
 * (style-src without 'unsafe-inline') blocks, and reports, style attributes set as markup.
 */
function keepSafeStyle(node: Element): void {
  const style = (node as Element & ElementCSSInlineStyle).style;
  if (!style) return node.removeAttribute('style');
  for (const property of [...style]) {
    const value = style.getPropertyValue(property);
    if (/font-family|url\(/i.test(`${property}:${value}`) || /^(width|height)$/i.test(property))
      style.removeProperty(property);
  }
  if (style.length === 0) node.removeAttribute('style');
}

type Make = <K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs?: Record<string, string | number | undefined>,
) => SVGElementTagNameMap[K];

function legendMark(
  el: Make,
  entry: Exclude<CaptionLegendEntry, { shape: 'heading' }>,
  x: number,
  y: number,
  patterns: Map<string, { pattern: FillPattern; colour: string }>,
): SVGGElement {
  const g = el('g', { transform: `translate(${x} ${y})` });
  if (entry.shape === 'line') {
    g.append(
      el('line', {
        x1: 1,
        y1: 7,
        x2: 23,
        y2: 7,
        stroke: entry.colour,
        'stroke-width': 2.5,
        'stroke-dasharray': entry.dash || undefined,
      }),
    );
  } else if (entry.shape === 'symbol') {
    const s = el('g', { transform: 'translate(4 -1)' });
    s.append(
      el('path', { d: entry.path, fill: entry.colour, stroke: '#1a1a1a', 'stroke-width': 0.8 }),
    );
    if (entry.cross)
      s.append(
        el('path', { d: 'M6.9 5h2.2v2.4h2.4v2.2H9.1V12H6.9V9.6H4.5V7.4h2.4z', fill: '#fff' }),
      );
    g.append(s);
  } else {
    const pattern = entry.pattern ?? 'solid';
    let fill = entry.colour;
    if (pattern !== 'solid') {
      const id = legendPatternId(pattern, entry.colour);
      patterns.set(id, { pattern, colour: entry.colour });
      fill = `url(#${id})`;
    }
    g.append(
      el('rect', {
        x: 1,
        y: 1,
        width: 22,
        height: 12,
        fill,
        'fill-opacity': entry.shape === 'band' ? 0.35 : undefined,
        stroke: entry.shape === 'band' ? entry.colour : INK,
        'stroke-width': 0.75,
      }),
    );
  }
  return g;
}

const legendPatternId = (pattern: FillPattern, colour: string) =>
  `legend-${pattern}-${colour.replace(/[^0-9a-z]/gi, '').toLowerCase()}`;

/** The same hatches, dots and crosses as the chart's PatternDefs, as SVG elements. */
function patternDef(el: Make, pattern: FillPattern, colour: string): SVGPatternElement {
  const p = el('pattern', {
    id: legendPatternId(pattern, colour),
    width: 6,
    height: 6,
    patternUnits: 'userSpaceOnUse',
    patternTransform: pattern === 'hatch' ? 'rotate(45)' : undefined,
  });
  p.append(el('rect', { width: 6, height: 6, fill: colour }));
  if (pattern === 'hatch')
    p.append(el('rect', { width: 2.2, height: 6, fill: '#fff', 'fill-opacity': 0.75 }));
  if (pattern === 'dots')
    p.append(el('circle', { cx: 3, cy: 3, r: 1.3, fill: '#fff', 'fill-opacity': 0.85 }));
  if (pattern === 'cross')
    p.append(
      el('path', {
        d: 'M0 0L6 6M6 0L0 6',
        stroke: '#fff',
        'stroke-width': 1.2,
        'stroke-opacity': 0.85,
      }),
    );
  return p;
}

/**
 * A copy of a chart's <svg> fit to stand in another document: ids prefixed (several charts in one
 * file must not share clip paths), anything that could reach outside the file removed, fonts
 * left to the exported file's own, and text made safe for XML.
 */
export function importChartSvg(
  doc: Document,
  source: SVGSVGElement,
  box: { width: number; height: number },
  prefix: string,
): SVGSVGElement {
  const copy = doc.importNode(source, true) as SVGSVGElement;
  copy.setAttribute('x', '0');
  copy.setAttribute('y', '0');
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  copy.setAttribute('overflow', 'visible');
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${box.width} ${box.height}`);
  const all = [copy, ...copy.querySelectorAll('*')];
  for (const node of all) {
    const tag = node.localName;
    if (tag === 'script' || tag === 'foreignObject' || tag === 'a') {
      // Keep an <a>'s drawing but not the link.
      if (tag === 'a') node.replaceWith(...node.childNodes);
      else node.remove();
      continue;
    }
    for (const attr of [...node.attributes]) {
      const name = attr.name;
      const value = attr.value;
      if (
        name.startsWith('on') ||
        name === 'tabindex' ||
        name === 'class' ||
        name === 'font-family'
      ) {
        node.removeAttribute(name);
      } else if (name === 'id') {
        node.setAttribute('id', prefix + value);
      } else if (name === 'href' || name === 'xlink:href') {
        if (value.startsWith('#')) node.setAttribute(name, `#${prefix}${value.slice(1)}`);
        else if (!value.startsWith('data:')) node.removeAttribute(name);
      } else if (name === 'style') {
        keepSafeStyle(node);
      } else if (value.includes('url(')) {
        // Only references inside the file survive, renamed with the prefix.
        const local = /^url\(\s*["']?#([^"')]+)["']?\s*\)$/.exec(value.trim());
        if (local) node.setAttribute(name, `url(#${prefix}${local[1]})`);
        else node.removeAttribute(name);
      }
    }
  }
  // Text nodes from data: keep them XML-safe (cleanText also collapses runs of spaces).
  const walker = doc.createTreeWalker(copy, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const value = n.nodeValue ?? '';
    const clean = value.replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      '',
    );
    if (clean !== value) n.nodeValue = clean;
  }
  return copy;
}
