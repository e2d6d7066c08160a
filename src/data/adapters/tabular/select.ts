import type { DatasetRecord } from '../../../domain/datasets.ts';
import { FILTERS_BY_DATASET } from '../../../domain/filters.ts';
import { shiftDay, startOfTheatreDay } from '../../../domain/time.ts';
import type { Dataset } from '../../../domain/vocabulary.ts';
import type { QueryRequest } from '../../contract.ts';

type AnyRecord = Record<string, unknown> & { provenance?: { sourceId?: string } };

/**
 * What the REST API would answer for a request, computed locally over a whole table: records
 * in the range (theatre-local days), for the crossings asked for, and for status datasets the
 * latest observation before the range per place and source (carry-in, as docs/api describes).
 */
export function selectRecords<D extends Dataset>(
  records: readonly unknown[],
  request: Pick<QueryRequest<D>, 'dataset' | 'from' | 'to' | 'crossingIds'>,
  timeZone: string,
): DatasetRecord<D>[] {
  const { dataset, from, to } = request;
  const crossings = request.crossingIds?.length ? new Set(request.crossingIds) : undefined;
  const list = records as readonly AnyRecord[];
  const out: AnyRecord[] = [];
  if (dataset === 'crossing-status' || dataset === 'corridor-status') {
    const key = dataset === 'crossing-status' ? 'crossingId' : 'corridorId';
    const start = +startOfTheatreDay(from, timeZone);
    const end = +startOfTheatreDay(shiftDay(to, 1), timeZone);
    const carry = new Map<string, { at: number; record: AnyRecord }>();
    for (const r of list) {
      if (crossings && dataset === 'crossing-status' && !crossings.has(String(r.crossingId)))
        continue;
      const at = Date.parse(String(r.at));
      if (at >= start && at < end) out.push(r);
      else if (at < start) {
        const k = `${String(r[key])}|${r.provenance?.sourceId ?? ''}`;
        const prev = carry.get(k);
        if (!prev || prev.at < at) carry.set(k, { at, record: r });
      }
    }
    return [...[...carry.values()].map((c) => c.record), ...out] as DatasetRecord<D>[];
  }
  if (dataset === 'events') {
    const start = +startOfTheatreDay(from, timeZone);
    const end = +startOfTheatreDay(shiftDay(to, 1), timeZone);
    for (const r of list) {
      const s = Date.parse(String(r.start));
      const e = r.end === undefined ? Infinity : Date.parse(String(r.end));
      if (s < end && e >= start) out.push(r);
    }
    return out as DatasetRecord<D>[];
  }
  // The datasets kept per crossing (aid flow, fuel entry, truck gaps) follow the crossings asked.
  const byCrossing = crossings && FILTERS_BY_DATASET[dataset].includes('crossings');
  for (const r of list) {
    const day = String(r.date);
    if (day < from || day > to) continue;
    if (byCrossing && !crossings.has(String(r.crossingId))) continue;
    out.push(r);
  }
  return out as DatasetRecord<D>[];
}

/** First and last day a table has data for, for the theatre's coverage. */
export function coverageOf(
  records: readonly unknown[],
  dataset: Dataset,
): { from: string; to: string } | undefined {
  let min: string | undefined;
  let max: string | undefined;
  const field =
    dataset === 'crossing-status' || dataset === 'corridor-status'
      ? 'at'
      : dataset === 'events'
        ? 'start'
        : 'date';
  for (const r of records as readonly AnyRecord[]) {
    const day = String(r[field]).slice(0, 10);
    if (!min || day < min) min = day;
    if (!max || day > max) max = day;
  }
  return min && max ? { from: min, to: max } : undefined;
}
