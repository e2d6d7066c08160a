import { useCallback, useRef, useState, useSyncExternalStore } from 'react';

/**
 * The width a chart has, measured by a ResizeObserver. Charts need it twice: to draw, and to
 * decide how many points they can show (never more than they have pixels). Where nothing can
 * be measured (jsdom, before layout) it answers `fallback`; the third value says whether the
 * width is known, so that data sized to it are not asked for twice (the fallback, then the real).
 */
export function useChartWidth<T extends HTMLElement>(
  fallback = 640,
): [(el: T | null) => void, number, boolean] {
  const [width, setWidth] = useState(0);
  const [measured, setMeasured] = useState(false);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: T | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el || typeof ResizeObserver === 'undefined') return;
    // Round to 8 px so that small layout jitter does not re-aggregate or redraw.
    const measure = (w: number) => {
      setWidth(Math.floor(w / 8) * 8);
      setMeasured(true);
    };
    measure(el.clientWidth);
    observer.current = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w !== undefined) measure(w);
    });
    observer.current.observe(el);
  }, []);
  // Measured once (a box that has no width yet gets the fallback), or never will be (no
  // ResizeObserver): a chart may ask for data sized to it.
  const known = measured || typeof ResizeObserver === 'undefined';
  return [ref, width > 0 ? width : fallback, known];
}

/**
 * The width and height of a box that the layout sizes (on the wall, the room a chart has left
 * under its title and above its legend), followed by a ResizeObserver; undefined until
 * measured, or when `enabled` is false (the page, where charts are as tall as they need).
 */
export function useBoxSize<T extends HTMLElement>(
  enabled: boolean,
): [(el: T | null) => void, { width: number; height: number } | undefined] {
  const [size, setSize] = useState<{ width: number; height: number }>();
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback(
    (el: T | null) => {
      observer.current?.disconnect();
      observer.current = null;
      if (!el || !enabled || typeof ResizeObserver === 'undefined') return;
      // Whole px, so that sub-pixel layout jitter does not redraw the chart.
      const measure = (width: number, height: number) =>
        setSize((old) => {
          const next = { width: Math.floor(width), height: Math.floor(height) };
          return old && old.width === next.width && old.height === next.height ? old : next;
        });
      measure(el.clientWidth, el.clientHeight);
      observer.current = new ResizeObserver((entries) => {
        const box = entries[0]?.contentRect;
        if (box) measure(box.width, box.height);
      });
      observer.current.observe(el);
    },
    [enabled],
  );
  return [ref, enabled ? size : undefined];
}

const QUERY = '(prefers-reduced-motion: reduce)';
const subscribe = (onChange: () => void) => {
  if (typeof window === 'undefined' || !window.matchMedia) return () => {};
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
};

/** True when the user asked for less motion: charts then draw without animation. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () =>
      typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(QUERY).matches : false,
    () => true,
  );
}
