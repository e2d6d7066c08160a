/** The chart a link's hash points at ("#chart-aid-flow" → "aid-flow"), if any. */
export function chartOfHash(hash: string): string | undefined {
  return /^#chart-([A-Za-z0-9_-]{1,80})$/.exec(hash)?.[1];
}
