import { z } from '../../../domain/zod.ts';
import { DATASET_SCHEMAS, type DatasetRecord } from '../../../domain/datasets.ts';
import { validateRecords } from '../../../domain/validate.ts';
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
import { validateTheatre } from './theatre.ts';

/** The envelope every collection endpoint answers with (docs/api/openapi.yaml). */
const listEnvelope = z.object({ data: z.array(z.unknown()) });

/**
 * The project's own HTTP API (docs/api/openapi.yaml); the demo is this adapter in front of
 * the mock server. Records are validated one by one: bad ones come back as issues.
 */
export function createRestAdapter(
  source: Pick<
    SourceConfig,
    'id' | 'name' | 'url' | 'timeoutMs' | 'attribution' | 'licence' | 'demo'
  >,
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
      const { theatre, issues } = validateTheatre(
        source,
        await getJson(source, endpoint('theatre'), signal, fetchImpl),
      );
      return { sourceId: source.id, theatre, issues, fetchedAt: new Date().toISOString() };
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
        return {
          ok: true,
          message: 'answered',
          latencyMs: Math.round(performance.now() - started),
        };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
