import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Panels whose data are loaded before they are first shown (issue 18, item 14): while one
 * panel is on screen, the next ones not yet shown are drawn out of sight, at the stage's size
 * (so they ask exactly what they will ask when shown: a chart's resolution follows its width),
 * until every section in them has settled. Then they are let go; the wall's query keeper holds
 * their queries, so the panel comes up with its data. Two at a time, in rotation order, so that
 * the panel on screen keeps the machine's attention.
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
 * One panel drawn out of sight until its sections settle (or `giveUpMs` pass); then `onReady`.
 * Hidden from sight, from assistive technology and from input.
 */
export function WarmPanel({
  id,
  children,
  onReady,
  giveUpMs = WARM_GIVE_UP_MS,
}: {
  id: string;
  children: ReactNode;
  onReady: (id: string) => void;
  giveUpMs?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const done = useRef(onReady);
  useEffect(() => {
    done.current = onReady;
  });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      done.current(id);
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
  }, [id, giveUpMs]);
  return (
    <div ref={box} className="wall__warm-slot" data-panel={id}>
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
