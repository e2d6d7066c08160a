/**
 * Per-test failures and answers for `server.use(...)`: a source that is down, answers the
 * wrong shape, never answers, or returns exactly the records a test needs.
 *
 *   server.use(sourceFails('aid-flow', 503));
 *   server.use(sourceReturns('crossing-status', [record]));
 */
import { HttpResponse, http, type RequestHandler } from 'msw';
import type { Dataset } from '../src/domain/vocabulary.ts';
import { basePattern, parseQuery, problem } from './handlers.ts';

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

/** The source answers exactly these records (valid or not) in a proper envelope. */
export function sourceReturns(
  dataset: Dataset,
  records: unknown[],
  options?: OverrideOptions,
): RequestHandler {
  return http.get(path(dataset, options), ({ request }) => {
    const q = parseQuery(new URL(request.url));
    const { from, to } = q instanceof Response ? { from: '', to: '' } : q;
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
