import { z } from 'zod';
import { DATASET_SCHEMAS, type DatasetRecord } from '../../../domain/datasets.ts';
import {
  adminAreaSchema,
  corridorSchema,
  crossingSchema,
  facilitySchema,
  sourceInfoSchema,
  theatreSchema,
} from '../../../domain/schemas.ts';
import { validateRecords, type DataIssue } from '../../../domain/validate.ts';
import { DATASETS, type Dataset } from '../../../domain/vocabulary.ts';
import type { SourceConfig } from '../../config.ts';
import {
  SourceError,
  type DataSourceAdapter,
  type QueryRequest,
  type QueryResult,
  type TheatreResult,
} from '../../contract.ts';
import { getJson } from './http.ts';

/** The envelope every collection endpoint answers with (docs/api/openapi.yaml). */
const listEnvelope = z.object({ data: z.array(z.unknown()) });
const theatreEnvelope = z.object({ data: z.record(z.string(), z.unknown()) });
const theatreHeader = theatreSchema.omit({
  areas: true,
  crossings: true,
  corridors: true,
  facilities: true,
  sources: true,
});
const theatreLists = {
  areas: adminAreaSchema,
  crossings: crossingSchema,
  corridors: corridorSchema,
  facilities: facilitySchema,
  sources: sourceInfoSchema,
} as const;

/**
 * The project's own HTTP API (docs/api/openapi.yaml); the demo is this adapter in front of
 * the mock server. Records are validated one by one: bad ones come back as issues.
 */
export function createRestAdapter(
  source: SourceConfig,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): DataSourceAdapter {
  const base = new URL(
    source.url.endsWith('/') ? source.url : `${source.url}/`,
    globalThis.location?.href ?? 'http://localhost/',
  );
  const endpoint = (path: string, params: Record<string, string | undefined> = {}) => {
    const url = new URL(path, base);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
    return url.href;
  };
  const wrongShape = (what: string) =>
    new SourceError(source.id, source.name, 'malformed', `answered an unexpected shape: ${what}`);

  return {
    sourceId: source.id,

    describe: () => ({
      name: source.name,
      adapter: 'rest',
      attribution: source.attribution ?? source.name,
      licence: source.licence ?? 'see each publisher',
      synthetic: source.demo,
      capabilities: DATASETS,
    }),

    async theatre(signal): Promise<TheatreResult> {
      const body = theatreEnvelope.safeParse(await getJson(source, endpoint('theatre'), signal, fetchImpl));
      if (!body.success) throw wrongShape('the theatre is not an object under "data"');
      const header = theatreHeader.safeParse(body.data.data);
      if (!header.success)
        throw wrongShape(`the theatre is invalid (${header.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
      const issues: DataIssue[] = [];
      const lists = Object.fromEntries(
        Object.entries(theatreLists).map(([key, schema]) => {
          const raw = body.data.data[key];
          const items = Array.isArray(raw) ? raw : [];
          const checked = validateRecords(schema, items, { sourceId: source.id, dataset: 'theatre' });
          issues.push(...checked.rejected.map((i) => ({ ...i, field: `${key}[${i.position}]${i.field ? `.${i.field}` : ''}` })));
          return [key, checked.accepted];
        }),
      ) as unknown as Pick<z.output<typeof theatreSchema>, keyof typeof theatreLists>;
      return {
        sourceId: source.id,
        theatre: { ...header.data, ...lists },
        issues,
        fetchedAt: new Date().toISOString(),
      };
    },

    async query<D extends Dataset>(request: QueryRequest<D>): Promise<QueryResult<D>> {
      const url = endpoint(request.dataset, {
        from: request.from,
        to: request.to,
        crossing: request.crossingIds?.length ? request.crossingIds.join(',') : undefined,
      });
      const body = listEnvelope.safeParse(await getJson(source, url, request.signal, fetchImpl));
      if (!body.success) throw wrongShape('expected a list of records under "data"');
      const checked = validateRecords(DATASET_SCHEMAS[request.dataset], body.data.data, {
        sourceId: source.id,
        dataset: request.dataset,
      });
      return {
        sourceId: source.id,
        dataset: request.dataset,
        records: checked.accepted as DatasetRecord<D>[],
        issues: checked.rejected,
        received: body.data.data.length,
        fetchedAt: new Date().toISOString(),
      };
    },

    async testConnection(signal) {
      const started = performance.now();
      try {
        await getJson(source, endpoint('health'), signal, fetchImpl);
        return { ok: true, message: 'answered', latencyMs: Math.round(performance.now() - started) };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
