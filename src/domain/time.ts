import { TZDate } from '@date-fns/tz';

/** A calendar day as YYYY-MM-DD. Days are always cut in the theatre's time zone. */
export type Day = string;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const MS_PER_DAY = 86_400_000;

/** The theatre-local day an instant falls on. */
export function theatreDay(instant: Date | number | string, timeZone: string): Day {
  const ms = typeof instant === 'string' ? Date.parse(instant) : +instant;
  const local = new TZDate(ms, timeZone);
  return `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/** The instant a theatre-local day starts (handles DST: not always 00:00 + fixed offset). */
export function startOfTheatreDay(day: Day, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(+new TZDate(y, m - 1, d, 0, 0, 0, timeZone));
}

/** A day label as a UTC midnight, for arithmetic on labels (no time zone involved). */
const dayToUtc = (day: Day) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10));
const utcToDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Day arithmetic on calendar days. */
export function shiftDay(day: Day, days: number): Day {
  return utcToDay(dayToUtc(day) + days * MS_PER_DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function dayDifference(from: Day, to: Day): number {
  return Math.round((dayToUtc(to) - dayToUtc(from)) / MS_PER_DAY);
}

/** Inclusive list of days from `from` to `to`. */
export function daysBetween(from: Day, to: Day): Day[] {
  const start = dayToUtc(from);
  const n = dayDifference(from, to);
  const out: Day[] = [];
  for (let i = 0; i <= n; i++) out.push(utcToDay(start + i * MS_PER_DAY));
  return out;
}
