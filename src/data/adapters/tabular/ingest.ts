import { dateBounds, type DateBounds } from '../../../domain/date-bounds.ts';
import { describeReasons } from '../../../domain/reasons.ts';
import { validateDataset, type DataIssue } from '../../../domain/validate.ts';
import type { Dataset, Verification } from '../../../domain/vocabulary.ts';
import {
  columnLetter,
  guessDataset,
  HXL_DATASETS,
  HXL_MAPPING,
  isHashtagRow,
  parseHashtag,
  planColumns,
  type Column,
  type ColumnPlan,
} from './hxl.ts';
import { createRowMapper, type Publisher, type TheatreRef } from './row-mapper.ts';
import { clip } from './values.ts';

/** A problem that stops a whole file or table from being read: no row can be valid. */
export class TableError extends Error {
  override readonly name = 'TableError';
}

export interface IngestOptions {
  sourceId: string;
  /** The dataset the table holds; guessed from its hashtags when absent. */
  dataset?: Dataset;
  verification?: Verification;
  dayFirst?: boolean;
  /** Rows searched for the hashtag row (title rows may come first). Default 25. */
  maxPreambleRows?: number;
  /** Days records may be about; default: the theatre's bounds as of when the table is read. */
  bounds?: DateBounds;
}

/** What a table yielded. `accepted + rejected.length === rowsRead`, always. */
export interface IngestSummary {
  dataset: Dataset;
  /** Data rows below the hashtag row that are not blank. */
  rowsRead: number;
  accepted: number;
  /** Blank rows below the hashtag row, skipped (counted here, not as records). */
  blankRows: number;
  /** Spreadsheet row number of the hashtag row (1-based). */
  hashtagRow: number;
  /** Problems with the table that cost no row: unused columns, duplicated hashtags. */
  warnings: string[];
  publishers: Publisher[];
}

export interface IngestBatch {
  records: unknown[];
  issues: DataIssue[];
}

/** Required columns per dataset: without them no row could be valid. */
const REQUIRED: Partial<Record<Dataset, { field: string; hint: string }[]>> = {
  'aid-flow': [
    { field: 'date', hint: '#date' },
    { field: 'place', hint: '#loc+name or #loc+code' },
  ],
  'crossing-status': [
    { field: 'at', hint: '#date or #date+time' },
    { field: 'place', hint: '#loc+name or #loc+code' },
    { field: 'status', hint: '#status or #access' },
  ],
  'facility-status': [
    { field: 'date', hint: '#date' },
    { field: 'place', hint: '#loc+name, #loc+code or #geo+lat/#geo+lon' },
  ],
  movements: [
    { field: 'date', hint: '#date' },
    { field: 'toZone', hint: '#region+dest' },
    { field: 'outcome', hint: '#status' },
  ],
  'fuel-entry': [
    { field: 'date', hint: '#date' },
    { field: 'place', hint: '#loc+name or #loc+code' },
    { field: 'fuel', hint: '#item+type' },
  ],
  'truck-gaps': [
    { field: 'date', hint: '#date' },
    { field: 'place', hint: '#loc+name or #loc+code' },
  ],
};

/**
 * Reads rows of a table as they stream in: finds the hashtag row (after any title rows), maps
 * its columns to the dataset, then maps and validates every data row. Rows are numbered as a
 * spreadsheet shows them: 1-based, counting title, header, hashtag and blank rows; that number
 * is each issue's `position`.
 */
export function createIngest(theatre: TheatreRef, options: IngestOptions) {
  const maxPreamble = options.maxPreambleRows ?? 25;
  const dates = {
    bounds: options.bounds ?? dateBounds(Date.now(), theatre.timeZone, theatre.earliestDay),
    timeZone: theatre.timeZone,
  };
  const preamble: string[][] = [];
  let rowNumber = 0;
  let hashtagRow = 0;
  let dataset: Dataset | undefined;
  let plan: ColumnPlan | undefined;
  let columns: Column[] = [];
  let mapper: ReturnType<typeof createRowMapper> | undefined;
  const warnings: string[] = [];
  let rowsRead = 0;
  let accepted = 0;
  let blankRows = 0;

  const label = (index: number) => {
    const c = columns[index];
    return `${c?.hashtag?.key ?? c?.text ?? ''} (column ${columnLetter(index)})`.trim();
  };

  function start(tags: string[], headers: string[] | undefined) {
    columns = tags.map((text, index) => ({
      index,
      text,
      header: headers?.[index] ?? '',
      hashtag: parseHashtag(text),
    }));
    dataset = options.dataset ?? guessDataset(columns);
    if (!dataset)
      throw new TableError(
        `cannot tell which dataset the hashtags describe (${columns
          .map((c) => c.text)
          .filter(Boolean)
          .join(
            ', ',
          )}); set "dataset" in the config or add #indicator+trucks, #status or #capacity`,
      );
    const specs = HXL_MAPPING[dataset];
    if (!specs)
      throw new TableError(
        `${dataset} cannot be read from HXL (readable: ${HXL_DATASETS.join(', ')})`,
      );
    plan = planColumns(columns, specs);
    const lacking = (REQUIRED[dataset] ?? []).filter(
      (r) => !plan!.fields.has(r.field) && !(r.field === 'place' && plan!.fields.has('lat')),
    );
    if (lacking.length)
      throw new TableError(
        `has no ${lacking.map((r) => r.hint).join(', no ')} column, which ${dataset} rows need (hashtag row ${hashtagRow})`,
      );
    for (const d of plan.duplicates)
      warnings.push(
        `${d.text} appears in columns ${d.columns.map(columnLetter).join(', ')}: column ${columnLetter(d.columns[0]!)} is used, the others are kept aside`,
      );
    if (plan.unused.length)
      warnings.push(
        `columns kept aside (not used for ${dataset}): ${plan.unused.map((c) => `${c.text || c.header || '(no hashtag)'} (${columnLetter(c.index)})`).join(', ')}`,
      );
    mapper = createRowMapper(dataset, plan, label, theatre, {
      sourceId: options.sourceId,
      verification: options.verification ?? 'reported',
      dayFirst: options.dayFirst ?? true,
    });
  }

  function rawOf(cells: readonly string[]): Record<string, string> {
    const raw: Record<string, string> = {};
    cells.forEach((value, i) => {
      const c = columns[i];
      const key = c ? c.text.trim() || c.header.trim() || columnLetter(i) : columnLetter(i);
      raw[raw[key] === undefined ? key : `${key} (${columnLetter(i)})`] = value;
    });
    return raw;
  }

  const dayOf = (cells: readonly string[]) => {
    const day = mapper?.dayOf(cells);
    return day === undefined ? {} : { day };
  };

  return {
    /**
     * Feed rows in file order (with their positions when they are not spreadsheet rows, e.g.
     * CKAN's _id); returns what they yielded. Throws TableError when the table cannot be read. */
    push(rows: readonly string[][], positions?: readonly number[]): IngestBatch {
      const candidates: unknown[] = [];
      const rowPositions: number[] = [];
      const rawRows: string[][] = [];
      const issues: DataIssue[] = [];
      for (let k = 0; k < rows.length; k++) {
        const cells = rows[k]!;
        rowNumber++;
        const position = positions?.[k] ?? rowNumber;
        if (!mapper) {
          if (isHashtagRow(cells)) {
            hashtagRow = position;
            const headers = [...preamble].reverse().find((r) => r.some((c) => c.trim() !== ''));
            start(cells, headers);
            continue;
          }
          preamble.push(cells);
          if (preamble.length >= maxPreamble)
            throw new TableError(noHashtagRow(preamble, maxPreamble));
          continue;
        }
        if (cells.every((c) => c.trim() === '')) {
          blankRows++;
          continue;
        }
        rowsRead++;
        const mapped = mapper.map(cells);
        if (mapped.ok) {
          candidates.push(mapped.record);
          rowPositions.push(position);
          rawRows.push(cells);
        } else {
          issues.push({
            sourceId: options.sourceId,
            dataset: dataset!,
            position,
            record: `row:${position}`,
            field: mapped.field,
            reason: describeReasons(mapped.reasons),
            reasons: mapped.reasons,
            raw: rawOf(cells),
            ...dayOf(cells),
          });
        }
      }
      if (!candidates.length) return { records: [], issues };
      const checked = validateDataset(dataset!, candidates, {
        sourceId: options.sourceId,
        dates,
      });
      accepted += checked.accepted.length;
      for (const issue of checked.rejected) {
        const top = issue.field.split('.')[0]!;
        const column = plan!.fields.get(FIELD_OF[top] ?? top)?.[0];
        issues.push({
          ...issue,
          position: rowPositions[issue.position]!,
          // A row of a table is known by its number there (CKAN: its _id).
          record: `row:${rowPositions[issue.position]!}`,
          field: column === undefined ? issue.field : label(column),
          raw: rawOf(rawRows[issue.position]!),
          ...dayOf(rawRows[issue.position]!),
        });
      }
      issues.sort((a, b) => a.position - b.position);
      return { records: checked.accepted, issues };
    },

    /** Call after the last row. Throws TableError when no hashtag row was found. */
    finish(): IngestSummary {
      if (!mapper || !dataset) {
        if (rowNumber === 0 || preamble.every((r) => r.every((c) => c.trim() === '')))
          throw new TableError('is empty');
        throw new TableError(noHashtagRow(preamble, maxPreamble));
      }
      return {
        dataset,
        rowsRead,
        accepted,
        blankRows,
        hashtagRow,
        warnings,
        publishers: [...mapper.publishers.values()],
      };
    },
  };
}

/** Record fields whose column has another name in the mapping. */
const FIELD_OF: Record<string, string> = {
  crossingId: 'place',
  facilityId: 'place',
  observersPresent: 'observers',
  provenance: 'publisher',
};

/** Why no hashtag row was found, with the likeliest cause: a delimiter we did not split on. */
function noHashtagRow(rows: readonly string[][], searched: number): string {
  for (const row of rows) {
    for (const cell of row) {
      const match = /^\s*#[a-z][\w+ ]*([^\w\s+#])\s*#/i.exec(cell);
      if (!match) continue;
      const shown = `the hashtag row is not split into columns (“${clip(cell, 40)}”)`;
      const sep = match[1]!;
      // A separator the reader knows: the row is quoted whole, or other rows use another one.
      if (',;|\t'.includes(sep))
        return `${shown}: its hashtags are separated by “${sep}” but it was read as one cell; take the quotes off that row, or use one separator in every row`;
      return `${shown}: the file seems to use “${sep}” between columns; save it as comma-, semicolon- or tab-separated`;
    }
  }
  return `has no HXL hashtag row in its first ${Math.min(rows.length, searched)} rows: expected a row of hashtags such as #date, #loc+name, #indicator+num under the column headers`;
}
