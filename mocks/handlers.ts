/**
 * MSW handlers implementing the REST API documented in docs/api/openapi.yaml, backed by the
 * demo scenario. The same handlers run in the browser (mocks/browser.ts), in Node tests
 * (mocks/node.ts) and as a real HTTP server (scripts/api-server.ts).
 */
import { HttpResponse, http, type RequestHandler } from 'msw';
import {
  ROLLUP_BY,
  RESOLUTIONS,
  type AidFlowBy,
  type MovementsBy,
  type RequestedResolution,
} from '../src/domain/rollup.ts';
import { COMMODITIES } from '../src/domain/vocabulary.ts';
import { dayString, instantString } from '../src/domain/schemas.ts';
import { shiftDay } from '../src/domain/time.ts';
import { DATASETS, type Dataset } from '../src/domain/vocabulary.ts';
import { changedSince, isRollupDataset, ROLLUP_DATASETS, rollupAnswer } from './rollups.ts';
import {
  CROSSING_DATASETS,
  createScenario,
  type RecordQuery,
  type Scenario,
} from './scenario/index.ts';

export const DEFAULT_BASE_URL = '/api/v1';

/** Every path the API implements, relative to the base URL (the same list as the document's). */
export const API_PATHS: readonly string[] = [
  '/health',
  '/theatre',
  ...DATASETS.map((d) => `/${d}`),
];

/** Datasets for which the latest observation before `from` is carried in. */
export const CARRY_IN_DATASETS: readonly Dataset[] = ['crossing-status', 'corridor-status'];
/** Datasets that the `crossing` parameter filters: those kept per crossing. */
export const CROSSING_FILTERED: readonly Dataset[] = [...CROSSING_DATASETS];

export const PROBLEM_TYPES = {
  invalidParameter: 'urn:access-monitor:problem:invalid-parameter',
  notFound: 'urn:access-monitor:problem:not-found',
  methodNotAllowed: 'urn:access-monitor:problem:method-not-allowed',
  serverError: 'urn:access-monitor:problem:server-error',
} as const;

/** An RFC 9457 problem response. */
export function problem(
  status: number,
  title: string,
  detail: string,
  type: string = status === 404
    ? PROBLEM_TYPES.notFound
    : status === 400
      ? PROBLEM_TYPES.invalidParameter
      : PROBLEM_TYPES.serverError,
  headers: Record<string, string> = {},
): HttpResponse<string> {
  return new HttpResponse(JSON.stringify({ type, title, status, detail }), {
    status,
    headers: {
      'Content-Type': 'application/problem+json',
      'Cache-Control': 'no-store',
      ...headers,
    },
  });
}

/**
 * The msw path pattern for a base URL. An absolute URL is used as is. A path is resolved
 * against the page's origin in a real browser (so the service worker never answers for another
 * host that happens to use the same path); elsewhere (jsdom at http://localhost:3000, plain
 * Node, behind scripts/api-server.ts) it gets a `*` origin wildcard so that it matches any host.
 */
export function basePattern(baseUrl: string = DEFAULT_BASE_URL): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return trimmed;
  const path = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  const inBrowser =
    typeof navigator !== 'undefined' &&
    'serviceWorker' in navigator &&
    typeof location !== 'undefined' &&
    /^https?:$/.test(location.protocol);
  return inBrowser ? `${location.origin}${path}` : `*${path}`;
}

const isDataset = (s: string): s is Dataset => (DATASETS as readonly string[]).includes(s);

/** A dataset request: the records' range and filters, and how to answer (roll-up, changes). */
export interface ApiQuery extends RecordQuery {
  resolution?: RequestedResolution;
  /** Epoch ms: only what was reported after it. */
  since?: number;
  /** Aid-flow roll-ups: keep only this one of crossing and commodity, summed over the other. */
  by?: AidFlowBy | MovementsBy;
  /** Aid flow: only these commodities. */
  commodities?: readonly string[];
}

/**
 * Late reports arrive up to this many days after their day (docs/api/openapi.yaml): a range
 * that ended longer ago than that is closed, and its answer may be cached by anyone.
 */
export const LATE_REPORT_DAYS = 14;

/** The parameters of a dataset request, or the problem response that rejects them. */
export function parseQuery(url: URL, dataset?: Dataset): ApiQuery | HttpResponse<string> {
  const params = url.searchParams;
  const checked: Record<'from' | 'to', string> = { from: '', to: '' };
  for (const name of ['from', 'to'] as const) {
    const value = params.get(name);
    if (value === null || value === '')
      return problem(
        400,
        'Missing parameter',
        `The query parameter "${name}" is required: a theatre-local day as YYYY-MM-DD.`,
      );
    if (!dayString.safeParse(value).success)
      return problem(
        400,
        'Invalid parameter',
        `The query parameter "${name}" must be a calendar day as YYYY-MM-DD; got "${value.slice(0, 40)}".`,
      );
    checked[name] = value;
  }
  if (checked.from > checked.to)
    return problem(
      400,
      'Invalid range',
      `"from" (${checked.from}) must not be after "to" (${checked.to}).`,
    );
  const crossingIds = params
    .getAll('crossing')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const source = params.get('source')?.trim();
  const resolution = params.get('resolution');
  if (resolution !== null) {
    const allowed: readonly string[] = [...RESOLUTIONS, 'auto'];
    if (!allowed.includes(resolution))
      return problem(
        400,
        'Invalid parameter',
        `"resolution" must be one of ${allowed.join(', ')}; got "${resolution.slice(0, 40)}".`,
      );
    if (dataset && !isRollupDataset(dataset))
      return problem(
        400,
        'Invalid parameter',
        `"${dataset}" has no roll-ups; "resolution" applies to ${ROLLUP_DATASETS.join(', ')}.`,
      );
  }
  const by = params.get('by');
  if (by !== null) {
    const accepted =
      dataset === undefined
        ? Object.values(ROLLUP_BY).flat()
        : isRollupDataset(dataset)
          ? ROLLUP_BY[dataset]
          : undefined;
    if (!accepted || resolution === null)
      return problem(
        400,
        'Invalid parameter',
        `"by" applies to roll-ups (with "resolution") of ${Object.keys(ROLLUP_BY).join(' and ')} only.`,
      );
    if (!accepted.includes(by))
      return problem(
        400,
        'Invalid parameter',
        `"by" must be one of ${accepted.join(', ')}; got "${by.slice(0, 40)}".`,
      );
  }
  const commodities = params
    .getAll('commodity')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const unknown = commodities.find((c) => !(COMMODITIES as readonly string[]).includes(c));
  if (unknown !== undefined)
    return problem(
      400,
      'Invalid parameter',
      `"commodity" must be among ${COMMODITIES.join(', ')}; got "${unknown.slice(0, 40)}".`,
    );
  if (commodities.length && dataset && dataset !== 'aid-flow')
    return problem(400, 'Invalid parameter', '"commodity" applies to aid-flow only.');
  const sinceText = params.get('since');
  if (sinceText !== null && !instantString.safeParse(sinceText).success)
    return problem(
      400,
      'Invalid parameter',
      `"since" must be an instant with its zone, e.g. 2025-01-31T08:00:00Z; got "${sinceText.slice(0, 40)}".`,
    );
  return {
    from: checked.from,
    to: checked.to,
    ...(crossingIds.length ? { crossingIds } : {}),
    ...(source ? { sourceId: source } : {}),
    ...(resolution !== null ? { resolution: resolution as RequestedResolution } : {}),
    ...(sinceText !== null ? { since: Date.parse(sinceText) } : {}),
    ...(by !== null ? { by: by as AidFlowBy | MovementsBy } : {}),
    ...(commodities.length ? { commodities } : {}),
  };
}

/** The records a dataset request answers: carried-in observations first, then the range. */
export function datasetRecords(scenario: Scenario, dataset: Dataset, q: RecordQuery): unknown[] {
  const query = CROSSING_FILTERED.includes(dataset) ? q : { ...q, crossingIds: undefined };
  const carried = CARRY_IN_DATASETS.includes(dataset) ? scenario.carryIn(dataset, query) : [];
  const records = [...carried, ...scenario.records(dataset, query)];
  const { commodities } = q as ApiQuery;
  if (dataset !== 'aid-flow' || !commodities?.length) return records;
  // A record whose commodity cannot be read is kept: it is a bad record the client must list.
  return records.filter((raw) => {
    const c = (raw as { commodity?: unknown } | null)?.commodity;
    return (
      typeof c !== 'string' ||
      !(COMMODITIES as readonly string[]).includes(c) ||
      commodities.includes(c)
    );
  });
}

export function datasetEnvelope(
  dataset: Dataset,
  q: ApiQuery,
  data: unknown[],
  rollup?: { resolution: string; records: number; rejected: unknown[]; reportedUpTo?: string },
) {
  return {
    data,
    ...(rollup ? { rejected: rollup.rejected } : {}),
    meta: {
      dataset,
      from: q.from,
      to: q.to,
      count: data.length,
      ...(rollup
        ? {
            resolution: rollup.resolution,
            records: rollup.records,
            rejected: rollup.rejected.length,
            ...(rollup.reportedUpTo !== undefined ? { reportedUpTo: rollup.reportedUpTo } : {}),
          }
        : {}),
      ...(q.since !== undefined ? { since: new Date(q.since).toISOString() } : {}),
      generatedAt: new Date().toISOString(),
    },
  };
}

/** The answer to a dataset request: raw records, or their roll-up (with the rejects beside it). */
export function datasetAnswer(scenario: Scenario, dataset: Dataset, q: ApiQuery) {
  const raw = datasetRecords(scenario, dataset, q);
  if (q.resolution && isRollupDataset(dataset)) {
    const answer = rollupAnswer(dataset, raw, q, q.resolution, {
      timeZone: (scenario.theatre as { timeZone: string }).timeZone,
      now: Date.now(),
      ...(q.since !== undefined ? { since: q.since } : {}),
      ...(q.by !== undefined ? { shape: { by: q.by } } : {}),
    });
    return datasetEnvelope(dataset, q, answer.data, answer);
  }
  return datasetEnvelope(dataset, q, q.since !== undefined ? changedSince(raw, q.since) : raw);
}

/** FNV-1a over a string: a short validator for ETag, not a security hash. */
export function contentTag(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `"${(hash >>> 0).toString(36)}-${text.length.toString(36)}"`;
}

/**
 * Caching of a dataset answer: a range closed before the late-report window ends may be kept by
 * browsers and CDNs (an embed on a busy page must not reach the server each time); an open one
 * is revalidated each time. Both carry an ETag of their content (`generatedAt` left out), and a
 * matching `If-None-Match` gets 304.
 */
export function cachedJson(request: Request, body: { meta: object }, closed: boolean): Response {
  const etag = contentTag(
    JSON.stringify({ ...body, meta: { ...body.meta, generatedAt: undefined } }),
  );
  const headers = {
    ETag: etag,
    'Cache-Control': closed
      ? 'public, max-age=3600, s-maxage=86400, stale-while-revalidate=86400'
      : 'no-cache',
  };
  const match = request.headers.get('If-None-Match');
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag))
    return new HttpResponse(null, { status: 304, headers });
  return HttpResponse.json(body, { headers });
}

const JSON_HEADERS = { 'Cache-Control': 'no-store' };

export function createHandlers(
  options: { baseUrl?: string; scenario?: Scenario } = {},
): RequestHandler[] {
  const base = basePattern(options.baseUrl);
  let scenario = options.scenario;
  const getScenario = () => (scenario ??= createScenario());

  const guarded = (fn: () => Response): Response => {
    try {
      return fn();
    } catch (error) {
      return problem(500, 'Server error', error instanceof Error ? error.message : String(error));
    }
  };

  return [
    http.get(`${base}/health`, () =>
      HttpResponse.json(
        { status: 'ok', time: new Date().toISOString() },
        { headers: JSON_HEADERS },
      ),
    ),
    http.get(`${base}/theatre`, () =>
      guarded(() =>
        HttpResponse.json(
          { data: getScenario().theatre, meta: { generatedAt: new Date().toISOString() } },
          { headers: JSON_HEADERS },
        ),
      ),
    ),
    http.get(`${base}/:dataset`, ({ request, params }) =>
      guarded(() => {
        const name = String(params.dataset);
        if (!isDataset(name))
          return problem(
            404,
            'Not found',
            `There is no dataset "${name.slice(0, 60)}". Datasets: ${DATASETS.join(', ')}.`,
          );
        const q = parseQuery(new URL(request.url), name);
        if (q instanceof Response) return q;
        const current = getScenario();
        const closed = q.to < shiftDay(current.range().end, -LATE_REPORT_DAYS);
        return cachedJson(request, datasetAnswer(current, name, q), closed);
      }),
    ),
    http.all(`${base}/*`, ({ request }) => {
      const path = new URL(request.url).pathname;
      const known = API_PATHS.some((p) => path.endsWith(p));
      if (known && request.method !== 'GET')
        return problem(
          405,
          'Method not allowed',
          `${request.method} is not allowed here; the API is read-only (GET).`,
          PROBLEM_TYPES.methodNotAllowed,
          { Allow: 'GET' },
        );
      return problem(404, 'Not found', `Nothing here: ${path.slice(0, 120)}.`);
    }),
  ];
}

export const handlers: RequestHandler[] = createHandlers();
