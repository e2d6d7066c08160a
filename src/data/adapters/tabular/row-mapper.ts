import { placeMatcher } from '../../../domain/place-names.ts';
import { reason, type Reason } from '../../../domain/reasons.ts';
import type { Theatre } from '../../../domain/schemas.ts';
import { startOfTheatreDay } from '../../../domain/time.ts';
import {
  FUEL_UNIT,
  type Dataset,
  type FuelType,
  type Verification,
} from '../../../domain/vocabulary.ts';
import type { ColumnPlan } from './hxl.ts';
import {
  nameKey,
  readDay,
  readHours,
  readInstant,
  readNumber,
  readWord,
  readYesNo,
  slug,
  clip,
  type Read,
  type UnitKind,
} from './values.ts';

/** The reference data a row is matched against (a structured-clone-friendly slice of Theatre). */
export type TheatreRef = Pick<
  Theatre,
  'id' | 'timeZone' | 'crossings' | 'facilities' | 'sources' | 'earliestDay'
> & {
  names: { en: string };
  /** Admin areas by id and names (movements name them), without their boundaries. */
  areas?: readonly { id: string; names: Record<string, string> }[];
};

export interface MapperOptions {
  /** The configured source: rows without #org are filed under it. */
  sourceId: string;
  /** Verification when the row has no #meta+verification. */
  verification: Verification;
  dayFirst: boolean;
}

export type Mapped =
  { ok: true; record: Record<string, unknown> } | { ok: false; field: string; reasons: Reason[] };

/** A publisher named by #org that is not one of the theatre's sources. */
export interface Publisher {
  id: string;
  name: string;
}

/**
 * Turns one data row into a candidate record of the dataset: reads each mapped cell, resolves
 * the place against the theatre and the publisher to a source id. The candidate is then checked
 * by the dataset's zod schema like any other source's record.
 */
export function createRowMapper(
  dataset: Dataset,
  plan: ColumnPlan,
  columnLabel: (index: number) => string,
  theatre: TheatreRef,
  options: MapperOptions,
) {
  const places = placeIndex(dataset === 'facility-status' ? theatre.facilities : theatre.crossings);
  const kind = dataset === 'facility-status' ? 'facility' : 'crossing';
  // Movements have no place of their own: they go from one admin area to another.
  const hasPlace = dataset !== 'movements';
  const areas = placeMatcher(theatre.areas ?? []);
  const areaCache = new Map<string, string | undefined>();
  const areaOf = (text: string) => {
    if (!areaCache.has(text)) areaCache.set(text, areas.find(text));
    return areaCache.get(text);
  };
  const publishers = new Map<string, Publisher>();
  const knownSources = new Map(
    theatre.sources.flatMap(
      (s) =>
        [
          [nameKey(s.id), s.id],
          [nameKey(s.name), s.id],
        ] as const,
    ),
  );
  // Files repeat the same places, publishers and days: resolve each text once (time-zone
  // arithmetic and Unicode normalisation dominate the cost of a row otherwise).
  const placeCache = new Map<string, string | undefined>();
  const placeOf = (text: string) => {
    if (!placeCache.has(text)) placeCache.set(text, places.names.find(text));
    return placeCache.get(text);
  };
  const publisherCache = new Map<string, string>();
  const dayStartCache = new Map<string, string>();
  const dayCache = new Map<string, Read<string>>();
  const day = (raw: string): Read<string> => {
    let read = dayCache.get(raw);
    if (!read) {
      read = readDay(raw, { dayFirst: options.dayFirst });
      if (dayCache.size < 100_000) dayCache.set(raw, read);
    }
    return read;
  };
  const dayStart = (day: string) => {
    let iso = dayStartCache.get(day);
    if (iso === undefined) {
      iso = startOfTheatreDay(day, theatre.timeZone).toISOString();
      if (dayStartCache.size < 100_000) dayStartCache.set(day, iso);
    }
    return iso;
  };

  const dateColumns = plan.fields.get('date') ?? [];
  return {
    publishers,
    /** The row's day where its date cell reads as one (for a rejected row: which day lacks it). */
    dayOf(cells: readonly string[]): string | undefined {
      for (const index of dateColumns) {
        const raw = (cells[index] ?? '').trim();
        if (raw === '') continue;
        const read = day(raw);
        return read.ok ? read.value : undefined;
      }
      return undefined;
    },
    map(cells: readonly string[]): Mapped {
      const get = (field: string): { value: string; column: number } | undefined => {
        for (const index of plan.fields.get(field) ?? []) {
          const value = (cells[index] ?? '').trim();
          if (value !== '') return { value, column: index };
        }
        return undefined;
      };
      const problem = (field: string, ...reasons: Reason[]): Mapped => {
        const column = plan.fields.get(field)?.[0];
        return { ok: false, field: column === undefined ? field : columnLabel(column), reasons };
      };
      let failure: Mapped | undefined;
      const read = <T>(field: string, reader: (raw: string) => Read<T>): T | undefined => {
        const cell = get(field);
        if (!cell || failure) return undefined;
        const result = reader(cell.value);
        if (!result.ok) {
          failure = problem(field, result.reason);
          return undefined;
        }
        return result.value;
      };
      const num = (field: string, unit: UnitKind) => read(field, (raw) => readNumber(raw, unit));

      // The place: by id, name (any language) or alias; else by coordinates within 1 km.
      const placeCells = (plan.fields.get('place') ?? [])
        .map((i) => (cells[i] ?? '').trim())
        .filter(Boolean);
      let placeId: string | undefined;
      for (const text of placeCells) {
        placeId = placeOf(text);
        if (placeId) break;
      }
      if (hasPlace && !placeId) {
        const lat = read('lat', (raw) => readNumber(raw));
        const lon = read('lon', (raw) => readNumber(raw));
        if (failure) return failure;
        if (lat !== undefined && lon !== undefined) placeId = nearest(places.points, lat, lon);
      }
      if (hasPlace && !placeId) {
        const guess = placeCells.map((text) => places.names.suggest(text)).find(Boolean);
        if (!placeCells.length)
          return problem(
            'place',
            reason(kind === 'facility' ? 'no-facility-named' : 'no-crossing-named'),
          );
        const named = { value: clip(placeCells.join(' / ')), theatre: theatre.names.en };
        return problem(
          'place',
          reason(kind === 'facility' ? 'unknown-facility' : 'unknown-crossing', named),
          ...(guess ? [reason('did-you-mean', { guess })] : []),
        );
      }

      const publisherCell = get('publisher')?.value;
      let sourceId = options.sourceId;
      if (publisherCell) {
        let id = publisherCache.get(publisherCell);
        if (id === undefined) {
          const known = knownSources.get(nameKey(publisherCell));
          id = known ?? slug(publisherCell);
          if (!known && !publishers.has(id))
            publishers.set(id, { id, name: publisherCell.slice(0, 200) });
          if (publisherCache.size < 10_000) publisherCache.set(publisherCell, id);
        }
        sourceId = id;
      }
      const verification =
        read('verification', (raw) => readWord(raw, 'verification')) ?? options.verification;
      const method = get('method')?.value;
      const verifiedBy = get('verifiedBy')?.value;
      /** An admin area by code or name (any language), or the reason it is not one. */
      const area = (field: string): string | undefined => {
        const texts = (plan.fields.get(field) ?? [])
          .map((i) => (cells[i] ?? '').trim())
          .filter(Boolean);
        if (!texts.length || failure) return undefined;
        for (const text of texts) {
          const found = areaOf(text);
          if (found) return found;
        }
        const guess = texts.map((text) => areas.suggest(text)).find(Boolean);
        failure = problem(
          field,
          reason('unknown-area', { value: clip(texts.join(' / ')), theatre: theatre.names.en }),
          ...(guess ? [reason('did-you-mean', { guess })] : []),
        );
        return undefined;
      };
      const zone = theatre.timeZone;
      const dayOptions = { dayFirst: options.dayFirst };

      let record: Record<string, unknown>;
      let reportedDefault: string | undefined;
      switch (dataset) {
        case 'aid-flow': {
          const date = read('date', day);
          record = {
            date: date ?? (failure ? undefined : missing('date')),
            crossingId: placeId,
            commodity: read('commodity', (raw) => readWord(raw, 'commodity')) ?? 'other',
            stage: read('stage', (raw) => readWord(raw, 'stage')) ?? 'entered',
            trucks: num('trucks', 'trucks'),
            tonnes: num('tonnes', 'tonnes'),
            litres: num('litres', 'litres'),
          };
          if (date) reportedDefault = dayStart(date);
          break;
        }
        case 'facility-status': {
          const date = read('date', day);
          record = {
            facilityId: placeId,
            date: date ?? (failure ? undefined : missing('date')),
            functionality:
              read('functionality', (raw) => readWord(raw, 'functionality')) ?? 'unknown',
            bedsAvailable: num('bedsAvailable', 'beds'),
            bedsOccupied: num('bedsOccupied', 'beds'),
            icuBeds: num('icuBeds', 'beds'),
            fuelDays: num('fuelDays', 'days'),
            power: read('power', readYesNo) ?? null,
            water: read('water', readYesNo) ?? null,
          };
          if (date) reportedDefault = dayStart(date);
          break;
        }
        case 'crossing-status': {
          const at = read('at', (raw) => readInstant(raw, zone, dayOptions));
          record = {
            crossingId: placeId,
            at: at ?? (failure ? undefined : missing('at')),
            status:
              read('status', (raw) => readWord(raw, 'crossingState')) ??
              (failure ? undefined : missing('status')),
            hours: read('hours', readHours),
            observersPresent: read('observers', readYesNo) ?? null,
            note: get('note')?.value,
          };
          reportedDefault = at;
          break;
        }
        case 'movements': {
          const date = read('date', day);
          record = {
            id: get('id')?.value,
            date: date ?? (failure ? undefined : missing('date')),
            organisationType:
              read('organisationType', (raw) => readWord(raw, 'organisationType')) ?? 'other',
            purpose: read('purpose', (raw) => readWord(raw, 'movementPurpose')) ?? 'other',
            fromArea: area('fromArea'),
            toArea: area('toArea'),
            fromZone: read('fromZone', (raw) => readWord(raw, 'zone')),
            toZone:
              read('toZone', (raw) => readWord(raw, 'zone')) ??
              (failure ? undefined : missing('toZone')),
            outcome:
              read('outcome', (raw) => readWord(raw, 'movementOutcome')) ??
              (failure ? undefined : missing('outcome')),
            reason: get('reason')?.value,
            missions: read('missions', (raw) => readNumber(raw)),
          };
          if (date) reportedDefault = dayStart(date);
          break;
        }
        case 'fuel-entry': {
          const date = read('date', day);
          const fuel = read('fuel', (raw) => readWord(raw, 'fuel')) as FuelType | undefined;
          // Litres or tonnes by the column the figure is in; a bare quantity by its unit column,
          // else in the fuel's own unit. A figure in the wrong unit is left for the schema to name.
          const inLitres = num('litres', 'litres');
          const inTonnes = num('tonnes', 'tonnes');
          let quantity: number | undefined;
          let unit: string | undefined;
          if (inLitres !== undefined && (inTonnes === undefined || fuel !== 'cooking-gas')) {
            quantity = inLitres;
            unit = 'litres';
          } else if (inTonnes !== undefined) {
            quantity = inTonnes;
            unit = 'tonnes';
          } else {
            unit =
              read('unit', (raw) => readWord(raw, 'fuelUnit')) ??
              (fuel ? FUEL_UNIT[fuel] : undefined);
            quantity = num('quantity', unit === 'tonnes' ? 'tonnes' : 'litres');
          }
          record = {
            date: date ?? (failure ? undefined : missing('date')),
            crossingId: placeId,
            fuel: fuel ?? (failure ? undefined : missing('fuel')),
            quantity: quantity ?? (failure ? undefined : missing('quantity')),
            unit,
            need: num('need', unit === 'tonnes' ? 'tonnes' : 'litres'),
          };
          if (date) reportedDefault = dayStart(date);
          break;
        }
        case 'truck-gaps': {
          const date = read('date', day);
          record = {
            date: date ?? (failure ? undefined : missing('date')),
            crossingId: placeId,
            waiting: num('waiting', 'trucks'),
            intercepted: num('intercepted', 'trucks'),
          };
          if (date) reportedDefault = dayStart(date);
          break;
        }
        default:
          return { ok: false, field: '', reasons: [reason('dataset-not-readable', { dataset })] };
      }
      if (failure) return failure;
      const reportedAt =
        read('reportedAt', (raw) => readInstant(raw, zone, dayOptions)) ?? reportedDefault;
      if (failure) return failure;
      record.provenance = {
        sourceId,
        reportedAt,
        verification,
        ...(method ? { method } : {}),
        ...(verifiedBy ? { verifiedBy } : {}),
      };
      for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
      return { ok: true, record };

      function missing(field: string): undefined {
        failure = problem(field, reason('empty'));
        return undefined;
      }
    },
  };
}

function placeIndex(
  list: readonly {
    id: string;
    names: Record<string, string>;
    aliases: readonly string[];
    location: { lat: number; lon: number };
  }[],
) {
  return { names: placeMatcher(list), points: list.map((p) => ({ id: p.id, ...p.location })) };
}

/** The place within 1 km of (lat, lon), if any. */
function nearest(
  points: readonly { id: string; lat: number; lon: number }[],
  lat: number,
  lon: number,
): string | undefined {
  let best: string | undefined;
  let bestKm = 1;
  for (const p of points) {
    const dy = (p.lat - lat) * 111.2;
    const dx = (p.lon - lon) * 111.2 * Math.cos((lat * Math.PI) / 180);
    const km = Math.hypot(dx, dy);
    if (km <= bestKm) {
      bestKm = km;
      best = p.id;
    }
  }
  return best;
}
