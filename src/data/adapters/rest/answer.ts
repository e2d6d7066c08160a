import type { DatasetRecord } from '../../../domain/datasets.ts';
import { validateDataset, type DataIssue, type DateContext } from '../../../domain/validate.ts';
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
}

export type AnswerResult<D extends Dataset = Dataset> =
  | {
      ok: true;
      records: DatasetRecord<D>[];
      issues: DataIssue[];
      received: number;
      /** records + issues + outsideRange = received. */
      outsideRange: number;
    }
  /** 'not-json': the body does not parse; 'no-list': no list of records under "data". */
  | { ok: false; problem: 'not-json' | 'no-list' };

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
