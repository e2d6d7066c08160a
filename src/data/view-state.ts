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
import { migrateSearch, VERSION_PARAM } from '../domain/url-version.ts';
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
  const version = useSyncExternalStore(
    subscribeToUrl,
    () => new URLSearchParams(window.location.search).get(VERSION_PARAM),
    () => null,
  );
  const { filters, notices } = useMemo(() => {
    const parsed = parseFilters(new URLSearchParams(search), crossingIds);
    // A link from a newer app is read as this version's, with a word that it may differ.
    const unknown = version === null ? undefined : migrateSearch(`?v=${version}`).unknownVersion;
    if (unknown !== undefined)
      parsed.notices.push({ param: VERSION_PARAM, value: unknown, problem: 'unknown-value' });
    return parsed;
  }, [search, crossingIds, version]);
  const today = theatreDay(now, timeZone);
  const earliestDay = theatre?.earliestDay;
  const statedFrom = theatre?.coverage?.from;
  const statedTo = theatre?.coverage?.to;
  // Spans are clamped like records are: "all", a custom range or a source's stated coverage
  // never runs over empty decades (issue 10). Views end today: the time-zone margin admits
  // records, it does not extend views. Keyed on days, so the same days are the same objects
  // and memos and effects keyed on the range skip re-renders.
  const { range, coverage } = useMemo(() => {
    const bounds = {
      ...dateBounds(startOfTheatreDay(today, timeZone), timeZone, earliestDay),
      latest: today,
    };
    const stated = clampSpan(
      { from: statedFrom ?? FALLBACK_COVERAGE_START, to: statedTo ?? today },
      bounds,
    );
    const shown = clampSpan(resolveRange(filters.range, today, stated.from), bounds);
    const known = statedFrom !== undefined || statedTo !== undefined;
    return {
      range: shown,
      coverage: known ? stated : clampSpan({ from: shown.from, to: today }, bounds),
    };
  }, [filters.range, today, timeZone, earliestDay, statedFrom, statedTo]);
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
  return useMemo(
    () => ({ filters, range, asOf, today, coverage, timeZone, notices, setFilters }),
    [filters, range, asOf, today, coverage, timeZone, notices, setFilters],
  );
}

/**
 * `filters` without the parts that cannot change these datasets, the same object for as long
 * as the parts that can stay the same: memos keyed on it skip unrelated filter changes.
 */
export function useFiltersFor(filters: Filters, ...datasets: Dataset[]): Filters {
  // Keyed on the narrowed filters' text: equal filters give back the same object.
  const key = JSON.stringify(narrowFilters(filters, datasets));
  return useMemo(() => JSON.parse(key) as Filters, [key]);
}
