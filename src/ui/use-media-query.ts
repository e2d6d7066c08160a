import { useCallback, useSyncExternalStore } from 'react';

/**
 * The phone layout's breakpoint (600 px): the overview leads with the crossings answer, the
 * header folds its pickers away and the filters come after the answer, collapsed. The same
 * width as the `@media (max-width: 37.5rem)` rules in theme.css.
 */
export const NARROW_SCREEN = '(max-width: 37.5rem)';

/** Whether a media query matches now, following it as the window changes (false without matchMedia). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => {};
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
    () => false,
  );
}
