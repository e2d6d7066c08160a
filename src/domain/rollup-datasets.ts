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
