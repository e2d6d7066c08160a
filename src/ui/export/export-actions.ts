/**
 * Making the files: SVG (caption + chart + inlined fonts), PNG (that SVG rasterised), CSV, and
 * "Download data" (a ZIP of the CSV and its README). Loaded on the first export, so none of it
 * weighs on a page that never exports.
 */
import type { ChartTable, SourceCredit } from '../chart/chart-model.ts';
import { periodLabel } from '../chart/time-labels.ts';
import { formatDateTime, formatZone } from '../format.ts';
import { isLocale, LOCALES, type Translate } from '../i18n/translate.ts';
import {
  buildCaptionSvg,
  type CaptionLegendEntry,
  type CaptionSvg,
  type PlotPiece,
} from './caption-svg.ts';
import { chartCsv, csvDecimals } from './chart-csv.ts';
import type { ExportScope } from './export-context.tsx';
import { EXPORT_FAMILY, embeddedFontCss } from './fonts.ts';
import { exportFileName, permalink, sharedSearch } from './links.ts';
import { svgToPng, type PngScale } from './rasterise.ts';

export type ExportFormat = 'png' | 'svg' | 'csv' | 'zip';

export interface ExportOptions {
  scale?: PngScale;
  transparent?: boolean;
  /** CSV: the rows as shown (period and filters) or every day the source covers. */
  rows?: 'shown' | 'full';
  /**
   * The link in the file pins the days shown (from/to) instead of the view's moving window
   * ("all", "last 30 days"). Default true: a file cited later must lead to what it shows.
   */
  pin?: boolean;
}

/** The link a file carries: to the chart, its days pinned unless asked otherwise. */
function fileLink(target: ExportTarget, scope: ExportScope, options: ExportOptions): string {
  return permalink(target.id, sharedSearch(scope.range, options.pin ?? true), scope.page);
}

/** What a chart (or the map) hands to the exporter. */
export interface ExportTarget {
  id: string;
  title: string;
  subtitle: string;
  legend: readonly CaptionLegendEntry[];
  sources: readonly SourceCredit[];
  notes: readonly string[];
  table: ChartTable | undefined;
  fullTable?: () => Promise<ChartTable | undefined>;
  /** What is drawn now, in the plot area's CSS px; no pieces when there is nothing to draw. */
  plot: () => Promise<{ pieces: PlotPiece[]; width: number; height: number }>;
}

export interface ExportEnv {
  scope: ExportScope;
  t: Translate;
  locale: string;
}

export interface ExportResult {
  blob: Blob;
  filename: string;
  /** Pixel size of an image. */
  width?: number;
  height?: number;
}

export async function buildSvg(
  target: ExportTarget,
  env: ExportEnv,
  options: ExportOptions = {},
): Promise<CaptionSvg> {
  const { scope, t, locale } = env;
  const plot = await target.plot();
  const synthetic = scope.synthetic || target.sources.some((s) => s.synthetic);
  const text = {
    sourceLabel: t('source.label'),
    synthetic: t('export.synthetic'),
    noData: t('export.noData'),
    footer: t('export.footer', {
      project: t('app.name'),
      link: fileLink(target, scope, options),
    }),
  };
  const when = t('export.when', {
    period: periodLabel(scope.range, t, locale),
    asOf: formatDateTime(scope.asOf, locale, scope.timeZone),
    zone: formatZone(scope.timeZone, locale, scope.asOf),
  });
  const allText = [
    target.title,
    target.subtitle,
    when,
    ...target.legend.map((l) => l.label),
    ...target.sources.map((s) => `${s.name} ${s.licence ?? ''} ${s.verification}`),
    ...target.notes,
    text.footer,
    ...plot.pieces.map((p) =>
      p.kind === 'svg' ? (p.element.textContent ?? '') : p.kind === 'label' ? p.text : '',
    ),
  ].join(' ');
  return buildCaptionSvg({
    title: target.title,
    subtitle: target.subtitle,
    when,
    legend: target.legend,
    sources: target.sources,
    notes: target.notes,
    synthetic,
    plots: plot.pieces,
    plotSize: { width: plot.width, height: plot.height },
    text,
    direction: isLocale(locale) ? LOCALES[locale] : 'ltr',
    fontFaceCss: await embeddedFontCss(allText),
    transparent: options.transparent,
    measure: canvasMeasure(),
  });
}

export async function exportFile(
  target: ExportTarget,
  format: ExportFormat,
  env: ExportEnv,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const { scope, t } = env;
  if (format === 'csv' || format === 'zip') {
    const full = options.rows === 'full' && target.fullTable;
    const table = (full ? await target.fullTable!() : target.table) ?? {
      caption: '',
      columns: [],
      rows: [],
    };
    const csv = chartCsv(table, target.sources, {
      iso: t('export.isoSuffix'),
      source: t('export.col.source'),
      verification: t('export.col.verification'),
    });
    const range = full ? scope.coverage : scope.range;
    const csvName = exportFileName(target.id, range, 'csv', full ? '_full' : '');
    if (format === 'csv')
      return { blob: new Blob([csv], { type: 'text/csv;charset=utf-8' }), filename: csvName };
    return {
      blob: await dataZip(target, env, options, { table, csv, csvName, range }),
      filename: exportFileName(target.id, range, 'zip', full ? '_full' : ''),
    };
  }
  const svg = await buildSvg(target, env, options);
  if (format === 'svg')
    return {
      blob: new Blob([svg.svg], { type: 'image/svg+xml;charset=utf-8' }),
      filename: exportFileName(target.id, scope.range, 'svg'),
      width: svg.width,
      height: svg.height,
    };
  const scale = options.scale ?? 2;
  const blob = await svgToPng(svg.svg, svg, scale);
  return {
    blob,
    filename: exportFileName(target.id, scope.range, 'png', scale === 1 ? '' : `@${scale}x`),
    width: Math.round(svg.width * scale),
    height: Math.round(svg.height * scale),
  };
}

/** "Download data": the CSV and a README beside it, in one uncompressed ZIP. */
async function dataZip(
  target: ExportTarget,
  env: ExportEnv,
  options: ExportOptions,
  file: { table: ChartTable; csv: string; csvName: string; range: { from: string; to: string } },
): Promise<Blob> {
  const [{ zipStore }, { dataReadme }] = await Promise.all([
    import('../../lib/zip.ts'),
    import('./data-readme.ts'),
  ]);
  const { scope, t, locale } = env;
  const now = new Date();
  const pinned = options.pin ?? true;
  const readme = dataReadme(
    {
      title: target.title,
      subtitle: target.subtitle,
      range: file.range,
      pinned,
      asOf: scope.asOf,
      timeZone: scope.timeZone,
      synthetic: scope.synthetic || target.sources.some((s) => s.synthetic),
      sources: target.sources,
      notes: target.notes,
      table: file.table,
      decimals: csvDecimals(file.table),
      csvName: file.csvName,
      link: fileLink(target, scope, options),
      now,
    },
    t,
    locale,
  );
  const zip = zipStore([
    { name: file.csvName, data: file.csv, modified: now },
    { name: 'README.txt', data: readme, modified: now },
  ]);
  return new Blob([zip], { type: 'application/zip' });
}

/** Text widths from a canvas with the export font (loaded by embeddedFontCss). */
function canvasMeasure() {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return undefined;
  return (text: string, size: number, bold: boolean) => {
    ctx.font = `${bold ? 700 : 400} ${size}px "${EXPORT_FAMILY}", sans-serif`;
    // A little slack: the measuring font may differ slightly from the embedded one.
    return ctx.measureText(text).width * 1.04;
  };
}
