import { SourceError } from '../../contract.ts';

interface Named {
  id: string;
  name: string;
  timeoutMs: number;
}

/**
 * GET a JSON document from a source. Every way it can fail becomes a SourceError that names
 * the source and says what went wrong in words an operator can act on.
 */
export async function getJson(
  source: Named,
  url: string,
  signal: AbortSignal | undefined,
  fetchImpl: typeof fetch,
): Promise<unknown> {
  const { bytes, type } = await getJsonBytes(source, url, signal, fetchImpl);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw notJson(source, type);
  }
}

/**
 * GET a JSON document's bytes, undecoded: decoding 40 MB of text is itself a long task, so a
 * large answer is decoded in the worker that parses it.
 */
export async function getJsonBytes(
  source: Named,
  url: string,
  signal: AbortSignal | undefined,
  fetchImpl: typeof fetch,
): Promise<{ bytes: ArrayBuffer; type: string }> {
  const response = await fetchFrom(source, url, signal, fetchImpl, 'application/json');
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok)
    throw httpError(source, response.status, await response.text().catch(() => ''), type);
  const bytes = await response.arrayBuffer().catch(() => new ArrayBuffer(0));
  return { bytes, type };
}

/** The error for a body that does not parse as JSON, naming the type it said it was. */
export function notJson(source: Named, type: string): SourceError {
  const what = type ? ` (${type.split(';')[0]})` : '';
  return new SourceError(
    source.id,
    source.name,
    'malformed',
    `answered something that is not JSON${what}`,
  );
}

/**
 * GET a URL, turning a network failure or a timeout into a SourceError; the caller reads the
 * body and checks the status (see httpError).
 */
export async function fetchFrom(
  source: Named,
  url: string,
  signal: AbortSignal | undefined,
  fetchImpl: typeof fetch,
  accept: string,
): Promise<Response> {
  const timeout = AbortSignal.timeout(source.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    return await fetchImpl(url, { signal: combined, headers: { accept } });
  } catch (error) {
    if (signal?.aborted) throw error; // the caller gave up; not the source's fault
    if (timeout.aborted)
      throw new SourceError(
        source.id,
        source.name,
        'timeout',
        `did not answer within ${Math.round(source.timeoutMs / 1000)} s`,
      );
    throw new SourceError(source.id, source.name, 'network', 'could not be reached');
  }
}

/** The error for a non-2xx answer, with the problem document's title and detail when there is one. */
export function httpError(source: Named, status: number, body: string, type: string): SourceError {
  return new SourceError(
    source.id,
    source.name,
    'http',
    `answered HTTP ${status}${problemDetail(body, type)}`,
    status,
  );
}

function problemDetail(body: string, type: string): string {
  if (!type.includes('json')) return '';
  try {
    const problem = JSON.parse(body) as { title?: unknown; detail?: unknown };
    const text = [problem.title, problem.detail].filter((x) => typeof x === 'string').join(': ');
    return text ? ` — ${text.slice(0, 300)}` : '';
  } catch {
    return '';
  }
}
