import { STATE_SHAPES } from '../../ui/status-symbol.tsx';
import { drawShape } from './icons.ts';
import type { MapLike } from './map-like.ts';

/** One line of the legend as the image draws it. */
export interface LegendEntry {
  kind: 'shape' | 'facility' | 'swatch' | 'line' | 'dashed' | 'heading';
  label: string;
  colour?: string;
  shape?: keyof typeof STATE_SHAPES;
}

export interface ImageText {
  title: string;
  /** e.g. the moment shown and "synthetic data". */
  notes: string[];
  attribution: string;
}

const FONT = '"Noto Sans", system-ui, sans-serif';

/**
 * A PNG of the map as it is drawn now with its title, legend, notes and attribution drawn in,
 * at the canvas's own pixel density. Needs a map made with preserveDrawingBuffer (maplibre.ts).
 */
export async function exportMapPng(
  map: MapLike,
  legend: readonly LegendEntry[],
  text: ImageText,
): Promise<Blob> {
  const source = map.getCanvas();
  const scale = source.width / Math.max(1, source.clientWidth || source.width);
  const line = 20 * scale;
  const pad = 12 * scale;
  const legendColumns = 2;
  const legendRows = Math.ceil(legend.length / legendColumns);
  const header = pad + line * 1.4 + text.notes.length * line;
  const footer = pad + legendRows * line + line * 1.5 + pad;
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = Math.round(header + source.height + footer);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw an image of the map.');

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#13202e';
  ctx.textBaseline = 'middle';
  ctx.font = `700 ${16 * scale}px ${FONT}`;
  ctx.fillText(text.title, pad, pad + line * 0.6);
  ctx.font = `${12 * scale}px ${FONT}`;
  text.notes.forEach((note, i) => ctx.fillText(note, pad, pad + line * 1.4 + line * (i + 0.5)));
  ctx.drawImage(source, 0, header);

  const top = header + source.height + pad;
  const columnWidth = (canvas.width - 2 * pad) / legendColumns;
  legend.forEach((entry, i) => {
    // Column by column, so each group reads down as in the panel.
    const x = pad + Math.floor(i / legendRows) * columnWidth;
    const y = top + (i % legendRows) * line;
    drawLegendMark(ctx, entry, x, y, 14 * scale);
    ctx.fillStyle = '#13202e';
    ctx.font = `${entry.kind === 'heading' ? '700 ' : ''}${12 * scale}px ${FONT}`;
    ctx.fillText(entry.label, x + (entry.kind === 'heading' ? 0 : 20 * scale), y + line / 2);
  });
  ctx.fillStyle = '#4a5868';
  ctx.font = `${11 * scale}px ${FONT}`;
  ctx.fillText(text.attribution, pad, top + legendRows * line + line * 0.75);

  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The image could not be made.'))),
      'image/png',
    ),
  );
}

function drawLegendMark(
  ctx: CanvasRenderingContext2D,
  entry: LegendEntry,
  x: number,
  y: number,
  size: number,
): void {
  const colour = entry.colour ?? '#5f6b7a';
  const top = y + (20 * (size / 14) - size) / 2;
  switch (entry.kind) {
    case 'shape':
    case 'facility':
      drawShape(ctx, STATE_SHAPES[entry.shape ?? 'unknown'], colour, x, top, size, {
        cross: entry.kind === 'facility',
      });
      return;
    case 'swatch':
      ctx.fillStyle = colour;
      ctx.fillRect(x, top, size, size);
      ctx.strokeStyle = '#7a6a55';
      ctx.strokeRect(x, top, size, size);
      return;
    case 'line':
    case 'dashed':
      ctx.strokeStyle = colour;
      ctx.lineWidth = size / 4;
      ctx.setLineDash(entry.kind === 'dashed' ? [size / 4, size / 4] : []);
      ctx.beginPath();
      ctx.moveTo(x, top + size / 2);
      ctx.lineTo(x + size, top + size / 2);
      ctx.stroke();
      ctx.setLineDash([]);
      return;
    case 'heading':
      return;
  }
}
