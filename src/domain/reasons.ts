import type { z } from './zod.ts';

/**
 * Why a record was rejected, as data: a code from a closed list, its parameters, and the field
 * at fault. The interface words each code in the reader's language (src/ui/reason-text.ts);
 * the English wording below is the one source of `DataIssue.reason`, the text logs, downloads
 * and tests read. Parameters that come from the record (a cell's text, a field name, a list of
 * keys) are data and are shown as given; `count` is a number a sentence agrees with.
 *
 * Each entry's parameter type is the code's parameter type: adding a code here is adding it
 * everywhere (the catalogs are checked against this list by the type checker and a test).
 */
const ENGLISH = {
  // The shape of a value (zod's checks).
  required: () => 'is required',
  'expected-text': () => 'must be text',
  'expected-number': () => 'must be a number',
  'expected-whole-number': () => 'must be a whole number',
  'expected-boolean': () => 'must be true or false',
  'expected-object': () => 'must be an object',
  'expected-list': () => 'must be a list',
  'wrong-type': (p: { expected: string }) => `has the wrong type (expected ${p.expected})`,
  'not-finite': () => 'must be a finite number',
  empty: () => 'must not be empty',
  'too-short': (p: { count: number }) =>
    `must be at least ${p.count} ${plural(p.count, 'character')} long`,
  'too-long': (p: { count: number }) => `is longer than ${p.count} ${plural(p.count, 'character')}`,
  'too-few': (p: { count: number }) => `needs at least ${p.count} ${plural(p.count, 'item')}`,
  'too-many': (p: { count: number }) => `has more than ${p.count} ${plural(p.count, 'item')}`,
  negative: () => 'must not be negative',
  'too-small': (p: { limit: number }) => `must be at least ${p.limit}`,
  'too-big': (p: { limit: number }) => `must be at most ${p.limit}`,
  'implausibly-large': (p: { limit: number }) => `is implausibly large (over ${p.limit})`,
  'not-a-date': () => 'must be a date as YYYY-MM-DD',
  'not-a-datetime': () => 'must be a date-time with a time zone, e.g. 2025-01-31T08:00:00Z',
  'not-a-time': () => 'must be a time of day as HH:MM (24 h)',
  'not-a-url': () => 'must be a web address (URL)',
  'wrong-format': (p: { format: string }) => `is not in the expected format (${p.format})`,
  'not-one-of': (p: { values: string }) => `must be one of ${p.values}`,
  'unknown-fields': (p: { keys: string }) => `has fields that are not allowed: ${p.keys}`,
  'no-shape-matches': () => 'matches none of the accepted shapes',
  // Checks across fields of a record (the schemas' refinements).
  'needs-a-measure': () => 'needs at least one of trucks, tonnes or litres',
  'beds-in-closed-facility': () => 'a non-functional facility cannot have occupied beds',
  'percent-over-100': () => 'a percentage cannot exceed 100',
  'fuel-unit-mismatch': () => 'diesel and petrol are counted in litres, cooking gas in tonnes',
  'needs-a-gap': () => 'needs at least one of waiting or intercepted',
  'hours-over-24': () => 'a day has at most 24 hours',
  'end-before-start': () => 'end is before start',
  'bbox-order': () => 'bbox must be [west, south, east, north]',
  'not-a-time-zone': () => 'is not an IANA time zone',
  // Roll-up rows (rollup-schemas.ts).
  'to-before-bucket': () => 'is before the bucket',
  'more-days-than-bucket': () => 'is more than the days of the bucket',
  'mask-past-bucket': () => 'marks days after the end of the bucket',
  'mask-count-mismatch': (p: { count: number; reported: number }) =>
    `marks ${p.count} ${plural(p.count, 'day')} but daysReported is ${p.reported}`,
  // Date bounds (date-bounds.ts); days are theatre-local YYYY-MM-DD.
  'before-earliest': (p: { day: string; earliest: string }) =>
    `${p.day} is before ${p.earliest}, the earliest day this theatre accepts`,
  'in-the-future': (p: { day: string; latest: string }) =>
    `${p.day} is in the future (after ${p.latest}: theatre-local today + 1 day for time zones)`,
  'too-far-ahead': (p: { day: string; latest: string; count: number }) =>
    `${p.day} is more than ${p.count} ${plural(p.count, 'day')} ahead (after ${p.latest})`,
  // Places (geo.ts); `point` numbers the position of a line or polygon, from 1.
  'coords-not-numbers': (p: { lat: string; lon: string; point?: number }) =>
    `${at(p)}coordinates are not numbers (lat ${p.lat}, lon ${p.lon})`,
  'coords-swapped': (p: { lat: string; lon: string; point?: number }) =>
    `${at(p)}latitude and longitude look swapped (lat ${p.lat}, lon ${p.lon})`,
  'outside-theatre': (p: { lat: string; lon: string; bbox: string; point?: number }) =>
    `${at(p)}lat ${p.lat}, lon ${p.lon} is outside the theatre [${p.bbox}]`,
  'left-off-map': () => 'left off the map',
  // Sources.
  'set-aside-by-source': () => 'set aside by the source as invalid',
  // Cells of a table (HXL, CKAN): `value` is the cell's text, clipped.
  'not-a-number': (p: { value: string }) => `“${p.value}” is not a number`,
  'unit-not-allowed': (p: { value: string; unit: string; units: string }) =>
    `“${p.value}”: unit “${p.unit}” is not one of ${p.units}`,
  'text-after-number': (p: { value: string }) => `“${p.value}” has text after the number`,
  'unreadable-date': (p: { value: string }) =>
    `“${p.value}” is not a date (write it as YYYY-MM-DD)`,
  'not-a-real-date': (p: { value: string }) => `“${p.value}” is not a real date`,
  'unreadable-datetime': (p: { value: string }) => `“${p.value}” is not a date-time`,
  'impossible-time': (p: { value: string }) => `“${p.value}” has an impossible time of day`,
  'not-yes-no': (p: { value: string }) => `“${p.value}” is not yes or no`,
  'not-hours': (p: { value: string }) => `“${p.value}” is not opening hours like 10:00-20:00`,
  'unknown-word': (p: { value: string; values: string }) =>
    `“${p.value}” is not one of ${p.values}`,
  'unknown-crossing': (p: { value: string; theatre: string }) =>
    `“${p.value}” is not a crossing of ${p.theatre}`,
  'unknown-facility': (p: { value: string; theatre: string }) =>
    `“${p.value}” is not a facility of ${p.theatre}`,
  'unknown-area': (p: { value: string; theatre: string }) =>
    `“${p.value}” is not an area of ${p.theatre}`,
  'did-you-mean': (p: { guess: string }) => `did you mean “${p.guess}”?`,
  'no-crossing-named': () => 'no crossing named (#loc)',
  'no-facility-named': () => 'no facility named (#loc)',
  'dataset-not-readable': (p: { dataset: string }) => `${p.dataset} cannot be read from HXL`,
  /** A check this list does not name: zod's own English message, as data. */
  invalid: (p: { message: string }) => p.message,
} satisfies Record<string, (params: never) => string>;

export type ReasonCode = keyof typeof ENGLISH;

/** The parameters of a code; `undefined` for a code that has none. */
export type ReasonParams<C extends ReasonCode> = Parameters<(typeof ENGLISH)[C]>[0];

/** One problem of a record. */
export type Reason = {
  [C in ReasonCode]: {
    code: C;
    /** The dotted path of the field at fault ("provenance.reportedAt"), when there is one. */
    field?: string;
  } & (ReasonParams<C> extends undefined ? { params?: undefined } : { params: ReasonParams<C> });
}[ReasonCode];

/** Every code, for tests and for telling a code from free text. */
export const REASON_CODES = Object.keys(ENGLISH) as ReasonCode[];

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === 'string' && Object.hasOwn(ENGLISH, value);
}

/** A reason, built with the parameters its code takes. */
export function reason<C extends ReasonCode>(
  code: C,
  ...[params, field]: ReasonParams<C> extends undefined
    ? [params?: undefined, field?: string]
    : [params: ReasonParams<C>, field?: string]
): Reason {
  return {
    code,
    ...(params === undefined ? {} : { params }),
    ...(field ? { field } : {}),
  } as Reason;
}

/** A schema check's message naming the code to give (`reasonFromZod` reads it back). */
export function named(code: ReasonCode): string {
  return code;
}

/** A refinement's code and the parameters it takes, for `refine` and `addIssue`. */
export function because<C extends ReasonCode>(
  code: C,
  ...[params]: ReasonParams<C> extends undefined ? [] : [params: ReasonParams<C>]
): { params: { reason: C } } {
  return { params: { reason: code, ...params } };
}

/** One reason in English: "field: what is wrong". */
export function describeReason(r: Reason): string {
  const words = (ENGLISH[r.code] as (params: unknown) => string)(r.params);
  return r.field ? `${r.field}: ${words}` : words;
}

/** A record's reasons in English, in order: the text of `DataIssue.reason`. */
export function describeReasons(reasons: readonly Reason[]): string {
  return reasons.map(describeReason).join('; ');
}

function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}

function at(p: { point?: number }): string {
  return p.point === undefined ? '' : `position ${p.point}: `;
}

/** Data values of a zod issue (allowed values, unknown keys) as one text, as given. */
function listed(values: readonly unknown[]): string {
  return values.map(String).join(', ');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const TYPES: Partial<Record<string, ReasonCode>> = {
  string: 'expected-text',
  number: 'expected-number',
  int: 'expected-whole-number',
  boolean: 'expected-boolean',
  object: 'expected-object',
  record: 'expected-object',
  array: 'expected-list',
  tuple: 'expected-list',
};

/**
 * A zod issue as a reason. zod's issue codes map to ours; a check that needs a more precise word
 * says so with a code as its message (`.max(5000, 'implausibly-large')`), and a refinement names
 * its code in `params: { reason }` (other params are the code's parameters). `input` is the
 * value that was parsed, to tell a missing field from one of the wrong type.
 */
export function reasonFromZod(issue: z.core.$ZodIssue, input: unknown): Reason {
  const field = issue.path.map(String).join('.');
  const make = (r: { code: ReasonCode; params?: object }): Reason =>
    ({ ...r, ...(field ? { field } : {}) }) as Reason;
  const named = isReasonCode(issue.message) ? issue.message : undefined;
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(input, issue.path) === undefined) return make({ code: 'required' });
      if (issue.expected === 'number' && 'received' in issue) return make({ code: 'not-finite' });
      const code = TYPES[issue.expected];
      return make(
        code ? { code } : { code: 'wrong-type', params: { expected: String(issue.expected) } },
      );
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = Number(small ? issue.minimum : issue.maximum);
      if (!issue.inclusive) break;
      if (issue.origin === 'string') {
        if (small && limit === 1) return make({ code: 'empty' });
        return make({ code: small ? 'too-short' : 'too-long', params: { count: limit } });
      }
      if (issue.origin === 'array' || issue.origin === 'set')
        return make({ code: small ? 'too-few' : 'too-many', params: { count: limit } });
      if (issue.origin === 'number' || issue.origin === 'int') {
        if (small)
          return make(
            limit === 0 ? { code: 'negative' } : { code: 'too-small', params: { limit } },
          );
        return make({
          code: named === 'implausibly-large' ? named : 'too-big',
          params: { limit },
        });
      }
      break;
    }
    case 'invalid_format':
      if (issue.format === 'date') return make({ code: 'not-a-date' });
      if (issue.format === 'datetime') return make({ code: 'not-a-datetime' });
      if (issue.format === 'url') return make({ code: 'not-a-url' });
      if (named === 'not-a-time') return make({ code: named });
      return make({ code: 'wrong-format', params: { format: issue.format } });
    case 'invalid_value':
      return make({ code: 'not-one-of', params: { values: listed(issue.values) } });
    case 'unrecognized_keys':
      return make({ code: 'unknown-fields', params: { keys: listed(issue.keys) } });
    case 'invalid_union':
      return make({ code: 'no-shape-matches' });
    case 'custom': {
      const { reason: code, ...params } = (issue.params ?? {}) as { reason?: unknown };
      if (isReasonCode(code)) return make(Object.keys(params).length ? { code, params } : { code });
      break;
    }
    default:
      break;
  }
  return make({ code: 'invalid', params: { message: issue.message } });
}

/** A failed parse's issues as reasons, in zod's order. */
export function reasonsFromZod(issues: readonly z.core.$ZodIssue[], input: unknown): Reason[] {
  return issues.map((issue) => reasonFromZod(issue, input));
}
