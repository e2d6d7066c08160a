/**
 * Writes per token: a token bucket each, in memory (per server process; a fleet behind one
 * database divides the limit by its size, or puts the limit at the proxy — docs/deploy.md).
 */
export interface RateLimits {
  /** Writes a token may send at once. Default 60. */
  burst: number;
  /** Writes per second a token earns back. Default 1 (60 a minute). */
  perSecond: number;
}

export function createRateLimiter(limits: Partial<RateLimits> = {}) {
  const burst = limits.burst ?? 60;
  const perSecond = limits.perSecond ?? 1;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** Takes one write for `key`: 0 when allowed, else the whole seconds to wait. */
    take(key: string, now = Date.now()): number {
      const b = buckets.get(key) ?? { tokens: burst, at: now };
      b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
      b.at = now;
      buckets.set(key, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - b.tokens) / perSecond));
    },
  };
}
