/**
 * Small pure helpers for the budget rows of `npm run bench`: medians, ratios against a budget,
 * the order in which two sides are measured, and how figures are printed.
 */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The order of `runs` measurements of each of two sides, alternated (a, b, a, b, …) so that
 * a machine growing busier or a server's warming caches weigh on both sides alike.
 */
/** The p-quantile (0..1) of `values`, nearest rank (p95 of 200 samples is the 190th smallest). */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function alternate<A, B>(a: A, b: B, runs: number): (A | B)[] {
  return Array.from({ length: runs * 2 }, (_, i) => (i % 2 === 0 ? a : b));
}

export interface Ratio {
  /** The base side's median (e.g. "30 days"). */
  base: number;
  /** The other side's median (e.g. "all"). */
  value: number;
  /** value ÷ base; Infinity when the base is 0 and the value is not. */
  ratio: number;
  /** The ratio is at most the budget. */
  holds: boolean;
}

/** Medians of both sides, their ratio and whether it is within `budget` (e.g. 1.5). */
export function ratioOf(base: readonly number[], value: readonly number[], budget: number): Ratio {
  const b = median(base);
  const v = median(value);
  const ratio = b === 0 ? (v === 0 ? 1 : Infinity) : v / b;
  return { base: b, value: v, ratio, holds: ratio <= budget };
}

/** "1.42×" — two decimals below 10, one up to 100, none above. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '∞×';
  const digits = ratio < 10 ? 2 : ratio < 100 ? 1 : 0;
  return `${ratio.toFixed(digits)}×`;
}

/** Bytes as "812 KB" or "3.4 MB" (1024-based, as the rest of the table). */
export function formatBytes(bytes: number): string {
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 100 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
