import type { Dataset } from '../../../domain/vocabulary.ts';

/**
 * HXL (Humanitarian Exchange Language) hashtags: `#indicator +num +trucks`. Tags and attributes
 * are case-insensitive and attributes come in any order, so a column is described by its tag
 * and a set of attributes; a pattern matches a column that has its tag and at least its
 * attributes (`#loc+name` matches `#loc +name +ar`).
 */
export interface Hashtag {
  tag: string;
  attributes: readonly string[];
  /** Normalised text: `#tag+a+b` with attributes sorted. */
  key: string;
}

const HASHTAG = /^#\s*([a-z][a-z0-9_]*)((?:\s*\+\s*[a-z][a-z0-9_]*)*)\s*$/i;

export function parseHashtag(text: string): Hashtag | undefined {
  const match = HASHTAG.exec(text.trim());
  if (!match) return undefined;
  const tag = match[1]!.toLowerCase();
  const attributes = [
    ...new Set(
      match[2]!
        .split('+')
        .map((a) => a.trim().toLowerCase())
        .filter(Boolean),
    ),
  ].sort();
  return { tag, attributes, key: `#${tag}${attributes.map((a) => `+${a}`).join('')}` };
}

/**
 * How many hashtags a row has when it is the hashtag row, else 0: at least half its non-empty
 * cells are hashtags, and two at least (a title row that is one hashtag, `#GazaAid` padded with
 * separators by Excel, is not; no dataset can be read from one column).
 */
export function hashtagRowSize(cells: readonly string[]): number {
  let filled = 0;
  let tags = 0;
  for (const cell of cells) {
    if (cell.trim() === '') continue;
    filled++;
    if (parseHashtag(cell)) tags++;
  }
  return tags >= 2 && tags * 2 >= filled ? tags : 0;
}

export function isHashtagRow(cells: readonly string[]): boolean {
  return hashtagRowSize(cells) > 0;
}

export function matches(column: Hashtag, pattern: Hashtag): boolean {
  return (
    column.tag === pattern.tag && pattern.attributes.every((a) => column.attributes.includes(a))
  );
}

/** One column of the file: its human header (row above the hashtags) and its hashtag. */
export interface Column {
  index: number;
  header: string;
  hashtag: Hashtag | undefined;
  /** The raw text of the hashtag cell. */
  text: string;
}

/** A domain field and the hashtags that feed it, most specific first. */
export interface FieldSpec {
  field: string;
  patterns: readonly string[];
  /** Several columns may feed it; their values are tried in order (e.g. code, then name). */
  multi?: boolean;
  /** Used only to help match a place; never reported as unused. */
  helper?: boolean;
}

const provenance: FieldSpec[] = [
  { field: 'reportedAt', patterns: ['#date+reported'] },
  { field: 'verification', patterns: ['#meta+verification', '#meta+verified'] },
  { field: 'verifiedBy', patterns: ['#meta+verifiedby', '#org+verifier'] },
  { field: 'method', patterns: ['#meta+method'] },
  { field: 'publisher', patterns: ['#org+name', '#org', '#meta+source'] },
];
/** Movements are published by whoever coordinates them; their #org columns are the requester. */
const movementProvenance: FieldSpec[] = [
  { field: 'reportedAt', patterns: ['#date+reported'] },
  { field: 'verification', patterns: ['#meta+verification', '#meta+verified'] },
  { field: 'verifiedBy', patterns: ['#meta+verifiedby', '#org+verifier'] },
  { field: 'method', patterns: ['#meta+method'] },
  { field: 'publisher', patterns: ['#meta+source'] },
];
const place: FieldSpec[] = [
  { field: 'lat', patterns: ['#geo+lat', '#lat_deg'], helper: true },
  { field: 'lon', patterns: ['#geo+lon', '#lon_deg'], helper: true },
  { field: 'place', patterns: ['#loc+code', '#loc+id', '#loc+name', '#loc'], multi: true },
];

/**
 * The mapping from hashtags to the domain, per dataset; fields are claimed in this order, so a
 * specific pattern (#date+reported) takes its column before a general one (#date) can.
 * docs/adapters.md shows the same table.
 */
export const HXL_MAPPING: Partial<Record<Dataset, readonly FieldSpec[]>> = {
  'aid-flow': [
    ...provenance,
    ...place,
    { field: 'date', patterns: ['#date'] },
    { field: 'commodity', patterns: ['#item+type', '#item', '#sector'] },
    { field: 'stage', patterns: ['#status', '#indicator+stage'] },
    { field: 'tonnes', patterns: ['#indicator+tonnes', '#indicator+tons'] },
    { field: 'litres', patterns: ['#indicator+litres', '#indicator+liters'] },
    { field: 'trucks', patterns: ['#indicator+trucks', '#indicator+num'] },
  ],
  'crossing-status': [
    ...provenance,
    ...place,
    { field: 'at', patterns: ['#date+time', '#date'] },
    { field: 'hours', patterns: ['#access+hours'] },
    { field: 'status', patterns: ['#status', '#access'] },
    { field: 'observers', patterns: ['#meta+observers'] },
    { field: 'note', patterns: ['#description', '#meta+note', '#meta+comment'] },
  ],
  'facility-status': [
    ...provenance,
    ...place,
    { field: 'date', patterns: ['#date'] },
    { field: 'functionality', patterns: ['#status'] },
    { field: 'bedsOccupied', patterns: ['#capacity+occupied'] },
    { field: 'icuBeds', patterns: ['#capacity+icu'] },
    { field: 'bedsAvailable', patterns: ['#capacity+available', '#capacity'] },
    { field: 'fuelDays', patterns: ['#indicator+fuel+days', '#indicator+fuel'] },
    { field: 'power', patterns: ['#meta+power'] },
    { field: 'water', patterns: ['#meta+water'] },
  ],
  movements: [
    // The requester's type before the publisher can claim an #org column.
    { field: 'organisationType', patterns: ['#org+type'] },
    ...movementProvenance,
    { field: 'id', patterns: ['#activity+id', '#activity+code', '#meta+id'] },
    { field: 'date', patterns: ['#date'] },
    { field: 'purpose', patterns: ['#activity+type', '#activity', '#sector'] },
    {
      field: 'fromArea',
      patterns: ['#adm1+code+origin', '#adm1+name+origin', '#adm1+origin'],
      multi: true,
    },
    {
      field: 'toArea',
      patterns: ['#adm1+code+dest', '#adm1+name+dest', '#adm1+dest'],
      multi: true,
    },
    { field: 'fromZone', patterns: ['#region+origin'] },
    { field: 'toZone', patterns: ['#region+dest', '#region'] },
    { field: 'outcome', patterns: ['#status'] },
    { field: 'reason', patterns: ['#description+reason', '#description', '#meta+comment'] },
    { field: 'missions', patterns: ['#indicator+missions', '#indicator+num'] },
  ],
  'fuel-entry': [
    ...provenance,
    ...place,
    { field: 'date', patterns: ['#date'] },
    { field: 'fuel', patterns: ['#item+type', '#item+name', '#item'] },
    // The need before the quantities, so that #indicator+need+litres is not read as entered.
    { field: 'need', patterns: ['#indicator+need'] },
    { field: 'litres', patterns: ['#indicator+litres', '#indicator+liters'] },
    { field: 'tonnes', patterns: ['#indicator+tonnes', '#indicator+tons'] },
    { field: 'unit', patterns: ['#indicator+unit', '#meta+unit'] },
    { field: 'quantity', patterns: ['#indicator+quantity', '#indicator+num'] },
  ],
  'truck-gaps': [
    ...provenance,
    ...place,
    { field: 'date', patterns: ['#date'] },
    { field: 'waiting', patterns: ['#indicator+waiting'] },
    { field: 'intercepted', patterns: ['#indicator+intercepted', '#indicator+looted'] },
  ],
};

/** The datasets an HXL file can hold. */
export const HXL_DATASETS = Object.keys(HXL_MAPPING) as Dataset[];

/** Which dataset a file holds, from its hashtags, when the config does not say. */
export function guessDataset(columns: readonly Column[]): Dataset | undefined {
  const has = (pattern: string) => {
    const p = parseHashtag(pattern)!;
    return columns.some((c) => c.hashtag && matches(c.hashtag, p));
  };
  // The new datasets first: their files also have #item or #indicator+trucks columns.
  if (has('#indicator+waiting') || has('#indicator+intercepted')) return 'truck-gaps';
  if (has('#indicator+need') || (has('#item') && has('#indicator+unit'))) return 'fuel-entry';
  if (has('#status') && (has('#region') || has('#org+type') || has('#adm1+dest')))
    return 'movements';
  if (
    has('#indicator+trucks') ||
    has('#indicator+tonnes') ||
    has('#indicator+litres') ||
    has('#item')
  )
    return 'aid-flow';
  if (has('#capacity') || has('#indicator+fuel')) return 'facility-status';
  if ((has('#status') || has('#access')) && has('#loc')) return 'crossing-status';
  return undefined;
}

export interface ColumnPlan {
  /** field → column indexes, in the order to try. */
  fields: Map<string, number[]>;
  /** Columns that feed no field: kept aside (in each issue's raw record), not fatal. */
  unused: Column[];
  /** Hashtags that appear more than once for one field; the first column is used. */
  duplicates: { field: string; text: string; columns: number[] }[];
}

/** Assigns columns to the dataset's fields. */
export function planColumns(columns: readonly Column[], specs: readonly FieldSpec[]): ColumnPlan {
  const claimed = new Set<number>();
  const fields = new Map<string, number[]>();
  const duplicates: ColumnPlan['duplicates'] = [];
  for (const spec of specs) {
    const found: number[] = [];
    for (const text of spec.patterns) {
      const pattern = parseHashtag(text)!;
      const candidates = columns.filter(
        (c) => !claimed.has(c.index) && c.hashtag && matches(c.hashtag, pattern),
      );
      if (candidates.length === 0) continue;
      if (spec.multi) {
        found.push(...candidates.map((c) => c.index));
        candidates.forEach((c) => claimed.add(c.index));
        continue;
      }
      const first = candidates[0]!;
      const same = candidates.filter((c) => c.hashtag!.key === first.hashtag!.key);
      if (same.length > 1)
        duplicates.push({
          field: spec.field,
          text: first.hashtag!.key,
          columns: same.map((c) => c.index),
        });
      // Duplicates stay claimed so they are not reported twice as unused.
      same.forEach((c) => claimed.add(c.index));
      found.push(first.index);
      break;
    }
    if (found.length) fields.set(spec.field, found);
  }
  const unused = columns.filter(
    (c) => !claimed.has(c.index) && (c.text.trim() !== '' || c.header.trim() !== ''),
  );
  return { fields, unused, duplicates };
}

/** A spreadsheet column letter for a 0-based index: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
