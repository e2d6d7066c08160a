import type { DatasetRecord } from '../../../domain/datasets.ts';
import { validateDataset, type DataIssue, type DateContext } from '../../../domain/validate.ts';
import type { Dataset } from '../../../domain/vocabulary.ts';

/**
 * Reading a dataset answer of the REST API (`{ data: [records] }`): parse the JSON, check the
 * envelope, validate every record (schema and date bounds). A pure function, run in a Web
 * Worker for large answers (see read-answer.ts) and on the page for small ones and in Node.
 */
export interface AnswerRequest {
  dataset: Dataset;
  body: string;
  sourceId: string;
  dates: DateContext;
}

export type AnswerResult<D extends Dataset = Dataset> =
  | { ok: true; records: DatasetRecord<D>[]; issues: DataIssue[]; received: number }
  /** 'not-json': the body does not parse; 'no-list': no list of records under "data". */
  | { ok: false; problem: 'not-json' | 'no-list' };

export function readAnswer<D extends Dataset>(
  request: AnswerRequest & { dataset: D },
): AnswerResult<D> {
  let json: unknown;
  try {
    json = JSON.parse(request.body);
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
  return { ok: true, records: checked.accepted, issues: checked.rejected, received: data.length };
}
