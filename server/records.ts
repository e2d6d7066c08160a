/**
 * How a record of the contract is kept in the store: the columns a query filters and rolls up
 * on, taken from the record, beside the record itself (JSON). Pure: no database here.
 */
import { theatreDay } from '../src/domain/time.ts';
import type { Dataset } from '../src/domain/vocabulary.ts';

export interface StoredRow {
  dataset: Dataset;
  day: string;
  day_to: string | null;
  at: string | null;
  crossing_id: string | null;
  source_id: string;
  verification: string;
  reported_at: string;
  commodity: string | null;
  stage: string | null;
  trucks: number | null;
  tonnes: number | null;
  litres: number | null;
  body: unknown;
}

type Loose = Record<string, unknown> & {
  provenance: { sourceId: string; reportedAt: string; verification: string };
};

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The stored row of a valid record (one that passed the dataset's schema). */
export function storedRow(dataset: Dataset, record: unknown, timeZone: string): StoredRow {
  const r = record as Loose;
  const at = str(r.at) ?? str(r.start);
  const day = str(r.date) ?? (at ? theatreDay(at, timeZone) : null);
  if (!day) throw new Error(`a ${dataset} record without a day`);
  const end = str(r.end);
  return {
    dataset,
    day,
    day_to: dataset === 'events' ? (end ? theatreDay(end, timeZone) : null) : day,
    at,
    crossing_id: str(r.crossingId),
    source_id: r.provenance.sourceId,
    verification: r.provenance.verification,
    reported_at: r.provenance.reportedAt,
    commodity: dataset === 'aid-flow' ? str(r.commodity) : null,
    stage: dataset === 'aid-flow' ? str(r.stage) : null,
    trucks: dataset === 'aid-flow' ? num(r.trucks) : null,
    tonnes: dataset === 'aid-flow' ? num(r.tonnes) : null,
    litres: dataset === 'aid-flow' ? num(r.litres) : null,
    body: record,
  };
}

/**
 * The day a rejected record or row is filed under, so that it is listed with the range it came
 * in: its own day when readable, else the day it was reported, else `fallback` (the range it
 * was read with), else null (then only GET /issues lists it).
 */
export function issueDay(
  raw: unknown,
  timeZone: string,
  fallback: string | null = null,
): string | null {
  const r = (raw ?? {}) as Record<string, unknown>;
  const date = str(r.date);
  if (date && isDay(date)) return date;
  for (const at of [
    str(r.at),
    str(r.start),
    str((r.provenance as Record<string, unknown> | undefined)?.reportedAt),
  ])
    if (
      at &&
      isDay(at.slice(0, 10)) &&
      /[zZ]|[+-]\d\d:?\d\d$/.test(at) &&
      Number.isFinite(Date.parse(at))
    )
      return theatreDay(at, timeZone);
  return fallback;
}

function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}
