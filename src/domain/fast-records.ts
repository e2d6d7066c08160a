import type { DatasetRecord } from './datasets.ts';
import { CLOCK_TIME, dayString, instantString } from './schemas.ts';
import {
  COMMODITIES,
  CROSSING_STATES,
  EVENT_KINDS,
  FUEL_TYPES,
  FUEL_UNIT,
  FUEL_UNITS,
  FUNCTIONALITIES,
  MOVEMENT_OUTCOMES,
  MOVEMENT_PURPOSES,
  ORGANISATION_TYPES,
  SERVICES,
  STAGES,
  UTILITY_UNITS,
  VERIFICATIONS,
  ZONES,
  type Dataset,
} from './vocabulary.ts';

/**
 * Hand-written checks of well-formed records, one per dataset: the same output zod would give
 * (fields in schema order, ids trimmed, defaults filled, unknown keys dropped), without zod's
 * generic machinery, which costs tens of milliseconds per answer on the main thread (issue 12).
 *
 * A check answers only "certainly valid, and here is zod's output" or `undefined` ("not sure"):
 * it never rejects. Anything unusual (a missing field, a wrong type, an odd prototype) makes it
 * give up, and validate.ts then asks zod, which explains the reject in its own words. So this
 * file may be stricter than the schemas, never looser; fast-records.test.ts holds it to that.
 * Limits repeat those of schemas.ts: change both together.
 */
export type FastCheck<T> = (raw: unknown) => T | undefined;

/** The patterns zod itself tests, taken from the schemas so they cannot drift. */
const DAY = pattern(dayString.def.pattern);
const INSTANT = pattern(instantString.def.pattern);

function pattern(regex: RegExp | undefined): RegExp {
  if (!regex) throw new Error('zod no longer exposes the pattern of a date format');
  return regex;
}

type Input = Record<string, unknown>;

/** A plain object (from JSON): anything else, zod decides. */
function plain(value: unknown): Input | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null ? (value as Input) : undefined;
}

/** `id`: trimmed, 1 to 80 characters. */
function id(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length >= 1 && trimmed.length <= 80 ? trimmed : undefined;
}

function text(value: unknown, max: number, min = 0): string | undefined {
  return typeof value === 'string' && value.length <= max && value.length >= min
    ? value
    : undefined;
}

function day(value: unknown): string | undefined {
  return typeof value === 'string' && DAY.test(value) ? value : undefined;
}

function instant(value: unknown): string | undefined {
  return typeof value === 'string' && INSTANT.test(value) ? value : undefined;
}

function clock(value: unknown): string | undefined {
  return typeof value === 'string' && CLOCK_TIME.test(value) ? value : undefined;
}

function count(value: unknown, absurd: number): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= absurd
    ? value
    : undefined;
}

function oneOf<T extends string>(values: readonly T[]): (value: unknown) => T | undefined {
  const set = new Set<unknown>(values);
  return (value) => (set.has(value) ? (value as T) : undefined);
}

/** `z.boolean().nullable().default(null)`. */
function flag(value: unknown): boolean | null | undefined {
  if (value === undefined || value === null) return null;
  return typeof value === 'boolean' ? value : undefined;
}

/** Marks a failed optional field (an absent one is fine, and simply not copied). */
const FAIL = Symbol('fail');

/**
 * An optional field as zod 4 copies it: absent stays absent, present-but-undefined is kept as
 * undefined (`key in input`, as zod tests it), anything else must pass `check`.
 */
function optional<T>(
  out: Input,
  input: Input,
  key: string,
  check: (value: unknown) => T | undefined,
): typeof FAIL | void {
  if (!(key in input)) return;
  const value = input[key];
  if (value === undefined) {
    out[key] = undefined;
    return;
  }
  const checked = check(value);
  if (checked === undefined) return FAIL;
  out[key] = checked;
}

const verification = oneOf(VERIFICATIONS);
const crossingState = oneOf(CROSSING_STATES);
const commodity = oneOf(COMMODITIES);
const stage = oneOf(STAGES);
const functionality = oneOf(FUNCTIONALITIES);
const service = oneOf(SERVICES);
const unit = oneOf(UTILITY_UNITS);
const eventKind = oneOf(EVENT_KINDS);
const organisationType = oneOf(ORGANISATION_TYPES);
const movementPurpose = oneOf(MOVEMENT_PURPOSES);
const movementOutcome = oneOf(MOVEMENT_OUTCOMES);
const zone = oneOf(ZONES);
const fuelType = oneOf(FUEL_TYPES);
const fuelUnit = oneOf(FUEL_UNITS);

function provenance(value: unknown): Input | undefined {
  const input = plain(value);
  if (!input) return undefined;
  const sourceId = id(input.sourceId);
  const reportedAt = instant(input.reportedAt);
  const verified = verification(input.verification);
  if (sourceId === undefined || reportedAt === undefined || verified === undefined)
    return undefined;
  const out: Input = { sourceId, reportedAt, verification: verified };
  if (
    optional(out, input, 'method', (v) => text(v, 500)) === FAIL ||
    optional(out, input, 'verifiedBy', (v) => text(v, 200)) === FAIL
  )
    return undefined;
  return out;
}

/** `{ a: clockTime, b: clockTime }`, unknown keys dropped. */
function clockPair(value: unknown, a: string, b: string): Input | undefined {
  const input = plain(value);
  if (!input) return undefined;
  const first = clock(input[a]);
  const second = clock(input[b]);
  return first === undefined || second === undefined ? undefined : { [a]: first, [b]: second };
}

/** `z.array(item).default([])`. */
function list<T>(value: unknown, item: (value: unknown) => T | undefined): T[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return undefined;
  const out: T[] = [];
  for (let i = 0; i < value.length; i++) {
    const checked = item(value[i]);
    if (checked === undefined) return undefined;
    out.push(checked);
  }
  return out;
}

function crossingStatus(raw: unknown): Input | undefined {
  const input = plain(raw);
  if (!input) return undefined;
  const crossingId = id(input.crossingId);
  const at = instant(input.at);
  const status = crossingState(input.status);
  if (crossingId === undefined || at === undefined || status === undefined) return undefined;
  const out: Input = { crossingId, at, status };
  if (optional(out, input, 'hours', (v) => clockPair(v, 'opens', 'closes')) === FAIL)
    return undefined;
  const observersPresent = flag(input.observersPresent);
  if (observersPresent === undefined) return undefined;
  out.observersPresent = observersPresent;
  if (optional(out, input, 'note', (v) => text(v, 1000)) === FAIL) return undefined;
  const source = provenance(input.provenance);
  if (!source) return undefined;
  out.provenance = source;
  return out;
}

function corridorStatus(raw: unknown): Input | undefined {
  const input = plain(raw);
  if (!input) return undefined;
  const corridorId = id(input.corridorId);
  const at = instant(input.at);
  const status = crossingState(input.status);
  const windows = list(input.windows, (v) => clockPair(v, 'start', 'end'));
  if (corridorId === undefined || at === undefined || status === undefined || !windows)
    return undefined;
  const out: Input = { corridorId, at, status, windows };
  if (optional(out, input, 'note', (v) => text(v, 1000)) === FAIL) return undefined;
  const source = provenance(input.provenance);
  if (!source) return undefined;
  out.provenance = source;
  return out;
}

function aidFlow(raw: unknown): Input | undefined {
  const input = plain(raw);
  if (!input) return undefined;
  const date = day(input.date);
  const crossingId = id(input.crossingId);
  const kind = commodity(input.commodity);
  const at = stage(input.stage);
  if (date === undefined || crossingId === undefined || kind === undefined || at === undefined)
    return undefined;
  const out: Input = { date, crossingId, commodity: kind, stage: at };
  if (
    optional(out, input, 'trucks', (v) => count(v, 5000)) === FAIL ||
    optional(out, input, 'tonnes', (v) => count(v, 100_000)) === FAIL ||
    optional(out, input, 'litres', (v) => count(v, 10_000_000)) === FAIL
  )
    return undefined;
  const source = provenance(input.provenance);
  if (!source) return undefined;
  out.provenance = source;
  // The schema's refine: at least one measure.
  if (out.trucks === undefined && out.tonnes === undefined && out.litres === undefined)
    return undefined;
  return out;
}

function facilityStatus(raw: unknown): Input | undefined {
  const input = plain(raw);
  if (!input) return undefined;
  const facilityId = id(input.facilityId);
  const date = day(input.date);
  const level = functionality(input.functionality);
  if (facilityId === undefined || date === undefined || level === undefined) return undefined;
  const out: Input = { facilityId, date, functionality: level };
  if (
    optional(out, input, 'bedsAvailable', (v) => count(v, 5000)) === FAIL ||
    optional(out, input, 'bedsOccupied', (v) => count(v, 10_000)) === FAIL ||
    optional(out, input, 'icuBeds', (v) => count(v, 1000)) === FAIL ||
    optional(out, input, 'fuelDays', (v) => count(v, 365)) === FAIL
  )
    return undefined;
  const power = flag(input.power);
  const water = flag(input.water);
  if (power === undefined || water === undefined) return undefined;
  out.power = power;
  out.water = water;
  const source = provenance(input.provenance);
  if (!source) return undefined;
  out.provenance = source;
  // The schema's refine: no occupied beds in a facility that does not function.
  if (level === 'none' && out.bedsOccupied) return undefined;
  return out;
}

function utilityStatus(raw: unknown): Input | undefined {
  const input = plain(raw);
  if (!input) return undefined;
  const date = day(input.date);
  if (date === undefined) return undefined;
  const out: Input = { date };
  if (optional(out, input, 'areaId', id) === FAIL || optional(out, input, 'assetId', id) === FAIL)
    return undefined;
  const kind = service(input.service);
  const value = count(input.value, 10_000_000);
  const measuredIn = unit(input.unit);
  if (kind === undefined || value === undefined || measuredIn === undefined) return undefined;
  out.service = kind;
  out.value = value;
  out.unit = measuredIn;
  if (optional(out, input, 'baseline', (v) => count(v, 10_000_000)) === FAIL) return undefined;
  const source = provenance(input.provenance);
  if (!source) return undefined;
  out.provenance = source;
  // The schema's refines: a percentage up to 100, at most 24 hours a day.
  if (measuredIn === 'percent' && value > 100) return undefined;
  if (measuredIn === 'hours/day' && value > 24) return undefined;
  return out;
}

function event(raw: unknown): Input | undefined {
  const input = plain(raw);
  if (!input) return undefined;
  const eventId = id(input.id);
  const kind = eventKind(input.kind);
  const start = instant(input.start);
  if (eventId === undefined || kind === undefined || start === undefined) return undefined;
  const out: Input = { id: eventId, kind, start };
  if (optional(out, input, 'end', instant) === FAIL) return undefined;
  const areaIds = list(input.areaIds, id);
  const crossingIds = list(input.crossingIds, id);
  const title = text(input.title, 200, 1);
  const description = input.description === undefined ? '' : text(input.description, 4000);
  if (!areaIds || !crossingIds || title === undefined || description === undefined)
    return undefined;
  out.areaIds = areaIds;
  out.crossingIds = crossingIds;
  out.title = title;
  out.description = description;
  const source = provenance(input.provenance);
  if (!source) return undefined;
  out.provenance = source;
  // The schema's refine: an end is not before the start.
  const end = out.end as string | undefined;
  if (end && !(Date.parse(end) >= Date.parse(start))) return undefined;
  return out;
}

/** A whole number in 1..max (`missions`, with its default of 1). */
function missions(value: unknown): number | undefined {
  if (value === undefined) return 1;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 1000
    ? value
    : undefined;
}

function movement(raw: unknown): Input | undefined {
  const input = plain(raw);
  if (!input) return undefined;
  const out: Input = {};
  if (optional(out, input, 'id', id) === FAIL) return undefined;
  const date = day(input.date);
  const organisation = organisationType(input.organisationType);
  const purpose = movementPurpose(input.purpose);
  if (date === undefined || organisation === undefined || purpose === undefined) return undefined;
  out.date = date;
  out.organisationType = organisation;
  out.purpose = purpose;
  if (
    optional(out, input, 'fromArea', id) === FAIL ||
    optional(out, input, 'toArea', id) === FAIL ||
    optional(out, input, 'fromZone', zone) === FAIL
  )
    return undefined;
  const toZone = zone(input.toZone);
  const outcome = movementOutcome(input.outcome);
  if (toZone === undefined || outcome === undefined) return undefined;
  out.toZone = toZone;
  out.outcome = outcome;
  if (optional(out, input, 'reason', (v) => text(v, 500)) === FAIL) return undefined;
  const count = missions(input.missions);
  if (count === undefined) return undefined;
  out.missions = count;
  const source = provenance(input.provenance);
  if (!source) return undefined;
  out.provenance = source;
  return out;
}

function fuelEntry(raw: unknown): Input | undefined {
  const input = plain(raw);
  if (!input) return undefined;
  const date = day(input.date);
  const crossingId = id(input.crossingId);
  const fuel = fuelType(input.fuel);
  const quantity = count(input.quantity, 10_000_000);
  const measuredIn = fuelUnit(input.unit);
  if (
    date === undefined ||
    crossingId === undefined ||
    fuel === undefined ||
    quantity === undefined ||
    measuredIn === undefined
  )
    return undefined;
  const out: Input = { date, crossingId, fuel, quantity, unit: measuredIn };
  if (optional(out, input, 'need', (v) => count(v, 10_000_000)) === FAIL) return undefined;
  const source = provenance(input.provenance);
  if (!source) return undefined;
  out.provenance = source;
  // The schema's refine: each fuel in its own unit.
  if (FUEL_UNIT[fuel] !== measuredIn) return undefined;
  return out;
}

/** A whole count up to `absurd`. */
function whole(absurd: number): (value: unknown) => number | undefined {
  return (value) => {
    const checked = count(value, absurd);
    return checked !== undefined && Number.isInteger(checked) ? checked : undefined;
  };
}

function truckGaps(raw: unknown): Input | undefined {
  const input = plain(raw);
  if (!input) return undefined;
  const date = day(input.date);
  const crossingId = id(input.crossingId);
  if (date === undefined || crossingId === undefined) return undefined;
  const out: Input = { date, crossingId };
  if (
    optional(out, input, 'waiting', whole(20_000)) === FAIL ||
    optional(out, input, 'intercepted', whole(5000)) === FAIL
  )
    return undefined;
  const source = provenance(input.provenance);
  if (!source) return undefined;
  out.provenance = source;
  // The schema's refine: at least one of the two gaps.
  if (out.waiting === undefined && out.intercepted === undefined) return undefined;
  return out;
}

/** The fast check of each dataset; its output is typed as zod's, which it equals. */
export const FAST_RECORDS = {
  'crossing-status': crossingStatus,
  'corridor-status': corridorStatus,
  'aid-flow': aidFlow,
  'facility-status': facilityStatus,
  'utility-status': utilityStatus,
  events: event,
  movements: movement,
  'fuel-entry': fuelEntry,
  'truck-gaps': truckGaps,
} as unknown as { [D in Dataset]: FastCheck<DatasetRecord<D>> };
