import type { FillPattern } from './palette.ts';

/**
 * What a chart says besides its marks, as data rather than only as DOM: the export issue draws
 * title, subtitle, legend, source line and notes into SVG/PNG from this, and the CSV from the
 * table.
 */
export interface ChartDescription {
  /** Stable id, also the panel's `data-chart` attribute (e.g. "aid-flow"). */
  id: string;
  title: string;
  /** Units, resolution and period, in words. */
  subtitle: string;
  sources: SourceCredit[];
  legend: LegendEntry[];
  /** Anything the reader must know: aggregation, gaps, what is left out. */
  notes: string[];
}

export interface SourceCredit {
  name: string;
  licence: string | undefined;
  /** How far its figures were verified, in words, e.g. "60 % verified, 40 % reported". */
  verification: string;
}

export interface LegendEntry {
  label: string;
  colour: string;
  /** box: a bar or area; line: a series line or reference line; band: an event band. */
  shape: 'box' | 'line' | 'band';
  pattern?: FillPattern;
  /** SVG stroke-dasharray of a line. */
  dash?: string;
}

/** The data-table alternative of a chart: what it shows, as text. */
export interface ChartTable {
  caption: string;
  /** Header of the first column (the row headers), then one per data column. */
  columns: { label: string; numeric?: boolean }[];
  rows: { key: string; header: string; cells: string[] }[];
}
