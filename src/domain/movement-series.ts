/**
 * Humanitarian movement requests by outcome, per bucket, as OCHA's access snapshots count them:
 * one series per source (never summed across sources), optionally split by purpose or by the
 * zone the movement went to (north or south of the dividing line).
 */
import { matchesFilters, type Filters } from './filters.ts';
import type { SourceShare } from './provenance.ts';
import type { MovementRollup } from './rollup.ts';
import { rollupShares } from './rollup-series.ts';
import { bucketsFor, type Bucket, type Resolution } from './series.ts';
import type { Day } from './time.ts';
import { MOVEMENT_OUTCOMES, MOVEMENT_PURPOSES, ZONES, type MovementOutcome } from './vocabulary.ts';

export const MOVEMENT_SPLITS = ['none', 'purpose', 'zone'] as const;
export type MovementSplit = (typeof MOVEMENT_SPLITS)[number];

export type OutcomeCounts = Record<MovementOutcome, number>;

/** One source's requests (of one purpose or zone, when split), bucket by bucket. */
export interface MovementPart {
  sourceId: string;
  /** The purpose or zone of this part; '' when not split. */
  part: string;
  /** Requests per outcome, per bucket (0 where the source reported none of that outcome). */
  counts: OutcomeCounts[];
  /** Whether the source reported anything in the bucket (a bucket with no report is a gap). */
  reported: boolean[];
  /** The whole period's requests per outcome. */
  totals: OutcomeCounts;
}

export interface MovementSeries {
  buckets: Bucket[];
  parts: MovementPart[];
  /** Per source, the period's requests per outcome (the parts of a source added up). */
  bySource: { sourceId: string; totals: OutcomeCounts }[];
  shares: SourceShare[];
  recordCount: number;
}

export const noOutcomes = (): OutcomeCounts =>
  Object.fromEntries(MOVEMENT_OUTCOMES.map((o) => [o, 0])) as OutcomeCounts;

export const requestsOf = (counts: OutcomeCounts) =>
  MOVEMENT_OUTCOMES.reduce((sum, o) => sum + counts[o], 0);

/**
 * Each outcome's share of the requests, in percent (they add up to 100; all 0 when there are
 * no requests).
 */
export function outcomeShares(counts: OutcomeCounts): OutcomeCounts {
  const total = requestsOf(counts);
  const out = noOutcomes();
  if (total === 0) return out;
  for (const o of MOVEMENT_OUTCOMES) out[o] = (counts[o] / total) * 100;
  return out;
}

/**
 * Whole percentages that add up to 100 (largest remainder), for words such as "57 facilitated
 * (40 %)": rounding each share alone can make the sentence add up to 99 or 101.
 */
export function wholePercents(counts: OutcomeCounts): OutcomeCounts {
  const exact = outcomeShares(counts);
  const out = noOutcomes();
  if (requestsOf(counts) === 0) return out;
  let left = 100;
  for (const o of MOVEMENT_OUTCOMES) {
    out[o] = Math.floor(exact[o]);
    left -= out[o];
  }
  const byRemainder = [...MOVEMENT_OUTCOMES].sort(
    (x, y) => exact[y] - Math.floor(exact[y]) - (exact[x] - Math.floor(exact[x])),
  );
  for (let i = 0; i < left; i++) out[byRemainder[i % byRemainder.length]!]++;
  return out;
}

const SEP = '\u0000';

/**
 * The series of movement roll-up rows: rows merged over verification levels the filters let
 * through (and over purposes and zones not split by), never over sources. Parts come in the
 * order of `sourceOrder` (others after, by id), then purposes or zones in vocabulary order.
 */
export function movementSeries(
  rows: readonly MovementRollup[],
  options: {
    range: { from: Day; to: Day };
    resolution: Resolution;
    filters: Filters;
    split: MovementSplit;
    sourceOrder?: readonly string[];
  },
): MovementSeries {
  const { range, resolution, filters, split } = options;
  const buckets = bucketsFor(range, resolution);
  const at = new Map(buckets.map((b, i) => [b.from, i]));
  const parts = new Map<string, MovementPart>();
  const shown: MovementRollup[] = [];
  let recordCount = 0;
  for (const row of rows) {
    if (!matchesFilters({ provenance: { verification: row.verification } }, filters)) continue;
    const i = at.get(row.bucket);
    if (i === undefined) continue;
    shown.push(row);
    recordCount += row.records;
    const part = (split === 'purpose' ? row.purpose : split === 'zone' ? row.toZone : '') ?? '';
    const key = `${row.sourceId}${SEP}${part}`;
    let p = parts.get(key);
    if (!p) {
      p = {
        sourceId: row.sourceId,
        part,
        counts: buckets.map(noOutcomes),
        reported: buckets.map(() => false),
        totals: noOutcomes(),
      };
      parts.set(key, p);
    }
    p.counts[i]![row.outcome] += row.missions;
    p.reported[i] = true;
    p.totals[row.outcome] += row.missions;
  }
  const order = options.sourceOrder ?? [];
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  const partOrder: readonly string[] =
    split === 'purpose' ? MOVEMENT_PURPOSES : split === 'zone' ? ZONES : [''];
  const sorted = [...parts.values()].sort(
    (x, y) =>
      rank(x.sourceId) - rank(y.sourceId) ||
      x.sourceId.localeCompare(y.sourceId) ||
      partOrder.indexOf(x.part) - partOrder.indexOf(y.part),
  );
  const bySource: MovementSeries['bySource'] = [];
  for (const p of sorted) {
    let s = bySource.find((x) => x.sourceId === p.sourceId);
    if (!s) bySource.push((s = { sourceId: p.sourceId, totals: noOutcomes() }));
    for (const o of MOVEMENT_OUTCOMES) s.totals[o] += p.totals[o];
  }
  return { buckets, parts: sorted, bySource, shares: rollupShares(shown), recordCount };
}
