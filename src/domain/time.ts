import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';

/** A calendar day as YYYY-MM-DD. Days are always cut in the theatre's time zone. */
export type Day = string;

/** The theatre-local day an instant falls on. */
export function theatreDay(instant: Date | number | string, timeZone: string): Day {
  const ms = typeof instant === 'string' ? Date.parse(instant) : +instant;
  return format(new TZDate(ms, timeZone), 'yyyy-MM-dd');
}

/** The instant a theatre-local day starts (handles DST: not always 00:00 + fixed offset). */
export function startOfTheatreDay(day: Day, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(+new TZDate(y, m - 1, d, 0, 0, 0, timeZone));
}

/** Day arithmetic on calendar days (no time zone involved: a day is a label). */
export function shiftDay(day: Day, days: number): Day {
  return format(addDays(parseISO(day), days), 'yyyy-MM-dd');
}

/** Inclusive list of days from `from` to `to`. */
export function daysBetween(from: Day, to: Day): Day[] {
  const n = differenceInCalendarDays(parseISO(to), parseISO(from));
  const out: Day[] = [];
  for (let i = 0; i <= n; i++) out.push(shiftDay(from, i));
  return out;
}
