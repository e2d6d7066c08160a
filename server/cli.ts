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
import { loadTheatre } from './store.ts';
import { createToken, listTokens, revokeToken } from './tokens.ts';

interface Args {
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

async function runImport(args: Args): Promise<void> {
  const origin = args.positional[1];
  const source = args.flags.get('--source');
  if (!origin || !source)
    throw new Error('Usage: npm run api -- import <file.csv | url> --source <id>');
  const dataset = args.flags.get('--dataset');
  if (dataset !== undefined && !(DATASETS as readonly string[]).includes(dataset))
    throw new Error(`--dataset must be one of ${DATASETS.join(', ')}`);
  const db = await openStore(args.flags);
  try {
    const s = await importHxl(db, origin, {
      sourceId: source,
      ...(dataset ? { dataset: dataset as Dataset } : {}),
      ...(args.flags.has('--name') ? { publisherName: args.flags.get('--name')! } : {}),
    });
    console.log(`Import ${s.importId} of ${origin} as ${source} (${s.dataset})`);
    console.log(`  rows read  ${s.rowsRead}`);
    console.log(`  accepted   ${s.accepted}`);
    console.log(`  rejected   ${s.rejected}  (stored as data issues: GET /api/v1/issues)`);
    if (s.blankRows) console.log(`  blank rows ${s.blankRows} (skipped, not counted as rows)`);
    for (const w of s.warnings) console.log(`  warning: ${w}`);
  } finally {
    await db.close();
  }
}

async function runToken(args: Args): Promise<void> {
  const action = args.positional[1];
  const db = await openStore(args.flags);
  try {
    if (action === 'create') {
      const source = args.flags.get('--source');
      if (!source) throw new Error('Usage: npm run api -- token create --source <id> --label "…"');
      const label = args.flags.get('--label') ?? source;
      const { id, secret } = await createToken(db, source, label, args.flags.get('--name'));
      console.log(
        `Token ${id} for source "${source}" (${label}). Give this secret to the publisher;`,
      );
      console.log('it is shown only now (the store keeps its hash):');
      console.log(secret);
    } else if (action === 'revoke') {
      const id = args.positional[2];
      if (!id) throw new Error('Usage: npm run api -- token revoke <token-id>');
      if (!(await revokeToken(db, id, args.flags.get('--reason') ?? '')))
        throw new Error(`There is no token ${id} (npm run api -- token list)`);
      console.log(`Token ${id} revoked: its writes are refused from now on.`);
    } else if (action === 'list') {
      for (const t of await listTokens(db))
        console.log(
          `${t.id}  ${t.source_id}  ${t.label}  created ${new Date(t.created_at).toISOString()}${t.revoked_at ? `  REVOKED ${new Date(t.revoked_at).toISOString()}` : ''}`,
        );
    } else throw new Error('Usage: npm run api -- token create|revoke|list');
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
  if (command === 'import') return runImport(args);
  if (command === 'token') return runToken(args);
  if (command !== undefined) throw new Error(`Unknown command "${command}" (try --help)`);
  return serve(args);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
