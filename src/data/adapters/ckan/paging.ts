/** What paging needs of a CKAN source's config. */
export interface PagedSource {
  name: string;
  resourceId: string;
  filters?: Record<string, string | number | boolean>;
  pageSize: number;
  maxRows: number;
  maxPages: number;
}

/** What paging needs of one `datastore_search` answer. */
export interface PageAnswer {
  records: Record<string, unknown>[];
  total?: number;
  total_was_estimated?: boolean;
}

/** The `datastore_search` URL for `limit` rows from `offset`. */
export function pageUrl(
  action: string,
  source: PagedSource,
  offset: number,
  limit: number,
): string {
  const url = new URL(action);
  url.searchParams.set('resource_id', source.resourceId);
  url.searchParams.set('limit', String(limit));
  url.searchParams.set('offset', String(offset));
  if (source.filters && Object.keys(source.filters).length)
    url.searchParams.set('filters', JSON.stringify(source.filters));
  return url.href;
}

/**
 * Pages through a DataStore table by an offset it computes from the rows actually received,
 * never by the portal's `_links.next` (CKAN sends one even past the end, and a portal can change
 * a cache-busting parameter in it forever) and never stopping on `total` alone (CKAN estimates
 * it on large tables, and it can be wrong). Reading ends on an empty page, on a short page (unless
 * an exact total says rows remain: a portal whose row limit is below pageSize), on rows that were
 * already read (a portal ignoring `offset`), or at maxRows or maxPages; every early or doubtful
 * end is said in `notices`, naming the source, and the rows read so far are kept.
 */
export function createPaging(source: PagedSource, action: string) {
  let offset = 0;
  let pages = 0;
  let received = 0;
  let repeats = 0;
  let done = false;
  let total: number | undefined;
  let estimated = false;
  const stops: string[] = [];
  const ids = new Set<number>();
  const order = new WeakMap<object, number>();
  const rows = (n: number) => `${n} row${n === 1 ? '' : 's'}`;

  return {
    /** The URL of the next page, or undefined when reading is over. */
    next(): string | undefined {
      if (done) return undefined;
      if (pages >= source.maxPages) {
        done = true;
        stops.push(
          `${source.name}: reading stopped after ${pages} pages (maxPages in config.json); the ${rows(received)} read so far are kept and counted, the rest of the table was not read${total === undefined ? '' : ` (the portal gives its size as ${estimated ? 'about ' : ''}${total})`}`,
        );
        return undefined;
      }
      pages++;
      return pageUrl(action, source, offset, source.pageSize);
    },

    /** Takes a page's answer; returns its rows not read before, in order. */
    take(answer: PageAnswer): Record<string, unknown>[] {
      const all = answer.records;
      total = answer.total;
      estimated = answer.total_was_estimated === true;
      offset += all.length;
      const fresh = all.filter((r) => {
        if (typeof r._id !== 'number') return true;
        if (ids.has(r._id)) return false;
        ids.add(r._id);
        return true;
      });
      fresh.forEach((r, i) => order.set(r, received + i + 1));
      repeats += all.length - fresh.length;
      received += fresh.length;
      const exactMore = total !== undefined && !estimated && received < total;
      if (all.length === 0) done = true;
      else if (fresh.length === 0) {
        done = true;
        stops.push(
          `${source.name}: answered rows already read when asked for offset ${offset - all.length}, as if it ignored "offset"; reading stopped at ${rows(received)}`,
        );
      } else if (all.length < source.pageSize && !exactMore) done = true;
      else if (received >= source.maxRows) {
        done = true;
        stops.push(
          `${source.name}: reading stopped after ${rows(received)} (maxRows in config.json); the rest of the table was not read`,
        );
      }
      return fresh;
    },

    /** A row's 1-based order in what was read, for rows without a DataStore `_id`. */
    order: (row: object) => order.get(row) ?? received,

    /** What the reader must be told about how reading ended. */
    notices(): string[] {
      const out = [...stops];
      if (repeats)
        out.push(
          `${source.name}: ${rows(repeats)} came a second time (an _id already read: the table may have changed while it was read) and ${repeats === 1 ? 'was' : 'were'} read once`,
        );
      if (stops.length || total === undefined) return out;
      if (estimated)
        out.push(
          `${source.name}: the portal estimated its size at about ${total} rows (total_was_estimated); ${rows(received)} were read, to the end of the table`,
        );
      else if (total !== received)
        out.push(
          `${source.name}: the portal said it holds ${rows(total)}, but ${rows(received)} were read, to the end of the table; all are kept`,
        );
      return out;
    },
  };
}
