import { z } from '../domain/zod.ts';
import { DATASETS, VERIFICATIONS, type Dataset } from '../domain/vocabulary.ts';

/**
 * Runtime configuration: config.json beside index.html, read at start (never baked into the
 * build) so that an operator chooses sources by editing one file. A URL may pick one of the
 * configured sources by id, never name an address: a link must not be able to dress someone
 * else's figures in this dashboard's look.
 */
const DATASET_NAMES = DATASETS;
/** The datasets an HXL table (a file, a CKAN resource) can hold. */
export const HXL_READABLE = [
  'crossing-status',
  'aid-flow',
  'facility-status',
  'movements',
  'fuel-entry',
  'truck-gaps',
] as const satisfies readonly Dataset[];

/**
 * A source address: http(s), or relative to the page ("/api/v1", "./snapshot/"). Checked on the
 * URL as the browser will resolve it, so "java\tscript:" or " data:…" cannot slip through as
 * text; a protocol-relative "//host/path" is http(s) on another host, which the operator may
 * configure like any absolute address.
 */
const sourceUrl = z
  .string()
  .min(1, 'must not be empty')
  .superRefine((value, ctx) => {
    const problem = urlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export function urlProblem(value: string): string | undefined {
  let resolved: URL;
  try {
    resolved = new URL(value, 'http://relative.invalid/');
  } catch {
    return `“${value.slice(0, 80)}” is not a valid URL`;
  }
  if (resolved.protocol === 'http:' || resolved.protocol === 'https:') return undefined;
  return `“${resolved.protocol}” URLs are not allowed: use an http:, https: or relative URL`;
}

/** Options every source has, whatever its adapter. */
const common = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'must be lower-case letters, digits and dashes'),
  name: z.string().min(1, 'must not be empty').max(120),
  /** Absolute, or relative to the page (e.g. "/api/v1"). */
  url: sourceUrl,
  attribution: z.string().max(300).optional(),
  licence: z.string().max(120).optional(),
  /**
   * How the source counts, in its own words (what it counts and where, what it leaves out, how
   * it verifies): shown beside its figures wherever sources are compared.
   */
  method: z.string().trim().min(1, 'must not be empty').max(2000).optional(),
  /** A request that takes longer is abandoned with a clear message. */
  timeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
};

/** Options of the sources read as tables (HXL, CKAN): rows are matched to a theatre. */
const tabular = {
  /** Reference data (places, crossings, facilities): a REST theatre document, e.g. "/api/v1/theatre". */
  theatreUrl: z
    .string({
      error: 'is required: the URL of a theatre document (places, crossings) to match rows to',
    })
    .pipe(sourceUrl),
  /** The dataset the table holds; guessed from its hashtags when absent. */
  dataset: z.enum(HXL_READABLE, { error: `must be one of: ${HXL_READABLE.join(', ')}` }).optional(),
  /** Verification of rows that do not state theirs (#meta+verification). */
  verification: z.enum(VERIFICATIONS).default('reported'),
  /** 03/04/2025 is 3 April (true, the default) or 4 March (false). */
  dayFirst: z.boolean().default(true),
};

const restSourceSchema = z.object({
  ...common,
  adapter: z.literal('rest'),
  /** The embedded demo: the app starts the in-browser mock API (MSW) for it. */
  demo: z.boolean().default(false),
  /**
   * Observers file reports to this source (POST {url}/reports with a per-device token): the
   * app shows the report form for it.
   */
  writable: z.boolean().default(false),
});

/** Only the project's API takes reports: a table or a folder of files cannot be written to. */
const notWritable = z
  .literal(false, {
    error: 'only a source with adapter "rest" can take reports: remove "writable"',
  })
  .default(false);

const hxlSourceSchema = z.object({
  ...common,
  adapter: z.literal('hxl'),
  ...tabular,
  demo: z.literal(false).default(false),
  writable: notWritable,
});

const ckanSourceSchema = z.object({
  ...common,
  adapter: z.literal('ckan'),
  ...tabular,
  demo: z.literal(false).default(false),
  writable: notWritable,
  /** The DataStore resource (its UUID on the portal). */
  resourceId: z.string().min(1, 'must not be empty').max(200),
  /** Exact-match filters passed to datastore_search, e.g. { "country": "PSE" }. */
  filters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** DataStore field → HXL hashtag, e.g. { "Crossing": "#loc+name" }; unneeded when the fields are hashtags. */
  fields: z
    .record(z.string(), z.string().regex(/^#[A-Za-z]/, 'must be an HXL hashtag like #loc+name'))
    .optional(),
  /** Rows per request (datastore_search `limit`). */
  pageSize: z.number().int().min(1).max(32_000).default(1000),
  /** Reading stops after this many rows, with a warning. */
  maxRows: z.number().int().min(1).max(5_000_000).default(500_000),
  /** Reading stops after this many requests, with a warning naming the source. */
  maxPages: z.number().int().min(1).max(100_000).default(1000),
});

const staticSourceSchema = z.object({
  ...common,
  adapter: z.literal('static'),
  demo: z.literal(false).default(false),
  writable: notWritable,
  /** The datasets the folder has a file for (<dataset>.json); default all. */
  datasets: z
    .array(z.enum(DATASET_NAMES))
    .min(1)
    .default([...DATASET_NAMES]),
});

const ADAPTERS = ['rest', 'hxl', 'ckan', 'static'] as const;

/** One configured source; `adapter` says which kind, and which options apply. */
const sourceConfigSchema = z.discriminatedUnion(
  'adapter',
  [restSourceSchema, hxlSourceSchema, ckanSourceSchema, staticSourceSchema],
  { error: `must be one of: ${ADAPTERS.join(', ')}` },
);
export type SourceConfig = z.infer<typeof sourceConfigSchema>;
export type RestSourceConfig = z.infer<typeof restSourceSchema>;
export type HxlSourceConfig = z.infer<typeof hxlSourceSchema>;
export type CkanSourceConfig = z.infer<typeof ckanSourceSchema>;
export type StaticSourceConfig = z.infer<typeof staticSourceSchema>;

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
    ...(result.success
      ? []
      : result.error.issues.map(
          (i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`,
        )),
    ...crossCheck(json),
  ];
  if (result.success && problems.length === 0) return result.data;
  throw new ConfigError(problems);
}

/** Checks across fields, run on the raw file so they are reported together with the rest. */
function crossCheck(json: unknown): string[] {
  const raw = json as { defaultSource?: unknown; sources?: unknown } | null;
  if (!raw || !Array.isArray(raw.sources)) return [];
  const ids = raw.sources.map((s: { id?: unknown } | null) =>
    typeof s?.id === 'string' ? s.id : undefined,
  );
  const problems: string[] = [];
  // An unknown adapter stops the union at `adapter`: check the options every source has anyway.
  raw.sources.forEach((s: { adapter?: unknown } | null, i: number) => {
    if (s && typeof s === 'object' && (ADAPTERS as readonly unknown[]).includes(s.adapter)) return;
    const checked = z.object(common).safeParse(s);
    if (!checked.success)
      problems.push(
        ...checked.error.issues.map(
          (issue) => `sources.${i}.${issue.path.join('.')}: ${issue.message}`,
        ),
      );
  });
  ids.forEach((id, i) => {
    if (id !== undefined && ids.indexOf(id) !== i)
      problems.push(`sources.${i}.id: “${id}” is listed twice`);
  });
  if (typeof raw.defaultSource === 'string' && !ids.includes(raw.defaultSource))
    problems.push(
      `defaultSource: “${raw.defaultSource}” is not one of the sources (${ids.filter(Boolean).join(', ')})`,
    );
  return problems;
}

export async function loadConfig(
  url = '/config.json',
  fetchImpl: typeof fetch = fetch,
): Promise<AppConfig> {
  let response: Response;
  try {
    // No cache option: the server marks config.json no-cache, and the preload in index.html must match.
    response = await fetchImpl(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new ConfigError([
      `could not be fetched (${error instanceof Error ? error.message : String(error)})`,
    ]);
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

/** The sources observers can file reports to, in the order configured. */
export function writableSources(config: AppConfig): RestSourceConfig[] {
  return config.sources.filter((s): s is RestSourceConfig => s.adapter === 'rest' && s.writable);
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
