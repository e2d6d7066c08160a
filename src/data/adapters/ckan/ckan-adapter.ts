import { z } from '../../../domain/zod.ts';
import type { DataIssue } from '../../../domain/validate.ts';
import type { CkanSourceConfig } from '../../config.ts';
import { SourceError, type ConnectionTest, type DataSourceAdapter } from '../../contract.ts';
import { fetchFrom } from '../rest/http.ts';
import { HXL_DATASETS, isHashtagRow, parseHashtag } from '../tabular/hxl.ts';
import { createIngest } from '../tabular/ingest.ts';
import { theatreRef } from '../hxl/parse-hxl.ts';
import { createTableAdapter } from '../tabular/table-adapter.ts';
import { absolute, loadTheatreUrl } from '../tabular/theatre-url.ts';

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
  _links: z.object({ next: z.string().optional() }).optional(),
});
type SearchResult = z.infer<typeof searchResult>;

/** Internal DataStore columns, never data. */
const INTERNAL = new Set(['_id', '_full_text', '_rank']);

/**
 * A CKAN DataStore resource (HDX and many portals): `datastore_search` page by page, following
 * `_links.next` (or limit/offset), with the config's exact-match filters. Columns become HXL
 * hashtags — from the config's `fields` mapping, from field ids that are hashtags, or from a
 * first record that is a hashtag row (HDX's convention) — and rows go through the HXL mapping.
 * A row's position is its DataStore `_id` (1-based), else its 1-based order in the answer.
 */
export function createCkanAdapter(
  source: CkanSourceConfig,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): DataSourceAdapter {
  const action = absolute(`${source.url.replace(/\/+$/, '')}/api/3/action/datastore_search`);
  const firstPage = (limit: number) => {
    const url = new URL(action);
    url.searchParams.set('resource_id', source.resourceId);
    url.searchParams.set('limit', String(limit));
    url.searchParams.set('offset', '0');
    if (source.filters && Object.keys(source.filters).length)
      url.searchParams.set('filters', JSON.stringify(source.filters));
    return url.href;
  };

  async function page(url: string, signal?: AbortSignal): Promise<SearchResult> {
    const response = await fetchFrom(source, url, signal, fetchImpl, 'application/json');
    const type = response.headers.get('content-type') ?? '';
    const text = await response.text().catch(() => '');
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
      const warnings: string[] = [];
      let columns: string[] | undefined;
      let read = 0;
      let url: string | undefined = firstPage(source.pageSize);
      const seen = new Set<string>();
      while (url && !seen.has(url)) {
        seen.add(url);
        const result = await page(url, signal);
        let rows = result.records;
        if (!columns) {
          columns = result.fields.map((f) => f.id).filter((id) => !INTERNAL.has(id));
          const tags = columns.map((id) => source.fields?.[id] ?? (parseHashtag(id) ? id : ''));
          const first = rows[0];
          const firstCells = first ? columns.map((id) => cell(first[id])) : [];
          if (!source.fields && !tags.some(Boolean) && first && isHashtagRow(firstCells)) {
            // HDX stores the hashtag row as the first record.
            ingest.push([firstCells], [Number(first._id ?? 1)]);
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
        const positions = rows.map((r, i) => (typeof r._id === 'number' ? r._id : read + i + 1));
        const batch = ingest.push(
          rows.map((r) => columns!.map((id) => cell(r[id]))),
          positions,
        );
        for (const r of batch.records) records.push(r);
        for (const i of batch.issues) issues.push(i);
        read += result.records.length;
        if (read >= source.maxRows) {
          warnings.push(`reading stopped after ${read} rows (maxRows in config.json)`);
          break;
        }
        const total = result.total;
        if (result.records.length === 0 || (total !== undefined && read >= total)) break;
        if (total === undefined && result.records.length < source.pageSize) break;
        url = result._links?.next
          ? new URL(result._links.next, action).href
          : nextOffset(url, source.pageSize);
      }
      const summary = ingest.finish();
      return {
        summary: { ...summary, warnings: [...summary.warnings, ...warnings] },
        records,
        issues,
        fetchedAt: new Date().toISOString(),
      };
    },
    async testConnection(signal): Promise<ConnectionTest> {
      const started = performance.now();
      try {
        const result = await page(firstPage(1), signal);
        const total = result.total === undefined ? '' : `: ${result.total} rows`;
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

function nextOffset(url: string, limit: number): string {
  const next = new URL(url);
  next.searchParams.set('offset', String(Number(next.searchParams.get('offset') ?? 0) + limit));
  return next.href;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
