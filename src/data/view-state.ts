import { useCallback, useMemo, useSyncExternalStore } from 'react';
import {
  FILTER_PARTS,
  filterPartsFor,
  filterSearch,
  narrowFilters,
  parseFilters,
  resolveRange,
  writeFilters,
  type FilterNotice,
  type FilterPart,
  type Filters,
} from '../domain/filters.ts';
import { clampSpan, dateBounds } from '../domain/date-bounds.ts';
import { shiftDay, startOfTheatreDay, theatreDay, type Day } from '../domain/time.ts';
import type { Dataset } from '../domain/vocabulary.ts';
import { navigateSearch, subscribeToUrl } from '../lib/url-state.ts';
import { useNow } from '../lib/use-now.ts';
import { useTheatre } from './queries.ts';

/** Used until the theatre says when its data begin. */
const FALLBACK_COVERAGE_START = '2023-10-07';

export interface ViewState {
  filters: Filters;
  /** The days the filters cover, theatre-local and inclusive. */
  range: { from: Day; to: Day };
  /** The moment every panel shows the state at: now, or the end of a range that ended earlier. */
  asOf: Date;
  /** Theatre-local today. */
  today: Day;
  /**
   * The days the source covers, within the date bounds (never before the theatre's earliest
   * day nor after today): what "all" and full-range exports span.
   */
  coverage: { from: Day; to: Day };
  timeZone: string;
  /** Parameters in the URL that were ignored, and why. */
  notices: FilterNotice[];
  setFilters: (next: Filters) => void;
}

/**
 * The filters shared by every panel, read from and written to the URL. Until the theatre has
 * loaded, days are cut in UTC; afterwards in the theatre's zone.
 *
 * Given the datasets a panel shows, the view follows only the filters that can change them
 * (see `FILTERS_BY_DATASET`): the others come back empty, and changing them in the URL does not
 * re-render the panel. Ticking a commodity then redraws the aid-flow charts only.
 */
export function useViewState(datasets?: readonly Dataset[]): ViewState {
  const partsKey = (datasets ? filterPartsFor(datasets) : FILTER_PARTS).join(',');
  const parts = useMemo(() => partsKey.split(',').filter(Boolean) as FilterPart[], [partsKey]);
  const search = useSyncExternalStore(
    subscribeToUrl,
    () => filterSearch(window.location.search, parts),
    () => '',
  );
  const theatre = useTheatre().data?.theatre;
  const now = useNow();
  const timeZone = theatre?.timeZone ?? 'UTC';
  const crossingIds = useMemo(() => theatre?.crossings.map((c) => c.id), [theatre]);
  const { filters, notices } = useMemo(
    () => parseFilters(new URLSearchParams(search), crossingIds),
    [search, crossingIds],
  );
  const today = theatreDay(now, timeZone);
  // Spans are clamped like records are: "all", a custom range or a source's stated coverage
  // never runs over empty decades (issue 10).
  // Views end today: the time-zone margin admits records, it does not extend views.
  const bounds = { ...dateBounds(now, timeZone, theatre?.earliestDay), latest: today };
  const stated = clampSpan(
    {
      from: theatre?.coverage?.from ?? FALLBACK_COVERAGE_START,
      to: theatre?.coverage?.to ?? today,
    },
    bounds,
  );
  const range = clampSpan(resolveRange(filters.range, today, stated.from), bounds);
  const coverage = theatre?.coverage ? stated : clampSpan({ from: range.from, to: today }, bounds);
  const past = range.to < today;
  // The same moment is the same Date, so panels given `asOf` as a prop need not redraw.
  const endOfRange = useMemo(
    () => (past ? new Date(+startOfTheatreDay(shiftDay(range.to, 1), timeZone) - 1) : undefined),
    [past, range.to, timeZone],
  );
  const asOf = endOfRange ?? now;
  const setFilters = useCallback(
    (next: Filters) => {
      const params = new URLSearchParams(window.location.search);
      const out = writeFilters(next, params);
      // Parts this view does not follow stay as they are in the URL.
      for (const part of FILTER_PARTS)
        if (!parts.includes(part)) {
          const kept = params.get(part);
          if (kept === null) out.delete(part);
          else out.set(part, kept);
        }
      navigateSearch(out);
    },
    [parts],
  );
  return { filters, range, asOf, today, coverage, timeZone, notices, setFilters };
}

/**
 * `filters` without the parts that cannot change these datasets, the same object for as long
 * as the parts that can stay the same: memos keyed on it skip unrelated filter changes.
 */
export function useFiltersFor(filters: Filters, ...datasets: Dataset[]): Filters {
  const narrowed = narrowFilters(filters, datasets);
  const key = JSON.stringify(narrowed);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => narrowed, [key]);
}
