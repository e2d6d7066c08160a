// @vitest-environment node
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from './handlers.ts';
import { sourceAnswersMalformed, sourceFails, sourceHangs, sourceReturns } from './overrides.ts';

const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const api = (path: string) => `http://localhost:3000/api/v1${path}`;

describe('per-test overrides', () => {
  it('sourceFails answers a problem with the status asked for', async () => {
    server.use(sourceFails('aid-flow', 503), sourceFails('theatre'));
    const res = await fetch(api('/aid-flow?from=2025-01-01&to=2025-01-01'));
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await fetch(api('/theatre'))).status).toBe(500);
    // Other endpoints go on working.
    expect((await fetch(api('/events?from=2025-01-01&to=2025-01-01'))).status).toBe(200);
  });

  it('sourceAnswersMalformed answers HTML or the wrong JSON shape', async () => {
    server.use(sourceAnswersMalformed('theatre'), sourceAnswersMalformed('aid-flow'));
    const theatre = await fetch(api('/theatre'));
    expect(theatre.headers.get('content-type')).toMatch(/text\/html/);
    expect(await (await fetch(api('/aid-flow?from=2025-01-01&to=2025-01-01'))).json()).toEqual({
      rows: 3,
    });
  });

  it('sourceHangs never answers, until the client aborts', async () => {
    server.use(sourceHangs('events'));
    const started = Date.now();
    await expect(
      fetch(api('/events?from=2025-01-01&to=2025-01-01'), { signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('sourceReturns answers exactly the records given, in the envelope', async () => {
    const records = [{ crossingId: 'rafah', status: 'half-open' }];
    server.use(sourceReturns('crossing-status', records));
    const body = await (await fetch(api('/crossing-status?from=2025-01-01&to=2025-01-02'))).json();
    expect(body.data).toEqual(records);
    expect(body.meta).toMatchObject({ dataset: 'crossing-status', from: '2025-01-01', count: 1 });
  });
});
