/**
 * The reference implementation of docs/api/openapi.yaml on the store: reads answered with SQL
 * (aid flow's roll-ups in SQL; the other roll-ups from SQL-selected records by the same domain
 * function the mock and the file worker use), observers' writes, record histories and the
 * stored data issues. A node `(req, res, next)` handler for scripts/api-server.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  API_PATHS,
  cachedJson,
  datasetEnvelope,
  LATE_REPORT_DAYS,
  parseQuery,
  problem,
  PROBLEM_TYPES,
} from '../mocks/handlers.ts';
import { rollupAnswer } from '../mocks/rollups.ts';
import { sendResponse } from '../scripts/api-server.ts';
import { isRollupDataset, resolveResolution } from '../src/domain/rollup.ts';
import { shiftDay, theatreDay } from '../src/domain/time.ts';
import { DATASETS, type Dataset } from '../src/domain/vocabulary.ts';
import type { Db } from './db.ts';
import { createRateLimiter, type RateLimits } from './rate-limit.ts';
import {
  aidFlowRollup,
  newestReportIn,
  carriedIn,
  issuesIn,
  loadTheatre,
  recordsIn,
  storedRange,
  type RecordFilter,
} from './store.ts';
import { tokenFor } from './tokens.ts';
import {
  historyOf,
  IDEMPOTENCY_KEY,
  writeCorrection,
  writeReport,
  WriteRefused,
} from './writes.ts';

export interface StoreApiOptions {
  db: Db;
  /** Mount point of the API. Default '/api/v1'. */
  base?: string;
  /** Largest request body accepted, in bytes. Default 64 KiB. */
  maxBodyBytes?: number;
  limits?: Partial<RateLimits>;
}

type Handler = (
  req: IncomingMessage & { path: string },
  res: ServerResponse,
  next: (e?: unknown) => void,
) => void;

const isDataset = (s: string): s is Dataset => (DATASETS as readonly string[]).includes(s);

interface Theatre {
  timeZone: string;
  earliestDay?: string;
  crossings: { id: string }[];
  corridors: { id: string }[];
  sources: { id: string }[];
}

export function storeApi(options: StoreApiOptions): Handler {
  const { db } = options;
  const base = (options.base ?? '/api/v1').replace(/\/+$/, '');
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const limiter = createRateLimiter(options.limits);
  let theatreCache: { at: number; value: Theatre } | undefined;
  let rangeCache: { at: number; value: { start: string; end: string } | undefined } | undefined;

  /** The store's first and last day, asked once per few seconds, not on every request. */
  async function range() {
    if (!rangeCache || Date.now() - rangeCache.at >= 5_000)
      rangeCache = { at: Date.now(), value: await storedRange(db) };
    return rangeCache.value;
  }

  /** The theatre, with every publisher that writes here listed among its sources. */
  async function theatre(): Promise<Theatre> {
    if (theatreCache && Date.now() - theatreCache.at < 5_000) return theatreCache.value;
    const stored = (await loadTheatre(db)) as Theatre | undefined;
    if (!stored) throw new StoreEmpty();
    const publishers = await db.query<{ source_id: string; name: string }>(
      'select source_id, name from publishers order by source_id',
    );
    const known = new Set(stored.sources.map((s) => s.id));
    const value = {
      ...stored,
      sources: [
        ...stored.sources,
        ...publishers.rows
          .filter((p) => !known.has(p.source_id))
          .map((p) => ({
            id: p.source_id,
            name: p.name,
            licence: 'As published by its observers',
            kind: 'observers’ reports',
            method:
              'Reports written by this publisher’s observers through the Access Monitor API, each with its report time; corrections are new versions naming the one they replace.',
            synthetic: false,
          })),
      ],
    };
    theatreCache = { at: Date.now(), value };
    return value;
  }

  async function datasetAnswer(dataset: Dataset, request: Request): Promise<Response> {
    const q = parseQuery(new URL(request.url), dataset);
    if (q instanceof Response) return q;
    const t = await theatre();
    const filter: RecordFilter = {
      from: q.from,
      to: q.to,
      ...(q.crossingIds ? { crossingIds: q.crossingIds } : {}),
      ...(q.sourceId ? { sourceId: q.sourceId } : {}),
      ...(q.commodities ? { commodities: q.commodities } : {}),
    };
    const end = (await range())?.end ?? theatreDay(Date.now(), t.timeZone);
    const closed = q.to < shiftDay(end, -LATE_REPORT_DAYS);
    let body;
    if (q.resolution && isRollupDataset(dataset)) {
      if (dataset === 'aid-flow') {
        const resolution = resolveResolution(q.resolution, q);
        const withSince = { ...filter, ...(q.since !== undefined ? { since: q.since } : {}) };
        const [rows, rejected, reportedUpTo] = await Promise.all([
          aidFlowRollup(db, withSince, resolution, q.by as 'crossing' | 'commodity' | undefined),
          issuesIn(db, dataset, withSince),
          newestReportIn(db, dataset, withSince),
        ]);
        const read = rows.reduce((n, r) => n + r.records, 0) + rejected.length;
        body = datasetEnvelope(dataset, q, rows, {
          resolution,
          records: read,
          rejected,
          ...(reportedUpTo !== undefined ? { reportedUpTo } : {}),
        });
      } else {
        const raw = [
          ...(await carriedIn(db, dataset, filter)),
          ...(await recordsIn(db, dataset, filter)),
          ...(await issuesIn(db, dataset, filter)),
        ];
        const answer = rollupAnswer(dataset, raw, q, q.resolution, {
          timeZone: t.timeZone,
          now: Date.now(),
          ...(q.since !== undefined ? { since: q.since } : {}),
          ...(q.by !== undefined ? { shape: { by: q.by } } : {}),
        });
        body = datasetEnvelope(dataset, q, answer.data, answer);
      }
    } else {
      const withSince = { ...filter, ...(q.since !== undefined ? { since: q.since } : {}) };
      const data = [
        ...(q.since === undefined ? await carriedIn(db, dataset, filter) : []),
        ...(await recordsIn(db, dataset, withSince)),
        ...(await issuesIn(db, dataset, withSince)),
      ];
      body = datasetEnvelope(dataset, q, data);
    }
    return cachedJson(request, body, closed);
  }

  async function authenticated(request: Request) {
    const header = request.headers.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match ? await tokenFor(db, match[1]!) : undefined;
    if (!token)
      throw new WriteRefused(401, 'Token needed', [
        {
          path: 'Authorization',
          message: match
            ? 'the token is unknown or was revoked'
            : 'send "Authorization: Bearer <token>" with a publisher’s token',
        },
      ]);
    const wait = limiter.take(token.id);
    if (wait > 0)
      throw new WriteRefused(
        429,
        'Too many requests',
        [{ path: '', message: `this token's rate limit is reached; retry in ${wait} s` }],
        { 'Retry-After': String(wait) },
      );
    return token;
  }

  function idempotencyKey(request: Request): string {
    const key = request.headers.get('idempotency-key') ?? '';
    if (!IDEMPOTENCY_KEY.test(key))
      throw new WriteRefused(400, 'Idempotency key needed', [
        {
          path: 'Idempotency-Key',
          message:
            'send one key per report (8–128 letters, digits, "-" or "_"), the same on every retry',
        },
      ]);
    return key;
  }

  function parseBody(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new WriteRefused(400, 'Not JSON', [
        { path: '', message: 'the body is not valid JSON' },
      ]);
    }
  }

  async function route(path: string, request: Request, body: string): Promise<Response> {
    const method = request.method;
    const parts = path.split('/').filter(Boolean);
    if (method === 'GET' && path === '/health') {
      await db.query('select 1');
      return Response.json(
        { status: 'ok', time: new Date().toISOString(), store: db.kind },
        { headers: { 'Cache-Control': 'no-store' } },
      );
    }
    if (method === 'GET' && path === '/theatre')
      return Response.json(
        { data: await theatre(), meta: { generatedAt: new Date().toISOString() } },
        { headers: { 'Cache-Control': 'no-store' } },
      );
    if (method === 'GET' && path === '/issues') return issuesList(new URL(request.url));
    if (
      parts[0] === 'records' &&
      parts.length === 3 &&
      parts[2] === 'history' &&
      method === 'GET'
    ) {
      const versions = await historyOf(db, parts[1]!);
      if (!versions.length)
        return problem(404, 'Not found', `There is no record ${parts[1]!.slice(0, 20)}.`);
      return Response.json({ data: versions }, { headers: { 'Cache-Control': 'no-store' } });
    }
    if (method === 'POST' && path === '/reports') {
      const token = await authenticated(request);
      const key = idempotencyKey(request);
      const { answer, replayed } = await writeReport(
        db,
        token,
        key,
        body,
        parseBody(body),
        await theatre(),
      );
      return written(answer, replayed);
    }
    if (
      method === 'POST' &&
      parts[0] === 'records' &&
      parts.length === 3 &&
      parts[2] === 'corrections'
    ) {
      const token = await authenticated(request);
      const key = idempotencyKey(request);
      const { answer, replayed } = await writeCorrection(
        db,
        token,
        key,
        parts[1]!,
        body,
        parseBody(body),
        await theatre(),
      );
      return written(answer, replayed);
    }
    if (parts.length === 1 && isDataset(parts[0]!) && method === 'GET')
      return datasetAnswer(parts[0] as Dataset, request);
    if (parts.length === 1 && isDataset(parts[0]!))
      return problem(
        405,
        'Method not allowed',
        `${method} is not allowed here; datasets are read with GET and written with POST ${base}/reports.`,
        PROBLEM_TYPES.methodNotAllowed,
        { Allow: 'GET' },
      );
    const known = API_PATHS.includes(path);
    if (known)
      return problem(
        405,
        'Method not allowed',
        `${method} is not allowed here.`,
        PROBLEM_TYPES.methodNotAllowed,
        { Allow: 'GET' },
      );
    return problem(404, 'Not found', `Nothing here: ${path.slice(0, 120)}.`);
  }

  function written(answer: unknown, replayed: boolean): Response {
    return Response.json(
      { data: answer },
      {
        status: replayed ? 200 : 201,
        headers: {
          'Cache-Control': 'no-store',
          ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
        },
      },
    );
  }

  async function issuesList(url: URL): Promise<Response> {
    const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get('limit') ?? 200) || 200));
    const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
    const source = url.searchParams.get('source');
    const params: unknown[] = [limit, offset];
    let filter = '';
    if (source) {
      params.push(source);
      filter = 'where i.source_id = $3';
    }
    const { rows } = await db.query(
      `select i.id::text, i.source_id as "sourceId", i.dataset, i.day::text, i.position, i.field,
         i.reason, i.reasons, i.raw, i.import_id::text as "importId", m.origin, i.stored_at as "storedAt"
       from data_issues i left join imports m on m.id = i.import_id ${filter}
       order by i.id limit $1 offset $2`,
      params,
    );
    const total = await db.query<{ n: string }>(
      `select count(*)::text as n from data_issues i ${source ? 'where i.source_id = $1' : ''}`,
      source ? [source] : [],
    );
    return Response.json(
      { data: rows, meta: { total: Number(total.rows[0]?.n ?? 0), limit, offset } },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  }

  return (req, res, next) => {
    if (!req.path.startsWith(`${base}/`) && req.path !== base) return next();
    const path = req.path.slice(base.length) || '/';
    readBody(req, maxBody)
      .then(async (body) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers))
          if (value !== undefined)
            headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url}`, {
          method: req.method ?? 'GET',
          headers,
        });
        return route(path, request, body);
      })
      .catch((error: unknown) => refusal(error))
      .then((response) => sendResponse(req, res, response), next);
  };
}

class StoreEmpty extends Error {}
class TooLarge extends Error {}

function refusal(error: unknown): Response {
  if (error instanceof WriteRefused)
    return new Response(
      JSON.stringify({
        type: `urn:access-monitor:problem:${error.status === 400 ? 'invalid-report' : 'write-refused'}`,
        title: error.title,
        status: error.status,
        detail:
          error.problems.map((p) => (p.path ? `${p.path} ${p.message}` : p.message)).join('; ') ||
          error.title,
        errors: error.problems,
      }),
      {
        status: error.status,
        headers: {
          'Content-Type': 'application/problem+json',
          'Cache-Control': 'no-store',
          ...error.headers,
        },
      },
    );
  if (error instanceof TooLarge)
    // The rest of the body is not read: the connection closes after this answer.
    return problem(413, 'Request too large', error.message, undefined, { Connection: 'close' });
  if (error instanceof StoreEmpty)
    return problem(
      503,
      'Store empty',
      'The store holds no theatre yet: start the server with --seed demo or import a theatre.',
    );
  console.error(error);
  return problem(
    500,
    'Server error',
    'The store could not answer; the error is in the server log.',
  );
}

function readBody(req: IncomingMessage, max: number): Promise<string> {
  if (req.method === 'GET' || req.method === 'HEAD') return Promise.resolve('');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) {
    req.resume();
    return Promise.reject(
      new TooLarge(`The body is ${declared} bytes; at most ${max} are accepted.`),
    );
  }
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        // Stop reading, answer 413, and let node close the connection after the answer
        // (destroying the socket here would leave the client with no answer at all).
        req.removeAllListeners('data');
        req.pause();
        fail(new TooLarge(`The body is more than ${max} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}
