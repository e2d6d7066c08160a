import { describe, expect, it } from 'vitest';
import { pathsInHtml, precachePlan, workerSource } from './offline-worker.ts';

const text = (s: string) => new TextEncoder().encode(s);

const INDEX = `<!doctype html><html><head>
<link rel="icon" href="/favicon.svg" type="image/svg+xml" />
<link rel="manifest" href="/manifest.webmanifest" />
<link rel="apple-touch-icon" href="/icons/apple-touch-icon-180.png" />
<link rel="preload" href="/config.json" as="fetch" crossorigin="anonymous" />
<script type="module" crossorigin src="/assets/index-AAAA.js"></script>
<link rel="modulepreload" crossorigin href="/assets/jsx-runtime-BBBB.js">
<link rel="stylesheet" crossorigin href="/assets/index-CCCC.css">
<a href="//elsewhere.example/x">not ours</a>
</head><body></body></html>`;

function dist(overrides: Record<string, string> = {}): Map<string, Uint8Array> {
  const files: Record<string, string> = {
    '/index.html': INDEX,
    '/config.json': '{}',
    '/favicon.svg': '<svg/>',
    '/manifest.webmanifest': '{}',
    '/icons/apple-touch-icon-180.png': 'png',
    '/icons/icon-192.png': 'png',
    '/assets/index-AAAA.js': 'entry',
    '/assets/index-AAAA.js.map': 'map',
    '/assets/jsx-runtime-BBBB.js': 'react',
    '/assets/index-CCCC.css': 'css',
    '/assets/map-panel-DDDD.js': 'map panel',
    '/assets/maplibre-gl-worker-EEEE.mjs': 'map worker',
    '/assets/noto-sans-latin-400-normal-FFFF.woff2': 'font',
    '/basemap/theatre.geojson': '{}',
    '/basemap/ATTRIBUTION.md': 'OSM',
    '/samples/static/theatre.json': '{}',
    '/mockServiceWorker.js': 'msw',
    '/sw.js': 'old worker',
    ...overrides,
  };
  return new Map(Object.entries(files).map(([path, body]) => [path, text(body)]));
}

describe('The offline worker’s precache plan (issue 13 item 4)', () => {
  it('reads the same-origin files index.html loads', () => {
    expect(pathsInHtml(INDEX)).toEqual([
      '/favicon.svg',
      '/manifest.webmanifest',
      '/icons/apple-touch-icon-180.png',
      '/config.json',
      '/assets/index-AAAA.js',
      '/assets/jsx-runtime-BBBB.js',
      '/assets/index-CCCC.css',
    ]);
  });

  it('keeps the page as the shell, everything else it loads as the rest, and no maps or samples', () => {
    const plan = precachePlan(dist());
    expect(plan.shell).toEqual([
      '/index.html',
      '/config.json',
      '/favicon.svg',
      '/manifest.webmanifest',
      '/icons/apple-touch-icon-180.png',
      '/assets/index-AAAA.js',
      '/assets/jsx-runtime-BBBB.js',
      '/assets/index-CCCC.css',
    ]);
    expect(plan.rest).toEqual([
      '/assets/map-panel-DDDD.js',
      '/assets/maplibre-gl-worker-EEEE.mjs',
      '/assets/noto-sans-latin-400-normal-FFFF.woff2',
      '/basemap/theatre.geojson',
      '/icons/icon-192.png',
    ]);
  });

  it('keeps the interface’s language chunks with the shell: a page reopened offline speaks its reader’s language', () => {
    const plan = precachePlan(dist({ '/assets/ar-GGGG.js': 'ar', '/assets/he-HHHH.js': 'he' }), [
      '/assets/ar-GGGG.js',
      '/assets/he-HHHH.js',
    ]);
    expect(plan.shell).toContain('/assets/ar-GGGG.js');
    expect(plan.shell).toContain('/assets/he-HHHH.js');
    expect(plan.rest).not.toContain('/assets/ar-GGGG.js');
  });

  it('is a new version when any kept file changes, and the same version otherwise', () => {
    const first = precachePlan(dist()).version;
    expect(precachePlan(dist()).version).toBe(first);
    expect(precachePlan(dist({ '/basemap/theatre.geojson': '{"type":"x"}' })).version).not.toBe(
      first,
    );
    expect(precachePlan(dist({ '/config.json': '{"sources":[]}' })).version).not.toBe(first);
    // Files it does not keep do not make a new version.
    expect(precachePlan(dist({ '/assets/index-AAAA.js.map': 'other map' })).version).toBe(first);
  });

  it('writes the plan above the worker as a constant it reads', () => {
    const plan = precachePlan(dist());
    const source = workerSource(plan, 'self.addEventListener("install", () => {});');
    const [first] = source.split('\n');
    expect(JSON.parse(first!.replace(/^const PRECACHE = /, '').replace(/;$/, ''))).toEqual(plan);
  });

  it('refuses a dist/ without index.html', () => {
    const files = dist();
    files.delete('/index.html');
    expect(() => precachePlan(files)).toThrow(/index\.html is missing/);
  });
});
