import { useCallback, useMemo, useSyncExternalStore } from 'react';
import {
  optionSearch,
  parseOptions,
  writeOptions,
  type OptionValues,
  type OptionsSpec,
} from '../domain/chart-options.ts';
import type { FilterNotice } from '../domain/filters.ts';
import { navigateSearch, subscribeToUrl } from '../lib/url-state.ts';

export interface ChartOptionsState<O extends OptionsSpec> {
  values: OptionValues<O>;
  /** Option parameters in the URL that were ignored, and why. */
  notices: FilterNotice[];
  /** Changes some options; the URL (and so Copy link and embeds) follows, as one history entry. */
  setOptions: (next: Partial<OptionValues<O>>) => void;
}

/**
 * A chart's options, read from and written to the URL under its prefix (`aid.stack=crossing`).
 * Only this chart's parameters are followed: another chart's toggle does not redraw it.
 */
export function useChartOptions<O extends OptionsSpec>(
  prefix: string,
  spec: O,
): ChartOptionsState<O> {
  const search = useSyncExternalStore(
    subscribeToUrl,
    () => optionSearch(prefix, spec, window.location.search),
    () => '',
  );
  const { values, notices } = useMemo(
    () => parseOptions(prefix, spec, new URLSearchParams(search)),
    [prefix, spec, search],
  );
  const setOptions = useCallback(
    (next: Partial<OptionValues<O>>) => {
      // Read the URL now, not the values of the last render: two quick clicks both count.
      const params = new URLSearchParams(window.location.search);
      const current = parseOptions(prefix, spec, params).values;
      navigateSearch(writeOptions(prefix, spec, { ...current, ...next }, params));
    },
    [prefix, spec],
  );
  return useMemo(() => ({ values, notices, setOptions }), [values, notices, setOptions]);
}
