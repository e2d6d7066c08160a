import type { Theatre } from '../../../domain/schemas.ts';
import type { DataIssue } from '../../../domain/validate.ts';
import { getJson } from '../rest/http.ts';
import { validateTheatre } from '../rest/theatre.ts';

/** Resolves a possibly relative URL against the page. */
export function absolute(url: string): string {
  return new URL(url, globalThis.location?.href ?? 'http://localhost/').href;
}

/** Reads the reference theatre of a table source from its `theatreUrl` (REST shape, or bare). */
export async function loadTheatreUrl(
  source: { id: string; name: string; timeoutMs: number; theatreUrl: string },
  signal: AbortSignal | undefined,
  fetchImpl: typeof fetch,
): Promise<{ theatre: Theatre; issues: DataIssue[] }> {
  const json = await getJson(source, absolute(source.theatreUrl), signal, fetchImpl);
  return validateTheatre(source, json, { bare: true });
}
