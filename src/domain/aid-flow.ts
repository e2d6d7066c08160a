import type { AidFlow } from './schemas.ts';
import { shiftDay, type Day } from './time.ts';
import type { Stage } from './vocabulary.ts';

/** Trucks through one crossing at one stage as one source counts them. Sources are never summed. */
export interface TruckCount {
  sourceId: string;
  stage: Stage;
  /** Trucks on `today`; null when the source reported nothing that day (a gap, not a zero). */
  today: number | null;
  /** Total over the 7 days ending on `today`, over the days reported. */
  last7: number;
  /** How many of those 7 days the source reported; fewer than 7 means the total is partial. */
  daysReported: number;
  /** The most recent reported day in the window and its trucks: "today" is often not in yet. */
  latest: { day: Day; trucks: number } | undefined;
  /** Latest `reportedAt` among the records counted. */
  lastReportedAt: string | undefined;
  /** The weakest verification among the records counted (a chain is as strong as its weakest). */
  verification: AidFlow['provenance']['verification'] | undefined;
}

const VERIFICATION_RANK = { verified: 0, reported: 1, unverified: 2, disputed: 3 } as const;

/**
 * Per source and stage, trucks through a crossing today and over the last 7 days.
 * Commodities are summed (a truck carries one commodity); sources and stages never are.
 */
export function truckCountsForCrossing(
  flows: readonly AidFlow[],
  crossingId: string,
  today: Day,
): TruckCount[] {
  const firstDay = shiftDay(today, -6);
  const groups = new Map<
    string,
    Omit<TruckCount, 'daysReported' | 'latest'> & { days: Map<Day, number> }
  >();
  for (const f of flows) {
    if (f.crossingId !== crossingId || f.trucks === undefined) continue;
    if (f.date < firstDay || f.date > today) continue;
    const key = `${f.provenance.sourceId}\u0000${f.stage}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        sourceId: f.provenance.sourceId,
        stage: f.stage,
        today: null,
        last7: 0,
        lastReportedAt: undefined,
        verification: undefined,
        days: new Map(),
      };
      groups.set(key, g);
    }
    g.last7 += f.trucks;
    g.days.set(f.date, (g.days.get(f.date) ?? 0) + f.trucks);
    if (f.date === today) g.today = (g.today ?? 0) + f.trucks;
    if (!g.lastReportedAt || Date.parse(f.provenance.reportedAt) > Date.parse(g.lastReportedAt))
      g.lastReportedAt = f.provenance.reportedAt;
    const v = f.provenance.verification;
    if (!g.verification || VERIFICATION_RANK[v] > VERIFICATION_RANK[g.verification])
      g.verification = v;
  }
  const stageOrder: Record<Stage, number> = { entered: 0, collected: 1, delivered: 2 };
  return [...groups.values()]
    .map(({ days, ...g }) => {
      const latestDay = [...days.keys()].sort().at(-1);
      return {
        ...g,
        daysReported: days.size,
        latest:
          latestDay === undefined ? undefined : { day: latestDay, trucks: days.get(latestDay)! },
      };
    })
    .sort(
      (a, b) => stageOrder[a.stage] - stageOrder[b.stage] || a.sourceId.localeCompare(b.sourceId),
    );
}
