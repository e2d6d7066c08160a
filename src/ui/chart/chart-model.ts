import type { CsvCell } from '../../domain/csv.ts';
import type { RecordsBehind } from '../../domain/provenance.ts';
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
  /** Its figures are made up (a demo generator): exports carry the synthetic-data mark. */
  synthetic?: boolean;
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

/**
 * The data-table alternative of a chart: what it shows, as text, and (for the CSV export) as
 * values: ISO dates, plain numbers, units in the header, source and verification per row.
 */
export interface ChartTable {
  caption: string;
  /** Header of the first column (the row headers), then one per data column. */
  columns: {
    label: string;
    numeric?: boolean;
    /** e.g. "trucks/day", for the CSV header. */ unit?: string;
  }[];
  rows: ChartTableRow[];
}

export interface ChartTableRow {
  key: string;
  header: string;
  cells: string[];
  /** The row header as ISO 8601: a day, or an interval "2025-01-06/2025-01-12". */
  iso?: string;
  /** The cells as values (numbers stay numbers, missing is null), for the CSV. */
  values?: CsvCell[];
  /** Source and verification of this row, when it has one (else the chart's source line). */
  source?: string;
  verification?: string;
  /** The records the row's figures stand on, for "who says so?" (one source's). */
  behind?: RecordsBehind;
}

/**
 * The legend entries of drawn lines — a chart's series (`name`) or reference lines (`label`) —
 * with their colour and dash, as the frame draws them and the exports copy them.
 */
export function lineLegend(
  lines: readonly { name?: string; label?: string; colour: string; dash?: string }[],
): LegendEntry[] {
  return lines.map((l) => ({
    label: l.name ?? l.label ?? '',
    colour: l.colour,
    ...(l.dash !== undefined ? { dash: l.dash } : {}),
    shape: 'line' as const,
  }));
}
