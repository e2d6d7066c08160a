import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';

/**
 * Where a panel is drawn. `page`: the overview, a crossing's page, an embed, read at arm's
 * length. `wall`: the briefing-room display (/wall), read from the back of a room — panels and
 * charts draw for distance (few ticks, thick lines, the latest value named at the line's end,
 * no text under 1rem, which the wall sets to 24 px at 1920 × 1080 and 48 px at 3840 × 2160).
 */
export type Presentation = 'page' | 'wall';

const PresentationContext = createContext<Presentation>('page');

export function PresentationProvider({
  value,
  children,
}: {
  value: Presentation;
  children: ReactNode;
}) {
  return <PresentationContext value={value}>{children}</PresentationContext>;
}

export const usePresentation = (): Presentation => useContext(PresentationContext);

const subscribeToResize = (onChange: () => void) => {
  if (typeof window === 'undefined') return () => {};
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
};
const rootFontSize = () =>
  typeof document === 'undefined'
    ? 16
    : parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

/**
 * The page's 1rem in CSS pixels, followed across resizes. Text drawn in SVG or on a canvas
 * (chart ticks, map labels) is sized in pixels: on the wall it is sized from this, so that it
 * grows with the screen (4K is drawn at its own density, not zoomed) and never falls under 1rem.
 */
export function useRemPx(): number {
  return useSyncExternalStore(subscribeToResize, rootFontSize, () => 16);
}
