// @vitest-environment node
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './api-server.ts';

const INDEX =
  '<!doctype html><html><head><title>Access Monitor</title></head><body><div id="root"></div></body></html>';
const CONFIG = { defaultSource: 'api', sources: [{ id: 'api', adapter: 'rest', url: '/api/v1' }] };

/** A raw GET, so that we see Content-Encoding as sent (fetch decodes it). */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((done, fail) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', fail)
      .end();
  });
}

describe('the API server', () => {
  let server: RunningServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'access-monitor-static-'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'config.json'), '{"from":"file"}');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'assets', 'app-abc123.js'),
      `console.log(${JSON.stringify('x'.repeat(4000))});\n`,
    );
    server = await startServer({
      port: 0,
      staticDir: dir,
      config: CONFIG,
      scenario: { end: '2025-12-31', now: '2026-01-15T00:00:00Z' },
    });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on a random port of 127.0.0.1', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers /api/v1/health with CORS headers', async () => {
    const res = await fetch(`${server.url}/api/v1/health`, {
      headers: { Origin: 'https://elsewhere.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = await res.json();
    expect(body.status).toBe('ok');
    expect(Number.isNaN(Date.parse(body.time))).toBe(false);
  });

  it('answers CORS preflight requests', async () => {
    const res = await fetch(`${server.url}/api/v1/aid-flow`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://elsewhere.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('if-none-match');
  });

  it('answers /api/v1/aid-flow over real HTTP', async () => {
    const res = await fetch(
      `${server.url}/api/v1/aid-flow?from=2025-06-01&to=2025-06-07&crossing=kerem-shalom`,
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.meta).toMatchObject({
      dataset: 'aid-flow',
      from: '2025-06-01',
      to: '2025-06-07',
      count: body.data.length,
    });
    expect(body.data.length).toBeGreaterThan(20);
    expect(body.data.every((r: { crossingId: string }) => r.crossingId === 'kerem-shalom')).toBe(
      true,
    );
  });

  it('answers a monthly roll-up of a closed period that a CDN may keep, and 304 to its ETag', async () => {
    const url = `${server.url}/api/v1/aid-flow?from=2025-01-01&to=2025-03-31&resolution=month`;
    const first = await rawGet(url, { 'Accept-Encoding': 'gzip' });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/); // gzipped: the same content, other bytes
    const body = JSON.parse(gunzipSync(first.body).toString('utf8'));
    expect(body.meta).toMatchObject({ resolution: 'month', count: body.data.length });
    expect(new Set(body.data.map((row: { bucket: string }) => row.bucket))).toEqual(
      new Set(['2025-01-01', '2025-02-01', '2025-03-01']),
    );
    const again = await rawGet(url, { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('answers bad parameters with a 400 problem, unknown API paths with a 404 problem', async () => {
    const bad = await fetch(`${server.url}/api/v1/aid-flow?from=2025-02-30&to=2025-03-01`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect(await bad.json()).toMatchObject({ status: 400, title: 'Invalid parameter' });
    const missing = await fetch(`${server.url}/api/v2/aid-flow`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
  });

  it('serves the app with SPA fallback, and the given config as /config.json', async () => {
    const wall = await fetch(`${server.url}/wall`, { headers: { Accept: 'text/html' } });
    expect(wall.status).toBe(200);
    expect(wall.headers.get('content-type')).toMatch(/text\/html/);
    expect(wall.headers.get('cache-control')).toBe('no-cache');
    expect(await wall.text()).toBe(INDEX);

    const config = await fetch(`${server.url}/config.json`);
    expect(config.headers.get('cache-control')).toBe('no-cache');
    expect(await config.json()).toEqual(CONFIG);

    expect((await fetch(`${server.url}/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('gzips text when asked, caches hashed assets for a year and revalidates with ETags', async () => {
    const gz = await rawGet(`${server.url}/assets/app-abc123.js`, {
      'Accept-Encoding': 'gzip, deflate',
    });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(gz.body).toString()).toContain('console.log');
    const plain = await rawGet(`${server.url}/assets/app-abc123.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(gz.body.length);
    const again = await rawGet(`${server.url}/assets/app-abc123.js`, {
      'If-None-Match': String(plain.headers.etag),
    });
    expect(again.status).toBe(304);
  });

  it('sends the app with a strict CSP, nosniff, no referrer, and framing only for embeds', async () => {
    for (const path of ['/', '/wall', '/data', '/missing.js', '/assets/app-abc123.js']) {
      const res = await fetch(`${server.url}${path}`, { headers: { Accept: 'text/html' } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self';");
      expect(csp, path).toContain("connect-src 'self';");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    const embed = await fetch(`${server.url}/embed/aid-flow?period=30d`, {
      headers: { Accept: 'text/html' },
    });
    expect(await embed.text()).toBe(INDEX);
    expect(embed.headers.get('content-security-policy')).toMatch(/frame-ancestors \*$/);
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const api = await fetch(`${server.url}/api/v1/health`);
    expect(api.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets the app connect to the configured sources’ origins, following config.json', async () => {
    const other = await startServer({ port: 0, staticDir: dir });
    const connectSrc = async () =>
      /connect-src ([^;]*)/.exec(
        (await fetch(`${other.url}/`)).headers.get('content-security-policy') ?? '',
      )?.[1];
    try {
      writeFileSync(
        join(dir, 'config.json'),
        JSON.stringify({
          sources: [
            { id: 'a', url: 'https://data.example.org/api/v1' },
            { id: 'b', url: 'data:application/json,{}' },
          ],
        }),
      );
      expect(await connectSrc()).toBe("'self' https://data.example.org");
      writeFileSync(
        join(dir, 'config.json'),
        JSON.stringify({ sources: [{ id: 'c', url: 'https://ckan.example.net/api/3' }] }),
      );
      expect(await connectSrc()).toBe("'self' https://ckan.example.net");
      writeFileSync(join(dir, 'config.json'), '{ not json');
      expect(await connectSrc()).toBe("'self'");
    } finally {
      writeFileSync(join(dir, 'config.json'), '{"from":"file"}');
      await other.close();
    }
  });

  it('serves config.json from the static dir when none is given, and no app without staticDir', async () => {
    const other = await startServer({ port: 0, staticDir: dir });
    try {
      expect(await (await fetch(`${other.url}/config.json`)).json()).toEqual({ from: 'file' });
    } finally {
      await other.close();
    }
    const bare = await startServer({ port: 0 });
    try {
      expect((await fetch(`${bare.url}/wall`)).status).toBe(404);
      expect((await fetch(`${bare.url}/api/v1/health`)).status).toBe(200);
    } finally {
      await bare.close();
    }
  });
});
