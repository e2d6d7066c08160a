// The crossing pages' addresses, apart from their data logic (crossing-page.ts): the router in
// the first page load reads these; the page's code loads with the page.

/**
 * The crossing id of a path `/crossings/<id>` (decoded), or undefined for another path. The
 * id is only ever looked up among the theatre's crossings, never shown as markup.
 */
export function crossingIdOfPath(pathname: string): string | undefined {
  const match = /^\/crossings\/([^/]+)\/?$/.exec(pathname);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1]!;
  }
}

/**
 * The crossing and chart of an embed path `crossing/<id>/<chart>` (after `/embed/`), decoded;
 * undefined for any other embed.
 */
export function crossingEmbedOfPath(
  path: string,
): { crossingId: string; chartId: string } | undefined {
  const match = /^crossing\/([^/]+)\/([^/]+)\/?$/.exec(path);
  if (!match) return undefined;
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  return { crossingId: decode(match[1]!), chartId: decode(match[2]!) };
}

/** Where a crossing's charts are linked and embedded (see ExportScope's `page`). */
export function crossingChartPage(crossingId: string): { path: string; embedPath: string } {
  const id = encodeURIComponent(crossingId);
  return { path: `crossings/${id}`, embedPath: `crossing/${id}` };
}
