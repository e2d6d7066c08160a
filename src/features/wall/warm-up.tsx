import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Panels whose data are loaded before they are first shown (issue 18, item 14): while one
 * panel is on screen, the next ones not yet shown are drawn out of sight, at the stage's size
 * (so they ask exactly what they will ask when shown: a chart's resolution follows its width),
 * until every section in them has settled. Then they are let go (but the next panel, which stays
 * drawn); the wall's query keeper holds their queries, so each panel comes up with its data.
 * Two at a time, in rotation order, so that the panel on screen keeps the machine's attention.
 */
export const WARM_AT_ONCE = 2;

/** How long a panel is given to settle out of sight (a source down keeps retrying). */
export const WARM_GIVE_UP_MS = 60_000;

/** The panels to draw out of sight now: the next ones in rotation order, not yet ready. */
export function panelsToWarm(
  order: readonly string[],
  current: number,
  ready: ReadonlySet<string>,
  at = WARM_AT_ONCE,
): string[] {
  const out: string[] = [];
  for (let step = 1; step < order.length && out.length < at; step++) {
    const id = order[(current + step) % order.length]!;
    if (!ready.has(id)) out.push(id);
  }
  return out;
}

/** True once the box holds at least one panel section and none of them is still loading. */
export function sectionsSettled(box: ParentNode): boolean {
  const sections = box.querySelectorAll('section[data-state]');
  if (sections.length === 0) return false;
  for (const s of sections) if (s.getAttribute('data-state') === 'loading') return false;
  return true;
}

/**
 * A panel's place on the rotating stage: shown, or drawn out of sight (hidden from sight, from
 * assistive technology and from input) at the same size. The same element either way, so that
 * the next panel, drawn out of sight during the current one, comes up as it was drawn (a map
 * already idle, a chart already laid out) rather than drawn again. With `onReady`, an out-of-
 * sight panel says when its sections have settled (or `giveUpMs` passed).
 */
export function PanelSlot({
  id,
  shown,
  children,
  onReady,
  giveUpMs = WARM_GIVE_UP_MS,
}: {
  id: string;
  shown: boolean;
  children: ReactNode;
  onReady?: ((id: string) => void) | undefined;
  giveUpMs?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const done = useRef(onReady);
  useEffect(() => {
    done.current = onReady;
  });
  const watching = !shown && onReady !== undefined;
  useEffect(() => {
    const el = box.current;
    if (!el || !watching) return;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      done.current?.(id);
    };
    const check = () => {
      if (sectionsSettled(el)) finish();
    };
    const observer = new MutationObserver(check);
    observer.observe(el, { subtree: true, childList: true, attributeFilter: ['data-state'] });
    const timer = setTimeout(finish, giveUpMs);
    check();
    return () => {
      finished = true;
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [id, giveUpMs, watching]);
  return (
    <div
      ref={box}
      className={shown ? 'wall__slot' : 'wall__warm-slot'}
      data-panel={id}
      aria-hidden={shown ? undefined : true}
    >
      {children}
    </div>
  );
}

/**
 * Which panels are ready to be shown (drawn once, here or out of sight) and a callback to add
 * one. Reset when the panels change.
 */
export function useReadyPanels(key: string) {
  const [ready, setReady] = useState<{ key: string; ids: ReadonlySet<string> }>(() => ({
    key,
    ids: new Set(),
  }));
  const ids = ready.key === key ? ready.ids : new Set<string>();
  const add = useCallback(
    (id: string) =>
      setReady((r) => {
        const base = r.key === key ? r.ids : new Set<string>();
        if (r.key === key && base.has(id)) return r;
        return { key, ids: new Set([...base, id]) };
      }),
    [key],
  );
  return { ready: ids, add };
}
