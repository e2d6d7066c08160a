import type { z } from './zod.ts';
import {
  aidFlowSchema,
  corridorStatusSchema,
  crossingStatusSchema,
  eventSchema,
  facilityStatusSchema,
  fuelEntrySchema,
  movementSchema,
  truckGapsSchema,
  utilityStatusSchema,
} from './schemas.ts';
import type { Dataset } from './vocabulary.ts';

/** The schema that checks each record of a dataset. */
export const DATASET_SCHEMAS = {
  'crossing-status': crossingStatusSchema,
  'corridor-status': corridorStatusSchema,
  'aid-flow': aidFlowSchema,
  'facility-status': facilityStatusSchema,
  'utility-status': utilityStatusSchema,
  events: eventSchema,
  movements: movementSchema,
  'fuel-entry': fuelEntrySchema,
  'truck-gaps': truckGapsSchema,
} as const satisfies Record<Dataset, z.ZodType>;

export type DatasetRecord<D extends Dataset> = z.output<(typeof DATASET_SCHEMAS)[D]>;
