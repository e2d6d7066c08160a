import { HXL_DATASETS } from '../tabular/hxl.ts';
import type { HxlSourceConfig } from '../../config.ts';
import { SourceError, type ConnectionTest, type DataSourceAdapter } from '../../contract.ts';
import { fetchFrom, httpError, readBlob, readText } from '../rest/http.ts';
import { createCsvStream } from '../tabular/csv-stream.ts';
import { createDecoder } from '../tabular/decode.ts';
import { createIngest, TableError } from '../tabular/ingest.ts';
import { createTableAdapter } from '../tabular/table-adapter.ts';
import { absolute, loadTheatreUrl } from '../tabular/theatre-url.ts';
import type { TheatreRef } from '../tabular/row-mapper.ts';
import { openHxlTable } from './open-table.ts';

/**
 * An HXL-tagged CSV at a URL (a static host, or a shared spreadsheet's "publish as CSV" link).
 * The file is fetched whole, then read into a table its own Web Worker holds and rolls up; rows are matched to the theatre at
 * `theatreUrl`. See docs/adapters.md for the hashtag mapping.
 */
export function createHxlAdapter(
  source: HxlSourceConfig,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): DataSourceAdapter {
  const url = absolute(source.url);
  return createTableAdapter({
    source,
    kind: 'hxl',
    capabilities: source.dataset ? [source.dataset] : HXL_DATASETS,
    loadTheatre: (signal) => loadTheatreUrl(source, signal, fetchImpl),
    async loadTable(theatre, signal) {
      const response = await fetchFrom(
        source,
        url,
        signal,
        fetchImpl,
        'text/csv, text/plain;q=0.9, */*;q=0.5',
      );
      if (!response.ok)
        throw httpError(
          source,
          response.status,
          await readText(source, response).catch(() => ''),
          response.headers.get('content-type') ?? '',
        );
      const blob = await readBlob(source, response);
      const host = await openHxlTable(blob, theatre, {
        sourceId: source.id,
        dataset: source.dataset,
        verification: source.verification,
        dayFirst: source.dayFirst,
      });
      return { host, fetchedAt: new Date().toISOString() };
    },
    testConnection: (signal) => testHxlUrl(source, url, signal, fetchImpl),
  });
}

/** Fetches the start of the file and checks that it is CSV with a hashtag row. Never throws. */
async function testHxlUrl(
  source: HxlSourceConfig,
  url: string,
  signal: AbortSignal | undefined,
  fetchImpl: typeof fetch,
): Promise<ConnectionTest> {
  const started = performance.now();
  try {
    const response = await fetchFrom(
      source,
      url,
      signal,
      fetchImpl,
      'text/csv, text/plain;q=0.9, */*;q=0.5',
    );
    if (!response.ok) throw httpError(source, response.status, '', '');
    // The whole body under the source's time limit (a stalled answer is a time-out).
    const bytes = new Uint8Array(await (await readBlob(source, response)).arrayBuffer());
    const csv = createCsvStream();
    const theatre: TheatreRef = {
      id: 't',
      names: { en: 'the theatre' },
      timeZone: 'UTC',
      crossings: [],
      facilities: [],
      sources: [],
    };
    const ingest = createIngest(theatre, { sourceId: source.id, dataset: source.dataset });
    // Only the hashtag row matters here: rows fail to match an empty theatre, which is fine.
    try {
      // The start of the file, decoded as the whole file would be (UTF-16 included).
      const decoder = createDecoder();
      const cut = bytes.length > 256 * 1024;
      const text = decoder.push(bytes.subarray(0, 256 * 1024)) + (cut ? '' : decoder.end());
      ingest.push([...csv.push(text), ...csv.end()]);
      const summary = ingest.finish();
      return {
        ok: true,
        message: `answered: HXL ${summary.dataset}, hashtag row ${summary.hashtagRow}`,
        latencyMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      if (error instanceof TableError)
        throw new SourceError(source.id, source.name, 'malformed', error.message);
      throw error;
    }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
