import { stampVersion } from '../../domain/url-version.ts';
import type { ChartPage } from './export-context.tsx';

/**
 * Permalinks, embed URLs, embed code and file names of exports. The view state lives in the URL,
 * so a link is the overview (or /embed/<chart>) with the same query string, stamped with the
 * URL's version so that later versions can migrate it (see domain/url-version.ts).
 */

const root = () => new URL(import.meta.env.BASE_URL ?? '/', window.location.origin);

/** The overview (or the chart's own page) with the current parameters, scrolled to the chart. */
export function permalink(
  chartId: string,
  search = window.location.search,
  page?: ChartPage,
): string {
  const url = page ? new URL(page.path, root()) : root();
  url.search = stampVersion(search);
  url.hash = `chart-${chartId}`;
  return url.href;
}

/**
 * /embed/<chart> (or /embed/<page>/<chart> for a chart of a page of its own) with the current
 * parameters: the chart alone, for an iframe.
 */
export function embedUrl(
  chartId: string,
  search = window.location.search,
  page?: ChartPage,
): string {
  const prefix = page ? `${page.embedPath}/` : '';
  const url = new URL(`embed/${prefix}${encodeURIComponent(chartId)}`, root());
  url.search = stampVersion(search);
  return url.href;
}

/** Text for an HTML attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The message an embed posts to the page framing it, whenever its height changes. */
export const EMBED_HEIGHT_MESSAGE = 'access-monitor:height';

/**
 * The query string with the range written as the days shown (`from`/`to`) instead of a moving
 * window (`range=all`, `range=30d`): the link shows the same days whenever it is opened. The
 * as-of moment follows from it (a range that has ended is shown as of its last day's end);
 * the URL has no as-of parameter of its own.
 */
export function pinnedSearch(search: string, range: { from: string; to: string }): string {
  const params = new URLSearchParams(search);
  params.delete('range');
  params.set('from', range.from);
  params.set('to', range.to);
  return `?${params.toString()}`;
}

/** The query string a link or file hands out: the view's own, or its days pinned. */
export function sharedSearch(
  range: { from: string; to: string },
  pin: boolean,
  search = window.location.search,
): string {
  return pin ? pinnedSearch(search, range) : search;
}

/**
 * A responsive embed: an iframe the full width of its container, and a tiny script that sets
 * its height to the one the embed page posts (`EMBED_HEIGHT_MESSAGE`), from the embed's origin
 * and that very frame only. Without the script (a CMS that strips scripts) the frame keeps its
 * `fallbackHeight` and scrolls inside if it must. Every value is escaped for where it goes.
 */
export function embedCode(src: string, title: string, fallbackHeight: number): string {
  const origin = new URL(src).origin;
  const height = Math.max(200, Math.round(fallbackHeight));
  // A JS string literal that cannot close the script element, whatever the origin holds.
  const literal = (text: string) =>
    JSON.stringify(text).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  const script =
    `(function(){var o=${literal(origin)};` +
    `window.addEventListener("message",function(e){var d=e.data;` +
    `if(e.origin!==o||!d||d.type!==${literal(EMBED_HEIGHT_MESSAGE)}||typeof d.height!=="number"` +
    `||!(d.height>0&&d.height<20000))return;` +
    `var f=document.getElementsByTagName("iframe");` +
    `for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)` +
    `f[i].style.height=Math.ceil(d.height)+"px"})})();`;
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" ` +
    `width="100%" height="${height}" style="width:100%;border:0" loading="lazy"></iframe>` +
    `<script>${script}</script>`
  );
}

/** e.g. aid-flow_2025-01-01_2025-03-31.png */
export function exportFileName(
  chartId: string,
  range: { from: string; to: string },
  extension: string,
  suffix = '',
): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, '-');
  return `${safe(chartId)}_${safe(range.from)}_${safe(range.to)}${suffix}.${extension}`;
}

/** Saves a file the browser's way: a temporary object URL on a link with `download`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
