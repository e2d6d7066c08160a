import type { DatasetRecord } from '../../../domain/datasets.ts';
import { newestReport } from '../../../domain/provenance.ts';
import { rollUpDataset, type RollupDataset, type RollupRow } from '../../../domain/rollup.ts';
import type { DataIssue } from '../../../domain/validate.ts';
import type { Dataset } from '../../../domain/vocabulary.ts';
import type { QueryRequest, RollupRequest } from '../../contract.ts';
import type { IngestSummary } from './ingest.ts';
import { coverageOf, selectRecords } from './select.ts';

/** A whole table as read: its validated records and its rejected rows. */
export interface ReadTable {
  summary: IngestSummary;
  records: unknown[];
  issues: DataIssue[];
}

/**
 * What the page keeps of a table: everything but its accepted records. Rejected rows are sent
 * whole, once: they are few beside the accepted ones and the data issues view lists them all.
 */
export interface TableFacts {
  summary: IngestSummary;
  issues: DataIssue[];
  /** First and last day the table has data for. */
  coverage?: { from: string; to: string };
  /** Every publisher id the accepted records name (`provenance.sourceId`). */
  publisherIds: string[];
}

/** A query as the table answers it: the request without its signal. */
export type TableQuery = Pick<QueryRequest<Dataset>, 'dataset' | 'from' | 'to' | 'crossingIds'>;

/** A roll-up as the table answers it, with the clock crossing-status days need. */
export type TableRollup = Omit<RollupRequest<RollupDataset>, 'signal'>;
export interface RollupClock {
  timeZone: string;
  now: number;
}

/** Rows of a roll-up and how many accepted records they stand on. */
export interface TableRollupAnswer {
  rows: RollupRow<RollupDataset>[];
  records: number;
  /** The newest report time among those records (see RollupResult.reportedUpTo). */
  reportedUpTo?: string;
}

/**
 * A table held where it was read (the worker, or this thread where there is none), answering
 * what the REST API would: records of a range (`selectRecords`), roll-ups (`rollUpDataset`).
 * One implementation for both places, so that they cannot disagree.
 */
export function createTableStore(table: ReadTable) {
  const { summary, records } = table;
  const byDay = dayIndex(records, summary.dataset);
  /** The records a range can concern: a binary search in the day index where there is one. */
  const candidates = (from: string, to: string): readonly unknown[] => {
    if (!byDay) return records;
    // Every day up to `to` sorts before `to` followed by the highest character.
    return byDay.records.slice(lowerBound(byDay.days, from), lowerBound(byDay.days, `${to}\uffff`));
  };
  return {
    facts(): TableFacts {
      const publishers = new Set<string>();
      for (const r of records as { provenance?: { sourceId?: string } }[])
        if (r.provenance?.sourceId) publishers.add(r.provenance.sourceId);
      const coverage = coverageOf(records, summary.dataset);
      return {
        summary,
        issues: table.issues,
        ...(coverage ? { coverage } : {}),
        publisherIds: [...publishers],
      };
    },

    query<D extends Dataset>(request: TableQuery & { dataset: D }, timeZone: string) {
      if (request.dataset !== summary.dataset) return [] as DatasetRecord<D>[];
      return selectRecords<D>(candidates(request.from, request.to), request, timeZone);
    },

    rollup(request: TableRollup, clock: RollupClock): TableRollupAnswer {
      if (request.dataset !== summary.dataset) return { rows: [], records: 0 };
      // The records the range asks for (with the carry-in of status datasets), then the buckets.
      const picked = selectRecords(candidates(request.from, request.to), request, clock.timeZone);
      const reportedUpTo = newestReport(picked);
      return {
        rows: rollUpDataset(request.dataset, picked, request, request.resolution, request, clock),
        records: picked.length,
        ...(reportedUpTo !== undefined ? { reportedUpTo } : {}),
      };
    },
  };
}

export type TableStore = ReturnType<typeof createTableStore>;

/** Datasets whose records belong to one day (`date`), with no carry-in from earlier days. */
const DAY_DATASETS: ReadonlySet<Dataset> = new Set([
  'aid-flow',
  'facility-status',
  'utility-status',
]);

/**
 * The records of a day-keyed table in day order (file order within a day), with their days,
 * so a two-week window of a ten-year table reads two weeks of records, not the table.
 */
function dayIndex(records: readonly unknown[], dataset: Dataset) {
  if (!DAY_DATASETS.has(dataset)) return undefined;
  const order = records.map((r, i) => ({ day: String((r as { date?: unknown }).date), i }));
  order.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.i - b.i));
  return { days: order.map((o) => o.day), records: order.map((o) => records[o.i]) };
}

/** The first index whose day is not before `day`. */
function lowerBound(days: readonly string[], day: string): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
