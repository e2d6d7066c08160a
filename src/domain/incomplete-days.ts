import type { DataIssue } from './validate.ts';
import type { Day } from './time.ts';

/** Days a source's figures are known to lack rows: each rejected row counted on its day. */
export interface IncompleteDays {
  /** Rejected rows per day, for days inside the range asked. */
  days: Map<Day, number>;
  /** Rejected rows whose date could not be read: they cannot be placed on any day. */
  undated: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Which days of `range` lost rows of `datasets` to rejection, and how many rejected rows have no
 * readable day. A low day with rejected rows is not a low day: its figures are incomplete.
 */
export function incompleteDays(
  issues: readonly DataIssue[],
  datasets: readonly string[],
  range: { from: Day; to: Day },
): IncompleteDays {
  const days = new Map<Day, number>();
  let undated = 0;
  for (const issue of issues) {
    if (!datasets.includes(issue.dataset)) continue;
    const day = issue.day;
    if (day === undefined || !DAY.test(day)) {
      undated++;
      continue;
    }
    if (day < range.from || day > range.to) continue;
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return { days, undated };
}

/** Rejected rows within an ISO day or interval ("2025-01-06/2025-01-12"). */
export function rejectedIn(incomplete: IncompleteDays, iso: string): number {
  const [from, to = from] = iso.split('/') as [Day, Day?];
  let n = 0;
  for (const [day, count] of incomplete.days) if (day >= from && day <= to!) n += count;
  return n;
}
