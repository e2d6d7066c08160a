/**
 * Opening a link to a chart (`…#chart-aid-flow`) lands on that chart. The browser cannot do it
 * by itself: the chart's panel loads lazily, so there is no such element when the page loads.
 * Here we wait until the chart has rendered (ready, empty or failed), bring it to the top of the
 * viewport, move focus to its heading (keyboard and screen-reader users start there), and keep
 * it in place while panels above it load and change height — until the reader scrolls, or the
 * page has been still for a while.
 */
import { chartOfHash } from './chart-hash.ts';

/** How long the page must stay still (nothing loading, the chart in place) before we let go. */
const SETTLED_MS = 1500;
/** Never hold the page longer than this. */
const GIVE_UP_MS = 30_000;

/** Starts landing on the chart of `hash`; returns a function that stops it. */
export function landOnChart(hash: string): () => void {
  const chartId = chartOfHash(hash);
  if (!chartId) return () => {};
  const started = performance.now();
  let stopped = false;
  let landedTop: number | undefined;
  let stillSince = 0;
  let frame = 0;

  const stop = () => {
    stopped = true;
    cancelAnimationFrame(frame);
    for (const type of USER_SCROLLS) window.removeEventListener(type, stop, true);
  };
  // The reader's own scrolling (wheel, touch, keys, scrollbar) wins at once.
  const USER_SCROLLS = ['wheel', 'touchmove', 'keydown', 'mousedown'] as const;
  for (const type of USER_SCROLLS)
    window.addEventListener(type, stop, { capture: true, passive: true });

  const tick = (now: number) => {
    if (stopped) return;
    if (now - started > GIVE_UP_MS) return stop();
    const section = document.getElementById(`chart-${chartId}`);
    const state = section?.getAttribute('data-state');
    if (section && state && state !== 'loading') {
      if (landedTop === undefined) {
        section.scrollIntoView({ block: 'start' });
        landedTop = section.getBoundingClientRect().top;
        const heading = section.querySelector<HTMLElement>('[aria-level], h2, h3');
        (heading ?? section).focus({ preventScroll: true });
        stillSince = now;
      } else {
        const drift = section.getBoundingClientRect().top - landedTop;
        if (Math.abs(drift) > 1) {
          window.scrollBy({ top: drift, behavior: 'instant' });
          stillSince = now;
        }
      }
      // Still loading above (a panel arriving can move the chart): keep holding.
      if (document.querySelector('[aria-busy="true"]')) stillSince = now;
      if (now - stillSince > SETTLED_MS) return stop();
    }
    frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
  return stop;
}
