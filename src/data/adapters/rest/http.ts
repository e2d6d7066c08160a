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
  // An error answer is reported by its status even if its body never arrives; a body that
  // stalls is a time-out of the whole answer (readChunks), never "not JSON".
  if (!response.ok)
    throw httpError(
      source,
      response.status,
      await readText(source, response).catch(() => ''),
      type,
    );
  const bytes = await (await readBlob(source, response)).arrayBuffer();
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

/** The time limit a request started with, so that reading its body counts against it too. */
interface Deadline {
  timeout: AbortSignal;
  caller: AbortSignal | undefined;
}
const deadlines = new WeakMap<Response, Deadline>();

/**
 * GET a URL, turning a network failure or a timeout into a SourceError; the caller reads the
 * body with readText or readBlob (same time limit) and checks the status (see httpError).
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
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: combined, headers: { accept } });
  } catch (error) {
    if (signal?.aborted) throw error; // the caller gave up; not the source's fault
    if (timeout.aborted) throw timedOut(source, 'did not answer');
    throw new SourceError(source.id, source.name, 'network', 'could not be reached');
  }
  deadlines.set(response, { timeout, caller: signal });
  return response;
}

/**
 * The body as text (UTF-8, as `Response.text()` reads it), within the time limit of the request:
 * a server that sends its headers and then stalls is a time-out, not "not JSON".
 */
export async function readText(source: Named, response: Response): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for (const chunk of await readChunks(source, response))
    text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** The body as a Blob, within the time limit of the request (see readText). */
export async function readBlob(source: Named, response: Response): Promise<Blob> {
  const type = response.headers.get('content-type') ?? '';
  return new Blob(await readChunks(source, response), { type });
}

async function readChunks(source: Named, response: Response): Promise<Uint8Array<ArrayBuffer>[]> {
  const deadline = deadlines.get(response);
  const limits = [deadline?.caller, deadline?.timeout].filter((s): s is AbortSignal => !!s);
  const stopped = () => limits.find((s) => s.aborted);
  const failure = () => {
    if (deadline?.caller?.aborted) return deadline.caller.reason as unknown;
    return timedOut(source, 'did not finish answering');
  };
  if (!response.body) return [];
  if (stopped()) throw failure();
  const reader = response.body.getReader();
  // A read pending on a stalled stream only ends when the reader is cancelled.
  const cancel = () => void reader.cancel().catch(() => undefined);
  for (const s of limits) s.addEventListener('abort', cancel, { once: true });
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
      try {
        step = await reader.read();
      } catch {
        if (stopped()) throw failure();
        throw new SourceError(
          source.id,
          source.name,
          'network',
          'stopped answering before it finished (the connection was cut)',
        );
      }
      if (stopped()) throw failure();
      if (step.done) return chunks;
      chunks.push(step.value);
    }
  } finally {
    for (const s of limits) s.removeEventListener('abort', cancel);
  }
}

function timedOut(source: Named, what: string): SourceError {
  return new SourceError(
    source.id,
    source.name,
    'timeout',
    `${what} within ${Math.round(source.timeoutMs / 1000)} s (its time limit)`,
  );
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
