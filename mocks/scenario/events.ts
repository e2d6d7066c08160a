/**
 * Events of the story: pauses, cease-fire phases and their agreements, closures, monitored
 * exchanges (from the timeline's segments) and incidents (per day). Each event item knows the
 * theatre-local days it spans so that a query can return every event that overlaps it.
 */
import { AREAS, VERIFIERS } from './geography.ts';
import { dayLabel, localInstant, localMillis, zonelessInstant } from './calendar.ts';
import { BA, UN, type Context, type Item } from './generate.ts';
import { Rng, hashKeys, hashString, stream } from './random.ts';
import type { Segment } from './timeline.ts';

export interface EventItem extends Item {
  startDay: number;
  /** Last day, or undefined while it goes on. */
  endDay: number | undefined;
  startMs: number;
  endMs: number | undefined;
}

const ALL_AREAS = AREAS.map((a) => a.id);
const SYNTHETIC = 'Synthetic event for the demo; not a record of real events.';

function event(
  ctx: Context,
  fields: {
    id: string;
    kind: string;
    title: string;
    description: string;
    areaIds: string[];
    /** The crossings it concerns (closures, incidents at a crossing). */
    crossingIds?: string[];
    startDay: number;
    startMinutes: number;
    endDay?: number;
    endMinutes?: number;
    source: string;
    verification: string;
    method?: string;
    verifiedBy?: string;
  },
): EventItem {
  const { timeZone } = ctx;
  const start = localInstant(fields.startDay, fields.startMinutes, timeZone);
  const startMs = localMillis(fields.startDay, fields.startMinutes, timeZone);
  const endMs =
    fields.endDay !== undefined
      ? localMillis(fields.endDay, fields.endMinutes ?? 23 * 60 + 59, timeZone)
      : undefined;
  const r: Record<string, unknown> = {
    id: fields.id,
    kind: fields.kind,
    start,
    areaIds: fields.areaIds,
    crossingIds: fields.crossingIds ?? [],
    title: fields.title,
    description: `${fields.description} ${SYNTHETIC}`,
    provenance: {
      sourceId: fields.source,
      reportedAt: start,
      verification: fields.verification,
      ...(fields.method ? { method: fields.method } : {}),
      ...(fields.verifiedBy ? { verifiedBy: fields.verifiedBy } : {}),
    },
  };
  if (fields.endDay !== undefined)
    r.end = localInstant(fields.endDay, fields.endMinutes ?? 23 * 60 + 59, timeZone);
  return {
    r,
    entity: fields.id,
    source: fields.source,
    visibleAt: startMs,
    valid: true,
    startDay: fields.startDay,
    endDay: fields.endDay ?? fields.startDay,
    startMs,
    endMs,
  };
}

/** The events a segment of the timeline gives rise to. */
export function segmentEvents(ctx: Context, seg: Segment): EventItem[] {
  const out: EventItem[] = [];
  // The time before the crisis has no start (it reaches back for ever) and no events.
  if (!Number.isFinite(seg.start)) return out;
  const r = new Rng(hashKeys(ctx.seed, seg.index, hashString('segment-events')));
  const label = dayLabel(seg.start);
  switch (seg.regime) {
    case 'pauses':
      if (seg.short) {
        out.push(
          event(ctx, {
            id: `pause-${label}`,
            kind: 'pause',
            title: 'Humanitarian pause',
            description: `A ${seg.end - seg.start + 1}-day humanitarian pause with monitored exchanges and increased aid.`,
            areaIds: ALL_AREAS,
            startDay: seg.start,
            startMinutes: 7 * 60,
            endDay: seg.end,
            endMinutes: 23 * 60 + 59,
            source: UN,
            verification: 'verified',
          }),
        );
        for (let d = seg.start + 1; d <= seg.end; d += 2) out.push(exchange(ctx, d, r));
      } else {
        out.push(
          event(ctx, {
            id: `pause-${label}`,
            kind: 'pause',
            title: 'Daily humanitarian pauses (10:00–20:00)',
            description:
              'Daily pauses in military activity from 10:00 to 20:00 along designated routes.',
            areaIds: ALL_AREAS,
            startDay: seg.start,
            startMinutes: 10 * 60,
            endDay: seg.end,
            endMinutes: 20 * 60,
            source: UN,
            verification: 'reported',
          }),
        );
      }
      break;
    case 'closure':
      out.push(
        event(ctx, {
          id: `closure-${label}`,
          kind: 'closure',
          title: 'Closure of all crossings',
          description: 'All crossings closed to aid and commercial goods, fuel included.',
          areaIds: ALL_AREAS,
          crossingIds: ctx.crossings.map((c) => c.id),
          startDay: seg.start,
          startMinutes: 0,
          endDay: seg.end,
          source: BA,
          verification: 'verified',
          verifiedBy: VERIFIERS.observers,
        }),
      );
      break;
    case 'ceasefire': {
      if (seg.phase === 1) {
        const day = seg.scripted?.agreementDay ?? seg.start - r.int(2, 4);
        out.push(
          event(ctx, {
            id: `agreement-${dayLabel(day)}`,
            kind: 'agreement',
            title: seg.scripted?.agreementTitle ?? 'Cease-fire agreement announced',
            description:
              'Agreement on a phased cease-fire, with monitored exchanges and a target of 600 aid trucks a day.',
            areaIds: ALL_AREAS,
            startDay: day,
            startMinutes: 21 * 60,
            source: UN,
            verification: 'verified',
          }),
        );
      }
      out.push(
        event(ctx, {
          id: `ceasefire-${label}`,
          kind: 'ceasefire-phase',
          title: seg.scripted?.title ?? `Cease-fire phase ${seg.phase}`,
          description:
            'Cease-fire in force; crossings open longer and flows rise towards the target.',
          areaIds: ALL_AREAS,
          startDay: seg.start,
          startMinutes: 8 * 60 + 30,
          endDay: seg.end,
          source: UN,
          verification: 'verified',
        }),
      );
      for (let d = seg.start + 6; d <= seg.end; d += 7) out.push(exchange(ctx, d, r));
      break;
    }
    default:
      break;
  }
  // Now and then, one deliberately invalid event.
  if (seg.index % 4 === 1) out.push(invalidEvent(ctx, seg));
  return out;
}

function exchange(ctx: Context, day: number, r: Rng): EventItem {
  return event(ctx, {
    id: `exchange-${dayLabel(day)}`,
    kind: 'monitored-exchange',
    title: 'Monitored exchange',
    description: 'Exchange carried out in the presence of independent observers.',
    areaIds: [r.pick(ALL_AREAS)],
    startDay: day,
    startMinutes: r.int(10, 12) * 60,
    endDay: day,
    endMinutes: r.int(14, 17) * 60,
    source: UN,
    verification: 'verified',
    method: 'Observers present throughout',
    verifiedBy: VERIFIERS.observers,
  });
}

function invalidEvent(ctx: Context, seg: Segment): EventItem {
  const r = stream(ctx.seed, seg.index, 'bad-event');
  const day = seg.start + r.int(0, Math.max(0, seg.end - seg.start));
  const item = event(ctx, {
    id: `report-${dayLabel(day)}`,
    kind: 'incident',
    title: 'Unconfirmed report',
    description: 'Report received with errors.',
    areaIds: [r.pick(ALL_AREAS)],
    startDay: day,
    startMinutes: 13 * 60,
    endDay: day,
    endMinutes: 15 * 60,
    source: BA,
    verification: 'unverified',
  });
  const rec = item.r;
  switch (Math.floor(seg.index / 4) % 4) {
    case 0:
      rec.kind = 'truce';
      break;
    case 1:
      rec.end = localInstant(day, 9 * 60, ctx.timeZone); // before the start
      break;
    case 2:
      rec.title = '';
      break;
    default:
      rec.start = zonelessInstant(day, 13 * 60);
  }
  item.valid = false;
  return item;
}

/** The incident of a day, if any (the same one that closes a crossing in crossing-status). */
export function incidentEvents(ctx: Context, day: number): EventItem[] {
  const inc = ctx.timeline.incident(day, ctx.crossings.length);
  if (!inc) return [];
  const c = ctx.crossings[inc.crossing]!;
  const r = stream(ctx.seed, day, 'incident-event');
  const byUn = r.chance(0.4);
  const disputed = r.chance(0.15);
  return [
    event(ctx, {
      id: `incident-${dayLabel(day)}`,
      kind: 'incident',
      title: `Security incident near ${c.names.en}`,
      description: r.pick([
        'Shooting reported near the crossing; operations suspended for the rest of the day.',
        'Strike reported near the access road; trucks turned back.',
        'Crowd gathered at the crossing; convoy unable to proceed.',
      ]),
      areaIds: [c.areaId],
      crossingIds: [c.id],
      startDay: day,
      startMinutes: inc.minutes,
      endDay: day,
      endMinutes: Math.min(23 * 60 + 59, inc.minutes + r.int(3, 8) * 60),
      source: byUn ? UN : BA,
      verification: disputed ? 'disputed' : byUn ? 'unverified' : 'reported',
      method: disputed ? 'Account disputed by the other party' : undefined,
    }),
  ];
}
