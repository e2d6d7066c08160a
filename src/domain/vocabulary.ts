/** Closed vocabularies shared by every record; the order is the order shown to users. */
export const VERIFICATIONS = ['verified', 'reported', 'disputed', 'unverified'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

export const CROSSING_STATES = ['open', 'restricted', 'closed', 'unknown'] as const;
export type CrossingState = (typeof CROSSING_STATES)[number];

export const COMMODITIES = [
  'food',
  'health',
  'wash',
  'shelter',
  'fuel',
  'nutrition',
  'other',
] as const;
export type Commodity = (typeof COMMODITIES)[number];

/** Where along the chain a truck was counted: at the crossing, picked up by agencies, delivered. */
export const STAGES = ['entered', 'collected', 'delivered'] as const;
export type Stage = (typeof STAGES)[number];

export const CROSSING_PASSES = ['goods', 'fuel', 'people'] as const;
export type CrossingPass = (typeof CROSSING_PASSES)[number];

export const CORRIDOR_PURPOSES = ['aid-convoy', 'civilian-movement', 'evacuation'] as const;
export type CorridorPurpose = (typeof CORRIDOR_PURPOSES)[number];

export const FACILITY_KINDS = ['hospital', 'field-hospital', 'primary-care'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/** WHO HeRAMS functionality levels. */
export const FUNCTIONALITIES = ['full', 'partial', 'none', 'unknown'] as const;
export type Functionality = (typeof FUNCTIONALITIES)[number];

export const SERVICES = ['water', 'power', 'telecom', 'sanitation'] as const;
export type Service = (typeof SERVICES)[number];

export const UTILITY_UNITS = ['m3/day', 'hours/day', 'percent', 'mwh/day'] as const;
export type UtilityUnit = (typeof UTILITY_UNITS)[number];

export const EVENT_KINDS = [
  'pause',
  'ceasefire-phase',
  'monitored-exchange',
  'closure',
  'incident',
  'agreement',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * What became of a humanitarian movement request, as OCHA's access snapshots count them:
 * facilitated, impeded (approved, then held up on the way), denied, or postponed/cancelled
 * (by the organisers, for logistical, operational or security reasons).
 */
export const MOVEMENT_OUTCOMES = [
  'facilitated',
  'impeded',
  'denied',
  'postponed-cancelled',
] as const;
export type MovementOutcome = (typeof MOVEMENT_OUTCOMES)[number];

/** What a movement was for. */
export const MOVEMENT_PURPOSES = [
  'food',
  'fuel',
  'health',
  'wash',
  'evacuation',
  'assessment',
  'logistics',
  'other',
] as const;
export type MovementPurpose = (typeof MOVEMENT_PURPOSES)[number];

/** Who asked to move. */
export const ORGANISATION_TYPES = ['un', 'ingo', 'ngo', 'red-cross-crescent', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/**
 * The two halves of the theatre that movement figures are split by: north and south of its
 * dividing line (in Gaza, Wadi Gaza). A movement from south to north crosses it.
 */
export const ZONES = ['north', 'south'] as const;
export type Zone = (typeof ZONES)[number];

/** Fuel by type, as COGAT and UNRWA report it; each has its own unit (FUEL_UNIT). */
export const FUEL_TYPES = ['diesel', 'petrol', 'cooking-gas'] as const;
export type FuelType = (typeof FUEL_TYPES)[number];
export const FUEL_UNITS = ['litres', 'tonnes'] as const;
export type FuelUnit = (typeof FUEL_UNITS)[number];
/** Diesel and petrol are counted in litres, cooking gas (LPG) in tonnes. */
export const FUEL_UNIT: Record<FuelType, FuelUnit> = {
  diesel: 'litres',
  petrol: 'litres',
  'cooking-gas': 'tonnes',
};

/** The datasets a source can answer; also the names of the REST collections. */
export const DATASETS = [
  'crossing-status',
  'corridor-status',
  'aid-flow',
  'facility-status',
  'utility-status',
  'events',
  'movements',
  'fuel-entry',
  'truck-gaps',
] as const;
export type Dataset = (typeof DATASETS)[number];
