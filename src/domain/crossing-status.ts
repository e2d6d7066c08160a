import type { CrossingStatus } from './schemas.ts';
import type { CrossingState } from './vocabulary.ts';

export interface CrossingStatusNow {
  state: CrossingState;
  /** The observation in force at the moment asked about; undefined when none. */
  latest: CrossingStatus | undefined;
  /** When the crossing entered this state (first of the unbroken run of equal observations). */
  since: string | undefined;
  /** Other sources' latest observations that disagree with `latest` about the state. */
  disagreements: CrossingStatus[];
}

/**
 * The status of one crossing at an instant: the latest observation at or before it.
 * When several sources observed the crossing, the most recent one wins and the others'
 * differing reports are returned beside it, never hidden.
 */
export function crossingStatusAt(
  observations: readonly CrossingStatus[],
  crossingId: string,
  at: Date,
): CrossingStatusNow {
  const limit = +at;
  const mine = observations
    .filter((o) => o.crossingId === crossingId && Date.parse(o.at) <= limit)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const latest = mine.at(-1);
  if (!latest) return { state: 'unknown', latest: undefined, since: undefined, disagreements: [] };

  let since = latest.at;
  for (let i = mine.length - 2; i >= 0; i--) {
    const o = mine[i]!;
    if (o.status !== latest.status) break;
    since = o.at;
  }

  const latestPerOtherSource = new Map<string, CrossingStatus>();
  for (const o of mine) {
    if (o.provenance.sourceId !== latest.provenance.sourceId)
      latestPerOtherSource.set(o.provenance.sourceId, o);
  }
  const disagreements = [...latestPerOtherSource.values()].filter(
    (o) => o.status !== latest.status,
  );
  return { state: latest.status, latest, since, disagreements };
}
