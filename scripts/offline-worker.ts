/**
 * Build step of the offline worker: after Vite has written dist/, list the files the app needs
 * offline, hash them into a version, and write dist/sw.js (the worker of src/offline/ with its
 * precache plan above it). A new deployment changes the version, so the browser installs the new
 * worker beside the old one, and the page offers a reload (src/app/offline-worker.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

export interface PrecachePlan {
  /** Hash of the listed paths and their contents: a new deployment is a new version. */
  version: string;
  /**
   * The page itself and the interface's languages: what a Save-Data or 2G install keeps (the
   * rest comes when first used). The Arabic and Hebrew catalogs are chunks loaded on demand, but
   * a page reopened offline must still speak its reader's language.
   */
  shell: string[];
  /** Everything else the app loads: chunks (map, charts, mocks), fonts, the basemap. */
  rest: string[];
}

/** Files of dist/ the worker never keeps: source maps, the workers, samples, notes. */
function skipped(path: string): boolean {
  return (
    path.endsWith('.map') ||
    path === '/sw.js' ||
    path === '/mockServiceWorker.js' ||
    path.startsWith('/samples/') ||
    path.endsWith('.md')
  );
}

/** The same-origin paths (`/…`) index.html loads: entry script, preloads, styles, icons. */
export function pathsInHtml(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/\s(?:src|href)="(\/[^"/][^"]*)"/g)) found.add(match[1]!);
  return [...found];
}

/**
 * The precache plan from the files of dist/ (paths from its root, with a leading slash) and
 * their contents. The shell is index.html, what it loads and config.json; the rest is every
 * other file the app may load.
 */
export function precachePlan(
  files: ReadonlyMap<string, Uint8Array>,
  alsoShell: readonly string[] = [],
): PrecachePlan {
  const html = files.get('/index.html');
  if (!html) throw new Error('offline worker: dist/index.html is missing');
  const kept = [...files.keys()].filter((path) => !skipped(path)).sort();
  const fromHtml = pathsInHtml(new TextDecoder().decode(html)).filter((path) => files.has(path));
  const shell = [
    ...new Set(
      ['/index.html', '/config.json', ...fromHtml, ...alsoShell].filter((p) => kept.includes(p)),
    ),
  ];
  const rest = kept.filter((path) => !shell.includes(path));
  const hash = createHash('sha256');
  for (const path of [...shell, ...rest]) {
    hash.update(path).update('\0').update(files.get(path)!).update('\0');
  }
  return { version: hash.digest('hex').slice(0, 16), shell, rest };
}

/** The worker's text: the plan as a constant, then the worker itself. */
export function workerSource(plan: PrecachePlan, template: string): string {
  return `const PRECACHE = ${JSON.stringify(plan)};\n${template}`;
}

function readTree(root: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(`/${relative(root, full).split(sep).join('/')}`, readFileSync(full));
  }
  return files;
}

/** Vite plugin (build only): writes dist/sw.js once the bundle and public/ are in dist/. */
export function offlineWorker(): Plugin {
  let outDir = '';
  /** The chunks of the interface's catalogs (src/ui/i18n/<lang>.ts), as dist/ paths. */
  let catalogChunks: string[] = [];
  return {
    name: 'access-monitor-offline-worker',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      catalogChunks = Object.values(bundle)
        .filter(
          (chunk) =>
            chunk.type === 'chunk' &&
            /[\\/]src[\\/]ui[\\/]i18n[\\/][a-z]{2}\.ts$/.test(chunk.facadeModuleId ?? ''),
        )
        .map((chunk) => `/${chunk.fileName}`);
    },
    closeBundle() {
      const plan = precachePlan(readTree(outDir), catalogChunks);
      const template = readFileSync(
        new URL('../src/offline/service-worker.js', import.meta.url),
        'utf8',
      );
      writeFileSync(join(outDir, 'sw.js'), workerSource(plan, template));
      this.info?.(
        `offline worker ${plan.version}: ${plan.shell.length} shell + ${plan.rest.length} files`,
      );
    },
  };
}

/**
 * A version of the app's code (hash of src/, mocks/ and the lockfile), known at build time: the
 * data kept on a device by an older version are set aside, as their shape may have changed.
 */
export function appCodeVersion(root: string): string {
  const hash = createHash('sha256');
  for (const dir of ['src', 'mocks']) {
    const files = readTree(join(root, dir));
    for (const path of [...files.keys()].sort()) {
      if (/\.test\.tsx?$/.test(path)) continue;
      hash.update(`${dir}${path}`).update('\0').update(files.get(path)!).update('\0');
    }
  }
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('hex').slice(0, 12);
}
