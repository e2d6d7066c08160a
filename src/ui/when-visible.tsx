import {
  Suspense,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';

type Phase = 'waiting' | 'loading' | 'loaded';

/**
 * Renders `children` (usually a lazy panel) only once the place they go is near the viewport, or
 * once a keyboard user reaches it. Heavy panels (the map) then cost nothing on a phone until the
 * reader scrolls to them, and the space is reserved so that nothing jumps when they arrive.
 *
 * Meanwhile the placeholder is a section named by the panel's heading, and the heading is a Tab
 * stop: tabbing fast never skips a panel that has not loaded yet. A reader still on the
 * placeholder when the panel arrives is kept at this place, so the next Tab enters the panel.
 */
export function WhenVisible({
  children,
  minBlockSize,
  label,
  onRequest,
  ahead = '300px',
  eager = false,
}: {
  children: ReactNode;
  /** The space to hold meanwhile, as a CSS length. */
  minBlockSize: string;
  /** The panel's title: the placeholder's heading. */
  label: string;
  /**
   * When set (the reader saves data), the panel loads only when this button is pressed, never
   * by scrolling or tabbing: its text says what loading costs.
   */
  onRequest?: string;
  /**
   * How far below the screen the place may still be when loading starts (a CSS length). Light
   * panels load a little ahead so they are there when scrolled to; a heavy one (the map, a
   * chart) only once its place is on screen, so it never weighs on the first screen.
   */
  ahead?: string;
  /** Load at once, wherever the place is (a link points into this panel). */
  eager?: boolean;
}) {
  const [phase, setPhase] = useState<Phase>(() =>
    eager || (typeof IntersectionObserver === 'undefined' && onRequest === undefined)
      ? 'loading'
      : 'waiting',
  );
  const slot = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const load = useCallback(() => setPhase((p) => (p === 'waiting' ? 'loading' : p)), []);

  useEffect(() => {
    if (phase !== 'waiting' || !slot.current || onRequest !== undefined) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) load();
      },
      { rootMargin: `${ahead} 0px` },
    );
    observer.observe(slot.current);
    return () => observer.disconnect();
  }, [phase, load, onRequest, ahead]);

  // The panel has committed (its chunk came): the placeholder goes, and focus on it stays here.
  const loaded = useCallback(() => {
    const here = slot.current;
    const active = document.activeElement;
    if (here && active && here.contains(active) && active.closest('[data-deferred]'))
      here.focus({ preventScroll: true });
    setPhase('loaded');
  }, []);

  return (
    // tabIndex -1: a place focus can be parked on (by script), never a Tab stop of its own.
    <div ref={slot} className="when-visible" tabIndex={-1}>
      {phase !== 'loaded' ? (
        <section
          className={onRequest === undefined ? 'deferred' : 'deferred deferred--on-request'}
          // On request nothing arrives by itself, so no space is held for it.
          style={onRequest === undefined ? { minBlockSize } : undefined}
          aria-labelledby={titleId}
          aria-busy={phase === 'loading'}
          data-deferred=""
        >
          {onRequest === undefined ? (
            <h2 id={titleId} className="deferred__title" tabIndex={0} onFocus={load}>
              {label}
            </h2>
          ) : (
            <>
              <h2 id={titleId} className="deferred__title">
                {label}
              </h2>
              <button type="button" className="deferred__load" onClick={load}>
                {onRequest}
              </button>
            </>
          )}
        </section>
      ) : null}
      {phase !== 'waiting' ? (
        <Suspense fallback={null}>
          {children}
          <OnCommit run={loaded} />
        </Suspense>
      ) : null}
    </div>
  );
}

/** Runs `run` once its Suspense boundary has committed, i.e. nothing before it still loads. */
function OnCommit({ run }: { run: () => void }) {
  useLayoutEffect(run, [run]);
  return null;
}
