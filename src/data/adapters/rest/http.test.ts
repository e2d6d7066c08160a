// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTheatreJson } from '../../../../test/adapters/theatre.ts';
import { parseConfig } from '../../config.ts';
import { SourceError } from '../../contract.ts';
import { createCkanAdapter } from '../ckan/ckan-adapter.ts';
import { createHxlAdapter } from '../hxl/hxl-adapter.ts';
import { createStaticAdapter } from '../static/static-adapter.ts';
import { createRestAdapter } from './rest-adapter.ts';
import { getJson } from './http.ts';

const source = { id: 'feed', name: 'Test feed', timeoutMs: 1000 };

/** Headers at once, then the first bytes of a JSON body, then nothing, ever. */
function stalled(): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"data":[{"crossingId":'));
    },
  });
  return new Response(stream, { headers: { 'content-type': 'application/json' } });
}

describe('reading an answer within the time limit', () => {
  it('calls a body that stalls after the headers a time-out, not "not JSON"', async () => {
    const started = Date.now();
    const failure = getJson(source, 'https://api.example.org/v1/events', undefined, () =>
      Promise.resolve(stalled()),
    );
    await expect(failure).rejects.toBeInstanceOf(SourceError);
    await expect(failure).rejects.toMatchObject({
      kind: 'timeout',
      message: 'Test feed: did not finish answering within 1 s (its time limit)',
    });
    // One limit for headers and body together, not a fresh one for the body.
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('says so through the REST adapter, whose panels offer the retry', async () => {
    const adapter = createRestAdapter(
      { ...source, url: 'https://api.example.org/v1', demo: false },
      () => Promise.resolve(stalled()),
    );
    await expect(
      adapter.query({ dataset: 'events', from: '2025-03-01', to: '2025-03-01' }),
    ).rejects.toThrow('Test feed: did not finish answering within 1 s');
  });

  it('calls a body cut off half-way a network failure, not "not JSON"', async () => {
    const cut = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"data":['));
        controller.error(new TypeError('terminated'));
      },
    });
    await expect(
      getJson(source, 'https://api.example.org/v1/events', undefined, () =>
        Promise.resolve(new Response(cut)),
      ),
    ).rejects.toMatchObject({
      kind: 'network',
      message: 'Test feed: stopped answering before it finished (the connection was cut)',
    });
  });

  it('passes on the caller giving up, which is not the source’s fault', async () => {
    const caller = new AbortController();
    const failure = getJson(source, 'https://api.example.org/v1/events', caller.signal, () =>
      Promise.resolve(stalled()),
    );
    caller.abort();
    await expect(failure).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('still reads a body that arrives in pieces, split inside a character', async () => {
    const bytes = new TextEncoder().encode('{"name":"غزة"}');
    const pieces = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 3) controller.enqueue(bytes.subarray(i, i + 3));
        controller.close();
      },
    });
    expect(
      await getJson(source, 'https://api.example.org/x', undefined, () =>
        Promise.resolve(new Response(pieces)),
      ),
    ).toEqual({ name: 'غزة' });
  });

  it.each([
    ['an HXL file', { adapter: 'hxl', url: 'https://files.example.org/aid.csv' }],
    ['a CKAN page', { adapter: 'ckan', url: 'https://files.example.org', resourceId: 'r' }],
    ['a static snapshot', { adapter: 'static', url: 'https://files.example.org/snap/' }],
  ])('says the same of %s', async (_label, options) => {
    const config = parseConfig({
      defaultSource: 'x',
      sources: [
        {
          id: 'x',
          name: 'Files',
          theatreUrl: 'https://files.example.org/theatre.json',
          timeoutMs: 1000,
          ...options,
        },
      ],
    }).sources[0]!;
    // The theatre answers at once; the data stall after their headers.
    const fetchImpl: typeof fetch = (input) =>
      Promise.resolve(
        /theatre\.json$/.test(String(input))
          ? new Response(JSON.stringify({ data: demoTheatreJson }))
          : stalled(),
      );
    const adapter =
      config.adapter === 'hxl'
        ? createHxlAdapter(config, fetchImpl)
        : config.adapter === 'ckan'
          ? createCkanAdapter(config, fetchImpl)
          : config.adapter === 'static'
            ? createStaticAdapter(config, fetchImpl)
            : undefined;
    await expect(
      adapter!.query({ dataset: 'aid-flow', from: '2025-03-01', to: '2025-03-01' }),
    ).rejects.toThrow('Files: did not finish answering within 1 s (its time limit)');
  });

  describe('against a real server that stalls', () => {
    let server: Server;
    let base = '';
    beforeAll(async () => {
      server = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"data":[');
        // …and never ends.
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('gives up on the body when the time limit passes', async () => {
      await expect(
        getJson(source, `${base}/events`, undefined, (input, init) => fetch(input, init)),
      ).rejects.toMatchObject({
        kind: 'timeout',
        message: 'Test feed: did not finish answering within 1 s (its time limit)',
      });
    });
  });
});
