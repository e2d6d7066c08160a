/**
 * Seeded randomness that does not depend on the order of generation: every stream is keyed by
 * (seed, day, entity, purpose), so the records of a day are the same whether that day is
 * generated alone, first or last.
 */

/** mulberry32: a tiny, fast 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** murmur3's finaliser: a good avalanche for 32-bit keys. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes a list of integers into one 32-bit key. */
export function hashKeys(...keys: number[]): number {
  let h = 0x9e3779b9;
  for (const k of keys) h = fmix((h ^ (k | 0)) + 0x7f4a7c15 + (h << 6) + (h >>> 2));
  return h;
}

const stringHashes = new Map<string, number>();
/** FNV-1a of a string (memoised: entity ids and purposes are few). */
export function hashString(s: string): number {
  let h = stringHashes.get(s);
  if (h !== undefined) return h;
  h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h >>>= 0;
  stringHashes.set(s, h);
  return h;
}

/** A random stream for one purpose: `stream(seed, day, 'kerem-shalom', 'aid-flow')`. */
export function stream(seed: number, day: number, ...names: string[]): Rng {
  return new Rng(hashKeys(seed, day, ...names.map(hashString)));
}

/** A single uniform number in [0, 1) for one purpose, without allocating a stream. */
export function unit(seed: number, day: number, ...names: string[]): number {
  return hashKeys(seed, day, ...names.map(hashString)) / 4294967296;
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor((max - min + 1) * this.next());
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1]![0];
  }
  /** Multiplicative noise around 1, e.g. noise(0.15) is in [0.85, 1.15). */
  noise(spread: number): number {
    return 1 + spread * (2 * this.next() - 1);
  }
}
