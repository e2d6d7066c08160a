/**
 * Per-test failures and answers for `server.use(...)`: a source that is down, answers the
 * wrong shape, never answers, or returns exactly the records a test needs.
 *
 *   server.use(sourceFails('aid-flow', 503));
 *   server.use(sourceReturns('crossing-status', [record]));
 */
import { HttpResponse, http, type RequestHandler } from 'msw';
import type { Dataset } from '../src/domain/vocabulary.ts';
import { basePattern, datasetEnvelope, parseQuery, problem } from './handlers.ts';
import { isRollupDataset, rollupAnswer } from './rollups.ts';

export type Target = Dataset | 'theatre';
export interface OverrideOptions {
  /** Base URL of the API, as given to createHandlers. Default '/api/v1'. */
  baseUrl?: string;
}

const path = (target: Target, options?: OverrideOptions) =>
  `${basePattern(options?.baseUrl)}/${target}`;

/** The source answers with an HTTP error (problem+json). */
export function sourceFails(
  target: Target,
  status = 500,
  options?: OverrideOptions,
): RequestHandler {
  return http.get(path(target, options), () =>
    problem(status, 'Source failure', `Simulated failure of ${target} (HTTP ${status}).`),
  );
}

/**
 * The source answers 200 with the wrong shape: an HTML page (as from a captive portal or a
 * misconfigured proxy) or JSON that is not the envelope (`{"rows": 3}`).
 * Default: HTML for the theatre, wrong JSON for datasets.
 */
export function sourceAnswersMalformed(
  target: Target,
  kind: 'html' | 'json' = target === 'theatre' ? 'html' : 'json',
  options?: OverrideOptions,
): RequestHandler {
  return http.get(path(target, options), () =>
    kind === 'html'
      ? HttpResponse.html(
          '<!doctype html><html><head><title>Sign in</title></head><body><h1>Please sign in to use this network</h1></body></html>',
        )
      : HttpResponse.json({ rows: 3 }),
  );
}

/** The source never answers (until the request is aborted). */
export function sourceHangs(target: Target, options?: OverrideOptions): RequestHandler {
  return http.get(path(target, options), async ({ request }) => {
    // Never answers; settles only when the client gives up, so nothing is left pending.
    await new Promise<void>((resolve) => {
      if (request.signal.aborted) resolve();
      request.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    return new HttpResponse(null, { status: 504 });
  });
}

/**
 * The source answers exactly these records (valid or not) in a proper envelope. Asked for a
 * roll-up (`resolution=`), it answers as the API does: the roll-up of the valid ones over the
 * range asked, the invalid ones beside it — or, with `ignoresRange`, over the records' own days,
 * as a faulty server that answers rows for buckets it was not asked about.
 */
export function sourceReturns(
  dataset: Dataset,
  records: unknown[],
  options?: OverrideOptions & { ignoresRange?: boolean },
): RequestHandler {
  return http.get(path(dataset, options), ({ request }) => {
    const q = parseQuery(new URL(request.url), dataset);
    const { from, to } = q instanceof Response ? { from: '', to: '' } : q;
    if (!(q instanceof Response) && q.resolution && isRollupDataset(dataset)) {
      const days = records
        .map((r) => (r as { date?: unknown } | null)?.date)
        .filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))
        .sort();
      const range =
        options?.ignoresRange && days.length ? { from: days[0]!, to: days.at(-1)! } : { from, to };
      // The filters a server applies, as the API states them (rollUpDataset).
      const answer = rollupAnswer(dataset, records, range, q.resolution, {
        timeZone: 'Asia/Gaza',
        now: Date.now(),
        shape: {
          ...(q.by ? { by: q.by } : {}),
          ...(q.crossingIds ? { crossingIds: q.crossingIds } : {}),
          ...(q.commodities ? { commodities: q.commodities } : {}),
        },
      });
      return HttpResponse.json(datasetEnvelope(dataset, q, answer.data, answer));
    }
    return HttpResponse.json({
      data: records,
      meta: { dataset, from, to, count: records.length, generatedAt: new Date().toISOString() },
    });
  });
}

/** The theatre endpoint answers this theatre (valid or not). */
export function theatreReturns(theatre: unknown, options?: OverrideOptions): RequestHandler {
  return http.get(path('theatre', options), () =>
    HttpResponse.json({ data: theatre, meta: { generatedAt: new Date().toISOString() } }),
  );
}
