/**
 * `npm run api`: the Access Monitor API on its store, and the store's commands.
 *
 *   npm run api -- [--db ./data] [--seed demo] [--port 8787] [--host 127.0.0.1]
 *                  [--static dist] [--config config.json] [--rate 60]
 *   npm run api -- import <file.csv | url> --source <id> [--dataset aid-flow] [--db ./data]
 *   npm run api -- token create --source <id> --label "Kerem Shalom team" [--name "Publisher"]
 *   npm run api -- token revoke <token-id>
 *   npm run api -- token list
 *   npm run api -- --mock [--seed 2720] [--scale 1]   # the scenario from memory, no store
 *
 * The store is embedded Postgres (PGlite) in --db's directory (default ./data; "memory" keeps
 * it in memory), or the PostgreSQL of DATABASE_URL when that is set.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type ServerOptions } from '../scripts/api-server.ts';
import { DATASETS, type Dataset } from '../src/domain/vocabulary.ts';
import { openDb, type Db } from './db.ts';
import { importHxl } from './import.ts';
import { migrate } from './migrate.ts';
import { seedDemo } from './seed.ts';
import { storeApi } from './api.ts';
import { askRunningServer, isHeld, startAdmin } from './admin.ts';
import { loadTheatre } from './store.ts';
import { createToken, listTokens, revokeToken } from './tokens.ts';

export interface Args {
  positional: string[];
  flags: Map<string, string>;
}

const BOOLEAN = new Set(['--mock', '--help', '-h']);

export function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (BOOLEAN.has(name!)) flags.set(name!, 'true');
    else {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${name} needs a value (try --help)`);
      flags.set(name!, value);
    }
  }
  return { positional, flags };
}

export async function openStore(flags: Map<string, string>): Promise<Db> {
  const url = process.env.DATABASE_URL;
  const db = await openDb(url ? { url } : { dir: flags.get('--db') ?? './data' });
  await migrate(db);
  return db;
}

const USAGE = readFileSync(new URL(import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.startsWith(' *   npm run api'))
  .map((line) => line.slice(3))
  .join('\n');

async function serve(args: Args): Promise<void> {
  const { flags } = args;
  const port = Number(flags.get('--port') ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, got ${flags.get('--port')}`);
  const options: ServerOptions = {
    port,
    ...(flags.has('--host') ? { host: flags.get('--host')! } : {}),
    ...(flags.has('--static') ? { staticDir: flags.get('--static')! } : {}),
    ...(flags.has('--config')
      ? { config: JSON.parse(readFileSync(flags.get('--config')!, 'utf8')) as unknown }
      : {}),
  };
  let db: Db | undefined;
  if (flags.has('--mock')) {
    const seed = flags.get('--seed');
    options.scenario = {
      ...(seed !== undefined ? { seed: Number(seed) } : {}),
      ...(flags.has('--scale') ? { scale: Number(flags.get('--scale')) } : {}),
    };
  } else {
    db = await openStore(flags);
    const seed = flags.get('--seed');
    if (seed !== undefined) {
      if (seed !== 'demo')
        throw new Error(`--seed takes "demo" (the synthetic scenario), got "${seed}"`);
      if (await loadTheatre(db)) console.log('The store already holds data: --seed demo skipped.');
      else {
        const s = await seedDemo(db);
        console.log(
          `Seeded the demo scenario ${s.from} … ${s.to}: ${s.records} records, ${s.issues} rejected as data issues (${(s.ms / 1000).toFixed(1)} s)`,
        );
      }
    } else if (!(await loadTheatre(db)))
      console.log('The store is empty: add --seed demo to load the synthetic scenario.');
    if (db.kind === 'pglite' && !process.env.DATABASE_URL)
      await startAdmin(resolve(flags.get('--db') ?? './data'), db, (argv, store, print) => {
        const args = parseArgs(argv);
        const command = STORE_COMMANDS[args.positional[0] ?? ''];
        if (!command) throw new Error('the admin socket takes token and import commands');
        return command(args, store, print);
      });
    const rate = flags.has('--rate') ? Number(flags.get('--rate')) : 60;
    options.api = storeApi({ db, limits: { burst: rate, perSecond: rate / 60 } });
  }
  const server = await startServer(options);
  console.log(
    `Access Monitor API on ${server.url}/api/v1 (${db ? `store: ${db.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${flags.get('--db') ?? './data'}`}` : 'mock scenario in memory'})`,
  );
  if (options.staticDir) console.log(`Serving ${options.staticDir} on ${server.url}/`);
  const stop = () => {
    server
      .close()
      .then(() => db?.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** A store command's work on an open store; `print` is the console or the admin socket. */
export type Print = (line: string) => void;

async function importCommand(args: Args, db: Db, print: Print): Promise<void> {
  const origin = args.positional[1];
  const source = args.flags.get('--source');
  if (!origin || !source)
    throw new Error('Usage: npm run api -- import <file.csv | url> --source <id>');
  const dataset = args.flags.get('--dataset');
  if (dataset !== undefined && !(DATASETS as readonly string[]).includes(dataset))
    throw new Error(`--dataset must be one of ${DATASETS.join(', ')}`);
  const s = await importHxl(db, origin, {
    sourceId: source,
    ...(dataset ? { dataset: dataset as Dataset } : {}),
    ...(args.flags.has('--name') ? { publisherName: args.flags.get('--name')! } : {}),
  });
  print(`Import ${s.importId} of ${origin} as ${source} (${s.dataset})`);
  print(`  rows read  ${s.rowsRead}`);
  print(`  accepted   ${s.accepted}`);
  print(`  rejected   ${s.rejected}  (stored as data issues: GET /api/v1/issues)`);
  if (s.blankRows) print(`  blank rows ${s.blankRows} (skipped, not counted as rows)`);
  for (const w of s.warnings) print(`  warning: ${w}`);
}

async function tokenCommand(args: Args, db: Db, print: Print): Promise<void> {
  const action = args.positional[1];
  if (action === 'create') {
    const source = args.flags.get('--source');
    if (!source) throw new Error('Usage: npm run api -- token create --source <id> --label "…"');
    const label = args.flags.get('--label') ?? source;
    const { id, secret } = await createToken(db, source, label, args.flags.get('--name'));
    print(`Token ${id} for source "${source}" (${label}). Give this secret to the publisher;`);
    print('it is shown only now (the store keeps its hash):');
    print(secret);
  } else if (action === 'revoke') {
    const id = args.positional[2];
    if (!id) throw new Error('Usage: npm run api -- token revoke <token-id>');
    if (!(await revokeToken(db, id, args.flags.get('--reason') ?? '')))
      throw new Error(`There is no token ${id} (npm run api -- token list)`);
    print(`Token ${id} revoked: its writes are refused from now on.`);
  } else if (action === 'list') {
    for (const t of await listTokens(db))
      print(
        `${t.id}  ${t.source_id}  ${t.label}  created ${new Date(t.created_at).toISOString()}${t.revoked_at ? `  REVOKED ${new Date(t.revoked_at).toISOString()}` : ''}`,
      );
  } else throw new Error('Usage: npm run api -- token create|revoke|list');
}

/** The commands a running server also takes on its admin socket (server/admin.ts). */
export const STORE_COMMANDS: Record<string, (args: Args, db: Db, print: Print) => Promise<void>> = {
  import: importCommand,
  token: tokenCommand,
};

/**
 * Runs a store command: on the store itself, or — when a running server holds the PGlite
 * directory — through that server's admin socket, so tokens and imports need no restart.
 */
async function runStoreCommand(name: string, args: Args): Promise<void> {
  const print: Print = (line) => console.log(line);
  const dir = resolve(args.flags.get('--db') ?? './data');
  if (!process.env.DATABASE_URL && isHeld(dir)) {
    // A file path is the caller's: the server resolves it from its own directory otherwise.
    const argv =
      args.positional[0] === 'import' && args.positional[1] && !/^https?:/i.test(args.positional[1])
        ? [...process.argv.slice(2)].map((a) => (a === args.positional[1] ? resolve(a) : a))
        : process.argv.slice(2);
    return askRunningServer(dir, argv, print);
  }
  const db = await openStore(args.flags);
  try {
    await STORE_COMMANDS[name]!(args, db, print);
  } finally {
    await db.close();
  }
}

export async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  if (args.flags.has('--help') || args.flags.has('-h')) {
    console.log(USAGE);
    return;
  }
  const command = args.positional[0];
  if (command === 'import' || command === 'token') return runStoreCommand(command, args);
  if (command !== undefined) throw new Error(`Unknown command "${command}" (try --help)`);
  return serve(args);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
