import { reason, type Reason } from './reasons.ts';
import { shiftDay, theatreDay, type Day } from './time.ts';
import type { Dataset } from './vocabulary.ts';

/**
 * The days a record may be about. A record dated 2099 or 1970 is a data error, not news: it is
 * rejected with a reason naming the bound, and no chart, table or export then runs over empty
 * decades (issue 10). Bounds are computed by the caller from a clock and the theatre's time zone
 * and passed in: domain code never reads the clock itself.
 */
export interface DateBounds {
  /** The first day a record may be about (inclusive). */
  earliest: Day;
  /** The last day a record may be about (inclusive): theatre-local today + FUTURE_MARGIN_DAYS. */
  latest: Day;
  /** The last day a planned end (of a pause, a cease-fire phase) may fall on. */
  latestPlanned: Day;
}

/** Days past theatre-local today still accepted: a source cutting days in another zone may be a day ahead. */
export const FUTURE_MARGIN_DAYS = 1;
/** The earliest day accepted when the theatre states none. */
export const DEFAULT_EARLIEST_DAY: Day = '2000-01-01';
/** How far ahead an event's planned end may lie (a cease-fire phase announced for months). */
export const PLANNED_HORIZON_DAYS = 366;

/** The bounds at `now` for a theatre in `timeZone`, from `earliest` (default DEFAULT_EARLIEST_DAY). */
export function dateBounds(
  now: Date | number,
  timeZone: string,
  earliest: Day = DEFAULT_EARLIEST_DAY,
): DateBounds {
  const today = theatreDay(now, timeZone);
  return {
    earliest,
    latest: shiftDay(today, FUTURE_MARGIN_DAYS),
    latestPlanned: shiftDay(today, PLANNED_HORIZON_DAYS),
  };
}

/** A dated field of a record and how it is bounded. */
interface DatedField {
  path: readonly string[];
  /** 'observed': earliest…latest; 'planned': earliest…latestPlanned (may lie ahead). */
  kind: 'observed' | 'planned';
}

const REPORTED: DatedField = { path: ['provenance', 'reportedAt'], kind: 'observed' };

/**
 * The dated fields of each dataset. Observations (a day's figures, a status, when it was
 * reported, when an event started) cannot be in the future; only an event's end may be planned.
 */
export const DATED_FIELDS: Record<Dataset, readonly DatedField[]> = {
  'aid-flow': [{ path: ['date'], kind: 'observed' }, REPORTED],
  'facility-status': [{ path: ['date'], kind: 'observed' }, REPORTED],
  'utility-status': [{ path: ['date'], kind: 'observed' }, REPORTED],
  'crossing-status': [{ path: ['at'], kind: 'observed' }, REPORTED],
  'corridor-status': [{ path: ['at'], kind: 'observed' }, REPORTED],
  events: [{ path: ['start'], kind: 'observed' }, { path: ['end'], kind: 'planned' }, REPORTED],
  movements: [{ path: ['date'], kind: 'observed' }, REPORTED],
  'fuel-entry': [{ path: ['date'], kind: 'observed' }, REPORTED],
  'truck-gaps': [{ path: ['date'], kind: 'observed' }, REPORTED],
};

export interface DateProblem {
  /** Dotted path of the field, as validation reports fields. */
  field: string;
  reason: Reason;
}

/**
 * The first dated field of an already well-formed record that falls outside the bounds, or
 * undefined. Instants are placed on the theatre-local day they fall on.
 */
export function checkDates(
  dataset: Dataset,
  record: unknown,
  bounds: DateBounds,
  timeZone: string,
): DateProblem | undefined {
  for (const { path, kind } of DATED_FIELDS[dataset]) {
    let value: unknown = record;
    for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
    if (typeof value !== 'string') continue;
    const day = value.length === 10 ? value : theatreDay(value, timeZone);
    const field = path.join('.');
    if (day < bounds.earliest)
      return {
        field,
        reason: reason('before-earliest', { day, earliest: bounds.earliest }, field),
      };
    const latest = kind === 'planned' ? bounds.latestPlanned : bounds.latest;
    if (day > latest)
      return {
        field,
        reason:
          kind === 'planned'
            ? reason('too-far-ahead', { day, latest, count: PLANNED_HORIZON_DAYS }, field)
            : reason('in-the-future', { day, latest }, field),
      };
  }
  return undefined;
}

/**
 * A margin wider than any UTC offset (the widest in use is +14:00; historic local mean times stay
 * under 16 h): an instant this far inside the UTC edges of the bounds lies inside them in every
 * time zone, so no time-zone arithmetic is needed to accept it.
 */
const ZONE_MARGIN_MS = 26 * 3_600_000;

/**
 * `checkDates` for many records at once: the same answer, without placing every instant on its
 * theatre-local day (a TZDate each, most of the cost of validating an answer). A record whose
 * dates all lie well inside the bounds is accepted here; any other goes through `checkDates`,
 * which gives the exact verdict and reason.
 */
export function datesChecker(
  dataset: Dataset,
  bounds: DateBounds,
  timeZone: string,
): (record: unknown) => DateProblem | undefined {
  const fields = DATED_FIELDS[dataset];
  const utc = (day: Day) => Date.parse(`${day}T00:00:00Z`);
  const from = utc(bounds.earliest) + ZONE_MARGIN_MS;
  const until = {
    observed: utc(shiftDay(bounds.latest, 1)) - ZONE_MARGIN_MS,
    planned: utc(shiftDay(bounds.latestPlanned, 1)) - ZONE_MARGIN_MS,
  };
  return (record) => {
    for (const { path, kind } of fields) {
      let value: unknown = record;
      for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
      if (typeof value !== 'string') continue;
      let inside: boolean;
      if (value.length === 10) {
        inside =
          value >= bounds.earliest &&
          value <= (kind === 'planned' ? bounds.latestPlanned : bounds.latest);
      } else {
        const ms = Date.parse(value);
        inside = ms >= from && ms < until[kind];
      }
      if (!inside) return checkDates(dataset, record, bounds, timeZone);
    }
    return undefined;
  };
}

/**
 * A span of days clamped to the bounds: "all" and full-range exports derive their span from
 * this, never from a coverage a source states, so they cannot iterate over empty decades.
 */
export function clampSpan(
  span: { from: Day; to: Day },
  bounds: DateBounds,
): { from: Day; to: Day } {
  const clamp = (day: Day) =>
    day < bounds.earliest ? bounds.earliest : day > bounds.latest ? bounds.latest : day;
  const from = clamp(span.from);
  const to = clamp(span.to);
  return { from, to: to < from ? from : to };
}

/**
 * The part of a (clamped) span that data fill: from the first day with a record, to the end of
 * the span (trailing days without reports are news: "no report"). A full-range export starts
 * where the data do, not where a source says its coverage does.
 */
export function dataSpan(
  days: Iterable<Day>,
  span: { from: Day; to: Day },
): { from: Day; to: Day } {
  let first: Day | undefined;
  for (const day of days) if (day >= span.from && (first === undefined || day < first)) first = day;
  return { from: first && first <= span.to ? first : span.to, to: span.to };
}
