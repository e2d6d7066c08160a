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

/** The datasets a source can answer; also the names of the REST collections. */
export const DATASETS = [
  'crossing-status',
  'corridor-status',
  'aid-flow',
  'facility-status',
  'utility-status',
  'events',
] as const;
export type Dataset = (typeof DATASETS)[number];
