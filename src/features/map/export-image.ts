/**
 * The map's part in the shared export (ui/export): its drawing as a raster piece, its legend as
 * caption entries, and its places as a table for the CSV. The caption — title, as-of time,
 * legend, sources, notes, permalink, synthetic mark — is drawn by the same builder as every
 * chart's, so the PNG and the SVG of the map say what the charts' files say.
 */
import type { ChartTable } from '../../ui/chart/chart-model.ts';
import type { CaptionLegendEntry, PlotPiece } from '../../ui/export/caption-svg.ts';
import { formatNumber } from '../../ui/format.ts';
import type { Translate } from '../../ui/i18n/translate.ts';
import { STATE_SHAPES } from '../../ui/status-symbol.tsx';
import type { MapLike } from './map-like.ts';
import type { MapItem } from './map-model.ts';

/** One line of the legend as the panel and the image draw it. */
export interface LegendEntry {
  kind: 'shape' | 'facility' | 'swatch' | 'line' | 'dashed' | 'heading';
  label: string;
  colour?: string;
  shape?: keyof typeof STATE_SHAPES;
}

/** The map as drawn now (needs preserveDrawingBuffer, see maplibre.ts), at the canvas's density. */
export function mapPlot(map: MapLike): { pieces: PlotPiece[]; width: number; height: number } {
  const canvas = map.getCanvas();
  const width = canvas.clientWidth || canvas.width;
  const height = canvas.clientHeight || canvas.height;
  return {
    pieces: [{ kind: 'image', href: canvas.toDataURL('image/png'), x: 0, y: 0, width, height }],
    width,
    height,
  };
}

/** The map's legend for the image: headings, status symbols, swatches and lines. */
export function captionLegend(entries: readonly LegendEntry[]): CaptionLegendEntry[] {
  return entries.map((e): CaptionLegendEntry => {
    const colour = e.colour ?? '#8a8a8a';
    switch (e.kind) {
      case 'heading':
        return { shape: 'heading', label: e.label };
      case 'shape':
      case 'facility':
        return {
          shape: 'symbol',
          label: e.label,
          colour,
          path: STATE_SHAPES[e.shape ?? 'unknown'],
          cross: e.kind === 'facility',
        };
      case 'swatch':
        return { shape: 'box', label: e.label, colour };
      case 'line':
        return { shape: 'line', label: e.label, colour };
      case 'dashed':
        return { shape: 'line', label: e.label, colour, dash: '4 3' };
    }
  });
}

/** Every place on the map with its state at the moment shown, its report and its source. */
export function mapTable(
  items: readonly MapItem[],
  t: Translate,
  locale: string,
  measure: string,
  sourceName: (id: string) => string,
): ChartTable {
  const verification = (v: string | undefined) =>
    v ? t(`verification.${v as 'verified'}`) : undefined;
  return {
    caption: t('map.list'),
    columns: [
      { label: t('export.map.col.place') },
      { label: t('export.map.col.kind') },
      { label: t('export.map.col.state') },
      { label: measure, numeric: true, unit: '%' },
      { label: t('export.map.col.reported') },
    ],
    rows: items.map((item) => {
      let state: string;
      let level: number | null = null;
      let reported: string | undefined;
      let provenance: { sourceId: string; verification: string } | undefined;
      if (item.kind === 'crossing') {
        state = t(`status.${item.status.state}`);
        reported = item.status.latest?.at;
        provenance = item.status.latest?.provenance;
      } else if (item.kind === 'corridor') {
        state = t(`status.${item.status?.status ?? 'unknown'}`);
        reported = item.status?.at;
        provenance = item.status?.provenance;
      } else if (item.kind === 'facility') {
        state = t(`map.functionality.${item.report?.functionality ?? 'unknown'}`);
        reported = item.report?.date;
        provenance = item.report?.provenance;
      } else {
        level = item.level ? Math.round(item.level.ratio * 1000) / 10 : null;
        state = level === null ? t('map.legend.noData') : `${formatNumber(level, locale)} %`;
        reported = item.level?.record.date;
        provenance = item.level?.record.provenance;
      }
      const kind = t(`map.kind.${item.kind}`);
      return {
        key: item.key,
        header: item.name,
        cells: [kind, state, level === null ? '' : formatNumber(level, locale), reported ?? ''],
        values: [kind, state, level, reported ?? null],
        source: provenance ? sourceName(provenance.sourceId) : '',
        verification: verification(provenance?.verification) ?? '',
      };
    }),
  };
}
