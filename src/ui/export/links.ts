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

/** An iframe snippet with a title (screen readers name the frame by it). */
export function embedCode(
  src: string,
  title: string,
  size: { width: number; height: number },
): string {
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" ` +
    `width="${Math.round(size.width)}" height="${Math.round(size.height)}" ` +
    `style="border:0;max-width:100%" loading="lazy"></iframe>`
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
