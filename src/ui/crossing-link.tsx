import { useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';
import { navigate, subscribeToUrl } from '../lib/url-state.ts';

/**
 * Links to a crossing's page (/crossings/<id>) from the board, the map and the place lists.
 * They carry the current query (period, filters, source, language), so the page opens on the
 * view the reader was looking at; an id is always encoded, never pasted into the path raw.
 */
export function crossingPageHref(crossingId: string, search: string): string {
  return `/crossings/${encodeURIComponent(crossingId)}${search}`;
}

/** The overview with the current query (the way back from a crossing page). */
export function overviewHref(search: string): string {
  return `/${search}`;
}

/** The current query string, following in-app navigation. */
export function useSearch(): string {
  return useSyncExternalStore(
    subscribeToUrl,
    () => window.location.search,
    () => '',
  );
}

/** Follows an in-app link without reloading, unless the reader asked for a new tab or window. */
export function followInApp(event: MouseEvent<HTMLAnchorElement>, href: string): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(href);
  // A new page starts at its top, as after a full load.
  (document.scrollingElement ?? document.documentElement).scrollTop = 0;
}

/** A link in the app that keeps the current query. */
export function AppLink({
  href,
  children,
  className,
  label,
}: {
  /** The path and query, e.g. from crossingPageHref. */
  href: string;
  children: ReactNode;
  className?: string;
  /** An accessible name when the visible text is not enough. */
  label?: string;
}) {
  return (
    <a
      href={href}
      className={className}
      aria-label={label}
      onClick={(event) => followInApp(event, href)}
    >
      {children}
    </a>
  );
}

/** A link to a crossing's page with the current query. */
export function CrossingPageLink({
  crossingId,
  children,
  className,
  label,
}: {
  crossingId: string;
  children: ReactNode;
  className?: string;
  label?: string;
}) {
  const search = useSearch();
  return (
    <AppLink href={crossingPageHref(crossingId, search)} className={className} label={label}>
      {children}
    </AppLink>
  );
}
