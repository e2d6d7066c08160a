import { CROSSING_STATES, FUNCTIONALITIES } from '../../domain/vocabulary.ts';
import { STATE_SHAPES } from '../../ui/status-symbol.tsx';
import { FUNCTIONALITY_STATE, STATE_COLOURS } from './layers.ts';

/**
 * Map icons, drawn from the same shapes as the status badges so the map and the board read
 * alike: a crossing is its status shape in its colour with a white edge; a facility is the
 * shape of its functionality with a white cross in it.
 */
export const ICON_PIXEL_RATIO = 2;
const SIZE = 24;

export interface Icon {
  id: string;
  image: ImageData;
  /** Image pixels per CSS pixel at icon-size 1 (MapLibre's addImage pixelRatio). */
  pixelRatio: number;
}

/** Draws a 16×16 shape from STATE_SHAPES, scaled into a square of `size` px at (x, y). */
export function drawShape(
  ctx: CanvasRenderingContext2D,
  path: string,
  fill: string,
  x: number,
  y: number,
  size: number,
  options: { cross?: boolean } = {},
): void {
  ctx.save();
  ctx.translate(x, y);
  ctx.scale(size / 16, size / 16);
  const shape = new Path2D(path);
  ctx.lineJoin = 'round';
  ctx.lineWidth = 2.4;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke(shape);
  ctx.fillStyle = fill;
  ctx.fill(shape);
  ctx.lineWidth = 0.8;
  ctx.strokeStyle = '#1a1a1a';
  ctx.stroke(shape);
  if (options.cross) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(6.9, 5, 2.2, 7);
    ctx.fillRect(4.5, 7.4, 7, 2.2);
  }
  ctx.restore();
}

/**
 * Every icon the style names; empty where the browser cannot draw (e.g. jsdom in tests).
 * `scale` is the icon-size the style will draw them at (the wall's look, × 2 at 1080p, × 4 at
 * 4K): they are drawn with that many more pixels, so that a large symbol is sharp, not blown up.
 */
export function createIcons(scale = 1): Icon[] {
  if (typeof Path2D === 'undefined' || typeof document === 'undefined') return [];
  const ratio = ICON_PIXEL_RATIO * Math.max(1, Math.ceil(scale));
  const px = SIZE * ratio;
  const canvas = document.createElement('canvas');
  canvas.width = px;
  canvas.height = px;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return [];
  const draw = (id: string, path: string, fill: string, cross: boolean): Icon => {
    ctx.clearRect(0, 0, px, px);
    const pad = 3 * ratio;
    drawShape(ctx, path, fill, pad, pad, px - 2 * pad, { cross });
    return { id, image: ctx.getImageData(0, 0, px, px), pixelRatio: ratio };
  };
  return [
    ...CROSSING_STATES.map((s) => draw(`crossing-${s}`, STATE_SHAPES[s], STATE_COLOURS[s], false)),
    ...FUNCTIONALITIES.map((f) => {
      const state = FUNCTIONALITY_STATE[f];
      return draw(`facility-${f}`, STATE_SHAPES[state], STATE_COLOURS[state], true);
    }),
  ];
}
