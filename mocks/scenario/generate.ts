/**
 * Record generators, one theatre-local day at a time. Each function is pure in (seed, options,
 * day): it draws from streams keyed by the day and the entity, never from shared state, so the
 * records of a day do not depend on which other days were generated or in what order.
 *
 * Records are the raw JSON a source would send, including a few deliberately invalid ones
 * (marked `valid: false` on the item, never in the record itself).
 */
import type { Commodity, Stage } from '../../src/domain/vocabulary.ts';
import {
  clock,
  dayLabel,
  localInstant,
  localMillis,
  weekday,
  zonelessInstant,
} from './calendar.ts';
import {
  AREAS,
  CORRIDORS,
  FACILITIES,
  UTILITY_BASELINES,
  VERIFIERS,
  type CrossingProfile,
  type ExtraPublisher,
  type FacilityProfile,
} from './geography.ts';
import { type Rng, stream, unit } from './random.ts';
import type { Regime, Timeline } from './timeline.ts';

export interface Item {
  /** The record as sent. */
  r: Record<string, unknown>;
  /** crossingId, corridorId, facilityId, areaId or event id. */
  entity: string;
  source: string;
  /** When the record becomes known (reportedAt, or the observation time if later), epoch ms. */
  visibleAt: number;
  /** False for the deliberately invalid records. */
  valid: boolean;
  /** Status observations: the instant observed, epoch ms. */
  atMs?: number;
}

export interface Context {
  seed: number;
  timeZone: string;
  crossings: (CrossingProfile & { target: number })[];
  timeline: Timeline;
  /** Synthetic publishers besides the border authority and the UN (scale ≥ 4 only). */
  publishers: readonly ExtraPublisher[];
  /** The aid-flow items of a day (cached by the scenario): fuel and truck gaps derive from them. */
  aidFlowItems?: (day: number) => Item[];
}

export const BA = 'border-authority';
export const UN = 'un-monitor';
export const HEALTH = 'health-cluster';
export const WASH = 'wash-cluster';

const COMMODITY_SHARE: Record<Commodity, number> = {
  food: 0.55,
  health: 0.07,
  wash: 0.08,
  shelter: 0.1,
  fuel: 0.05,
  nutrition: 0.08,
  other: 0.07,
};
const TONNES_PER_TRUCK: Record<Commodity, number> = {
  food: 19,
  health: 8,
  wash: 12,
  shelter: 10,
  fuel: 0,
  nutrition: 15,
  other: 12,
};
const LITRES_PER_FUEL_TRUCK = 33_000;
const ALL_COMMODITIES = Object.keys(COMMODITY_SHARE) as Commodity[];
const GOODS_COMMODITIES = ALL_COMMODITIES.filter((k) => k !== 'fuel');

const CRISIS_REGIMES: ReadonlySet<Regime> = new Set(['fighting', 'limited', 'closure']);

// ---------------------------------------------------------------------------------------------
// Shared helpers

/** A source that did not report: single missed days plus, now and then, an outage of 1–3 days. */
export function missed(
  ctx: Context,
  day: number,
  source: string,
  entity: string,
  p: number,
): boolean {
  const block = Math.floor(day / 10);
  if (unit(ctx.seed, block, source, 'outage') < 0.1) {
    const first = Math.floor(unit(ctx.seed, block, source, 'outage-start') * 8);
    const length = 1 + Math.floor(unit(ctx.seed, block, source, 'outage-length') * 3);
    const offset = day - block * 10;
    if (offset >= first && offset < first + length) return true;
  }
  return unit(ctx.seed, day, source, entity, 'gap') < p;
}

/** A report time: the same evening usually, the next morning sometimes, days late rarely. */
export function reportTime(
  ctx: Context,
  r: Rng,
  day: number,
  earliestMinutes: number,
): { reportedAt: string; ms: number } {
  let d = day;
  let minutes: number;
  if (r.chance(0.05)) {
    d = day + r.int(2, 9);
    minutes = r.int(8 * 60, 18 * 60);
  } else if (r.chance(0.2)) {
    d = day + 1;
    minutes = r.int(7 * 60, 11 * 60);
  } else {
    minutes = Math.min(23 * 60 + 50, earliestMinutes + r.int(20, 180));
  }
  return {
    reportedAt: localInstant(d, minutes, ctx.timeZone),
    ms: localMillis(d, minutes, ctx.timeZone),
  };
}

/** One day in two at most (one per two-day block), a deliberately invalid record is added. */
export function invalidToday(ctx: Context, day: number, salt: string, everyDays: number): boolean {
  const block = Math.floor(day / everyDays);
  const chosen = Math.floor(unit(ctx.seed, block, salt, 'day') * everyDays);
  return day - block * everyDays === chosen;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

// ---------------------------------------------------------------------------------------------
// Crossing state (shared by crossing-status and aid-flow so that they tell the same story)

export interface CrossingDay {
  state: 'open' | 'restricted' | 'closed';
  opens?: number;
  closes?: number;
  note?: string;
}

export function crossingDay(ctx: Context, index: number, day: number): CrossingDay {
  const c = ctx.crossings[index]!;
  const regime = ctx.timeline.segmentAt(day).regime;
  if (c.shabbat && weekday(day) === 6 && (regime === 'pre-crisis' || regime === 'fighting'))
    return { state: 'closed', note: 'Closed on Saturdays' };
  const r = stream(ctx.seed, day, c.id, 'state');
  const f = c.fragility;
  const [pClosed, pRestricted] = (
    {
      'pre-crisis': [0.01, 0.05],
      fighting: [0.15 + 0.7 * f, 0.3],
      pauses: [0.05 + 0.4 * f, 0.3],
      limited: [0.1 + 0.5 * f, 0.35],
      closure: [0.97, 0.03],
      ceasefire: [0.02 + 0.12 * f, 0.12],
    } satisfies Record<Regime, [number, number]>
  )[regime];
  const x = r.next();
  if (x < pClosed)
    return {
      state: 'closed',
      note:
        regime === 'closure'
          ? 'All crossings closed by the authorities'
          : r.pick([
              'Closed by the authorities',
              'Closed: security situation',
              'Closed, no reason given',
            ]),
    };
  if (x < pClosed + pRestricted)
    return {
      state: 'restricted',
      opens: r.int(18, 21) * 30,
      closes: r.int(24, 28) * 30,
      note: r.pick([
        'Limited operating hours',
        'Only pre-approved trucks processed',
        'One lane operating',
      ]),
    };
  return { state: 'open', opens: r.int(15, 18) * 30, closes: r.int(30, 36) * 30 };
}

// ---------------------------------------------------------------------------------------------
// aid-flow

export function aidFlowDay(ctx: Context, day: number): Item[] {
  const { seed, timeline } = ctx;
  const date = dayLabel(day);
  const seg = timeline.segmentAt(day);
  const level = timeline.level(day);
  const dayNoise = stream(seed, day, 'aid-day').noise(0.15);
  const incident = timeline.incident(day, ctx.crossings.length);
  const items: Item[] = [];
  const crisis = CRISIS_REGIMES.has(seg.regime);

  ctx.crossings.forEach((c, ci) => {
    const cd = crossingDay(ctx, ci, day);
    const r = stream(seed, day, c.id, 'aid-flow');
    let factor = cd.state === 'open' ? 1 : cd.state === 'restricted' ? 0.45 : 0;
    if (incident?.crossing === ci) factor *= 0.5;
    const total = c.target * level * factor * dayNoise * r.noise(0.2);
    const commodities = c.passes.includes('fuel') ? ALL_COMMODITIES : GOODS_COMMODITIES;
    const shareSum = commodities.reduce((s, k) => s + COMMODITY_SHARE[k], 0);
    const actual = commodities.map((k) =>
      Math.max(0, Math.round((total * COMMODITY_SHARE[k] * r.noise(0.3)) / shareSum)),
    );

    const figures = (k: Commodity, trucks: number) => {
      if (k === 'fuel')
        return {
          trucks,
          litres: Math.round((trucks * LITRES_PER_FUEL_TRUCK * r.noise(0.05)) / 100) * 100,
        };
      return { trucks, tonnes: round1(trucks * TONNES_PER_TRUCK[k] * r.noise(0.08)) };
    };
    const push = (
      k: Commodity,
      stage: Stage,
      trucks: number,
      provenance: Record<string, unknown>,
      ms: number,
      source: string,
    ) =>
      items.push({
        r: { date, crossingId: c.id, commodity: k, stage, ...figures(k, trucks), provenance },
        entity: c.id,
        source,
        visibleAt: ms,
        valid: true,
      });

    // Border authority: trucks screened and entered, counted generously.
    if (!missed(ctx, day, BA, c.id, 0.04)) {
      const rr = stream(seed, day, c.id, BA, 'report');
      const { reportedAt, ms } = reportTime(ctx, rr, day, 21 * 60);
      const disputed = seg.regime !== 'pre-crisis' && rr.chance(0.05);
      const verification = disputed ? 'disputed' : rr.chance(0.06) ? 'verified' : 'reported';
      const provenance = {
        sourceId: BA,
        reportedAt,
        verification,
        ...(verification === 'verified' ? { verifiedBy: VERIFIERS.observers } : {}),
        method: disputed
          ? 'Trucks screened at the crossing; figure disputed by the UN Monitoring Mechanism'
          : 'Trucks screened and cleared at the crossing',
      };
      commodities.forEach((k, i) =>
        push(k, 'entered', Math.round(actual[i]! * r.range(1.0, 1.12)), provenance, ms, BA),
      );
    }

    // UN mechanism: entered (fewer), collected by agencies (fewer still), delivered.
    if (!missed(ctx, day, UN, c.id, 0.07)) {
      const rr = stream(seed, day, c.id, UN, 'report');
      const { reportedAt, ms } = reportTime(ctx, rr, day, 21 * 60 + 30);
      const verification = rr.weighted(
        crisis
          ? { verified: 0.6, reported: 0.28, unverified: 0.12 }
          : { verified: 0.85, reported: 0.12, unverified: 0.03 },
      );
      const verifiedBy = verification === 'verified' ? { verifiedBy: VERIFIERS.unMonitors } : {};
      const prov = (method: string) => ({
        sourceId: UN,
        reportedAt,
        verification,
        method,
        ...verifiedBy,
      });
      const pEntered = prov('Counted by UN monitors on the Gaza side of the crossing');
      const pCollected = prov('Collected by agencies at the pick-up point (UN tracking)');
      const pDelivered = prov('Delivered to distribution points (agency reports)');
      commodities.forEach((k, i) => {
        const entered = Math.round(actual[i]! * r.range(0.85, 0.97));
        const collected = Math.min(entered, Math.round(entered * seg.collectRate * r.noise(0.1)));
        const delivered = Math.round(collected * r.range(0.8, 0.98));
        push(k, 'entered', entered, pEntered, ms, UN);
        push(k, 'collected', collected, pCollected, ms, UN);
        push(k, 'delivered', delivered, pDelivered, ms, UN);
      });
    }

    // Synthetic publishers (load tests): their own stages, report times and verification.
    for (const p of ctx.publishers) {
      if (missed(ctx, day, p.id, c.id, 0.06)) continue;
      const rr = stream(seed, day, c.id, p.id, 'report');
      const { reportedAt, ms } = reportTime(ctx, rr, day, 22 * 60);
      const verification = rr.weighted({ verified: 0.4, reported: 0.5, unverified: 0.1 });
      const provenance = { sourceId: p.id, reportedAt, verification, method: p.method };
      commodities.forEach((k, i) => {
        for (const [stage, share] of Object.entries(p.stages))
          push(
            k,
            stage as Stage,
            Math.round(actual[i]! * share * rr.noise(0.05)),
            provenance,
            ms,
            p.id,
          );
      });
    }
  });

  if (invalidToday(ctx, day, 'bad-aid-flow', 2)) items.push(invalidAidFlow(ctx, day));
  return items;
}

function invalidAidFlow(ctx: Context, day: number): Item {
  const r = stream(ctx.seed, day, 'bad-aid-flow', 'record');
  const c = r.pick(ctx.crossings);
  const source = r.pick([BA, UN]);
  const minutes = r.int(20 * 60, 22 * 60);
  const reportedAt = localInstant(day, minutes, ctx.timeZone);
  const base = {
    date: dayLabel(day),
    crossingId: c.id,
    commodity: 'food',
    stage: 'entered',
    trucks: r.int(5, 60),
    tonnes: r.int(100, 900),
    provenance: { sourceId: source, reportedAt, verification: 'reported' } as Record<
      string,
      unknown
    >,
  };
  const year = dayLabel(day).slice(0, 4);
  const variant = r.int(0, 7);
  const record: Record<string, unknown> = { ...base };
  switch (variant) {
    case 0:
      record.trucks = -r.int(3, 40);
      break;
    case 1:
      record.date = `${year}-13-40`;
      break;
    case 2:
      record.provenance = { ...base.provenance, reportedAt: zonelessInstant(day, minutes) };
      break;
    case 3:
      record.commodity = 'cement';
      break;
    case 4:
      record.trucks = 12_000 + r.int(0, 5000);
      break;
    case 5:
      delete record.trucks;
      delete record.tonnes;
      break;
    case 6:
      record.stage = 'queued';
      break;
    default:
      record.provenance = { ...base.provenance, verification: 'confirmed' };
  }
  return {
    r: record,
    entity: c.id,
    source,
    visibleAt: localMillis(day, minutes, ctx.timeZone),
    valid: false,
  };
}

// ---------------------------------------------------------------------------------------------
// crossing-status

/** The note with markup: valid text that must be shown as text. Once a week at Kissufim. */
export const MARKUP_NOTE =
  'Queue at the gate <img src=x onerror=alert(1)> (note as received from the source)';

export function crossingStatusDay(ctx: Context, day: number): Item[] {
  const { seed, timeline, timeZone } = ctx;
  const seg = timeline.segmentAt(day);
  const incident = timeline.incident(day, ctx.crossings.length);
  const crisis = seg.regime !== 'pre-crisis';
  const items: Item[] = [];

  const observe = (
    c: CrossingProfile,
    source: string,
    minutes: number,
    status: string,
    fields: Record<string, unknown>,
    verification: string,
    r: Rng,
    method?: string,
  ) => {
    const at = localInstant(day, minutes, timeZone);
    const atMs = localMillis(day, minutes, timeZone);
    const late = r.chance(0.03);
    const repMinutes = late
      ? r.int(9 * 60, 17 * 60)
      : Math.min(23 * 60 + 59, minutes + r.int(5, 90));
    const repDay = late ? day + r.int(1, 4) : day;
    const reportedAt = localInstant(repDay, repMinutes, timeZone);
    const provenance: Record<string, unknown> = { sourceId: source, reportedAt, verification };
    if (method) provenance.method = method;
    items.push({
      r: { crossingId: c.id, at, status, ...fields, provenance },
      entity: c.id,
      source,
      visibleAt: Math.max(atMs, localMillis(repDay, repMinutes, timeZone)),
      valid: true,
      atMs,
    });
  };

  ctx.crossings.forEach((c, ci) => {
    const cd = crossingDay(ctx, ci, day);
    const r = stream(seed, day, c.id, 'crossing-status');
    const hours =
      cd.opens !== undefined && cd.closes !== undefined
        ? { hours: { opens: clock(cd.opens), closes: clock(cd.closes) } }
        : {};
    const hit = incident?.crossing === ci && cd.state !== 'closed' ? incident : null;

    if (!missed(ctx, day, BA, c.id, 0.04)) {
      const fields: Record<string, unknown> = { ...hours, observersPresent: null };
      if (cd.note) fields.note = cd.note;
      if (c.id === 'kissufim' && weekday(day) === 3) fields.note = MARKUP_NOTE;
      const disputed = crisis && r.chance(0.04);
      observe(
        c,
        BA,
        r.int(6 * 60 + 30, 7 * 60 + 45),
        cd.state,
        fields,
        disputed ? 'disputed' : 'reported',
        r,
        disputed ? 'Status disputed by the UN Monitoring Mechanism' : undefined,
      );
      if (hit)
        observe(
          c,
          BA,
          hit.minutes + r.int(10, 45),
          'closed',
          { observersPresent: null, note: 'Operations suspended after a security incident nearby' },
          'reported',
          r,
        );
    }

    if (!missed(ctx, day, UN, c.id, 0.07)) {
      const observersPresent = !crisis
        ? null
        : r.chance(seg.regime === 'ceasefire' ? 0.9 : seg.regime === 'pauses' ? 0.6 : 0.25);
      let status: string = cd.state;
      let note = cd.note;
      if (crisis && r.chance(0.12)) {
        if (cd.state === 'open') {
          status = 'restricted';
          note = `Open, but processing is slow: about ${r.int(40, 400)} trucks waiting uncollected`;
        } else if (cd.state === 'restricted') {
          status = 'closed';
          note = 'No movement observed by monitors';
        }
      }
      const fields: Record<string, unknown> = { ...hours, observersPresent };
      if (note) fields.note = note;
      observe(
        c,
        UN,
        r.int(8 * 60, 9 * 60 + 45),
        status,
        fields,
        observersPresent ? 'verified' : 'reported',
        r,
        observersPresent ? 'Observed by monitors on site' : 'Reported by partners at the crossing',
      );
      if (hit)
        observe(
          c,
          UN,
          hit.minutes + r.int(30, 90),
          'closed',
          { observersPresent: false, note: 'Monitors withdrawn after a security incident' },
          'unverified',
          r,
        );
      else if (crisis && status !== 'closed' && r.chance(0.35))
        // A midday update: same status, with the queue as monitors see it.
        observe(
          c,
          UN,
          r.int(12 * 60, 14 * 60),
          status,
          {
            ...fields,
            note: `Midday update: about ${r.int(20, 300)} trucks waiting to be collected`,
          },
          observersPresent ? 'verified' : 'reported',
          r,
        );
    }

    // Synthetic publishers (load tests): the state as their convoy teams found it.
    for (const p of ctx.publishers) {
      if (missed(ctx, day, p.id, c.id, 0.06)) continue;
      const rp = stream(seed, day, c.id, p.id, 'crossing-status');
      const fields: Record<string, unknown> = { ...hours, observersPresent: null };
      if (cd.note) fields.note = cd.note;
      observe(c, p.id, rp.int(10 * 60, 16 * 60), cd.state, fields, 'reported', rp, p.method);
    }
  });

  if (invalidToday(ctx, day, 'bad-crossing-status', 2)) items.push(invalidCrossingStatus(ctx, day));
  return items;
}

function invalidCrossingStatus(ctx: Context, day: number): Item {
  const r = stream(ctx.seed, day, 'bad-crossing-status', 'record');
  const c = r.pick(ctx.crossings);
  const source = r.pick([BA, UN]);
  const minutes = r.int(11 * 60, 13 * 60);
  const record: Record<string, unknown> = {
    crossingId: c.id,
    at: localInstant(day, minutes, ctx.timeZone),
    status: 'open',
    hours: { opens: '08:00', closes: '16:00' },
    observersPresent: false,
    provenance: {
      sourceId: source,
      reportedAt: localInstant(day, minutes + 30, ctx.timeZone),
      verification: 'reported',
    },
  };
  switch (r.int(0, 4)) {
    case 0:
      record.status = 'half-open';
      break;
    case 1:
      record.at = zonelessInstant(day, minutes);
      break;
    case 2:
      record.hours = { opens: '8am', closes: '16:00' };
      break;
    case 3:
      record.observersPresent = 'yes';
      break;
    default:
      record.at = `${dayLabel(day).slice(0, 4)}-02-30T${clock(minutes)}:00${
        (localInstant(day, minutes, ctx.timeZone).match(/[+-]\d\d:\d\d$/) ?? ['Z'])[0]
      }`;
  }
  const atMs = localMillis(day, minutes, ctx.timeZone);
  return { r: record, entity: c.id, source, visibleAt: atMs + 30 * 60_000, valid: false, atMs };
}

// ---------------------------------------------------------------------------------------------
// corridor-status

type Windows = { start: string; end: string }[];

function corridorDay(
  ctx: Context,
  corridorId: string,
  day: number,
): { status: string; windows: Windows; note?: string } | null {
  const regime = ctx.timeline.segmentAt(day).regime;
  const r = stream(ctx.seed, day, corridorId, 'corridor');
  const w = (start: string, end: string) => [{ start, end }];
  const pauseWindows = w('10:00', '20:00');
  switch (corridorId) {
    case 'evacuation-south':
      if (regime === 'pre-crisis') return null;
      if (regime === 'ceasefire')
        return { status: 'closed', windows: [], note: 'Not in use during the cease-fire' };
      if (regime === 'pauses') return { status: 'open', windows: pauseWindows };
      if (regime === 'closure')
        return { status: 'restricted', windows: w('09:00', '13:00'), note: 'On foot only' };
      return r.chance(0.8)
        ? { status: 'open', windows: w('09:00', '16:00'), note: 'Evacuation southwards only' }
        : { status: 'closed', windows: [], note: 'Suspended: active hostilities' };
    case 'kerem-shalom-route': {
      const ks = ctx.crossings.findIndex((c) => c.id === 'kerem-shalom');
      const cd = crossingDay(ctx, ks, day);
      if (cd.state === 'closed') return { status: 'closed', windows: [], note: 'Crossing closed' };
      return {
        status: cd.state,
        windows: cd.opens !== undefined ? w(clock(cd.opens), clock((cd.closes ?? 960) + 120)) : [],
      };
    }
    default: {
      // Salah al-Din (convoys) and Al-Rashid (civilian movement).
      if (regime === 'pre-crisis') return { status: 'open', windows: [] };
      if (regime === 'ceasefire') return { status: 'open', windows: w('06:00', '22:00') };
      if (regime === 'pauses') return { status: 'open', windows: pauseWindows };
      if (regime === 'closure')
        return r.chance(0.7)
          ? { status: 'closed', windows: [], note: 'No movement permitted' }
          : { status: 'restricted', windows: w('10:00', '12:00') };
      const x = r.next();
      if (x < (regime === 'fighting' ? 0.5 : 0.25))
        return { status: 'closed', windows: [], note: 'Closed: active hostilities' };
      return {
        status: 'restricted',
        windows: regime === 'fighting' ? w('10:00', '14:00') : w('09:00', '15:00'),
        note: 'Movement only in coordinated windows',
      };
    }
  }
}

export function corridorStatusDay(ctx: Context, day: number): Item[] {
  const { seed, timeZone } = ctx;
  const items: Item[] = [];
  const crisis = ctx.timeline.segmentAt(day).regime !== 'pre-crisis';
  for (const corridor of CORRIDORS) {
    const cd = corridorDay(ctx, corridor.id, day);
    if (!cd) continue;
    const r = stream(seed, day, corridor.id, 'corridor-status');
    for (const source of [BA, UN]) {
      if (missed(ctx, day, source, corridor.id, 0.05)) continue;
      let { status, note } = cd;
      if (source === UN && crisis && status === 'open' && r.chance(0.06)) {
        status = 'restricted';
        note = `Convoy held at a checkpoint for ${r.int(2, 6)} hours`;
      }
      const minutes = source === BA ? r.int(6 * 60, 7 * 60 + 30) : r.int(9 * 60, 10 * 60);
      const repMinutes = minutes + r.int(5, 60);
      const record: Record<string, unknown> = {
        corridorId: corridor.id,
        at: localInstant(day, minutes, timeZone),
        status,
        windows: cd.windows,
        provenance: {
          sourceId: source,
          reportedAt: localInstant(day, repMinutes, timeZone),
          verification: source === UN ? (r.chance(0.8) ? 'verified' : 'reported') : 'reported',
          method: source === UN ? 'Movement tracked by UN convoy monitors' : 'Windows as announced',
        },
      };
      if (note) record.note = note;
      items.push({
        r: record,
        entity: corridor.id,
        source,
        visibleAt: localMillis(day, repMinutes, timeZone),
        valid: true,
        atMs: localMillis(day, minutes, timeZone),
      });
    }
  }
  if (invalidToday(ctx, day, 'bad-corridor-status', 30)) {
    const r = stream(seed, day, 'bad-corridor-status', 'record');
    const corridor = r.pick(CORRIDORS);
    const minutes = r.int(12 * 60, 14 * 60);
    const bad = r.chance(0.5);
    items.push({
      r: {
        corridorId: corridor.id,
        at: localInstant(day, minutes, timeZone),
        status: bad ? 'half-open' : 'open',
        windows: bad ? [{ start: '10:00', end: '20:00' }] : [{ start: '10:00', end: '24:00' }],
        provenance: {
          sourceId: UN,
          reportedAt: localInstant(day, minutes + 20, timeZone),
          verification: 'reported',
        },
      },
      entity: corridor.id,
      source: UN,
      visibleAt: localMillis(day, minutes + 20, timeZone),
      valid: false,
      atMs: localMillis(day, minutes, timeZone),
    });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// facility-status

const openedDay = new Map<string, number>();
function facilityOpened(f: FacilityProfile): number {
  let d = openedDay.get(f.id);
  if (d === undefined) {
    d = f.opened ? Date.parse(`${f.opened}T00:00:00Z`) / 86_400_000 : -Infinity;
    openedDay.set(f.id, d);
  }
  return d;
}

/** Out of service after being hit during a period of fighting, until repaired. */
function damaged(ctx: Context, f: FacilityProfile, day: number): boolean {
  for (const seg of ctx.timeline.overlapping(day - 150, day)) {
    if (seg.regime !== 'fighting') continue;
    if (unit(ctx.seed, seg.index, f.id, 'hit') >= f.exposure * 0.35) continue;
    const hitDay =
      seg.start +
      Math.floor(unit(ctx.seed, seg.index, f.id, 'hit-day') * (seg.end - seg.start + 1));
    const repair = 20 + Math.floor(unit(ctx.seed, seg.index, f.id, 'repair') * 90);
    if (day >= hitDay && day < hitDay + repair) return true;
  }
  return false;
}

export function facilityStatusDay(ctx: Context, day: number): Item[] {
  const { seed, timeline, timeZone } = ctx;
  const date = dayLabel(day);
  const seg = timeline.segmentAt(day);
  const pre = seg.regime === 'pre-crisis';
  const supply = timeline.fuelSupply(day);
  const items: Item[] = [];
  for (const f of FACILITIES) {
    if (day < facilityOpened(f)) continue;
    if (missed(ctx, day, HEALTH, f.id, 0.06)) continue;
    const r = stream(seed, day, f.id, 'facility');
    const fuelFactor =
      (f.kind === 'field-hospital' ? 1.5 : 1) * (0.7 + 0.6 * unit(seed, 0, f.id, 'fuel-factor'));
    const fuelDays = pre
      ? round1(r.range(10, 30))
      : Math.max(0, Math.min(60, round1(20 * supply * fuelFactor - 1.5 + r.range(-1, 1))));
    let functionality: string;
    if (!pre && damaged(ctx, f, day)) functionality = 'none';
    else if (r.chance(0.02)) functionality = 'unknown';
    else if (pre) functionality = r.chance(0.95) ? 'full' : 'partial';
    else if (fuelDays < 0.5) functionality = r.chance(0.6) ? 'none' : 'partial';
    else if (fuelDays < 3) functionality = 'partial';
    else functionality = r.chance(seg.regime === 'fighting' ? 0.5 : 0.85) ? 'full' : 'partial';

    const record: Record<string, unknown> = { facilityId: f.id, date, functionality };
    if (functionality !== 'unknown') {
      if (f.designedBeds > 0) {
        const capacity =
          functionality === 'full'
            ? r.range(0.95, pre ? 1.05 : 1.3)
            : functionality === 'partial'
              ? r.range(0.2, 0.6)
              : 0;
        const available = Math.round(f.designedBeds * capacity);
        const occupancy = pre ? r.range(0.7, 0.9) : r.range(1.0, 1.8);
        record.bedsAvailable = available;
        record.bedsOccupied = Math.round(available * occupancy);
        if (f.kind === 'hospital')
          record.icuBeds = Math.round((f.designedBeds / 20) * capacity * r.noise(0.2));
      }
      record.fuelDays = fuelDays;
      record.power = pre || fuelDays >= 0.5 ? true : r.chance(0.2);
      record.water = pre ? true : r.chance(0.3 + 0.6 * Math.min(1, supply));
    }
    const { reportedAt, ms } = reportTime(ctx, r, day, 18 * 60);
    record.provenance = {
      sourceId: HEALTH,
      reportedAt,
      verification: r.weighted({ verified: 0.6, reported: 0.35, unverified: 0.05 }),
      method: 'Facility self-report checked by the cluster',
    };
    items.push({ r: record, entity: f.id, source: HEALTH, visibleAt: ms, valid: true });
  }
  if (invalidToday(ctx, day, 'bad-facility-status', 25)) {
    const r = stream(seed, day, 'bad-facility-status', 'record');
    const f = r.pick(FACILITIES.filter((x) => x.designedBeds > 0));
    const minutes = r.int(18 * 60, 20 * 60);
    const record: Record<string, unknown> = {
      facilityId: f.id,
      date,
      functionality: 'partial',
      bedsAvailable: 20,
      bedsOccupied: 35,
      fuelDays: 2,
      provenance: {
        sourceId: HEALTH,
        reportedAt: localInstant(day, minutes, timeZone),
        verification: 'reported',
      },
    };
    const variant = r.int(0, 2);
    if (variant === 0) record.functionality = 'none';
    else if (variant === 1) record.fuelDays = -2;
    else record.functionality = 'closed';
    items.push({
      r: record,
      entity: f.id,
      source: HEALTH,
      visibleAt: localMillis(day, minutes, timeZone),
      valid: false,
    });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// utility-status

export const DESALINATION_PLANT = {
  assetId: 'desal-deir-al-balah',
  areaId: 'deir-al-balah',
  baseline: 6000,
};

export function utilityStatusDay(ctx: Context, day: number): Item[] {
  const { seed, timeline, timeZone } = ctx;
  const date = dayLabel(day);
  const seg = timeline.segmentAt(day);
  const pre = seg.regime === 'pre-crisis';
  const supply = Math.min(1.05, timeline.fuelSupply(day));
  const items: Item[] = [];

  const push = (
    r: Rng,
    source: string,
    entity: string,
    fields: Record<string, unknown>,
    reportedAt: string,
    ms: number,
    verification: string,
  ) =>
    items.push({
      r: { date, ...fields, provenance: { sourceId: source, reportedAt, verification } },
      entity,
      source,
      visibleAt: ms,
      valid: true,
    });

  for (const area of AREAS) {
    const base = UTILITY_BASELINES[area.id]!;
    const r = stream(seed, day, area.id, 'utility');
    if (!missed(ctx, day, WASH, area.id, 0.05)) {
      const { reportedAt, ms } = reportTime(ctx, r, day, 19 * 60);
      const v = r.weighted({ verified: 0.5, reported: 0.45, unverified: 0.05 });
      const water = pre ? r.range(0.9, 1) : Math.max(0.03, 0.05 + 0.75 * supply) * r.noise(0.12);
      push(
        r,
        WASH,
        area.id,
        {
          areaId: area.id,
          service: 'water',
          value: Math.round(base.water * Math.min(1, water)),
          unit: 'm3/day',
          baseline: base.water,
        },
        reportedAt,
        ms,
        v,
      );
      const sanitation = pre
        ? r.range(0.9, 1) * base.sanitation
        : (5 + 45 * supply) * r.noise(0.15);
      push(
        r,
        WASH,
        area.id,
        {
          areaId: area.id,
          service: 'sanitation',
          value: round1(Math.min(100, sanitation)),
          unit: 'percent',
          baseline: base.sanitation,
        },
        reportedAt,
        ms,
        v,
      );
    }
    if (!missed(ctx, day, UN, `${area.id}-utilities`, 0.05)) {
      const { reportedAt, ms } = reportTime(ctx, r, day, 20 * 60);
      const v = r.weighted({ verified: 0.7, reported: 0.3 });
      const power = pre ? r.range(10, 13) : Math.max(0, (0.5 + 6 * supply) * r.noise(0.25));
      push(
        r,
        UN,
        area.id,
        {
          areaId: area.id,
          service: 'power',
          value: round1(Math.min(24, power)),
          unit: 'hours/day',
          baseline: base.power,
        },
        reportedAt,
        ms,
        v,
      );
      const blackout = !pre && unit(seed, day, 'telecom-blackout') < 0.02;
      const telecom = pre
        ? r.range(94, 99)
        : blackout
          ? r.range(1, 8)
          : (35 + 50 * Math.min(1, timeline.level(day))) * r.noise(0.1);
      push(
        r,
        UN,
        area.id,
        {
          areaId: area.id,
          service: 'telecom',
          value: round1(Math.min(100, telecom)),
          unit: 'percent',
          baseline: base.telecom,
        },
        reportedAt,
        ms,
        v,
      );
    }
  }

  // One asset: the southern desalination plant.
  if (!missed(ctx, day, WASH, DESALINATION_PLANT.assetId, 0.05)) {
    const r = stream(seed, day, DESALINATION_PLANT.assetId, 'utility');
    const { reportedAt, ms } = reportTime(ctx, r, day, 19 * 60);
    const down = !pre && r.chance(0.05);
    const share = pre
      ? r.range(0.9, 1)
      : down
        ? 0
        : Math.min(1, (0.1 + 0.8 * supply) * r.noise(0.1));
    push(
      r,
      WASH,
      DESALINATION_PLANT.assetId,
      {
        areaId: DESALINATION_PLANT.areaId,
        assetId: DESALINATION_PLANT.assetId,
        service: 'water',
        value: Math.round(DESALINATION_PLANT.baseline * share),
        unit: 'm3/day',
        baseline: DESALINATION_PLANT.baseline,
      },
      reportedAt,
      ms,
      'verified',
    );
  }

  if (invalidToday(ctx, day, 'bad-utility-status', 25)) {
    const r = stream(seed, day, 'bad-utility-status', 'record');
    const area = r.pick(AREAS);
    const minutes = r.int(19 * 60, 21 * 60);
    const variant = r.int(0, 2);
    items.push({
      r: {
        date,
        areaId: area.id,
        service: variant === 1 ? 'power' : 'telecom',
        value: variant === 0 ? 140 : variant === 1 ? 26 : 40,
        unit: variant === 0 ? 'percent' : variant === 1 ? 'hours/day' : 'litres',
        provenance: {
          sourceId: UN,
          reportedAt: localInstant(day, minutes, timeZone),
          verification: 'reported',
        },
      },
      entity: area.id,
      source: UN,
      visibleAt: localMillis(day, minutes, timeZone),
      valid: false,
    });
  }
  return items;
}
