/**
 * `scale`: a load-test knob of the scenario. At scale 1 (the default) nothing changes; at scale s
 * the history, the crossings and the publishers grow so that the record count is about s times
 * that of the same options at scale 1. The extra crossings and publishers are synthetic and say
 * so (their names, the sources' `synthetic: true`).
 *
 * Aid flow, ~¾ of the records, grows with all three; facility, utility and corridor status with
 * the years only. The crossings are grown a little more to make up for those.
 */

/** The largest scale accepted: 20× the 5-year case is ~9 M records, beyond any useful test. */
export const MAX_SCALE = 20;

export interface ScalePlan {
  /** The history reaches this many times as far back from its end. */
  years: number;
  /** Crossings in use: the real ones first (at most 8), then synthetic ones. */
  crossings: number;
  /** Synthetic publishers of aid flow and crossing status besides the two real ones (0 or 2). */
  extraPublishers: number;
}

/** Share of the records that grow with the crossings (aid flow and crossing status), ~0.8. */
const CROSSING_SHARE = 0.8;

/**
 * How a scale is spent: years ×2 from scale 8, publishers ×2 from scale 4, and the rest in
 * crossings. `crossings` is the count asked for at scale 1.
 */
export function scalePlan(scale: number, crossings: number): ScalePlan {
  if (!Number.isFinite(scale) || scale < 1 || scale > MAX_SCALE)
    throw new RangeError(`scale must be between 1 and ${MAX_SCALE}, got ${scale}`);
  if (scale === 1) return { years: 1, crossings, extraPublishers: 0 };
  const years = scale >= 8 ? 2 : 1;
  const extraPublishers = scale >= 4 ? 2 : 0;
  const publisherGrowth = extraPublishers ? 2 : 1;
  // Solve years × (share × crossingGrowth × publisherGrowth + (1 − share)) = scale.
  const crossingGrowth =
    (scale / years - (1 - CROSSING_SHARE)) / (CROSSING_SHARE * publisherGrowth);
  return {
    years,
    crossings: Math.max(crossings, Math.round(crossings * crossingGrowth)),
    extraPublishers,
  };
}

/** The first day of a history `years` times as long as start…end (day numbers, inclusive). */
export function scaledStart(startDay: number, endDay: number, years: number): number {
  if (years === 1 || endDay < startDay) return startDay;
  return endDay - years * (endDay - startDay + 1) + 1;
}
