/**
 * The precision of exported numbers, derived from the numbers themselves: sums of floats carry
 * binary noise (187.42000000000002) and averages run to sixteen digits, neither of which the
 * data ever had. A column whose figures all have at most MAX_DATA_DECIMALS decimals (once noise
 * is ignored) keeps exactly those — integers stay integers, tonnes to 0.1 stay to 0.1. A column
 * with any longer figure (a per-day average, a ratio) is computed, and gets COMPUTED_DECIMALS.
 */
export const MAX_DATA_DECIMALS = 3;
export const COMPUTED_DECIMALS = 2;

/** Relative tolerance under which a difference is float noise, not a digit of the data. */
const NOISE = 1e-9;

/** The fewest decimals (up to `max`) that write `value` exactly, noise aside; Infinity if more. */
export function decimalsOf(value: number, max = MAX_DATA_DECIMALS): number {
  if (!Number.isFinite(value)) return 0;
  for (let d = 0; d <= max; d++) {
    const scaled = value * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) <= NOISE * Math.max(1, Math.abs(scaled))) return d;
  }
  return Infinity;
}

/** The decimals one column of figures is written with. */
export function columnDecimals(values: Iterable<unknown>): number {
  let most = 0;
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    most = Math.max(most, decimalsOf(v));
    if (most === Infinity) return COMPUTED_DECIMALS;
  }
  return most;
}

/** `value` rounded half away from zero to `decimals`, with no binary noise left when printed. */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  // toPrecision first: 1.005 is 1.00499999… in binary, but the data meant 1.005.
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}
