import { z } from '../../../domain/zod.ts';
import type { DataIssue } from '../../../domain/validate.ts';
import type { CkanSourceConfig } from '../../config.ts';
import { SourceError, type ConnectionTest, type DataSourceAdapter } from '../../contract.ts';
import { fetchFrom, readText } from '../rest/http.ts';
import { HXL_DATASETS, isHashtagRow, parseHashtag } from '../tabular/hxl.ts';
import { createIngest } from '../tabular/ingest.ts';
import { theatreRef } from '../hxl/open-table.ts';
import { createTableAdapter } from '../tabular/table-adapter.ts';
import { localTable } from '../tabular/table-host.ts';
import { absolute, loadTheatreUrl } from '../tabular/theatre-url.ts';
import { createPaging, pageUrl } from './paging.ts';

/** CKAN's answer envelope (https://docs.ckan.org/en/latest/api/). */
const envelope = z.object({
  success: z.boolean(),
  error: z
    .object({ message: z.string().optional(), __type: z.string().optional() })
    .catchall(z.unknown())
    .optional(),
  result: z.unknown().optional(),
});
const searchResult = z.object({
  fields: z.array(z.object({ id: z.string(), type: z.string().optional() })),
  records: z.array(z.record(z.string(), z.unknown())),
  total: z.number().optional(),
  /** CKAN 2.9+ estimates `total` on large tables instead of counting them. */
  total_was_estimated: z.boolean().optional(),
});
type SearchResult = z.infer<typeof searchResult>;

/** Internal DataStore columns, never data. */
const INTERNAL = new Set(['_id', '_full_text', '_rank']);

/**
 * A CKAN DataStore resource (HDX and many portals): `datastore_search` page by page at offsets
 * it computes itself (see paging.ts), with the config's exact-match filters. Columns become HXL
 * hashtags — from the config's `fields` mapping, from field ids that are hashtags, or from a
 * first record that is a hashtag row (HDX's convention) — and rows go through the HXL mapping.
 * A row's position is its DataStore `_id` (1-based), else its 1-based order in what was read.
 */
export function createCkanAdapter(
  source: CkanSourceConfig,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): DataSourceAdapter {
  const action = absolute(`${source.url.replace(/\/+$/, '')}/api/3/action/datastore_search`);
  async function page(url: string, signal?: AbortSignal): Promise<SearchResult> {
    const response = await fetchFrom(source, url, signal, fetchImpl, 'application/json');
    const type = response.headers.get('content-type') ?? '';
    const text = response.ok
      ? await readText(source, response)
      : await readText(source, response).catch(() => '');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      const status = response.ok ? '' : `HTTP ${response.status} with `;
      throw new SourceError(
        source.id,
        source.name,
        response.ok ? 'malformed' : 'http',
        `answered ${status}something that is not JSON${type ? ` (${type.split(';')[0]})` : ''}`,
        response.status,
      );
    }
    const body = envelope.safeParse(json);
    if (!body.success)
      throw new SourceError(
        source.id,
        source.name,
        'malformed',
        'answered an unexpected shape: not a CKAN API response (no "success")',
      );
    if (!body.data.success) {
      const error = body.data.error;
      const detail =
        [error?.__type, error?.message].filter(Boolean).join(': ') || 'no reason given';
      throw new SourceError(
        source.id,
        source.name,
        response.ok ? 'malformed' : 'http',
        `CKAN refused the request${response.ok ? '' : ` (HTTP ${response.status})`} — ${detail.slice(0, 300)}`,
        response.status,
      );
    }
    if (!response.ok)
      throw new SourceError(
        source.id,
        source.name,
        'http',
        `answered HTTP ${response.status}`,
        response.status,
      );
    const result = searchResult.safeParse(body.data.result);
    if (!result.success)
      throw new SourceError(
        source.id,
        source.name,
        'malformed',
        'answered an unexpected shape: datastore_search result without fields and records',
      );
    return result.data;
  }

  return createTableAdapter({
    source,
    kind: 'ckan',
    capabilities: source.dataset ? [source.dataset] : HXL_DATASETS,
    loadTheatre: (signal) => loadTheatreUrl(source, signal, fetchImpl),
    async loadTable(theatre, signal) {
      const ingest = createIngest(theatreRef(theatre), {
        sourceId: source.id,
        dataset: source.dataset,
        verification: source.verification,
        dayFirst: source.dayFirst,
        maxPreambleRows: 2,
      });
      const records: unknown[] = [];
      const issues: DataIssue[] = [];
      let columns: string[] | undefined;
      const paging = createPaging(source, action);
      for (let url = paging.next(); url; url = paging.next()) {
        const result = await page(url, signal);
        let rows = paging.take(result);
        if (!columns) {
          columns = result.fields.map((f) => f.id).filter((id) => !INTERNAL.has(id));
          const tags = columns.map((id) => source.fields?.[id] ?? (parseHashtag(id) ? id : ''));
          const first = rows[0];
          const firstCells = first ? columns.map((id) => cell(first[id])) : [];
          if (!source.fields && !tags.some(Boolean) && first && isHashtagRow(firstCells)) {
            // HDX stores the hashtag row as the first record.
            ingest.push(
              [firstCells],
              [typeof first._id === 'number' ? first._id : paging.order(first)],
            );
            rows = rows.slice(1);
          } else {
            if (!tags.some(Boolean))
              throw new SourceError(
                source.id,
                source.name,
                'config',
                `its fields (${columns.join(', ')}) have no HXL hashtags: map them with "fields" in config.json`,
              );
            ingest.push([tags], [0]);
          }
        }
        const batch = ingest.push(
          rows.map((r) => columns!.map((id) => cell(r[id]))),
          rows.map((r) => (typeof r._id === 'number' ? r._id : paging.order(r))),
        );
        for (const r of batch.records) records.push(r);
        for (const i of batch.issues) issues.push(i);
      }
      const summary = ingest.finish();
      return {
        host: localTable({
          summary: { ...summary, warnings: [...summary.warnings, ...paging.notices()] },
          records,
          issues,
        }),
        fetchedAt: new Date().toISOString(),
      };
    },
    async testConnection(signal): Promise<ConnectionTest> {
      const started = performance.now();
      try {
        const result = await page(pageUrl(action, source, 0, 1), signal);
        const total =
          result.total === undefined
            ? ''
            : `: ${result.total_was_estimated ? 'about ' : ''}${result.total} rows`;
        return {
          ok: true,
          message: `answered${total}`,
          latencyMs: Math.round(performance.now() - started),
        };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  });
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
