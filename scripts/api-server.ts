/**
 * The mock REST API as a real HTTP server: the same MSW handlers as the in-browser demo, served
 * by express through msw's getResponse, optionally with a built app (dist/) on the same
 * origin.
 *
 *   npm run api                                   # http://127.0.0.1:8787/api/v1
 *   npm run api -- --port 9000 --static dist --config config.json
 *
 * The API sends CORS headers (Access-Control-Allow-Origin: *), so a dashboard on another origin
 * can use it. Static files are gzipped on the fly when the client accepts it; hashed assets under
 * /assets/ are cached for a year, index.html and config.json are revalidated every time.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { getResponse } from 'msw';
import { createHandlers, problem } from '../mocks/handlers.ts';
import { createScenario, type ScenarioOptions } from '../mocks/scenario/index.ts';
import { apiSecurityHeaders, appSecurityHeaders, type Headers } from './security-headers.ts';

export interface ServerOptions {
  /** 0 = a random free port. Default 0. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** When set, serve this built app on the same origin, with SPA fallback to index.html. */
  staticDir?: string;
  /** When set, served as /config.json instead of the file in staticDir. */
  config?: unknown;
  scenario?: ScenarioOptions;
  /**
   * The API to serve instead of the mock: a node handler for paths under /api/ (the store's,
   * server/api.ts). Without it, the MSW handlers answer from the scenario in memory.
   */
  api?: (req: Req, res: Res, next: Next) => void;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:43123 */
  url: string;
  close(): Promise<void>;
}

export type Req = IncomingMessage & { path: string; method: string; url: string };
export type Res = ServerResponse;
export type Next = (error?: unknown) => void;
interface ExpressApp {
  (req: IncomingMessage, res: ServerResponse): void;
  disable(setting: string): void;
  use(handler: (req: Req, res: Res, next: Next) => void): void;
  listen(port: number, host: string, callback: () => void): Server;
}

// express has no bundled types here (no @types/express): the little used is typed above.
const require = createRequire(import.meta.url);
const express = require('express') as () => ExpressApp;

const API_PREFIX = '/api/';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.pbf': 'application/x-protobuf',
  '.pmtiles': 'application/octet-stream',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE =
  /^(text\/|application\/(json|geo\+json|manifest\+json|x-protobuf|wasm)|image\/svg)/;

interface Prepared {
  body: Buffer;
  gzip: Buffer | undefined;
  etag: string;
  type: string;
  mtimeMs: number;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');

  // CORS on the API, and answers to preflight requests.
  app.use((req, res, next) => {
    if (!req.path.startsWith(API_PREFIX)) return next();
    setHeaders(res, apiSecurityHeaders());
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader(
      'Access-Control-Expose-Headers',
      'Content-Type, Cache-Control, ETag, Retry-After, Idempotent-Replayed',
    );
    if (req.method === 'OPTIONS') {
      res.setHeader(
        'Access-Control-Allow-Methods',
        options.api ? 'GET, POST, OPTIONS' : 'GET, OPTIONS',
      );
      res.setHeader(
        'Access-Control-Allow-Headers',
        String(req.headers['access-control-request-headers'] ?? 'Accept, Content-Type'),
      );
      res.setHeader('Access-Control-Max-Age', '86400');
      res.statusCode = 204;
      res.end();
      return;
    }
    next();
  });

  // The API: the store's, or the MSW handlers on the scenario.
  if (options.api) app.use(options.api);
  const scenario = options.api ? undefined : createScenario(options.scenario);
  const handlers = scenario ? createHandlers({ scenario }) : [];
  app.use((req, res, next) => {
    if (!req.path.startsWith(API_PREFIX) || !scenario) return next();
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    const request = new Request(`http://${req.headers.host ?? host}${req.url}`, {
      method: req.method,
      headers,
    });
    getResponse(handlers, request)
      .then(
        (response) =>
          response ?? problem(404, 'Not found', `Nothing here: ${req.path.slice(0, 120)}.`),
      )
      .then((response) => sendResponse(req, res, response))
      .catch(next);
  });

  // config.json and the static app.
  const configPrepared =
    options.config === undefined
      ? undefined
      : prepare(Buffer.from(JSON.stringify(options.config, null, 2)), CONTENT_TYPES['.json']!, 0);
  const root = options.staticDir ? resolve(options.staticDir) : undefined;
  const cache = new Map<string, Prepared>();
  // The CSP's connect-src follows the config the app is served with (the file may change).
  const configNow = (): Prepared | undefined =>
    configPrepared ?? (root ? readPrepared(join(root, 'config.json'), cache) : undefined);
  const parsedConfigs = new Map<string, unknown>();
  const currentConfig = (): unknown => {
    const prepared = configNow();
    if (!prepared) return undefined;
    if (!parsedConfigs.has(prepared.etag)) {
      parsedConfigs.clear();
      parsedConfigs.set(prepared.etag, parseJson(prepared.body));
    }
    return parsedConfigs.get(prepared.etag);
  };

  app.use((req, res) => {
    setHeaders(res, appSecurityHeaders(req.path, currentConfig()));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end();
      return;
    }
    if (req.path === '/config.json' && configPrepared) {
      return sendPrepared(req, res, configPrepared, 'no-cache');
    }
    if (!root) return notFound(res);
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return notFound(res);
    }
    const file = resolve(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return notFound(res);
    const found = readPrepared(file, cache);
    if (found) return sendPrepared(req, res, found, cacheControl(path));
    // SPA fallback: paths without a file extension are routes of the app.
    const last = path.split('/').pop() ?? '';
    if (!last.includes('.') && acceptsHtml(req)) {
      const index = readPrepared(join(root, 'index.html'), cache);
      if (index) return sendPrepared(req, res, index, 'no-cache');
    }
    notFound(res);
  });

  const server = await new Promise<Server>((done, fail) => {
    const s = app.listen(options.port ?? 0, host, () => done(s));
    s.once('error', fail);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections?.();
      }),
  };
}

function setHeaders(res: Res, headers: Headers): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function cacheControl(path: string): string {
  if (path.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

function acceptsHtml(req: IncomingMessage): boolean {
  const accept = String(req.headers.accept ?? '*/*');
  return accept.includes('text/html') || accept.includes('*/*');
}

function notFound(res: Res): void {
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end('Not found\n');
}

function prepare(body: Buffer, type: string, mtimeMs: number): Prepared {
  const gzip =
    COMPRESSIBLE.test(type) && body.length > 512 ? gzipSync(body, { level: 9 }) : undefined;
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
  return { body, gzip: gzip && gzip.length < body.length ? gzip : undefined, etag, type, mtimeMs };
}

function readPrepared(file: string, cache: Map<string, Prepared>): Prepared | undefined {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return undefined;
  }
  if (!stat.isFile()) return undefined;
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.body.length === stat.size) return cached;
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const prepared = prepare(readFileSync(file), type, stat.mtimeMs);
  cache.set(file, prepared);
  return prepared;
}

function sendPrepared(req: IncomingMessage, res: Res, p: Prepared, cache: string): void {
  res.setHeader('Content-Type', p.type);
  res.setHeader('Cache-Control', cache);
  res.setHeader('Vary', 'Accept-Encoding');
  const gz = p.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const etag = gz ? `${p.etag.slice(0, -1)}-gz"` : p.etag;
  res.setHeader('ETag', etag);
  if (req.headers['if-none-match'] === etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const body = gz ? p.gzip! : p.body;
  if (gz) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', String(body.length));
  res.statusCode = 200;
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Send a handler's Response, gzipped when the client accepts it (API bodies are large JSON). */
export async function sendResponse(
  req: IncomingMessage,
  res: Res,
  response: Response,
): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  const body = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.setHeader('Vary', 'Accept-Encoding');
  if (accepts && COMPRESSIBLE.test(type) && body.length > 512) {
    const gz = gzipSync(body, { level: 6 });
    // The handler's ETag names the content, not these bytes: weak, as for any re-encoding.
    const etag = response.headers.get('etag');
    if (etag && !etag.startsWith('W/')) res.setHeader('ETag', `W/${etag}`);
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', gz.length);
    res.end(gz);
  } else {
    res.setHeader('Content-Length', body.length);
    res.end(body);
  }
}

function parseArgs(argv: string[]): ServerOptions {
  const options: ServerOptions = { port: 8787 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    switch (name) {
      case '--port':
        options.port = Number(value());
        if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
          throw new Error(`--port must be a port number, got ${options.port}`);
        break;
      case '--host':
        options.host = value();
        break;
      case '--static':
        options.staticDir = value();
        break;
      case '--config':
        options.config = JSON.parse(readFileSync(value(), 'utf8'));
        break;
      case '--seed':
        options.scenario = { ...options.scenario, seed: Number(value()) };
        break;
      case '--scale':
        // Load tests: ~this many times the records (see mocks/scenario/scale.ts).
        options.scenario = { ...options.scenario, scale: Number(value()) };
        break;
      case '--help':
      case '-h':
        console.log(
          'Usage: npm run api -- [--port 8787] [--host 127.0.0.1] [--static dist] [--config config.json] [--seed 2720] [--scale 1]',
        );
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option ${arg} (try --help)`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const server = await startServer(options);
  console.log(`Access Monitor API on ${server.url}/api/v1`);
  if (options.staticDir) console.log(`Serving ${options.staticDir} on ${server.url}/`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
