import type { BoardRow } from './board-model.ts';
import type { PhoneSourceGroup } from './phone-model.ts';

/**
 * How many crossing tiles a 16:9 wall holds at its type size (key words 2rem, nothing under
 * 1rem): four columns of two rows, one place kept for the key.
 */
export const TILES_PER_PAGE = 7;
/** Seconds each page of tiles stays up when the crossings need more than one. */
export const WALL_PAGE_SECONDS = 10;

export interface TilePage {
  /** First and past-last index of the crossings on this page. */
  from: number;
  to: number;
  /** Number of pages. */
  count: number;
  /** Columns of the grid (the key tile included). */
  columns: number;
}

/**
 * The page of tiles shown at `beat` (a counter that goes up every WALL_PAGE_SECONDS): the
 * crossings split as evenly as the pages allow, so that no page holds a lone crossing.
 */
export function tilePage(crossings: number, beat: number, perPage = TILES_PER_PAGE): TilePage {
  const count = Math.max(1, Math.ceil(crossings / perPage));
  const size = Math.ceil(crossings / count);
  const index = ((beat % count) + count) % count;
  const from = Math.min(crossings, index * size);
  const to = Math.min(crossings, from + size);
  const tiles = to - from + 1;
  return { from, to, count, columns: tiles <= 4 ? tiles : Math.ceil(tiles / 2) };
}

/**
 * The sources the tiles number, in the order of their columns (those that count trucks), then
 * any that only report a status (the one shown, or one that disagrees with it): each crossing's
 * figures and statuses name their source by this number, and the key tile names the numbers.
 */
export function numberedSources(
  groups: readonly PhoneSourceGroup[],
  rows: readonly BoardRow[],
): string[] {
  const ids = groups.map((g) => g.sourceId);
  const statusOnly = new Set<string>();
  for (const { status } of rows)
    for (const p of [status.latest, ...status.disagreements])
      if (p && !ids.includes(p.provenance.sourceId)) statusOnly.add(p.provenance.sourceId);
  return [...ids, ...[...statusOnly].sort()];
}
