import { rollupFromRecords } from '../rollup-records.ts';
import { z } from '../../../domain/zod.ts';
import type { DatasetRecord } from '../../../domain/datasets.ts';
import { dateBounds } from '../../../domain/date-bounds.ts';
import { validateDataset, type DataIssue } from '../../../domain/validate.ts';
import type { Dataset } from '../../../domain/vocabulary.ts';
import type { StaticSourceConfig } from '../../config.ts';
import {
  SourceError,
  type DataSourceAdapter,
  type Inventory,
  type QueryRequest,
  type QueryResult,
  type TheatreResult,
} from '../../contract.ts';
import { getJson } from '../rest/http.ts';
import { validateTheatre } from '../rest/theatre.ts';
import { selectRecords } from '../tabular/select.ts';
import { absolute } from '../tabular/theatre-url.ts';
import { LICENCE_PER_PUBLISHER } from '../../../domain/licence.ts';

const listEnvelope = z.object({ data: z.array(z.unknown()) });

interface DatasetFile {
  records: unknown[];
  issues: DataIssue[];
  received: number;
  fetchedAt: string;
}

/**
 * A static snapshot: a folder of JSON files in the REST API's shapes on any static host —
 * `theatre.json` (`{ data: theatre }`) and one `<dataset>.json` (`{ data: [records] }`) per
 * dataset listed in the config. Each file is read whole, validated record by record (position =
 * 0-based index in `data`, as for REST) and kept for a minute; queries are answered locally.
 */
export function createStaticAdapter(
  source: StaticSourceConfig,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  /** The clock date bounds are computed from (tests pin it). */
  now: () => number = () => Date.now(),
): DataSourceAdapter {
  const base = absolute(source.url.endsWith('/') ? source.url : `${source.url}/`);
  const file = (name: string) => new URL(`${name}.json`, base).href;
  const cache = new Map<string, { at: number; promise: Promise<unknown> }>();
  const cached = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < 60_000) return hit.promise as Promise<T>;
    const promise = load();
    cache.set(key, { at: Date.now(), promise });
    promise.catch(() => cache.delete(key));
    return promise;
  };

  const theatre = () =>
    cached('theatre', async () => {
      const checked = validateTheatre(
        source,
        await getJson(source, file('theatre'), undefined, fetchImpl),
        { bare: true },
      );
      return { ...checked, fetchedAt: new Date().toISOString() };
    });

  /**
   * A dataset's file. A folder written before a dataset existed (movements, fuel entry and truck
   * gaps came later) has no file for it: that dataset alone fails, with a message naming the
   * source and the file; the others are read as usual.
   */
  const dataset = (name: Dataset) =>
    cached(name, async (): Promise<DatasetFile> => {
      const [reference, json] = await Promise.all([
        theatre(),
        getJson(source, file(name), undefined, fetchImpl).catch((error: unknown) => {
          if (error instanceof SourceError && error.status === 404)
            throw new SourceError(
              source.id,
              source.name,
              'http',
              `has no ${name}.json (HTTP 404): this snapshot does not offer ${name}; its other datasets are read as usual. List the files it has under "datasets" in config.json.`,
              404,
            );
          throw error;
        }),
      ]);
      const body = listEnvelope.safeParse(json);
      if (!body.success)
        throw new SourceError(
          source.id,
          source.name,
          'malformed',
          `answered an unexpected shape: ${name}.json has no list of records under "data"`,
        );
      const { timeZone, earliestDay } = reference.theatre;
      const checked = validateDataset(name, body.data.data, {
        sourceId: source.id,
        dates: { timeZone, bounds: dateBounds(now(), timeZone, earliestDay) },
      });
      return {
        records: checked.accepted,
        issues: checked.rejected,
        received: body.data.data.length,
        fetchedAt: new Date().toISOString(),
      };
    });

  const adapter: DataSourceAdapter = {
    sourceId: source.id,
    describe: () => ({
      name: source.name,
      adapter: 'static',
      attribution: source.attribution ?? source.name,
      licence: source.licence ?? LICENCE_PER_PUBLISHER,
      synthetic: false,
      capabilities: source.datasets,
      ...(source.method ? { method: source.method } : {}),
    }),

    async theatre(): Promise<TheatreResult> {
      const t = await theatre();
      // The configured method speaks for a publisher of the snapshot with the source's own id
      // that states none itself (a snapshot of one publisher's figures).
      const sources = source.method
        ? t.theatre.sources.map((s) =>
            s.id === source.id && !s.method ? { ...s, method: source.method } : s,
          )
        : t.theatre.sources;
      return {
        sourceId: source.id,
        theatre: { ...t.theatre, sources },
        issues: t.issues,
        fetchedAt: t.fetchedAt,
      };
    },

    async query<D extends Dataset>(request: QueryRequest<D>): Promise<QueryResult<D>> {
      if (!source.datasets.includes(request.dataset))
        return {
          sourceId: source.id,
          dataset: request.dataset,
          records: [],
          issues: [],
          received: 0,
          fetchedAt: new Date().toISOString(),
        };
      const [t, data] = await Promise.all([theatre(), dataset(request.dataset)]);
      const records = selectRecords<D>(
        data.records as DatasetRecord<D>[],
        request,
        t.theatre.timeZone,
      );
      return {
        sourceId: source.id,
        dataset: request.dataset,
        records,
        issues: data.issues,
        received: records.length + data.issues.length,
        fetchedAt: data.fetchedAt,
      };
    },

    rollup: (request) =>
      rollupFromRecords(
        (q) => adapter.query(q),
        async () => (await theatre()).theatre.timeZone,
        request,
      ),

    async testConnection(signal) {
      const started = performance.now();
      try {
        validateTheatre(source, await getJson(source, file('theatre'), signal, fetchImpl), {
          bare: true,
        });
        return {
          ok: true,
          message: 'answered: theatre.json is valid',
          latencyMs: Math.round(performance.now() - started),
        };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },

    async inventory(): Promise<Inventory> {
      // A file the folder does not have is a warning here, not the loss of the whole inventory.
      const warnings: string[] = [];
      const offered: Dataset[] = [];
      const files = (
        await Promise.all(
          source.datasets.map((d) =>
            dataset(d).then(
              (f) => (offered.push(d), f),
              (error: unknown) => {
                if (!(error instanceof SourceError) || error.status !== 404) throw error;
                warnings.push(error.detail);
                return undefined;
              },
            ),
          ),
        )
      ).filter((f): f is DatasetFile => f !== undefined);
      const rejected = files.flatMap((f) => f.issues);
      const rowsRead = files.reduce((n, f) => n + f.received, 0);
      return {
        sourceId: source.id,
        datasets: source.datasets.filter((d) => offered.includes(d)),
        rowsRead,
        accepted: rowsRead - rejected.length,
        rejected,
        blankRows: 0,
        warnings,
        fetchedAt:
          files
            .map((f) => f.fetchedAt)
            .sort()
            .at(-1) ?? new Date().toISOString(),
      };
    },
  };
  return adapter;
}
