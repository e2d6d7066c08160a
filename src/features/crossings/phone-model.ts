import type { TruckCount } from '../../domain/aid-flow.ts';
import { VERIFICATIONS, type Stage, type Verification } from '../../domain/vocabulary.ts';
import type { CrossingStatus } from '../../domain/schemas.ts';
import { dayDifference, theatreDay, type Day } from '../../domain/time.ts';
import type { BoardRow } from './board-model.ts';

/** One column of the phone answer: what one source counts at one stage (entered, collected). */
export interface PhoneColumn {
  key: string;
  sourceId: string;
  stage: Stage;
}

/** A crossing's figure in one column: the trucks of the source's last reported day. */
export interface PhoneFigure {
  trucks: number;
  day: Day;
  /** The last reported day is the theatre's today. */
  today: boolean;
  verification: Verification | undefined;
}

const STAGE_ORDER: Record<Stage, number> = { entered: 0, collected: 1, delivered: 2 };

const columnKey = (c: Pick<TruckCount, 'sourceId' | 'stage'>) => `${c.sourceId}\u0000${c.stage}`;

/** A source over the columns of its stages (the answer's first header row). */
export interface PhoneSourceGroup {
  sourceId: string;
  columns: PhoneColumn[];
}

/**
 * The columns of the phone answer, grouped by source: every source × stage any crossing has
 * figures for, once. Sources come in the order of the first stage they count (entered before
 * collected), then by id; a source's stages in their order. Sources are never added together:
 * a column is one source's count of one thing.
 */
export function phoneColumns(rows: readonly BoardRow[]): PhoneSourceGroup[] {
  const bySource = new Map<string, Map<Stage, PhoneColumn>>();
  for (const row of rows)
    for (const c of row.trucks) {
      let stages = bySource.get(c.sourceId);
      if (!stages) bySource.set(c.sourceId, (stages = new Map()));
      stages.set(c.stage, { key: columnKey(c), sourceId: c.sourceId, stage: c.stage });
    }
  const groups = [...bySource].map(([sourceId, stages]) => ({
    sourceId,
    columns: [...stages.values()].sort((a, b) => STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage]),
  }));
  const firstStage = (g: PhoneSourceGroup) => STAGE_ORDER[g.columns[0]!.stage];
  return groups.sort(
    (a, b) => firstStage(a) - firstStage(b) || a.sourceId.localeCompare(b.sourceId),
  );
}

/** The crossing's figure in a column, or undefined when that source reported none this week. */
export function phoneFigure(
  row: BoardRow,
  column: PhoneColumn,
  today: Day,
): PhoneFigure | undefined {
  const count = row.trucks.find((c) => columnKey(c) === column.key);
  if (!count?.latest) return undefined;
  return {
    trucks: count.latest.trucks,
    day: count.latest.day,
    today: count.latest.day === today,
    verification: count.verification,
  };
}

/**
 * How "since when" reads: the time alone when the status began on the theatre's today, else
 * day and time. Undefined when no report says when it began.
 */
export function sinceWhen(
  row: BoardRow,
  now: Date,
  timeZone: string,
): { at: string; sameDay: boolean } | undefined {
  const since = row.status.since;
  if (!since) return undefined;
  return {
    at: since,
    sameDay: theatreDay(new Date(since), timeZone) === theatreDay(now, timeZone),
  };
}

/**
 * The verification marks the figures in `columns` carry, in the vocabulary's order: the key
 * under the figures names these and no others.
 */
export function marksUsed(
  rows: readonly BoardRow[],
  columns: readonly PhoneColumn[],
  today: Day,
): Verification[] {
  const marks = new Set<Verification>();
  for (const row of rows)
    for (const column of columns) {
      const v = phoneFigure(row, column, today)?.verification;
      if (v) marks.add(v);
    }
  return VERIFICATIONS.filter((v) => marks.has(v));
}

/** When a report dates from: its instant and how many theatre days before today (0: today). */
export interface ReportedWhen {
  at: string;
  daysAgo: number;
}

export function reportedWhen(at: string, now: Date, timeZone: string): ReportedWhen {
  return { at, daysAgo: dayDifference(theatreDay(at, timeZone), theatreDay(now, timeZone)) };
}

/** One source's latest status about a crossing, and whether it is the one the board shows. */
export interface SourceStatus {
  sourceId: string;
  report: CrossingStatus;
  when: ReportedWhen;
  inForce: boolean;
  /** Says the same as the status in force. */
  agrees: boolean;
}

/** What one source last said about a crossing: its status, and its trucks per stage. */
export interface SourceReport {
  sourceId: string;
  status: SourceStatus | undefined;
  /** The source's last reported day per stage: each its own day, never added across sources. */
  figures: { stage: Stage; figure: PhoneFigure }[];
}

export function sourceStatuses(row: BoardRow, now: Date, timeZone: string): SourceStatus[] {
  const inForce = row.status.latest;
  return row.statusBySource.map((report) => ({
    sourceId: report.provenance.sourceId,
    report,
    when: reportedWhen(report.at, now, timeZone),
    inForce: report === inForce,
    agrees: report.status === row.status.state,
  }));
}

/**
 * Every source that reported on the crossing, side by side: the source of the status in force
 * first, then the others that reported a status (newest first), then those with trucks only.
 */
export function sourceReports(row: BoardRow, now: Date, timeZone: string): SourceReport[] {
  const today = theatreDay(now, timeZone);
  const statuses = sourceStatuses(row, now, timeZone);
  const groups = phoneColumns([row]);
  const ids = [...new Set([...statuses.map((s) => s.sourceId), ...groups.map((g) => g.sourceId)])];
  return ids.map((sourceId) => ({
    sourceId,
    status: statuses.find((s) => s.sourceId === sourceId),
    figures: (groups.find((g) => g.sourceId === sourceId)?.columns ?? []).flatMap((column) => {
      const figure = phoneFigure(row, column, today);
      return figure ? [{ stage: column.stage, figure }] : [];
    }),
  }));
}
