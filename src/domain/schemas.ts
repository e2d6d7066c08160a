import { z } from './zod.ts';
import { because, named } from './reasons.ts';
import {
  COMMODITIES,
  CORRIDOR_PURPOSES,
  CROSSING_PASSES,
  CROSSING_STATES,
  EVENT_KINDS,
  FACILITY_KINDS,
  FUEL_TYPES,
  FUEL_UNIT,
  FUEL_UNITS,
  FUNCTIONALITIES,
  MOVEMENT_OUTCOMES,
  MOVEMENT_PURPOSES,
  ORGANISATION_TYPES,
  ZONES,
  SERVICES,
  STAGES,
  UTILITY_UNITS,
  VERIFICATIONS,
} from './vocabulary.ts';

/**
 * zod schemas for the whole vocabulary of DESIGN.md. Every record that comes from a source is
 * checked against these; a record that fails is kept with its reasons (see validate.ts), which
 * reasons.ts derives from zod's issues: the schemas carry no English. A check that needs a more
 * precise reason than its kind gives names a code (`named`), a refinement its code (`because`).
 * Limits marked "absurd" are sanity bounds: far above anything physically possible at one
 * crossing or facility in a day, so a value past them is a data error, not news.
 */

const id = z.string().trim().min(1).max(80);
/** A calendar day in the theatre's time zone. */
export const dayString = z.iso.date();
/** An instant with an explicit offset (Z or ±hh:mm), never a local time without zone. */
export const instantString = z.iso.datetime({ offset: true });
/** HH:MM on a 24-hour clock; shared with the fast path (fast-records.ts). */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const clockTime = z.string().regex(CLOCK_TIME, named('not-a-time'));
const text = (max: number) => z.string().max(max);
const count = (absurd: number) => z.number().nonnegative().max(absurd, named('implausibly-large'));

export const verificationSchema = z.enum(VERIFICATIONS);

/** Where a record came from and how far it was checked. Every record carries one. */
export const provenanceSchema = z.object({
  sourceId: id,
  reportedAt: instantString,
  verification: verificationSchema,
  /** How the figure was verified or why it is disputed, in the source's words. */
  method: text(500).optional(),
  /** Who verified it (an observer mission, a UN mechanism), when the source says. */
  verifiedBy: text(200).optional(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

/** Names per language (BCP 47 code → name). English is required as the fallback. */
export const namesSchema = z
  .object({ en: z.string().trim().min(1).max(120) })
  .catchall(z.string().max(120));
export type Names = z.infer<typeof namesSchema>;

export const pointSchema = z
  .object({
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
  })
  .strict();
export type Point = z.infer<typeof pointSchema>;

const position = z.tuple([z.number(), z.number()]);
const ring = z.array(position).min(4);
export const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(ring).min(1),
});
export const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ring).min(1)).min(1),
});
export const lineStringSchema = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(position).min(2),
});

/** A data source as described by whoever publishes it. */
export const sourceInfoSchema = z.object({
  id,
  name: text(200).min(1),
  url: z.url().optional(),
  licence: text(120).min(1),
  /** Who they are, in a few words (e.g. "border authority", "UN mechanism"). */
  kind: text(120).optional(),
  /**
   * How the source counts, in its own words: what it counts and where (trucks at screening,
   * or collected by agencies), what it leaves out (commercial cargo), how it verifies. Shown
   * beside its figures wherever sources are compared, never edited.
   */
  method: text(2000).optional(),
  synthetic: z.boolean(),
});
export type SourceInfo = z.infer<typeof sourceInfoSchema>;

export const adminAreaSchema = z.object({
  id,
  names: namesSchema,
  /** Pre-crisis population, for per-capita figures. */
  population: z.number().int().nonnegative().optional(),
  geometry: z.union([polygonSchema, multiPolygonSchema]),
  /** True when the boundary is drawn approximately (e.g. for the demo). */
  approximate: z.boolean().default(false),
});
export type AdminArea = z.infer<typeof adminAreaSchema>;

export const crossingSchema = z.object({
  id,
  names: namesSchema,
  /** Other names in use by other communities, e.g. "Karem Abu Salem" for Kerem Shalom. */
  aliases: z.array(text(120)).default([]),
  location: pointSchema,
  passes: z.array(z.enum(CROSSING_PASSES)).min(1),
  /** The border it sits on, e.g. "Israel–Gaza". */
  border: text(80),
  /** Agreed daily target for this crossing, when one exists. */
  targetTrucksPerDay: count(5000).optional(),
});
export type Crossing = z.infer<typeof crossingSchema>;

export const corridorSchema = z.object({
  id,
  names: namesSchema,
  aliases: z.array(text(120)).default([]),
  purpose: z.enum(CORRIDOR_PURPOSES),
  geometry: lineStringSchema,
});
export type Corridor = z.infer<typeof corridorSchema>;

export const facilitySchema = z.object({
  id,
  names: namesSchema,
  aliases: z.array(text(120)).default([]),
  kind: z.enum(FACILITY_KINDS),
  location: pointSchema,
  areaId: id,
  designedBeds: count(5000),
});
export type Facility = z.infer<typeof facilitySchema>;

export const theatreSchema = z.object({
  id,
  names: namesSchema,
  /** [west, south, east, north] in degrees. */
  bbox: z
    .tuple([z.number(), z.number(), z.number(), z.number()])
    .refine(([w, s, e, n]) => w < e && s < n, because('bbox-order')),
  /** IANA time zone in which days are cut, e.g. Asia/Gaza. */
  timeZone: z.string().refine(isTimeZone, because('not-a-time-zone')),
  areas: z.array(adminAreaSchema),
  crossings: z.array(crossingSchema),
  corridors: z.array(corridorSchema),
  facilities: z.array(facilitySchema),
  /** Reference figures, e.g. trucks per day before the crisis and as agreed. */
  baselines: z.object({
    trucksPerDayPreCrisis: count(100000).optional(),
    trucksPerDayTarget: count(100000).optional(),
    targetAgreement: text(200).optional(),
  }),
  sources: z.array(sourceInfoSchema),
  /** The days the source has data for; "all" in the date filter starts at `from`. */
  coverage: z.object({ from: dayString, to: dayString.optional() }).optional(),
  /** Records dated before this day are rejected (see date-bounds.ts); default 2000-01-01. */
  earliestDay: dayString.optional(),
});
export type Theatre = z.infer<typeof theatreSchema>;

const hours = z
  .object({ opens: clockTime, closes: clockTime })
  .describe('Opening hours in the theatre time zone');

export const crossingStatusSchema = z.object({
  crossingId: id,
  at: instantString,
  status: z.enum(CROSSING_STATES),
  hours: hours.optional(),
  /** Whether independent observers were present; null when not known. */
  observersPresent: z.boolean().nullable().default(null),
  note: text(1000).optional(),
  provenance: provenanceSchema,
});
export type CrossingStatus = z.infer<typeof crossingStatusSchema>;

export const corridorStatusSchema = z.object({
  corridorId: id,
  at: instantString,
  status: z.enum(CROSSING_STATES),
  /** Daily windows during which movement is allowed, e.g. 10:00–20:00 theatre time. */
  windows: z.array(z.object({ start: clockTime, end: clockTime })).default([]),
  note: text(1000).optional(),
  provenance: provenanceSchema,
});
export type CorridorStatus = z.infer<typeof corridorStatusSchema>;

export const aidFlowSchema = z
  .object({
    /** Day in the theatre's time zone. */
    date: dayString,
    crossingId: id,
    commodity: z.enum(COMMODITIES),
    stage: z.enum(STAGES),
    trucks: count(5000).optional(),
    tonnes: count(100000).optional(),
    /** Fuel only. */
    litres: count(10_000_000).optional(),
    provenance: provenanceSchema,
  })
  .refine(
    (r) => r.trucks !== undefined || r.tonnes !== undefined || r.litres !== undefined,
    because('needs-a-measure'),
  );
export type AidFlow = z.infer<typeof aidFlowSchema>;

export const facilityStatusSchema = z
  .object({
    facilityId: id,
    date: dayString,
    functionality: z.enum(FUNCTIONALITIES),
    bedsAvailable: count(5000).optional(),
    bedsOccupied: count(10000).optional(),
    icuBeds: count(1000).optional(),
    /** Days of generator fuel left at current use. */
    fuelDays: count(365).optional(),
    power: z.boolean().nullable().default(null),
    water: z.boolean().nullable().default(null),
    provenance: provenanceSchema,
  })
  .refine((r) => r.functionality !== 'none' || !r.bedsOccupied, because('beds-in-closed-facility'));
export type FacilityStatus = z.infer<typeof facilityStatusSchema>;

export const utilityStatusSchema = z
  .object({
    date: dayString,
    /** Admin area, or absent for the whole theatre. */
    areaId: id.optional(),
    /** A single asset such as a desalination plant. */
    assetId: id.optional(),
    service: z.enum(SERVICES),
    value: count(10_000_000),
    unit: z.enum(UTILITY_UNITS),
    /** Pre-crisis value in the same unit. */
    baseline: count(10_000_000).optional(),
    provenance: provenanceSchema,
  })
  .refine((r) => r.unit !== 'percent' || r.value <= 100, because('percent-over-100'))
  .refine((r) => r.unit !== 'hours/day' || r.value <= 24, because('hours-over-24'));
export type UtilityStatus = z.infer<typeof utilityStatusSchema>;

export const eventSchema = z
  .object({
    id,
    kind: z.enum(EVENT_KINDS),
    start: instantString,
    /** Absent while the event is still going on. */
    end: instantString.optional(),
    areaIds: z.array(id).default([]),
    /** The crossings it concerns (a closure, an incident at a gate), for the crossing pages. */
    crossingIds: z.array(id).default([]),
    title: text(200).min(1),
    description: text(4000).default(''),
    provenance: provenanceSchema,
  })
  .refine((e) => !e.end || Date.parse(e.end) >= Date.parse(e.start), because('end-before-start'));
export type TheatreEvent = z.infer<typeof eventSchema>;

/**
 * A humanitarian movement request (a "mission") and what became of it, one record per request
 * or, where a source publishes counts, per group of identical requests (`missions`).
 */
export const movementSchema = z.object({
  /** The source's own reference for the request, when it has one. */
  id: id.optional(),
  /** The day the movement was planned for, in the theatre's time zone. */
  date: dayString,
  organisationType: z.enum(ORGANISATION_TYPES),
  purpose: z.enum(MOVEMENT_PURPOSES),
  /** Admin areas, when the source names them. */
  fromArea: id.optional(),
  toArea: id.optional(),
  /** North or south of the theatre's dividing line; a movement from south to north crosses it. */
  fromZone: z.enum(ZONES).optional(),
  toZone: z.enum(ZONES),
  outcome: z.enum(MOVEMENT_OUTCOMES),
  /** The reason stated for the outcome, in the source's words. */
  reason: text(500).optional(),
  missions: z.number().int().min(1).max(1000, named('implausibly-large')).default(1),
  provenance: provenanceSchema,
});
export type Movement = z.infer<typeof movementSchema>;

/** Fuel that entered at a crossing on a day, by type, against a stated need where one is given. */
export const fuelEntrySchema = z
  .object({
    date: dayString,
    crossingId: id,
    fuel: z.enum(FUEL_TYPES),
    quantity: count(10_000_000),
    /** Litres for diesel and petrol, tonnes for cooking gas (FUEL_UNIT). */
    unit: z.enum(FUEL_UNITS),
    /** What the source states is needed per day, in the same unit. */
    need: count(10_000_000).optional(),
    provenance: provenanceSchema,
  })
  .refine((r) => FUEL_UNIT[r.fuel] === r.unit, because('fuel-unit-mismatch'));
export type FuelEntry = z.infer<typeof fuelEntrySchema>;

/**
 * The gaps between stages at a crossing on a day, per source: trucks that entered and were
 * waiting for collection at the end of the day (a stock), and trucks intercepted on the route
 * that day (a flow).
 */
export const truckGapsSchema = z
  .object({
    date: dayString,
    crossingId: id,
    waiting: count(20_000).int().optional(),
    intercepted: count(5000).int().optional(),
    provenance: provenanceSchema,
  })
  .refine((r) => r.waiting !== undefined || r.intercepted !== undefined, because('needs-a-gap'));
export type TruckGaps = z.infer<typeof truckGapsSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
