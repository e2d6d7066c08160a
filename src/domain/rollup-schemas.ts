/**
 * zod schemas for roll-up rows (docs/api/openapi.yaml, "Roll-ups"), as a client checks them: a
 * row a source sends is data from outside, validated like any record; a bad row is kept as an
 * issue with its reason, never drawn.
 */
import { z } from './zod.ts';
import type { RollupDataset } from './rollup.ts';
import { because } from './reasons.ts';
import { dayString, verificationSchema } from './schemas.ts';
import {
  COMMODITIES,
  CROSSING_STATES,
  FUEL_TYPES,
  FUEL_UNITS,
  FUNCTIONALITIES,
  MOVEMENT_OUTCOMES,
  MOVEMENT_PURPOSES,
  SERVICES,
  STAGES,
  UTILITY_UNITS,
  ZONES,
} from './vocabulary.ts';

const id = z.string().trim().min(1).max(80);
const count = z.number().nonnegative();
const whole = count.int();

const rollupBase = z.object({
  bucket: dayString,
  to: dayString,
  days: whole.min(1).max(31),
  sourceId: id,
  verification: verificationSchema,
  records: whole,
  daysReported: whole.max(31),
  dayMask: whole.max(0xffffffff),
});

/** The checks every row shares beyond its fields: the bucket's days and its mask agree. */
const consistent = <T extends z.infer<typeof rollupBase>>(row: T, ctx: z.RefinementCtx) => {
  if (row.to < row.bucket)
    ctx.addIssue({ code: 'custom', path: ['to'], ...because('to-before-bucket') });
  if (row.daysReported > row.days)
    ctx.addIssue({ code: 'custom', path: ['daysReported'], ...because('more-days-than-bucket') });
  if (row.dayMask >= 2 ** row.days)
    ctx.addIssue({ code: 'custom', path: ['dayMask'], ...because('mask-past-bucket') });
  let bits = 0;
  for (let m = row.dayMask >>> 0; m; m &= m - 1) bits++;
  if (bits !== row.daysReported)
    ctx.addIssue({
      code: 'custom',
      path: ['dayMask'],
      ...because('mask-count-mismatch', { count: bits, reported: row.daysReported }),
    });
};

export const aidFlowRollupSchema = rollupBase
  .extend({
    crossingId: id.optional(),
    commodity: z.enum(COMMODITIES).optional(),
    stage: z.enum(STAGES),
    trucks: count.optional(),
    tonnes: count.optional(),
    litres: count.optional(),
  })
  .superRefine(consistent);

const share = z.number().min(0).max(1);
export const crossingStatusRollupSchema = rollupBase
  .extend({
    crossingId: id,
    shares: z.record(z.enum([...CROSSING_STATES, 'unreported']), share),
  })
  .superRefine(consistent);

export const facilityStatusRollupSchema = rollupBase
  .extend({
    facilityDays: z.record(z.enum(FUNCTIONALITIES), whole),
    facilities: whole,
    bedsAvailable: z.object({ sum: count, reported: whole }),
    bedsOccupied: z.object({ sum: count, reported: whole }),
  })
  .superRefine(consistent);

export const utilityStatusRollupSchema = rollupBase
  .extend({
    areaId: id.optional(),
    assetId: id.optional(),
    service: z.enum(SERVICES),
    unit: z.enum(UTILITY_UNITS),
    mean: z.number().finite(),
    min: z.number().finite(),
    baseline: z.number().finite().optional(),
  })
  .superRefine(consistent);

export const movementRollupSchema = rollupBase
  .extend({
    outcome: z.enum(MOVEMENT_OUTCOMES),
    purpose: z.enum(MOVEMENT_PURPOSES).optional(),
    toZone: z.enum(ZONES).optional(),
    missions: whole,
  })
  .superRefine(consistent);

export const fuelEntryRollupSchema = rollupBase
  .extend({
    crossingId: id,
    fuel: z.enum(FUEL_TYPES),
    unit: z.enum(FUEL_UNITS),
    quantity: count,
    need: z.object({ sum: count, reported: whole }).optional(),
  })
  .superRefine(consistent);

export const truckGapsRollupSchema = rollupBase
  .extend({
    crossingId: id,
    waiting: z.object({ last: whole, max: whole }).optional(),
    intercepted: whole.optional(),
  })
  .superRefine(consistent);

export const ROLLUP_SCHEMAS = {
  'aid-flow': aidFlowRollupSchema,
  'crossing-status': crossingStatusRollupSchema,
  'facility-status': facilityStatusRollupSchema,
  'utility-status': utilityStatusRollupSchema,
  movements: movementRollupSchema,
  'fuel-entry': fuelEntryRollupSchema,
  'truck-gaps': truckGapsRollupSchema,
} as const satisfies Record<RollupDataset, z.ZodType>;
