import { z } from 'zod';

/**
 * Runtime configuration: config.json beside index.html, read at start (never baked into the
 * build) so that an operator chooses sources by editing one file. A URL may pick one of the
 * configured sources by id, never name an address: a link must not be able to dress someone
 * else's figures in this dashboard's look.
 */
const sourceConfigSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'must be lower-case letters, digits and dashes'),
  name: z.string().min(1, 'must not be empty').max(120),
  adapter: z.enum(['rest'], { error: 'must be one of: rest' }),
  /** Base URL of the API: absolute, or relative to the page (e.g. "/api/v1"). */
  url: z.string().min(1, 'must not be empty'),
  /** The embedded demo: the app starts the in-browser mock API (MSW) for it. */
  demo: z.boolean().default(false),
  attribution: z.string().max(300).optional(),
  licence: z.string().max(120).optional(),
  /** A request that takes longer is abandoned with a clear message. */
  timeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
});
export type SourceConfig = z.infer<typeof sourceConfigSchema>;

const appConfigSchema = z.object({
  defaultSource: z.string({ error: 'is required: the id of the source shown by default' }),
  sources: z.array(sourceConfigSchema).min(1, 'must list at least one source'),
});
export type AppConfig = z.infer<typeof appConfigSchema>;

/** config.json could not be used; `problems` lists every one, so an operator fixes them at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`config.json: ${problems.join('; ')}`);
  }
}

export function parseConfig(json: unknown): AppConfig {
  const result = appConfigSchema.safeParse(json);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`)),
    ...crossCheck(json),
  ];
  if (result.success && problems.length === 0) return result.data;
  throw new ConfigError(problems);
}

/** Checks across fields, run on the raw file so they are reported together with the rest. */
function crossCheck(json: unknown): string[] {
  const raw = json as { defaultSource?: unknown; sources?: unknown } | null;
  if (!raw || !Array.isArray(raw.sources)) return [];
  const ids = raw.sources.map((s: { id?: unknown } | null) => (typeof s?.id === 'string' ? s.id : undefined));
  const problems: string[] = [];
  ids.forEach((id, i) => {
    if (id !== undefined && ids.indexOf(id) !== i) problems.push(`sources.${i}.id: “${id}” is listed twice`);
  });
  if (typeof raw.defaultSource === 'string' && !ids.includes(raw.defaultSource))
    problems.push(`defaultSource: “${raw.defaultSource}” is not one of the sources (${ids.filter(Boolean).join(', ')})`);
  return problems;
}

export async function loadConfig(url = '/config.json', fetchImpl: typeof fetch = fetch): Promise<AppConfig> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-cache', headers: { accept: 'application/json' } });
  } catch (error) {
    throw new ConfigError([`could not be fetched (${error instanceof Error ? error.message : String(error)})`]);
  }
  if (!response.ok) throw new ConfigError([`could not be fetched: HTTP ${response.status}`]);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ConfigError(['is not valid JSON']);
  }
  return parseConfig(json);
}

export interface SourceChoice {
  source: SourceConfig;
  /** Set when the URL asked for a source that is not configured; the default is used instead. */
  rejectedRequest?: string;
}

/** The source to show: the one the URL names if it is configured, else the default. */
export function chooseSource(config: AppConfig, requested: string | null): SourceChoice {
  const fallback = config.sources.find((s) => s.id === config.defaultSource)!;
  if (requested === null || requested === '') return { source: fallback };
  const match = config.sources.find((s) => s.id === requested);
  return match ? { source: match } : { source: fallback, rejectedRequest: requested };
}
