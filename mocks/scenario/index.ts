/**
 * The demo scenario: a seeded, deterministic generator of daily data for the Gaza theatre.
 * Every figure is synthetic (every source says `synthetic: true`).
 *
 * Pure TypeScript: no React, no msw. Records are generated lazily per theatre-local day and
 * cached; the records of a past day depend only on (seed, crossings, day), never on `end`,
 * `now` or on which other days were asked for.
 */
import { theatreDay } from '../../src/domain/time.ts';
import type { Dataset } from '../../src/domain/vocabulary.ts';
import { dayLabel, dayNumber } from './calendar.ts';
import { fuelEntryDay, movementsDay, truckGapsDay } from './access.ts';
import { incidentEvents, segmentEvents, type EventItem } from './events.ts';
import {
  aidFlowDay,
  corridorStatusDay,
  crossingStatusDay,
  facilityStatusDay,
  utilityStatusDay,
  type Context,
  type Item,
} from './generate.ts';
import {
  AREAS,
  CORRIDORS,
  CROSSINGS,
  EXTRA_PUBLISHERS,
  FACILITIES,
  SOURCES,
  THEATRE_BASE,
  syntheticCrossings,
} from './geography.ts';
import { scalePlan, scaledStart } from './scale.ts';
import { Timeline } from './timeline.ts';

export { MARKUP_NOTE } from './generate.ts';

export interface ScenarioOptions {
  /** Default 2720. */
  seed?: number;
  /** First day with data (theatre-local YYYY-MM-DD). Default '2025-01-01'. */
  start?: string;
  /** Last day with data. Default: today in Asia/Gaza, re-evaluated at every query. */
  end?: string;
  /** Number of crossings, 6..8. Default 7. */
  crossings?: number;
  /**
   * The moment the scenario is observed at (ISO instant or epoch ms): records reported after it
   * (late reports, observations later today) are withheld, and events still going on have no
   * end. Default: the real clock, re-evaluated at every query.
   */
  now?: string | number;
  /**
   * Load tests only: about this many times the records of the same options at 1 (1..20),
   * from a longer history (`start` moves back), synthetic crossings and synthetic publishers
   * (see scale.ts). Default 1: the demo as it is.
   */
  scale?: number;
}

export interface RecordQuery {
  /** First and last theatre-local day, inclusive. */
  from: string;
  to: string;
  /** For the datasets kept per crossing (CROSSING_DATASETS): only these crossings. */
  crossingIds?: readonly string[];
  /** Only records whose provenance.sourceId is this. */
  sourceId?: string;
}

export interface Scenario {
  /** JSON matching theatreSchema. */
  theatre: unknown;
  /** Raw JSON records, the deliberately invalid ones included. Treat them as read-only. */
  records(dataset: Dataset, q: RecordQuery): unknown[];
  /**
   * For crossing-status and corridor-status: per crossing (or corridor) and source, the latest
   * valid observation before `q.from` (looking back at most 60 days), so that the state at the
   * start of a range is known. Empty for other datasets.
   */
  carryIn(dataset: Dataset, q: RecordQuery): unknown[];
  /** The first and last day with data, as currently in force. */
  range(): { start: string; end: string };
}

export const DEFAULT_SEED = 2720;
export const DEFAULT_START = '2025-01-01';
const TIME_ZONE = 'Asia/Gaza';
/** Days cached per dataset (least recently used are dropped beyond this). */
const CACHE_DAYS = 1000;
const CARRY_IN_LOOKBACK = 60;

/** The datasets whose records belong to one crossing each: `crossingIds` filters them. */
export const CROSSING_DATASETS: ReadonlySet<Dataset> = new Set([
  'aid-flow',
  'crossing-status',
  'fuel-entry',
  'truck-gaps',
]);

type DayDataset = Exclude<Dataset, 'events'>;
const DAY_GENERATORS: Record<DayDataset, (ctx: Context, day: number) => Item[]> = {
  'aid-flow': aidFlowDay,
  'crossing-status': crossingStatusDay,
  'corridor-status': corridorStatusDay,
  'facility-status': facilityStatusDay,
  'utility-status': utilityStatusDay,
  movements: movementsDay,
  'fuel-entry': fuelEntryDay,
  'truck-gaps': truckGapsDay,
};

export function createScenario(options: ScenarioOptions = {}): Scenario {
  const seed = options.seed ?? DEFAULT_SEED;
  const count = Math.max(6, Math.min(8, Math.round(options.crossings ?? 7)));
  const plan = scalePlan(options.scale ?? 1, count);
  const givenStart = dayNumber(options.start ?? DEFAULT_START);
  if (Number.isNaN(givenStart)) throw new RangeError(`start is not a day: ${options.start}`);
  const fixedEnd = options.end === undefined ? undefined : dayNumber(options.end);
  if (fixedEnd !== undefined && Number.isNaN(fixedEnd))
    throw new RangeError(`end is not a day: ${options.end}`);
  const fixedNow =
    options.now === undefined
      ? undefined
      : typeof options.now === 'number'
        ? options.now
        : Date.parse(options.now);
  if (fixedNow !== undefined && Number.isNaN(fixedNow))
    throw new RangeError(`now is not an instant: ${options.now}`);

  const now = () => fixedNow ?? Date.now();
  const endDay = () => fixedEnd ?? dayNumber(theatreDay(now(), TIME_ZONE));
  // A longer history reaches back from the end as it is now (the end may move on later).
  const startDay = scaledStart(givenStart, endDay(), plan.years);

  const profiles = [...CROSSINGS.slice(0, count), ...syntheticCrossings(plan.crossings - count)];
  const weights = profiles.reduce((s, c) => s + c.weight, 0);
  const targets = profiles.map((c) => Math.round((600 * c.weight) / weights));
  targets[0]! += 600 - targets.reduce((s, t) => s + t, 0);
  const ctx: Context = {
    seed,
    timeZone: TIME_ZONE,
    crossings: profiles.map((c, i) => ({ ...c, target: targets[i]! })),
    timeline: new Timeline(seed),
    publishers: EXTRA_PUBLISHERS.slice(0, plan.extraPublishers),
  };

  const theatre = {
    ...THEATRE_BASE,
    areas: AREAS,
    crossings: ctx.crossings.map((c) => ({
      id: c.id,
      names: c.names,
      aliases: c.aliases,
      location: c.location,
      passes: c.passes,
      border: c.border,
      targetTrucksPerDay: c.target,
    })),
    corridors: CORRIDORS,
    facilities: FACILITIES.map((f) => ({
      id: f.id,
      names: f.names,
      aliases: f.aliases,
      kind: f.kind,
      location: f.location,
      areaId: f.areaId,
      designedBeds: f.designedBeds,
    })),
    sources: [
      ...SOURCES,
      ...ctx.publishers.map(({ id, name, licence, kind, method, synthetic }) => ({
        id,
        name,
        licence,
        kind,
        method,
        synthetic,
      })),
    ],
    coverage: { from: dayLabel(startDay) },
  };

  const caches = new Map<DayDataset, Map<number, Item[]>>();
  function dayItems(dataset: DayDataset, day: number): Item[] {
    let cache = caches.get(dataset);
    if (!cache) caches.set(dataset, (cache = new Map()));
    let items = cache.get(day);
    if (items) {
      cache.delete(day);
      cache.set(day, items);
      return items;
    }
    items = DAY_GENERATORS[dataset](ctx, day);
    cache.set(day, items);
    if (cache.size > CACHE_DAYS) cache.delete(cache.keys().next().value!);
    return items;
  }

  ctx.aidFlowItems = (day) => dayItems('aid-flow', day);

  const segmentCache = new Map<number, EventItem[]>();
  const incidentCache = new Map<number, EventItem[]>();
  function eventItems(from: number, to: number): EventItem[] {
    const out: EventItem[] = [];
    // Agreements come a few days before their segment: look a little ahead.
    for (const seg of ctx.timeline.overlapping(from, to + 7)) {
      let items = segmentCache.get(seg.index);
      if (!items) segmentCache.set(seg.index, (items = segmentEvents(ctx, seg)));
      out.push(...items);
    }
    for (let d = from; d <= to; d++) {
      let items = incidentCache.get(d);
      if (!items) incidentCache.set(d, (items = incidentEvents(ctx, d)));
      out.push(...items);
    }
    return out;
  }

  function bounds(q: RecordQuery): [number, number] {
    const from = dayNumber(q.from);
    const to = dayNumber(q.to);
    if (Number.isNaN(from) || Number.isNaN(to))
      throw new RangeError(`from and to must be days as YYYY-MM-DD: ${q.from}, ${q.to}`);
    return [Math.max(from, startDay), Math.min(to, endDay())];
  }

  function filter(dataset: Dataset, q: RecordQuery) {
    const crossings =
      q.crossingIds && CROSSING_DATASETS.has(dataset) ? new Set(q.crossingIds) : undefined;
    const t = now();
    return (item: Item) =>
      item.visibleAt <= t &&
      (!crossings || crossings.has(item.entity)) &&
      (!q.sourceId || item.source === q.sourceId);
  }

  return {
    theatre,
    range: () => ({ start: dayLabel(startDay), end: dayLabel(endDay()) }),
    records(dataset, q) {
      const [from, to] = bounds(q);
      if (from > to) return [];
      const keep = filter(dataset, q);
      const out: unknown[] = [];
      if (dataset === 'events') {
        const t = now();
        const seen = new Set<EventItem>();
        const events = eventItems(from, to)
          .filter(
            (e) =>
              !seen.has(e) &&
              seen.add(e) &&
              e.startDay <= to &&
              (e.endDay ?? Infinity) >= from &&
              keep(e),
          )
          .sort((a, b) => a.startMs - b.startMs);
        for (const e of events) {
          if (e.endMs !== undefined && e.endMs > t) {
            // Still going on as of now: no end yet.
            const open = { ...e.r };
            delete open.end;
            out.push(open);
          } else out.push(e.r);
        }
        return out;
      }
      for (let d = from; d <= to; d++)
        for (const item of dayItems(dataset, d)) if (keep(item)) out.push(item.r);
      return out;
    },
    carryIn(dataset, q) {
      if (dataset !== 'crossing-status' && dataset !== 'corridor-status') return [];
      const from = dayNumber(q.from);
      if (Number.isNaN(from)) throw new RangeError(`from must be a day as YYYY-MM-DD: ${q.from}`);
      const keep = filter(dataset, q);
      const entities =
        dataset === 'crossing-status'
          ? ctx.crossings
              .map((c) => c.id)
              .filter((id) => !q.crossingIds || q.crossingIds.includes(id))
          : CORRIDORS.map((c) => c.id);
      const publishers = dataset === 'crossing-status' ? ctx.publishers.map((p) => p.id) : [];
      const sources = ['border-authority', 'un-monitor', ...publishers].filter(
        (s) => !q.sourceId || s === q.sourceId,
      );
      const wanted = new Set(entities.flatMap((e) => sources.map((s) => `${e}|${s}`)));
      const found = new Map<string, Item>();
      const last = Math.min(from - 1, endDay());
      for (let d = last; d >= Math.max(startDay, from - CARRY_IN_LOOKBACK); d--) {
        if (found.size === wanted.size) break;
        for (const item of dayItems(dataset, d)) {
          const key = `${item.entity}|${item.source}`;
          if (!item.valid || !wanted.has(key) || !keep(item)) continue;
          const prev = found.get(key);
          if (!prev || (prev.atMs ?? 0) < (item.atMs ?? 0)) {
            // Only observations of day d or later days replace: a later day was seen first.
            if (!prev || dayOf(prev) === d) found.set(key, item);
          }
        }
      }
      const order = [...wanted];
      return [...found.entries()]
        .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
        .map(([, item]) => item.r);
    },
  };

  function dayOf(item: Item): number {
    const at = item.r.at;
    return typeof at === 'string' ? dayNumber(at.slice(0, 10)) : NaN;
  }
}
