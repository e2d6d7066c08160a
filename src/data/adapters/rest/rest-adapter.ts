import { abortable } from '../../../lib/abortable.ts';
import { dateBounds } from '../../../domain/date-bounds.ts';
import { isReasonCode, type Reason } from '../../../domain/reasons.ts';
import type { DataIssue, DateContext } from '../../../domain/validate.ts';
import { DATASETS, type Dataset } from '../../../domain/vocabulary.ts';
import type { SourceConfig } from '../../config.ts';
import {
  SourceError,
  type DataSourceAdapter,
  type QueryRequest,
  type QueryResult,
  type RollupRequest,
  type RollupResult,
  type TheatreResult,
} from '../../contract.ts';
import type { RollupDataset, RollupRow } from '../../../domain/rollup.ts';
import { ROLLUP_BY } from '../../../domain/rollup-datasets.ts';
import { getJson, getJsonBytes, notJson } from './http.ts';
import type { AnswerRequest } from './answer.ts';
import { readAnswerOffThread } from './read-answer.ts';
import { validateTheatre } from './theatre.ts';
import { LICENCE_PER_PUBLISHER } from '../../../domain/licence.ts';

/**
 * Used for date bounds when the theatre cannot be read: the zone whose day begins first
 * (UTC+14), so that no record dated today anywhere on Earth is turned away.
 */
const EARLIEST_ZONE = 'Etc/GMT-14';

/**
 * The project's own HTTP API (docs/api/openapi.yaml); the demo is this adapter in front of
 * the mock server. Records are validated one by one: bad ones come back as issues.
 */
export function createRestAdapter(
  source: Pick<
    SourceConfig,
    'id' | 'name' | 'url' | 'timeoutMs' | 'attribution' | 'licence' | 'method' | 'demo'
  >,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  /** The clock date bounds are computed from (tests pin it). */
  now: () => number = () => Date.now(),
): DataSourceAdapter {
  const base = new URL(
    source.url.endsWith('/') ? source.url : `${source.url}/`,
    globalThis.location?.href ?? 'http://localhost/',
  );
  const endpoint = (path: string, params: Record<string, string | undefined> = {}) => {
    const url = new URL(path, base);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
    return url.href;
  };
  const wrongShape = (what: string) =>
    new SourceError(source.id, source.name, 'malformed', `answered an unexpected shape: ${what}`);

  // The theatre says in which zone days are cut and from which day records are accepted.
  // One read at a time is shared by the theatre query and any dataset query waiting for it.
  let facts: { timeZone: string; earliestDay?: string } | undefined;
  let theatreLoad: Promise<TheatreResult> | undefined;
  const loadTheatre = () =>
    (theatreLoad ??= (async () => {
      const { theatre, issues } = validateTheatre(
        source,
        await getJson(source, endpoint('theatre'), undefined, fetchImpl),
      );
      facts = { timeZone: theatre.timeZone, earliestDay: theatre.earliestDay };
      return { sourceId: source.id, theatre, issues, fetchedAt: new Date().toISOString() };
    })().finally(() => {
      theatreLoad = undefined;
    }));
  const dates = async (): Promise<DateContext> => {
    if (!facts) await loadTheatre().catch(() => undefined);
    const timeZone = facts?.timeZone ?? EARLIEST_ZONE;
    return { timeZone, bounds: dateBounds(now(), timeZone, facts?.earliestDay) };
  };

  /** GET an answer and read it (in the answer worker when large), with the date bounds. */
  const fetchAndRead = async <D extends Dataset>(
    url: string,
    signal: AbortSignal | undefined,
    read: Omit<AnswerRequest, 'body' | 'sourceId' | 'dates'> & { dataset: D },
  ) => {
    const [context, answer] = await Promise.all([
      dates(),
      getJsonBytes(source, url, signal, fetchImpl),
    ]);
    const result = await readAnswerOffThread({
      ...read,
      body: answer.bytes,
      sourceId: source.id,
      dates: context,
    });
    return { result, type: answer.type };
  };

  return {
    sourceId: source.id,

    describe: () => ({
      name: source.name,
      adapter: 'rest',
      attribution: source.attribution ?? source.name,
      licence: source.licence ?? LICENCE_PER_PUBLISHER,
      synthetic: source.demo,
      capabilities: DATASETS,
      ...(source.method ? { method: source.method } : {}),
    }),

    theatre: (signal) => (signal ? abortable(loadTheatre(), signal) : loadTheatre()),

    async query<D extends Dataset>(request: QueryRequest<D>): Promise<QueryResult<D>> {
      const url = endpoint(request.dataset, {
        from: request.from,
        to: request.to,
        crossing: request.crossingIds?.length ? request.crossingIds.join(',') : undefined,
      });
      const { result: read, type } = await fetchAndRead(url, request.signal, {
        dataset: request.dataset,
        asked: { from: request.from, to: request.to, crossingIds: request.crossingIds },
      });
      if (!read.ok)
        throw read.problem === 'not-json'
          ? notJson(source, type)
          : wrongShape('expected a list of records under "data"');
      return {
        sourceId: source.id,
        dataset: request.dataset,
        records: read.records,
        issues: read.issues,
        received: read.received,
        outsideRange: read.outsideRange,
        fetchedAt: new Date().toISOString(),
      };
    },

    async rollup<D extends RollupDataset>(request: RollupRequest<D>): Promise<RollupResult<D>> {
      const list = (ids?: readonly string[]) => (ids?.length ? ids.join(',') : undefined);
      const url = endpoint(request.dataset, {
        from: request.from,
        to: request.to,
        resolution: request.resolution,
        by: ROLLUP_BY[request.dataset] ? request.by : undefined,
        crossing: list(request.crossingIds),
        commodity: request.dataset === 'aid-flow' ? list(request.commodities) : undefined,
      });
      const { result: read, type } = await fetchAndRead(url, request.signal, {
        dataset: request.dataset,
        rollup: { resolution: request.resolution },
        asked: { from: request.from, to: request.to },
      });
      if (!read.ok)
        throw read.problem === 'not-json'
          ? notJson(source, type)
          : wrongShape(
              read.problem === 'wrong-resolution'
                ? `a roll-up at another resolution than the ${request.resolution} asked for`
                : 'expected a list of roll-up rows under "data"',
            );
      return {
        sourceId: source.id,
        dataset: request.dataset,
        resolution: request.resolution,
        rows: read.records as unknown as RollupRow<D>[],
        issues: read.issues,
        received: read.received,
        outsideRange: read.outsideRange,
        records: read.sourceRecords ?? read.records.length,
        ...(read.reportedUpTo !== undefined ? { reportedUpTo: read.reportedUpTo } : {}),
        fetchedAt: new Date().toISOString(),
      };
    },

    async storedIssues(signal) {
      // Only the reference server keeps rejects (its /health names its store); asking any
      // other implementation would be a 404 in the console.
      const health = (await getJson(source, endpoint('health'), signal, fetchImpl)) as {
        store?: unknown;
      };
      if (typeof health?.store !== 'string') return [];
      const issues: DataIssue[] = [];
      for (let offset = 0; offset < MAX_STORED_ISSUES; offset += STORED_ISSUES_PAGE) {
        const page = (await getJson(
          source,
          endpoint('issues', { limit: String(STORED_ISSUES_PAGE), offset: String(offset) }),
          signal,
          fetchImpl,
        )) as { data?: unknown; meta?: { total?: unknown } };
        const rows = Array.isArray(page?.data) ? page.data : [];
        issues.push(...rows.flatMap((row) => storedIssue(row, source.id)));
        if (rows.length < STORED_ISSUES_PAGE) break;
      }
      return issues;
    },

    async testConnection(signal) {
      const started = performance.now();
      try {
        await getJson(source, endpoint('health'), signal, fetchImpl);
        return {
          ok: true,
          message: 'answered',
          latencyMs: Math.round(performance.now() - started),
        };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

const STORED_ISSUES_PAGE = 1000;
/** Listed at most (a server holding more says how many in its own /issues). */
const MAX_STORED_ISSUES = 50_000;

/** One stored issue as the dashboard lists it; a row it cannot read is skipped. */
function storedIssue(row: unknown, fallbackSource: string): DataIssue[] {
  const r = row as Record<string, unknown> | null;
  if (!r || typeof r.id !== 'string' || typeof r.reason !== 'string') return [];
  const dataset =
    typeof r.dataset === 'string' && (DATASETS as readonly string[]).includes(r.dataset)
      ? (r.dataset as Dataset)
      : 'theatre';
  const reasons = Array.isArray(r.reasons)
    ? (r.reasons as Reason[]).filter(
        (x) => x && isReasonCode(x.code) && (x.field === undefined || typeof x.field === 'string'),
      )
    : [];
  return [
    {
      sourceId: typeof r.sourceId === 'string' ? r.sourceId.slice(0, 80) : fallbackSource,
      dataset,
      position: typeof r.position === 'number' ? r.position : 0,
      record: `stored:${r.id.slice(0, 40)}`,
      field: typeof r.field === 'string' ? r.field.slice(0, 200) : '',
      reason: r.reason.slice(0, 2000),
      reasons,
      raw: r.raw ?? null,
    },
  ];
}
