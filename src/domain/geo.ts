import { reason, type Reason } from './reasons.ts';
import type { Point } from './schemas.ts';

/** [west, south, east, north] in degrees, as `Theatre.bbox`. */
export type BBox = readonly [number, number, number, number];
/** [lon, lat], as in GeoJSON. */
export type Position = readonly [number, number];

export type GeoProblem = 'not-a-number' | 'swapped' | 'outside';

/** Whether a place can be drawn in the theatre, and if not, why (see reasons.ts). */
export type GeoCheck = { ok: true } | { ok: false; problem: GeoProblem; reason: Reason };

const OK: GeoCheck = { ok: true };

const inside = (lon: number, lat: number, [w, s, e, n]: BBox) =>
  lon >= w && lon <= e && lat >= s && lat <= n;

const fmt = (n: number) => (Number.isFinite(n) ? String(Math.round(n * 1e5) / 1e5) : String(n));

/**
 * Checks that a point lies in the theatre. A point that is outside as given but inside with
 * latitude and longitude exchanged is reported as swapped, the commonest slip in hand-made data.
 */
export function checkInTheatre(point: Point, bbox: BBox, at?: { point: number }): GeoCheck {
  const { lat, lon } = point;
  // Coordinates are the record's own figures: given as written (rounded), not as localised numbers.
  const where = { lat: fmt(lat), lon: fmt(lon), ...at };
  if (!Number.isFinite(lat) || !Number.isFinite(lon))
    return { ok: false, problem: 'not-a-number', reason: reason('coords-not-numbers', where) };
  if (inside(lon, lat, bbox)) return OK;
  if (inside(lat, lon, bbox))
    return { ok: false, problem: 'swapped', reason: reason('coords-swapped', where) };
  return {
    ok: false,
    problem: 'outside',
    reason: reason('outside-theatre', { ...where, bbox: bbox.join(', ') }),
  };
}

/** Checks every position of a line or polygon; the first bad one decides, with its index. */
export function checkPositionsInTheatre(positions: readonly Position[], bbox: BBox): GeoCheck {
  for (let i = 0; i < positions.length; i++) {
    const [lon, lat] = positions[i]!;
    const check = checkInTheatre({ lat, lon }, bbox, { point: i + 1 });
    if (!check.ok) return check;
  }
  return OK;
}

/** The smallest box around some positions; undefined for none. */
export function boundsOf(positions: readonly Position[]): BBox | undefined {
  if (positions.length === 0) return undefined;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of positions) {
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  return [w, s, e, n];
}
