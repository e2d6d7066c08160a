import { useCallback, useMemo, useSyncExternalStore } from 'react';
import {
  parseFilters,
  resolveRange,
  writeFilters,
  type FilterNotice,
  type Filters,
} from '../domain/filters.ts';
import { shiftDay, startOfTheatreDay, theatreDay, type Day } from '../domain/time.ts';
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
  timeZone: string;
  /** Parameters in the URL that were ignored, and why. */
  notices: FilterNotice[];
  setFilters: (next: Filters) => void;
}

/**
 * The filters shared by every panel, read from and written to the URL. Until the theatre has
 * loaded, days are cut in UTC; afterwards in the theatre's zone.
 */
export function useViewState(): ViewState {
  const search = useSyncExternalStore(
    subscribeToUrl,
    () => window.location.search,
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
  const range = resolveRange(
    filters.range,
    today,
    theatre?.coverage?.from ?? FALLBACK_COVERAGE_START,
  );
  const asOf =
    range.to >= today ? now : new Date(+startOfTheatreDay(shiftDay(range.to, 1), timeZone) - 1);
  const setFilters = useCallback((next: Filters) => {
    navigateSearch(writeFilters(next, new URLSearchParams(window.location.search)));
  }, []);
  return { filters, range, asOf, today, timeZone, notices, setFilters };
}
