import type { DatasetRecord } from '../../../domain/datasets.ts';
import { isRollupDataset } from '../../../domain/rollup-datasets.ts';
import { describeReasons, reason } from '../../../domain/reasons.ts';
import { ROLLUP_SCHEMAS } from '../../../domain/rollup-schemas.ts';
import {
  numberRepeats,
  recordIdentity,
  validateDataset,
  validateRecords,
  type DataIssue,
  type DateContext,
} from '../../../domain/validate.ts';
import type { Dataset } from '../../../domain/vocabulary.ts';
import { selectRecords } from '../tabular/select.ts';

/**
 * Reading a dataset answer of the REST API (`{ data: [records] }`): parse the JSON, check the
 * envelope, validate every record (schema and date bounds). A pure function, run in a Web
 * Worker for large answers (see read-answer.ts) and on the page for small ones and in Node.
 */
export interface AnswerRequest {
  dataset: Dataset;
  /** The answer as received: bytes (UTF-8) are decoded where they are parsed. */
  body: string | ArrayBuffer;
  sourceId: string;
  dates: DateContext;
  /** The days (and crossings) asked for: valid records outside them are counted, not kept. */
  asked?: { from: string; to: string; crossingIds?: readonly string[] };
  /** A roll-up answer (`resolution=`): rows under "data", rejected records under "rejected". */
  rollup?: { resolution: string };
}

export type AnswerResult<D extends Dataset = Dataset> =
  | {
      ok: true;
      records: DatasetRecord<D>[];
      issues: DataIssue[];
      received: number;
      /** records + issues + outsideRange = received. */
      outsideRange: number;
      /** Roll-ups: the records the rows stand on, as the source counts them. */
      sourceRecords?: number;
      /** Roll-ups: the newest report time among those records, where the source says. */
      reportedUpTo?: string;
    }
  /**
   * 'not-json': the body does not parse; 'no-list': no list of records under "data";
   * 'wrong-resolution': a roll-up at another resolution than asked.
   */
  | { ok: false; problem: 'not-json' | 'no-list' | 'wrong-resolution' };

export function readAnswer<D extends Dataset>(
  request: AnswerRequest & { dataset: D },
): AnswerResult<D> {
  let json: unknown;
  try {
    const { body } = request;
    json = JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body));
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  const data = (json as { data?: unknown } | null)?.data;
  if (!json || typeof json !== 'object' || !Array.isArray(data))
    return { ok: false, problem: 'no-list' };
  if (request.rollup) return readRollup(request, json as RollupBody, data) as AnswerResult<D>;
  const checked = validateDataset(request.dataset, data, {
    sourceId: request.sourceId,
    dates: request.dates,
  });
  // As the API answers a range (carry-in of status datasets included): see select.ts.
  const records = request.asked
    ? selectRecords<D>(
        checked.accepted,
        { dataset: request.dataset, ...request.asked },
        request.dates.timeZone,
      )
    : checked.accepted;
  return {
    ok: true,
    records,
    issues: checked.rejected,
    received: data.length,
    outsideRange: checked.accepted.length - records.length,
  };
}

interface RollupBody {
  rejected?: unknown;
  meta?: { resolution?: unknown; records?: unknown; reportedUpTo?: unknown };
}

/**
 * A roll-up answer: every row checked against its schema (a bad row is an issue, never drawn),
 * and every record the source set aside listed with the reason our schemas give. A record in
 * `rejected` that our schemas would take is still not used (the source did not count it):
 * it is listed as set aside by the source, so nothing is dropped in silence.
 */
function readRollup(request: AnswerRequest, json: RollupBody, data: unknown[]): AnswerResult {
  const { dataset } = request;
  const resolution = json.meta?.resolution;
  if (
    !isRollupDataset(dataset) ||
    (resolution !== undefined && resolution !== request.rollup?.resolution)
  )
    return { ok: false, problem: 'wrong-resolution' };
  const rows = validateRecords(ROLLUP_SCHEMAS[dataset], data, {
    sourceId: request.sourceId,
    dataset,
  });
  // Rows for buckets outside the range asked for (a server that ignores it): counted, not used.
  const asked = request.asked;
  const inRange = asked
    ? rows.accepted.filter((r) => {
        const { bucket } = r as { bucket: string };
        return bucket >= asked.from && bucket <= asked.to;
      })
    : rows.accepted;
  const setAside = Array.isArray(json.rejected) ? (json.rejected as unknown[]) : [];
  const checked = validateDataset(dataset, setAside, {
    sourceId: request.sourceId,
    dates: request.dates,
    positionOffset: data.length,
  });
  // Records the source set aside that our schemas would take are still not drawn (the roll-up
  // does not count them): listed, named by their content as every issue is.
  const refused = new Set(checked.rejected.map((issue) => issue.position));
  const repeat = numberRepeats();
  const setAsideReasons = [reason('set-aside-by-source')];
  const kept: DataIssue[] = setAside.flatMap((raw, i) =>
    refused.has(data.length + i)
      ? []
      : [
          {
            sourceId: request.sourceId,
            dataset,
            position: data.length + i,
            record: repeat(recordIdentity(raw)),
            field: '',
            reason: describeReasons(setAsideReasons),
            reasons: setAsideReasons,
            raw,
          },
        ],
  );
  const records = json.meta?.records;
  const reportedUpTo = readInstant(json.meta?.reportedUpTo);
  return {
    ok: true,
    records: inRange as never[],
    issues: [...rows.rejected, ...checked.rejected, ...kept],
    received: data.length + setAside.length,
    outsideRange: rows.accepted.length - inRange.length,
    sourceRecords:
      typeof records === 'number' && Number.isFinite(records)
        ? records
        : rows.accepted.reduce((n, r) => n + (r as { records: number }).records, 0) +
          setAside.length,
    ...(reportedUpTo !== undefined ? { reportedUpTo } : {}),
  };
}

/** An instant with its zone (as the contract writes every instant), else nothing. */
function readInstant(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  return Number.isFinite(Date.parse(value)) ? value : undefined;
}
