/**
 * Generators of issue 14's datasets, one theatre-local day at a time, telling the same story as
 * the rest of the scenario:
 * - movements: humanitarian movement requests as an OCHA-like access coordination source counts
 *   them (one record per request), and as an NGO working group counts its members' requests
 *   (grouped records, `missions` > 1, classified by its own rules, so the two disagree);
 * - fuel-entry: diesel, petrol and cooking gas per fuel crossing, split from the fuel trucks each
 *   source counted in aid-flow (so fuel collapses when the crossings do), with the UN's stated need;
 * - truck-gaps: trucks waiting for collection (a stock fed by aid-flow's entered minus collected,
 *   drained as agencies catch up) and trucks intercepted on the route (part of what was collected
 *   and never delivered).
 * Like generate.ts, every draw comes from streams keyed by (seed, day, entity, purpose).
 */
import type { FuelType, MovementOutcome, MovementPurpose } from '../../src/domain/vocabulary.ts';
import { dayLabel, localInstant, localMillis, zonelessInstant } from './calendar.ts';
import { BA, UN, missed, reportTime, invalidToday, type Context, type Item } from './generate.ts';
import { AREAS, VERIFIERS } from './geography.ts';
import { type Rng, stream } from './random.ts';
import type { Regime } from './timeline.ts';

export const ACCESS = 'access-coordination';
export const NGO_ACCESS = 'ngo-access-group';

// ---------------------------------------------------------------------------------------------
// movements

/** North and south of Wadi Gaza, as the theatre's areas lie. */
const ZONE_OF: Record<string, 'north' | 'south'> = {
  'north-gaza': 'north',
  gaza: 'north',
  'deir-al-balah': 'south',
  'khan-younis': 'south',
  rafah: 'south',
};
const NORTH = AREAS.filter((a) => ZONE_OF[a.id] === 'north').map((a) => a.id);
const SOUTH = AREAS.filter((a) => ZONE_OF[a.id] === 'south').map((a) => a.id);

/** Outcome shares by regime for movements that stay in the south; northbound ones fare worse. */
const OUTCOMES: Record<Exclude<Regime, 'pre-crisis'>, Record<MovementOutcome, number>> = {
  fighting: { facilitated: 0.47, impeded: 0.16, denied: 0.26, 'postponed-cancelled': 0.11 },
  limited: { facilitated: 0.56, impeded: 0.16, denied: 0.18, 'postponed-cancelled': 0.1 },
  closure: { facilitated: 0.32, impeded: 0.14, denied: 0.39, 'postponed-cancelled': 0.15 },
  pauses: { facilitated: 0.66, impeded: 0.14, denied: 0.11, 'postponed-cancelled': 0.09 },
  ceasefire: { facilitated: 0.8, impeded: 0.08, denied: 0.05, 'postponed-cancelled': 0.07 },
};
/** Northbound: this share of facilitated becomes denied or impeded (crossing Wadi Gaza). */
const NORTH_PENALTY: Record<Exclude<Regime, 'pre-crisis'>, number> = {
  fighting: 0.3,
  limited: 0.25,
  closure: 0.35,
  pauses: 0.15,
  ceasefire: 0.05,
};
const REQUESTS_PER_DAY: Record<Exclude<Regime, 'pre-crisis'>, [number, number]> = {
  fighting: [15, 25],
  limited: [13, 22],
  closure: [9, 15],
  pauses: [14, 24],
  ceasefire: [10, 18],
};
/** Share of requests heading north of Wadi Gaza. */
const NORTHBOUND: Record<Exclude<Regime, 'pre-crisis'>, number> = {
  fighting: 0.45,
  limited: 0.45,
  closure: 0.35,
  pauses: 0.55,
  ceasefire: 0.5,
};

const PURPOSES = (crisis: boolean): Record<MovementPurpose, number> => ({
  food: 0.22,
  fuel: 0.12,
  health: 0.16,
  wash: 0.11,
  evacuation: crisis ? 0.07 : 0.03,
  assessment: 0.12,
  logistics: 0.14,
  other: 0.06,
});
const ORGANISATIONS = { un: 0.55, ingo: 0.2, ngo: 0.12, 'red-cross-crescent': 0.08, other: 0.05 };

const REASONS: Record<Exclude<MovementOutcome, 'facilitated'>, readonly string[]> = {
  denied: [
    'Route not cleared',
    'Access to the area denied: active hostilities',
    'Request denied at the coordination stage, no reason given',
    'Denied: destination inside an evacuation zone',
  ],
  impeded: [
    'Delay at holding point',
    'Held at a checkpoint for several hours',
    'Route changed on the way; destination reached late',
    'Road damaged; convoy rerouted',
    'Crowds stopped the convoy on the route',
  ],
  'postponed-cancelled': [
    'Postponed by the organiser: security situation',
    'Cancelled: logistical constraints',
    'Cancelled: not enough fuel for the vehicles',
    'Postponed: clearance received too late',
  ],
};

interface Request {
  n: number;
  organisationType: keyof typeof ORGANISATIONS;
  purpose: MovementPurpose;
  fromArea: string;
  toArea: string;
  outcome: MovementOutcome;
  reason?: string;
  /** Hours held on the way (impeded, or facilitated after a short wait). */
  heldHours: number;
}

/** The requests of a day, as they happened (before any source counts them). */
function requestsOfDay(ctx: Context, day: number): Request[] {
  const regime = ctx.timeline.segmentAt(day).regime;
  if (regime === 'pre-crisis') return [];
  const r = stream(ctx.seed, day, 'movements');
  const [lo, hi] = REQUESTS_PER_DAY[regime];
  const count = r.int(lo, hi);
  const purposes = PURPOSES(regime !== 'ceasefire');
  const out: Request[] = [];
  for (let n = 1; n <= count; n++) {
    const north = r.chance(NORTHBOUND[regime]);
    const toArea = r.pick(north ? NORTH : SOUTH);
    // Most missions leave from the warehouses in the south.
    const fromArea = north ? (r.chance(0.75) ? r.pick(SOUTH) : r.pick(NORTH)) : r.pick(SOUTH);
    const shares = { ...OUTCOMES[regime] };
    if (north) {
      const moved = shares.facilitated * NORTH_PENALTY[regime];
      shares.facilitated -= moved;
      shares.denied += moved * 0.65;
      shares.impeded += moved * 0.35;
    }
    const outcome = r.weighted(shares);
    const heldHours =
      outcome === 'impeded' ? r.int(2, 9) : outcome === 'facilitated' && r.chance(0.2) ? 1 : 0;
    out.push({
      n,
      organisationType: r.weighted(ORGANISATIONS),
      purpose: r.weighted(purposes),
      fromArea,
      toArea,
      outcome,
      ...(outcome !== 'facilitated' ? { reason: r.pick(REASONS[outcome]) } : {}),
      heldHours,
    });
  }
  return out;
}

export function movementsDay(ctx: Context, day: number): Item[] {
  const requests = requestsOfDay(ctx, day);
  if (!requests.length) return [];
  const { seed, timeZone } = ctx;
  const date = dayLabel(day);
  const items: Item[] = [];

  // Access coordination: one record per request notified through the system.
  if (!missed(ctx, day, ACCESS, 'movements', 0.03)) {
    const rr = stream(seed, day, ACCESS, 'report');
    const { reportedAt, ms } = reportTime(ctx, rr, day, 19 * 60);
    for (const q of requests) {
      const verified = q.outcome !== 'postponed-cancelled' && rr.chance(0.35);
      items.push({
        r: {
          id: `HNS-${date}-${String(q.n).padStart(3, '0')}`,
          date,
          organisationType: q.organisationType,
          purpose: q.purpose,
          fromArea: q.fromArea,
          toArea: q.toArea,
          fromZone: ZONE_OF[q.fromArea],
          toZone: ZONE_OF[q.toArea],
          outcome: q.outcome,
          ...(q.reason ? { reason: q.reason } : {}),
          missions: 1,
          provenance: {
            sourceId: ACCESS,
            reportedAt,
            verification: verified ? 'verified' : 'reported',
            method: 'Movement request coordinated through the humanitarian notification system',
            ...(verified ? { verifiedBy: VERIFIERS.organisations } : {}),
          },
        },
        entity: 'movements',
        source: ACCESS,
        visibleAt: ms,
        valid: true,
      });
    }
  }

  // NGO working group: its members' requests (plus some never notified), counted by its own
  // rules: held an hour or more is impeded, cancelled for security is denied. Grouped per day.
  if (!missed(ctx, day, NGO_ACCESS, 'movements', 0.08)) {
    const rr = stream(seed, day, NGO_ACCESS, 'report');
    const { reportedAt, ms } = reportTime(ctx, rr, day, 20 * 60);
    const groups = new Map<string, { q: Request; outcome: MovementOutcome; missions: number }>();
    const members = requests.filter(
      (q) => q.organisationType === 'ingo' || q.organisationType === 'ngo',
    );
    const unnotified = rr.int(0, 2);
    for (let k = 0; k < unnotified && members.length; k++) members.push(rr.pick(members));
    for (const q of members) {
      let outcome = q.outcome;
      if (outcome === 'facilitated' && q.heldHours >= 1) outcome = 'impeded';
      if (outcome === 'postponed-cancelled' && q.reason?.includes('security')) outcome = 'denied';
      const toZone = ZONE_OF[q.toArea]!;
      const key = `${q.organisationType}|${q.purpose}|${toZone}|${outcome}`;
      const g = groups.get(key);
      if (g) g.missions++;
      else groups.set(key, { q, outcome, missions: 1 });
    }
    for (const { q, outcome, missions } of groups.values())
      items.push({
        r: {
          date,
          organisationType: q.organisationType,
          purpose: q.purpose,
          toZone: ZONE_OF[q.toArea],
          outcome,
          missions,
          provenance: {
            sourceId: NGO_ACCESS,
            reportedAt,
            verification: 'reported',
            method: 'Members’ daily returns; a mission held an hour or more counts as impeded',
          },
        },
        entity: 'movements',
        source: NGO_ACCESS,
        visibleAt: ms,
        valid: true,
      });
  }

  if (invalidToday(ctx, day, 'bad-movements', 20)) {
    const r = stream(seed, day, 'bad-movements', 'record');
    const minutes = r.int(19 * 60, 21 * 60);
    const record: Record<string, unknown> = {
      date,
      organisationType: 'un',
      purpose: 'food',
      toZone: 'north',
      outcome: 'denied',
      reason: 'Route not cleared',
      missions: 1,
      provenance: {
        sourceId: ACCESS,
        reportedAt: localInstant(day, minutes, timeZone),
        verification: 'reported',
      },
    };
    switch (r.int(0, 4)) {
      case 0:
        record.outcome = 'approved';
        break;
      case 1:
        record.toZone = 'centre';
        break;
      case 2:
        record.missions = 0;
        break;
      case 3:
        record.provenance = {
          ...(record.provenance as object),
          reportedAt: zonelessInstant(day, minutes),
        };
        break;
      default:
        record.purpose = 'cement';
    }
    items.push({
      r: record,
      entity: 'movements',
      source: ACCESS,
      visibleAt: localMillis(day, minutes, timeZone),
      valid: false,
    });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// fuel-entry

/** How fuel trucks split by type, and what one truck carries. */
const FUEL_TRUCKS: Record<FuelType, number> = { diesel: 0.7, petrol: 0.12, 'cooking-gas': 0.18 };
const LITRES_PER_TANKER = 33_000;
const TONNES_PER_GAS_TRUCK = 18;
/** The UN's stated minimum need per day for the whole theatre, split over the fuel crossings. */
const DAILY_NEED: Record<FuelType, number> = {
  diesel: 500_000,
  petrol: 100_000,
  'cooking-gas': 200,
};

export function fuelEntryDay(ctx: Context, day: number): Item[] {
  const { seed, timeZone } = ctx;
  const date = dayLabel(day);
  const flows = ctx.aidFlowItems?.(day) ?? [];
  const fuelCrossings = ctx.crossings.filter((c) => c.passes.includes('fuel'));
  const targetSum = fuelCrossings.reduce((s, c) => s + c.target, 0);
  const items: Item[] = [];
  const pre = ctx.timeline.segmentAt(day).regime === 'pre-crisis';

  for (const c of fuelCrossings) {
    for (const source of [BA, UN]) {
      // The fuel trucks this source counted entering here today (aid-flow), if it reported.
      const flow = flows.find(
        (i) =>
          i.valid &&
          i.entity === c.id &&
          i.source === source &&
          i.r.commodity === 'fuel' &&
          i.r.stage === 'entered',
      );
      if (!flow) continue;
      const trucks = flow.r.trucks as number;
      const provenance = flow.r.provenance as Record<string, unknown>;
      const r = stream(seed, day, c.id, source, 'fuel-entry');
      for (const fuel of Object.keys(FUEL_TRUCKS) as FuelType[]) {
        const typeTrucks = trucks * FUEL_TRUCKS[fuel] * r.noise(0.25);
        const quantity =
          fuel === 'cooking-gas'
            ? Math.round(typeTrucks * TONNES_PER_GAS_TRUCK * r.noise(0.08) * 10) / 10
            : Math.round((typeTrucks * LITRES_PER_TANKER * r.noise(0.05)) / 100) * 100;
        const record: Record<string, unknown> = {
          date,
          crossingId: c.id,
          fuel,
          quantity,
          unit: fuel === 'cooking-gas' ? 'tonnes' : 'litres',
        };
        if (source === UN && !pre)
          record.need = Math.round((DAILY_NEED[fuel] * c.target) / targetSum);
        const method =
          source === BA
            ? 'Tankers and gas trucks screened at the crossing, by declared load'
            : 'Fuel received by the UN on the Gaza side, by delivery note';
        record.provenance = {
          ...provenance,
          // The same report as the fuel trucks' count: a dispute of it disputes these too.
          method:
            provenance.verification === 'disputed'
              ? `${method}; figure disputed by the UN Monitoring Mechanism`
              : method,
        };
        items.push({ r: record, entity: c.id, source, visibleAt: flow.visibleAt, valid: true });
      }
    }
  }

  if (fuelCrossings.length && invalidToday(ctx, day, 'bad-fuel-entry', 20)) {
    const r = stream(seed, day, 'bad-fuel-entry', 'record');
    const c = r.pick(fuelCrossings);
    const minutes = r.int(20 * 60, 22 * 60);
    const quantity = r.int(50, 400) * 1000;
    const record: Record<string, unknown> = {
      date,
      crossingId: c.id,
      fuel: 'diesel',
      quantity,
      unit: 'litres',
      provenance: {
        sourceId: UN,
        reportedAt: localInstant(day, minutes, timeZone),
        verification: 'reported',
      },
    };
    switch (r.int(0, 3)) {
      case 0:
        record.unit = 'tonnes';
        break;
      case 1:
        record.fuel = 'kerosene';
        break;
      case 2:
        record.quantity = -quantity;
        break;
      default:
        record.quantity = 40_000_000;
    }
    items.push({
      r: record,
      entity: c.id,
      source: UN,
      visibleAt: localMillis(day, minutes, timeZone),
      valid: false,
    });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// truck-gaps

/** Days looked back for the stock of waiting trucks: under 1 % of a day's gap is left by then. */
const WAIT_LOOKBACK = 40;
/** Share of the waiting stock that agencies catch up on each day (little while fighting). */
const CLEARED_PER_DAY: Record<Regime, number> = {
  'pre-crisis': 0.9,
  fighting: 0.12,
  limited: 0.2,
  closure: 0.15,
  pauses: 0.3,
  ceasefire: 0.35,
};
/** Share of the trucks collected but never delivered that were intercepted on the route. */
const INTERCEPTED_SHARE: Record<Regime, number> = {
  'pre-crisis': 0,
  fighting: 0.6,
  limited: 0.45,
  closure: 0.5,
  pauses: 0.3,
  ceasefire: 0.1,
};

interface DayTrucks {
  baEntered: number;
  unEntered: number;
  unCollected: number;
  unDelivered: number;
  ba: boolean;
  un: boolean;
}

/** Per aid-flow day (the scenario's cached array), its trucks per crossing: read 40 times over. */
const dayTrucks = new WeakMap<Item[], Map<string, DayTrucks>>();
const NOTHING: DayTrucks = {
  baEntered: 0,
  unEntered: 0,
  unCollected: 0,
  unDelivered: 0,
  ba: false,
  un: false,
};

function trucksOfDay(ctx: Context, crossingId: string, day: number): DayTrucks {
  const flows = ctx.aidFlowItems?.(day) ?? [];
  let byCrossing = dayTrucks.get(flows);
  if (!byCrossing) dayTrucks.set(flows, (byCrossing = sumTrucks(flows)));
  return byCrossing.get(crossingId) ?? NOTHING;
}

function sumTrucks(flows: readonly Item[]): Map<string, DayTrucks> {
  const out = new Map<string, DayTrucks>();
  for (const i of flows) {
    if (!i.valid) continue;
    let t = out.get(i.entity);
    if (!t) out.set(i.entity, (t = { ...NOTHING }));
    const trucks = (i.r.trucks as number | undefined) ?? 0;
    if (i.source === BA && i.r.stage === 'entered') {
      t.ba = true;
      t.baEntered += trucks;
    } else if (i.source === UN) {
      t.un = true;
      if (i.r.stage === 'entered') t.unEntered += trucks;
      else if (i.r.stage === 'collected') t.unCollected += trucks;
      else t.unDelivered += trucks;
    }
  }
  return out;
}

/**
 * Trucks waiting at the end of `day`, as each source sees it: the UN its own entered minus
 * collected; the border authority its (larger) entered minus what the UN collected. Days a source
 * did not report feed nothing in; the stock drains by the regime's catch-up rate.
 */
function waitingAt(ctx: Context, crossingId: string, day: number): { ba: number; un: number } {
  let ba = 0;
  let un = 0;
  for (let d = day - WAIT_LOOKBACK; d <= day; d++) {
    const keep = 1 - CLEARED_PER_DAY[ctx.timeline.segmentAt(d).regime];
    const t = trucksOfDay(ctx, crossingId, d);
    un = un * keep + (t.un ? Math.max(0, t.unEntered - t.unCollected) : 0);
    ba = ba * keep + (t.ba && t.un ? Math.max(0, t.baEntered - t.unCollected) : 0);
  }
  return { ba: Math.round(ba), un: Math.round(un) };
}

export function truckGapsDay(ctx: Context, day: number): Item[] {
  const { seed, timeZone } = ctx;
  const date = dayLabel(day);
  const regime = ctx.timeline.segmentAt(day).regime;
  const items: Item[] = [];
  for (const c of ctx.crossings) {
    const today = trucksOfDay(ctx, c.id, day);
    if (!today.ba && !today.un) continue;
    const waiting = waitingAt(ctx, c.id, day);
    const r = stream(seed, day, c.id, 'truck-gaps');
    const lost = Math.max(0, today.unCollected - today.unDelivered);
    const unIntercepted = Math.round(lost * INTERCEPTED_SHARE[regime] * r.noise(0.3));
    const push = (source: string, fields: Record<string, unknown>, rr: Rng) => {
      const { reportedAt, ms } = reportTime(ctx, rr, day, 21 * 60 + 45);
      const verified = source === UN ? rr.chance(0.5) : regime !== 'pre-crisis' && rr.chance(0.05);
      items.push({
        r: {
          date,
          crossingId: c.id,
          ...fields,
          provenance: {
            sourceId: source,
            reportedAt,
            verification: verified ? 'verified' : 'reported',
            method:
              source === UN
                ? 'Trucks entered and not yet collected by agencies (UN tracking); interceptions reported by convoy leads'
                : 'Trucks cleared and still in the holding area at day end; diversions reported by the crossing staff',
            ...(verified
              ? { verifiedBy: source === UN ? VERIFIERS.unMonitors : VERIFIERS.observers }
              : {}),
          },
        },
        entity: c.id,
        source,
        visibleAt: ms,
        valid: true,
      });
    };
    if (today.un) push(UN, { waiting: waiting.un, intercepted: unIntercepted }, r);
    if (today.ba) {
      const fields: Record<string, unknown> = { waiting: waiting.ba };
      // The border authority reports interceptions only in bad times, and counts more of them.
      if (regime !== 'pre-crisis' && regime !== 'ceasefire')
        fields.intercepted = Math.round(unIntercepted * r.range(1.3, 2.2) + r.int(0, 2));
      push(BA, fields, stream(seed, day, c.id, BA, 'truck-gaps'));
    }
  }

  if (invalidToday(ctx, day, 'bad-truck-gaps', 20)) {
    const r = stream(seed, day, 'bad-truck-gaps', 'record');
    const c = r.pick(ctx.crossings);
    const minutes = r.int(21 * 60, 23 * 60);
    const record: Record<string, unknown> = {
      date,
      crossingId: c.id,
      waiting: r.int(10, 200),
      provenance: {
        sourceId: BA,
        reportedAt: localInstant(day, minutes, timeZone),
        verification: 'reported',
      },
    };
    switch (r.int(0, 3)) {
      case 0:
        record.waiting = -r.int(1, 50);
        break;
      case 1:
        delete record.waiting;
        break;
      case 2:
        record.waiting = 12.5;
        break;
      default:
        record.intercepted = 90_000;
    }
    items.push({
      r: record,
      entity: c.id,
      source: BA,
      visibleAt: localMillis(day, minutes, timeZone),
      valid: false,
    });
  }
  return items;
}
