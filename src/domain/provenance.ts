import { VERIFICATIONS, type Verification } from './vocabulary.ts';

/** How many of a chart's records each source gave, and how far they were verified. */
export interface SourceShare {
  sourceId: string;
  records: number;
  verification: Record<Verification, number>;
}

/** Per source, in order of first appearance: every chart's source line is built from this. */
export function sourceShares(
  records: readonly { provenance: { sourceId: string; verification: Verification } }[],
): SourceShare[] {
  const out = new Map<string, SourceShare>();
  for (const r of records) {
    const id = r.provenance.sourceId;
    let s = out.get(id);
    if (!s) {
      s = {
        sourceId: id,
        records: 0,
        verification: Object.fromEntries(VERIFICATIONS.map((v) => [v, 0])) as Record<
          Verification,
          number
        >,
      };
      out.set(id, s);
    }
    s.records++;
    s.verification[r.provenance.verification]++;
  }
  return [...out.values()];
}
