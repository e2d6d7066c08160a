import { otherPlaceNames, placeName } from '../../domain/place-names.ts';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiPolygon,
  Point,
  Polygon,
} from 'geojson';
import { crossingStatusAt, type CrossingStatusNow } from '../../domain/crossing-status.ts';
import {
  boundsOf,
  checkInTheatre,
  checkPositionsInTheatre,
  type BBox,
  type Position,
} from '../../domain/geo.ts';
import type {
  AdminArea,
  Corridor,
  CorridorStatus,
  Crossing,
  CrossingStatus,
  Facility,
  FacilityStatus,
  Names,
  Theatre,
  UtilityStatus,
} from '../../domain/schemas.ts';
import {
  corridorStatusAt,
  facilityStatusOn,
  utilityLevelOn,
  windowStateAt,
  type UtilityLevel,
  type WindowState,
} from '../../domain/theatre-state.ts';
import { describeReasons, reason, type Reason } from '../../domain/reasons.ts';
import { shiftDay, theatreDay, type Day } from '../../domain/time.ts';
import { recordIdentity, type DataIssue } from '../../domain/validate.ts';
import type { CrossingState, Functionality, Service } from '../../domain/vocabulary.ts';
import { BAND_LIMITS } from './layers.ts';

/** Everything the map shows at one moment: GeoJSON for the layers, and the same places as items. */
export interface MapData {
  crossings: FeatureCollection<Point, CrossingProps>;
  corridors: FeatureCollection<LineString, CorridorProps>;
  facilities: FeatureCollection<Point, FacilityProps>;
  areas: FeatureCollection<Polygon | MultiPolygon, AreaProps>;
  /** The places on the map, for the keyboard list and the details. */
  items: MapItem[];
  /** Places left off the map because of their coordinates. */
  rejected: DataIssue[];
}

interface BaseProps {
  /** `${kind}:${id}`, unique across layers. */
  key: string;
  id: string;
  name: string;
}
export interface CrossingProps extends BaseProps {
  state: CrossingState;
}
export interface CorridorProps extends BaseProps {
  state: CrossingState;
  inWindow: boolean;
  /** The line's label: name and daily window. */
  label: string;
}
export interface FacilityProps extends BaseProps {
  functionality: Functionality;
  beds: number;
}
export interface AreaProps extends BaseProps {
  /** 0–3 from worst to best, -1 without a report. */
  band: number;
}

interface ItemBase {
  key: string;
  id: string;
  name: string;
  /** Names in the other languages and the other communities' names. */
  otherNames: string[];
  bounds: BBox;
}
export type MapItem =
  | (ItemBase & { kind: 'crossing'; crossing: Crossing; status: CrossingStatusNow })
  | (ItemBase & {
      kind: 'corridor';
      corridor: Corridor;
      status: CorridorStatus | undefined;
      window: WindowState;
    })
  | (ItemBase & { kind: 'facility'; facility: Facility; report: FacilityStatus | undefined })
  | (ItemBase & { kind: 'area'; area: AdminArea; level: UtilityLevel | undefined });
export type MapItemKind = MapItem['kind'];

export interface MapInputs {
  theatre: Theatre;
  /** Who sent the theatre: rejected places are counted against it. */
  sourceId: string;
  crossingStatuses: readonly CrossingStatus[];
  corridorStatuses: readonly CorridorStatus[];
  facilityReports: readonly FacilityStatus[];
  utilityRecords: readonly UtilityStatus[];
  asOf: Date;
  locale: string;
  service: Service;
}

export const itemKey = (kind: MapItemKind, id: string) => `${kind}:${id}`;

/** The name in the reader's language (English as the fallback). */
export function nameIn(names: Names, locale: string): string {
  return placeName(names, locale);
}

/** Every other name of a place: its names in other languages, then its aliases, once each. */
export function otherNamesOf(names: Names, aliases: readonly string[], locale: string): string[] {
  return otherPlaceNames(names, aliases, locale);
}

/** The shading band of a level against its baseline: 0 (< 25 %) … 3 (≥ 75 %). */
export function utilityBand(ratio: number): number {
  const band = BAND_LIMITS.findIndex((limit) => ratio < limit);
  return band === -1 ? BAND_LIMITS.length : band;
}

/**
 * The days the map asks the source for, computed from UTC (like the board) so that the request
 * can go out before the theatre's time zone is known, and shares the board's cache when the
 * moment is now.
 */
export function mapFetchRange(asOf: Date): { from: Day; to: Day } {
  const utcDay = asOf.toISOString().slice(0, 10);
  return { from: shiftDay(utcDay, -7), to: shiftDay(utcDay, 1) };
}

export function buildMapData(input: MapInputs): MapData {
  const { theatre, asOf, locale } = input;
  const bbox = theatre.bbox;
  const day = theatreDay(asOf, theatre.timeZone);
  const rejected: DataIssue[] = [];
  const items: MapItem[] = [];
  const reject = (list: string, index: number, field: string, why: Reason, raw: unknown) => {
    const reasons = [reason('left-off-map'), why];
    rejected.push({
      sourceId: input.sourceId,
      dataset: 'theatre',
      position: index,
      record: `${list}/${recordIdentity(raw)}`,
      field: `${list}[${index}].${field}`,
      reason: describeReasons(reasons),
      reasons,
      raw,
    });
  };
  const base = (kind: MapItemKind, id: string, names: Names, aliases: readonly string[]) => ({
    key: itemKey(kind, id),
    id,
    name: nameIn(names, locale),
    otherNames: otherNamesOf(names, aliases, locale),
  });

  const crossings: Feature<Point, CrossingProps>[] = [];
  theatre.crossings.forEach((crossing, index) => {
    const check = checkInTheatre(crossing.location, bbox);
    if (!check.ok) return reject('crossings', index, 'location', check.reason, crossing);
    const status = crossingStatusAt(input.crossingStatuses, crossing.id, asOf);
    const item = {
      ...base('crossing', crossing.id, crossing.names, crossing.aliases),
      kind: 'crossing' as const,
      crossing,
      status,
      bounds: pointBounds(crossing.location),
    };
    items.push(item);
    crossings.push(
      feature(
        { type: 'Point', coordinates: [crossing.location.lon, crossing.location.lat] },
        {
          key: item.key,
          id: crossing.id,
          name: item.name,
          state: status.state,
        },
      ),
    );
  });

  const corridors: Feature<LineString, CorridorProps>[] = [];
  theatre.corridors.forEach((corridor, index) => {
    const positions = corridor.geometry.coordinates as Position[];
    const check = checkPositionsInTheatre(positions, bbox);
    if (!check.ok) return reject('corridors', index, 'geometry', check.reason, corridor);
    const status = corridorStatusAt(input.corridorStatuses, corridor.id, asOf);
    const window = windowStateAt(status?.windows ?? [], asOf, theatre.timeZone);
    const item = {
      ...base('corridor', corridor.id, corridor.names, corridor.aliases),
      kind: 'corridor' as const,
      corridor,
      status,
      window,
      bounds: boundsOf(positions)!,
    };
    items.push(item);
    const label = window.window
      ? `${item.name} · ${window.window.start}–${window.window.end}`
      : item.name;
    corridors.push(
      feature(corridor.geometry, {
        key: item.key,
        id: corridor.id,
        name: item.name,
        state: status?.status ?? 'unknown',
        inWindow: window.window === undefined ? status?.status === 'open' : window.inWindow,
        label,
      }),
    );
  });

  const facilities: Feature<Point, FacilityProps>[] = [];
  theatre.facilities.forEach((facility, index) => {
    const check = checkInTheatre(facility.location, bbox);
    if (!check.ok) return reject('facilities', index, 'location', check.reason, facility);
    const report = facilityStatusOn(input.facilityReports, facility.id, day);
    const item = {
      ...base('facility', facility.id, facility.names, facility.aliases),
      kind: 'facility' as const,
      facility,
      report,
      bounds: pointBounds(facility.location),
    };
    items.push(item);
    facilities.push(
      feature(
        { type: 'Point', coordinates: [facility.location.lon, facility.location.lat] },
        {
          key: item.key,
          id: facility.id,
          name: item.name,
          functionality: report?.functionality ?? 'unknown',
          beds: facility.designedBeds,
        },
      ),
    );
  });

  const areas: Feature<Polygon | MultiPolygon, AreaProps>[] = [];
  theatre.areas.forEach((area, index) => {
    const positions = (
      area.geometry.type === 'Polygon'
        ? area.geometry.coordinates.flat()
        : area.geometry.coordinates.flat(2)
    ) as Position[];
    const check = checkPositionsInTheatre(positions, bbox);
    if (!check.ok) return reject('areas', index, 'geometry', check.reason, area);
    const level = utilityLevelOn(input.utilityRecords, area.id, input.service, day);
    const item = {
      ...base('area', area.id, area.names, []),
      kind: 'area' as const,
      area,
      level,
      bounds: boundsOf(positions)!,
    };
    items.push(item);
    areas.push(
      feature(area.geometry, {
        key: item.key,
        id: area.id,
        name: item.name,
        band: level ? utilityBand(level.ratio) : -1,
      }),
    );
  });

  return {
    crossings: collection(crossings),
    corridors: collection(corridors),
    facilities: collection(facilities),
    areas: collection(areas),
    items,
    rejected,
  };
}

function pointBounds({ lat, lon }: { lat: number; lon: number }): BBox {
  return [lon, lat, lon, lat];
}

function feature<G extends Geometry, P>(geometry: G, properties: P): Feature<G, P> {
  return { type: 'Feature', geometry, properties };
}

function collection<G extends Geometry, P>(features: Feature<G, P>[]): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features };
}

/** The extent of the crossings on the map (the wall fits its camera to it); none without any. */
export const crossingsBounds = (data: MapData): BBox | undefined =>
  boundsOf(
    data.crossings.features.map((f): Position => [
      f.geometry.coordinates[0]!,
      f.geometry.coordinates[1]!,
    ]),
  );
