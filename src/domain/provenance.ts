import type { Provenance } from './schemas.ts';
import { theatreDay, type Day } from './time.ts';
import { VERIFICATIONS, type Dataset, type Verification } from './vocabulary.ts';

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

/**
 * The records behind a figure (issue 14, "who says so?"): one source's records of a dataset
 * over some days, narrowed to the figure's crossing, stage, commodity… A chart's table row, a
 * board count or a headline figure carries one; the details view asks the source for exactly
 * these records and lists who published each, when, and how it was verified.
 */
export interface RecordsBehind {
  dataset: Dataset;
  /** First and last theatre-local day of the figure, inclusive. */
  from: Day;
  to: Day;
  sourceId: string;
  /** Fields each record must equal, e.g. `{ crossingId: 'kerem-shalom', stage: 'entered' }`. */
  match?: Readonly<Record<string, string>>;
  /** Fields whose value must be one of a list (the view's filters), e.g. crossings chosen. */
  oneOf?: Readonly<Record<string, readonly string[]>>;
  /** Verification levels the figure counts; empty or absent: every level. */
  verification?: readonly Verification[];
}

/** The day a record counts for: its `date`, or the theatre-local day of its `at` / `start`. */
function recordDay(record: Record<string, unknown>, timeZone: string): Day | undefined {
  if (typeof record.date === 'string') return record.date as Day;
  const instant = typeof record.at === 'string' ? record.at : record.start;
  return typeof instant === 'string' ? theatreDay(instant, timeZone) : undefined;
}

/**
 * The records of `records` that stand behind the figure, newest report first. Records outside
 * its days, of another source, another verification level or other values are left out.
 */
export function recordsBehind<R extends { provenance: Provenance }>(
  records: readonly R[],
  behind: RecordsBehind,
  timeZone: string,
): R[] {
  const levels = behind.verification?.length ? new Set(behind.verification) : undefined;
  const match = Object.entries(behind.match ?? {});
  const oneOf = Object.entries(behind.oneOf ?? {}).filter(([, list]) => list.length > 0);
  return records
    .filter((r) => {
      if (r.provenance.sourceId !== behind.sourceId) return false;
      if (levels && !levels.has(r.provenance.verification)) return false;
      const fields = r as unknown as Record<string, unknown>;
      const day = recordDay(fields, timeZone);
      if (day === undefined || day < behind.from || day > behind.to) return false;
      if (match.some(([k, v]) => fields[k] !== v)) return false;
      return oneOf.every(([k, list]) => list.includes(String(fields[k])));
    })
    .sort((a, b) => Date.parse(b.provenance.reportedAt) - Date.parse(a.provenance.reportedAt));
}

/** How the records behind a figure were verified, in short: counts per level, and by whom. */
export interface VerificationSummary {
  records: number;
  levels: Record<Verification, number>;
  /** Who verified, as the records name them, with how many records each. */
  verifiedBy: { who: string; records: number }[];
  /** The latest report time among them (ISO), if any. */
  latestReport?: string;
}

export function summariseVerification(
  records: readonly { provenance: Provenance }[],
): VerificationSummary {
  const levels = Object.fromEntries(VERIFICATIONS.map((v) => [v, 0])) as Record<
    Verification,
    number
  >;
  const by = new Map<string, number>();
  let latest: string | undefined;
  for (const { provenance: p } of records) {
    levels[p.verification]++;
    if (p.verifiedBy) by.set(p.verifiedBy, (by.get(p.verifiedBy) ?? 0) + 1);
    if (!latest || Date.parse(p.reportedAt) > Date.parse(latest)) latest = p.reportedAt;
  }
  return {
    records: records.length,
    levels,
    verifiedBy: [...by]
      .map(([who, n]) => ({ who, records: n }))
      .sort((a, b) => b.records - a.records),
    ...(latest ? { latestReport: latest } : {}),
  };
}

/**
 * The newest report time among `records` (their `provenance.reportedAt`, as written), or
 * undefined when none has a readable one: how old a view's data are, as against when they were
 * fetched (a wall refreshed a minute ago may still show reports from last night).
 */
export function newestReport(records: readonly unknown[]): string | undefined {
  let newest: string | undefined;
  let newestAt = -Infinity;
  for (const record of records) {
    const at = (record as { provenance?: { reportedAt?: unknown } } | null)?.provenance?.reportedAt;
    if (typeof at !== 'string') continue;
    const ms = Date.parse(at);
    if (ms > newestAt) {
      newestAt = ms;
      newest = at;
    }
  }
  return newest;
}
