import type { ReportBody } from '../../domain/report.ts';

/** What the server made of a report (POST {source}/reports). */
export interface ReportReceipt {
  reportId: string;
  receivedAt: string;
  records: { id: string; dataset: string; version: number }[];
}

/** A problem the server found, at a path of the body ("crossingStatus.0.status"). */
export interface ServerProblem {
  path: string;
  message: string;
}

/** Why the server refused a report for good: sending it again as it is would not help. */
export type FailureKind =
  | 'invalid' // 400, 422: the server lists every problem
  | 'token' // 401: no, unknown or revoked token
  | 'forbidden' // 403: the token may not write this source
  | 'conflict' // 409: the key was used with another body
  | 'too-large' // 413
  | 'refused' // any other 4xx (an API without reports: 404, 405)
  | 'no-source'; // the source is no longer configured as writable on this device

export interface ReportFailure {
  kind: FailureKind;
  status?: number;
  /** The server's own words (problem+json title and detail), as given. */
  title?: string;
  detail?: string;
  problems: ServerProblem[];
}

/** Why a report is still waiting: it will be tried again. */
export type WaitKind = 'offline' | 'no-token' | 'network' | 'server' | 'busy';

export type SendOutcome =
  | { kind: 'sent'; receipt: ReportReceipt | undefined; replayed: boolean }
  | { kind: 'failed'; failure: ReportFailure }
  | { kind: 'wait'; wait: WaitKind; status?: number; retryAfterMs?: number };

export interface SendRequest {
  /** The source's API base (e.g. "/api/v1"). */
  baseUrl: string;
  token: string;
  idempotencyKey: string;
  body: ReportBody;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}

/**
 * Sends one report once. The token travels in the Authorization header only; the URL is the
 * source's and carries nothing of the report or the observer.
 */
export async function sendReport(request: SendRequest): Promise<SendOutcome> {
  const fetchImpl = request.fetchImpl ?? fetch;
  // Relative to the page, as the source's reads are ("/api/v1" → this origin).
  const url = new URL(
    `${request.baseUrl.replace(/\/+$/, '')}/reports`,
    globalThis.location?.href ?? 'http://localhost/',
  ).href;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${request.token}`,
        'idempotency-key': request.idempotencyKey,
        'content-type': 'application/json',
        accept: 'application/json, application/problem+json',
      },
      body: JSON.stringify(request.body),
      // Never kept in any cache, never sent with cookies to another origin.
      cache: 'no-store',
      credentials: 'same-origin',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch {
    return { kind: 'wait', wait: 'network' };
  }
  const { status } = response;
  if (status === 200 || status === 201) {
    return {
      kind: 'sent',
      receipt: readReceipt(await readJson(response)),
      replayed: status === 200 || response.headers.get('idempotent-replayed') === 'true',
    };
  }
  if (status === 429)
    return {
      kind: 'wait',
      wait: 'busy',
      status,
      retryAfterMs: retryAfter(response.headers.get('retry-after')),
    };
  if (status >= 500 || status === 408) return { kind: 'wait', wait: 'server', status };
  const problem = readProblem(await readJson(response));
  const kind: FailureKind =
    status === 400 || status === 422
      ? 'invalid'
      : status === 401
        ? 'token'
        : status === 403
          ? 'forbidden'
          : status === 409
            ? 'conflict'
            : status === 413
              ? 'too-large'
              : 'refused';
  return { kind: 'failed', failure: { kind, status, ...problem } };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** Seconds (or an HTTP date) → ms, within a minute and an hour. */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = /^\d+$/.test(header.trim())
    ? Number(header)
    : (Date.parse(header) - Date.now()) / 1000;
  if (!Number.isFinite(seconds)) return undefined;
  return Math.min(Math.max(seconds, 1), 3600) * 1000;
}

const text = (value: unknown, max: number) =>
  typeof value === 'string' ? value.slice(0, max) : undefined;

function readReceipt(json: unknown): ReportReceipt | undefined {
  const data = (json as { data?: Partial<ReportReceipt> } | null)?.data;
  if (!data || typeof data.reportId !== 'string') return undefined;
  return {
    reportId: data.reportId.slice(0, 200),
    receivedAt: text(data.receivedAt, 64) ?? '',
    records: Array.isArray(data.records)
      ? data.records
          .filter((r) => r && typeof r.id === 'string')
          .slice(0, 200)
          .map((r) => ({
            id: r.id.slice(0, 200),
            dataset: text(r.dataset, 64) ?? '',
            version: typeof r.version === 'number' ? r.version : 1,
          }))
      : [],
  };
}

/** A problem+json body; whatever else came (an HTML error page) gives no problems. */
function readProblem(json: unknown): Omit<ReportFailure, 'kind' | 'status'> {
  const body = (json ?? {}) as { title?: unknown; detail?: unknown; errors?: unknown };
  const problems = Array.isArray(body.errors)
    ? (body.errors as { path?: unknown; message?: unknown }[])
        .filter((e) => e && typeof e.message === 'string')
        .slice(0, 100)
        .map((e) => ({ path: text(e.path, 200) ?? '', message: text(e.message, 500) ?? '' }))
    : [];
  const title = text(body.title, 200);
  const detail = text(body.detail, 1000);
  return { ...(title ? { title } : {}), ...(detail ? { detail } : {}), problems };
}
