import type { Dataset } from './vocabulary.ts';

/** The datasets that answer `resolution` (roll-ups, see rollup.ts). */
export const ROLLUP_DATASETS = [
  'aid-flow',
  'crossing-status',
  'facility-status',
  'utility-status',
  'movements',
  'fuel-entry',
  'truck-gaps',
] as const satisfies readonly Dataset[];
export type RollupDataset = (typeof ROLLUP_DATASETS)[number];

export const isRollupDataset = (d: Dataset): d is RollupDataset =>
  (ROLLUP_DATASETS as readonly string[]).includes(d);

/** Aid flow's roll-up rows may keep only one of crossing and commodity (see rollup.ts). */
export const AID_FLOW_BY = ['crossing', 'commodity'] as const;
/** Movements' roll-up rows may keep outcome only, or with purpose or zone (see rollup.ts). */
export const MOVEMENTS_BY = ['outcome', 'purpose', 'zone'] as const;

/** The `by` each dataset's roll-ups accept (none for the others). */
export const ROLLUP_BY: Partial<Record<RollupDataset, readonly string[]>> = {
  'aid-flow': AID_FLOW_BY,
  movements: MOVEMENTS_BY,
};
