/**
 * Fast calendar arithmetic for the generator: a day is an integer (days since 1970-01-01),
 * its label is YYYY-MM-DD, and instants are written with the theatre's UTC offset of that day.
 */

const MS_PER_DAY = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a YYYY-MM-DD label; NaN when it is not a real calendar day. */
export function dayNumber(day: string): number {
  const m = DAY_RE.exec(day);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return NaN;
  return Math.round(ms / MS_PER_DAY);
}

const labels = new Map<number, string>();
/** YYYY-MM-DD label of a day number. */
export function dayLabel(n: number): string {
  let s = labels.get(n);
  if (s === undefined) {
    s = new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
    labels.set(n, s);
  }
  return s;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, string>();

/**
 * The UTC offset (e.g. "+02:00") in force at noon of a day in a time zone. Daylight-saving
 * changes in Asia/Gaza happen at night, so the noon offset is right for the daytime hours the
 * generator writes.
 */
export function utcOffset(n: number, timeZone: string): string {
  const key = `${timeZone}|${n}`;
  let off = offsets.get(key);
  if (off !== undefined) return off;
  let fmt = offsetFormats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, fmt);
  }
  const name =
    fmt
      .formatToParts(new Date(n * MS_PER_DAY + 10 * 3_600_000))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  off = name === 'GMT' ? '+00:00' : name.slice(3);
  offsets.set(key, off);
  return off;
}

const pad = (v: number) => (v < 10 ? `0${v}` : String(v));

/** HH:MM of minutes after midnight. */
export function clock(minutes: number): string {
  const m = Math.max(0, Math.min(23 * 60 + 59, Math.round(minutes)));
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** An ISO instant with the theatre offset, for a local time on a day: 2025-01-31T08:05:00+02:00. */
export function localInstant(n: number, minutes: number, timeZone: string): string {
  return `${dayLabel(n)}T${clock(minutes)}:00${utcOffset(n, timeZone)}`;
}

/** The same local time without any zone: deliberately invalid for the schemas. */
export function zonelessInstant(n: number, minutes: number): string {
  return `${dayLabel(n)}T${clock(minutes)}:00`;
}

/** Epoch milliseconds of a local time on a day (for comparisons with "now"). */
export function localMillis(n: number, minutes: number, timeZone: string): number {
  const off = utcOffset(n, timeZone);
  const sign = off[0] === '-' ? -1 : 1;
  const offMin = sign * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4, 6)));
  return n * MS_PER_DAY + (Math.round(minutes) - offMin) * 60_000;
}
