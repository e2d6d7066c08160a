/**
 * The story: a seeded sequence of regimes (fighting, pauses, limited access, closures,
 * cease-fire phases) from the start of the crisis onwards. It is generated segment by segment,
 * each from its own seeded stream, so it does not depend on how far anyone has asked: the
 * regime of a past day never changes when the scenario's `end` moves.
 */
import { dayNumber } from './calendar.ts';
import { Rng, hashKeys, hashString, unit } from './random.ts';

export type Regime = 'pre-crisis' | 'fighting' | 'pauses' | 'limited' | 'closure' | 'ceasefire';

export interface Segment {
  index: number;
  regime: Regime;
  /** First and last day (day numbers), inclusive. */
  start: number;
  end: number;
  /** Share of the agreed daily target reached at the height of the segment. */
  level: number;
  /** Share of entered trucks that agencies manage to collect. */
  collectRate: number;
  /** For pauses: a short multi-day pause (true) or weeks of daily pauses (false). */
  short: boolean;
  /** For cease-fires: the phase number (1, 2, …). */
  phase: number;
  /** Set on scripted segments (the January 2025 cease-fire). */
  scripted?: { title: string; agreementDay: number; agreementTitle: string };
}

/** The crisis starts here; before it, the pre-crisis baseline applies. */
export const CRISIS_START = dayNumber('2023-10-07');

interface Scripted {
  start: number;
  days: number;
  level: [number, number];
  title: string;
  agreementDay: number;
  agreementTitle: string;
}

/**
 * Scripted cease-fires, after the real pattern: the January 2025 cease-fire that set the
 * 600 trucks/day target, and the October 2025 one (flows well below target). Everything else
 * is drawn from the seed.
 */
const SCRIPTED: Scripted[] = [
  {
    start: dayNumber('2025-01-19'),
    days: 42,
    level: [0.95, 1.08],
    title: 'Cease-fire phase 1 (January 2025 cease-fire)',
    agreementDay: dayNumber('2025-01-15'),
    agreementTitle: 'January 2025 cease-fire agreement',
  },
  {
    start: dayNumber('2025-10-10'),
    days: 120,
    level: [0.6, 0.75],
    title: 'Cease-fire phase 1 (October 2025 cease-fire)',
    agreementDay: dayNumber('2025-10-09'),
    agreementTitle: 'October 2025 cease-fire agreement',
  },
];

const PRE_CRISIS: Segment = {
  index: -1,
  regime: 'pre-crisis',
  start: -Infinity,
  end: CRISIS_START - 1,
  level: 500 / 600,
  collectRate: 0.97,
  short: false,
  phase: 0,
};

const NEXT: Record<Exclude<Regime, 'pre-crisis'>, Partial<Record<Regime, number>>> = {
  fighting: { pauses: 0.4, limited: 0.3, ceasefire: 0.3 },
  pauses: { fighting: 0.35, limited: 0.35, ceasefire: 0.3 },
  limited: { fighting: 0.35, closure: 0.1, pauses: 0.3, ceasefire: 0.25 },
  closure: { fighting: 0.4, limited: 0.6 },
  ceasefire: { ceasefire: 0.35, closure: 0.1, fighting: 0.25, limited: 0.3 },
};

export class Timeline {
  private readonly segments: Segment[] = [];
  private readonly levels = new Map<number, number>();
  private readonly fuel = new Map<number, number>();

  constructor(private readonly seed: number) {}

  /** All segments that overlap [from, to]. */
  overlapping(from: number, to: number): Segment[] {
    if (to >= CRISIS_START) this.extendTo(to);
    const out: Segment[] = [];
    if (from < CRISIS_START) out.push(PRE_CRISIS);
    for (const s of this.segments) {
      if (s.start > to) break;
      if (s.end >= from) out.push(s);
    }
    return out;
  }

  segmentAt(day: number): Segment {
    if (day < CRISIS_START) return PRE_CRISIS;
    this.extendTo(day);
    // Binary search: segments are contiguous and sorted.
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.segments[mid]!.end < day) lo = mid + 1;
      else hi = mid;
    }
    return this.segments[lo]!;
  }

  previous(segment: Segment): Segment | undefined {
    if (segment.index <= 0) return segment.index === 0 ? PRE_CRISIS : undefined;
    return this.segments[segment.index - 1];
  }

  /**
   * Share of the daily target that can get in on a day (before crossing states and noise).
   * Collapses are abrupt; recoveries take a few days; cease-fires ramp up over two weeks.
   */
  level(day: number): number {
    let v = this.levels.get(day);
    if (v !== undefined) return v;
    const seg = this.segmentAt(day);
    v = rawLevel(seg, day);
    const prev = this.previous(seg);
    if (prev && day - seg.start < 4) {
      const before = rawLevel(prev, prev.end);
      if (before < v) {
        const w = (day - seg.start + 1) / 5;
        v = before * (1 - w) + v * w;
      }
    }
    this.levels.set(day, v);
    return v;
  }

  /** Average supply level over the 14 days up to `day`: drives generator fuel, water, power. */
  fuelSupply(day: number): number {
    let v = this.fuel.get(day);
    if (v !== undefined) return v;
    let sum = 0;
    for (let d = day - 13; d <= day; d++) sum += this.level(d);
    v = sum / 14;
    this.fuel.set(day, v);
    return v;
  }

  /** An incident on a day (at most one), or null. Picks a crossing by index among `count`. */
  incident(day: number, count: number): { crossing: number; minutes: number } | null {
    const regime = this.segmentAt(day).regime;
    const p = INCIDENT_RATE[regime];
    if (!p || unit(this.seed, day, 'incident') >= p) return null;
    const r = new Rng(hashKeys(this.seed, day, hashString('incident-detail')));
    return { crossing: r.int(0, count - 1), minutes: r.int(10 * 60, 15 * 60) };
  }

  private extendTo(day: number): void {
    while (!this.segments.length || this.segments[this.segments.length - 1]!.end < day) {
      this.segments.push(this.generate(this.segments.length));
    }
  }

  private generate(index: number): Segment {
    const prev = this.segments[index - 1];
    const start = prev ? prev.end + 1 : CRISIS_START;
    const r = new Rng(hashKeys(this.seed, index, hashString('segment')));
    const scripted = SCRIPTED.find((x) => x.start === start);
    if (scripted) {
      return {
        index,
        regime: 'ceasefire',
        start,
        end: start + scripted.days - 1,
        level: r.range(...scripted.level),
        collectRate: r.range(0.88, 0.96),
        short: false,
        phase: 1,
        scripted: {
          title: scripted.title,
          agreementDay: scripted.agreementDay,
          agreementTitle: scripted.agreementTitle,
        },
      };
    }
    const regime = (
      prev
        ? r.weighted(NEXT[prev.regime as Exclude<Regime, 'pre-crisis'>] as Record<Regime, number>)
        : 'fighting'
    ) as Exclude<Regime, 'pre-crisis'>;
    let short = false;
    let days: number;
    let level: number;
    let collectRate: number;
    switch (regime as Exclude<Regime, 'pre-crisis'>) {
      case 'fighting':
        days = r.int(25, 80);
        level = r.range(0.06, 0.18);
        collectRate = r.range(0.35, 0.6);
        break;
      case 'pauses':
        short = r.chance(0.4);
        days = short ? r.int(4, 7) : r.int(14, 40);
        level = short ? r.range(0.4, 0.55) : r.range(0.3, 0.5);
        collectRate = r.range(0.6, 0.8);
        break;
      case 'limited':
        days = r.int(20, 60);
        level = r.range(0.2, 0.4);
        collectRate = r.range(0.5, 0.7);
        break;
      case 'closure':
        days = r.int(7, 35);
        level = r.range(0, 0.02);
        collectRate = 0.5;
        break;
      case 'ceasefire':
        days = r.int(30, 90);
        level = r.range(1.0, 1.15);
        collectRate = r.range(0.85, 0.97);
        break;
    }
    let end = start + days - 1;
    // Make room for a scripted cease-fire, preceded by talks and pauses rather than another
    // cease-fire.
    const next = SCRIPTED.find((x) => start < x.start && end >= x.start - 1);
    if (next) {
      end = next.start - 1;
      if (regime === 'ceasefire')
        return { index, regime: 'pauses', start, end, level: 0.4, collectRate, short, phase: 0 };
    }
    const phase = regime === 'ceasefire' ? (prev?.regime === 'ceasefire' ? prev.phase + 1 : 1) : 0;
    return { index, regime, start, end, level, collectRate, short, phase };
  }
}

const INCIDENT_RATE: Record<Regime, number> = {
  'pre-crisis': 0,
  fighting: 0.15,
  limited: 0.06,
  pauses: 0.04,
  closure: 0.04,
  ceasefire: 0.02,
};

function rawLevel(seg: Segment, day: number): number {
  if (seg.regime === 'ceasefire') {
    const ramp = Math.min(1, (day - seg.start + 1) / 14);
    return 0.45 + (seg.level - 0.45) * ramp;
  }
  return seg.level;
}
