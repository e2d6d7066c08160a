import { theatreDay, type Day } from './time.ts';

/**
 * Pure time-series helpers for the charts. A series is an array of values, one per day (or per
 * bucket) of a range, where `null` is a gap: the source reported nothing. A gap is never a zero.
 * The hot loops work on day numbers (days since 1970-01-01) rather than date objects: a year of
 * aid-flow records is ~100 000 rows.
 */

export type Resolution = 'day' | 'week' | 'month';
export type Series = (number | null)[];

/** Days since 1970-01-01 for a YYYY-MM-DD label (a label, not an instant: no zone involved). */
export function dayNumber(day: Day): number {
  return Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / 86_400_000;
}

/** The YYYY-MM-DD label of a day number. */
export function dayLabel(n: number): Day {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** A span of consecutive days drawn as one bar or point. */
export interface Bucket {
  /** First day of the bucket inside the range: unique, and the x value the chart uses. */
  key: Day;
  from: Day;
  to: Day;
  /** Index of `from` among the days of the range, and how many days the bucket spans. */
  start: number;
  days: number;
}

/** Days of an inclusive range as a count. */
export function dayCount(range: { from: Day; to: Day }): number {
  return Math.max(0, dayNumber(range.to) - dayNumber(range.from) + 1);
}

/**
 * The finest resolution that draws at most `maxBuckets` buckets: days, else weeks, else months.
 * Charts derive `maxBuckets` from their width in pixels, so a series never has more points
 * than the chart has room for.
 */
export function chooseResolution(days: number, maxBuckets: number): Resolution {
  if (days <= maxBuckets) return 'day';
  if (Math.ceil(days / 7) + 1 <= maxBuckets) return 'week';
  return 'month';
}

/**
 * The buckets of a range: single days, ISO weeks (Monday to Sunday) or calendar months.
 * Edge buckets are cut at the range, so they may span fewer days.
 */
export function bucketsFor(range: { from: Day; to: Day }, resolution: Resolution): Bucket[] {
  const first = dayNumber(range.from);
  const last = dayNumber(range.to);
  const out: Bucket[] = [];
  let d = first;
  while (d <= last) {
    let end: number;
    if (resolution === 'day') end = d;
    else if (resolution === 'week') {
      // 1970-01-01 was a Thursday: (n + 3) % 7 is 0 on Mondays.
      const weekday = (((d + 3) % 7) + 7) % 7;
      end = d + (6 - weekday);
    } else {
      const date = new Date(d * 86_400_000);
      end = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / 86_400_000;
    }
    end = Math.min(end, last);
    const from = dayLabel(d);
    out.push({ key: from, from, to: dayLabel(end), start: d - first, days: end - d + 1 });
    d = end + 1;
  }
  return out;
}

/**
 * Days of the whole interval a bucket belongs to: 1, 7, or the days of its calendar month. A
 * bucket cut at the range spans fewer (`Bucket.days`): a total over it is a partial one.
 */
export function intervalDays(bucket: Bucket, resolution: Resolution): number {
  if (resolution === 'day') return 1;
  if (resolution === 'week') return 7;
  const from = bucket.from;
  return new Date(Date.UTC(+from.slice(0, 4), +from.slice(5, 7), 0)).getUTCDate();
}

/**
 * One pass over records: per key, a daily series over the range. Several records for the same
 * key and day are summed (`combine: 'sum'`, e.g. commodities of one crossing) or averaged
 * (`'mean'`, e.g. two reports of one area's power hours). Records outside the range, without a
 * key or without a value are skipped; days nothing was reported stay null.
 */
export function dailyByKey<R>(
  records: readonly R[],
  range: { from: Day; to: Day },
  day: (r: R) => Day,
  key: (r: R) => string | undefined,
  value: (r: R) => number | undefined,
  combine: 'sum' | 'mean' = 'sum',
): Map<string, Series> {
  const first = dayNumber(range.from);
  const n = dayCount(range);
  const sums = new Map<string, Series>();
  const counts = combine === 'mean' ? new Map<string, number[]>() : undefined;
  // Day labels repeat a lot: remember their index instead of parsing each one.
  const index = new Map<string, number>();
  for (const r of records) {
    const label = day(r);
    let i = index.get(label);
    if (i === undefined) {
      i = dayNumber(label) - first;
      index.set(label, i);
    }
    if (!(i >= 0 && i < n)) continue;
    const k = key(r);
    if (k === undefined) continue;
    const v = value(r);
    if (v === undefined || !Number.isFinite(v)) continue;
    let s = sums.get(k);
    if (!s) {
      s = new Array<number | null>(n).fill(null);
      sums.set(k, s);
      counts?.set(k, new Array<number>(n).fill(0));
    }
    s[i] = (s[i] ?? 0) + v;
    if (counts) counts.get(k)![i]! += 1;
  }
  if (counts)
    for (const [k, s] of sums) {
      const c = counts.get(k)!;
      for (let i = 0; i < n; i++) if (s[i] !== null) s[i] = s[i]! / c[i]!;
    }
  return sums;
}

export type RollUp = 'mean' | 'sum' | 'min' | 'max' | 'last';

/**
 * A daily series rolled up to buckets. `mean` averages over the days reported (a week with
 * three reported days is the mean of those three); a bucket with no reported day is a gap.
 */
export function rollUp(daily: Series, buckets: readonly Bucket[], how: RollUp = 'mean'): Series {
  return buckets.map((b) => {
    let acc: number | null = null;
    let count = 0;
    for (let i = b.start; i < b.start + b.days; i++) {
      const v = daily[i];
      if (v === null || v === undefined) continue;
      count++;
      if (acc === null) acc = v;
      else if (how === 'mean' || how === 'sum') acc += v;
      else if (how === 'min') acc = Math.min(acc, v);
      else if (how === 'max') acc = Math.max(acc, v);
      else acc = v;
    }
    return acc !== null && how === 'mean' ? acc / count : acc;
  });
}

/** How many days of each bucket have a value: tables say "3 of 7 days reported". */
export function reportedDays(daily: Series, buckets: readonly Bucket[]): number[] {
  return buckets.map((b) => {
    let count = 0;
    for (let i = b.start; i < b.start + b.days; i++) if (daily[i] != null) count++;
    return count;
  });
}

/**
 * Trailing moving average that skips gaps: the mean of the values reported in the `window`
 * days ending on each day, or null when fewer than `minReported` of them were reported (a
 * "7-day average" of one day would mislead).
 */
export function movingAverage(values: Series, window = 7, minReported = 4): Series {
  const out: Series = new Array(values.length).fill(null);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v != null) {
      sum += v;
      count++;
    }
    const old = i - window >= 0 ? values[i - window] : null;
    if (old != null) {
      sum -= old;
      count--;
    }
    out[i] = count >= minReported ? sum / count : null;
  }
  return out;
}

/** Per day, the sum of several series; null where every one of them is a gap. */
export function sumSeries(series: readonly Series[], length: number): Series {
  const out: Series = new Array(length).fill(null);
  for (const s of series)
    for (let i = 0; i < length; i++) {
      const v = s[i];
      if (v != null) out[i] = (out[i] ?? 0) + v;
    }
  return out;
}

export interface XY {
  x: number;
  y: number | null;
}

/**
 * Shrinks a line to at most `maxPoints` points while keeping its shape: the points are cut
 * into `maxPoints / 2` slices and each slice keeps its lowest and highest point, in order, so
 * peaks and troughs survive. A slice with nothing reported stays a gap (one null point).
 */
export function downsampleMinMax(points: readonly XY[], maxPoints: number): XY[] {
  if (points.length <= maxPoints) return [...points];
  const slices = Math.max(1, Math.floor(maxPoints / 2));
  const size = points.length / slices;
  const out: XY[] = [];
  for (let s = 0; s < slices; s++) {
    const begin = Math.floor(s * size);
    const end = Math.min(points.length, Math.floor((s + 1) * size));
    let lo: XY | undefined;
    let hi: XY | undefined;
    let loAt = 0;
    let hiAt = 0;
    for (let i = begin; i < end; i++) {
      const p = points[i]!;
      if (p.y === null) continue;
      if (!lo || p.y < lo.y!) [lo, loAt] = [p, i];
      if (!hi || p.y > hi.y!) [hi, hiAt] = [p, i];
    }
    if (!lo || !hi) out.push({ x: points[begin]!.x, y: null });
    else if (lo === hi) out.push(lo);
    else out.push(...(loAt < hiAt ? [lo, hi] : [hi, lo]));
  }
  return out;
}

/** An event drawn as a band across a time chart, cut to the chart's buckets. */
export interface Band {
  id: string;
  kind: string;
  title: string;
  sourceId: string;
  /** Keys of the first and last bucket the event touches. */
  x1: Day;
  x2: Day;
  /** Theatre-local days the event runs, for labels; `to` undefined while it goes on. */
  from: Day;
  to: Day | undefined;
}

/**
 * Events as bands over a chart's buckets. Days are cut in the theatre's time zone; an event
 * still going on runs to the end of the range; events outside the range are left out.
 */
export function bandsFor(
  events: readonly {
    id: string;
    kind: string;
    title: string;
    start: string;
    end?: string | undefined;
    provenance: { sourceId: string };
  }[],
  buckets: readonly Bucket[],
  timeZone: string,
  kinds: readonly string[] = ['pause', 'ceasefire-phase'],
): Band[] {
  if (buckets.length === 0) return [];
  const rangeFrom = buckets[0]!.from;
  const rangeTo = buckets.at(-1)!.to;
  const bucketOf = (day: Day) => {
    // Buckets are sorted: binary search for the last bucket starting on or before `day`.
    let lo = 0;
    let hi = buckets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (buckets[mid]!.from <= day) lo = mid;
      else hi = mid - 1;
    }
    return buckets[lo]!.key;
  };
  const out: Band[] = [];
  for (const e of events) {
    if (!kinds.includes(e.kind)) continue;
    const from = theatreDay(e.start, timeZone);
    const to = e.end ? theatreDay(e.end, timeZone) : undefined;
    if (from > rangeTo || (to !== undefined && to < rangeFrom)) continue;
    out.push({
      id: e.id,
      kind: e.kind,
      title: e.title,
      sourceId: e.provenance.sourceId,
      x1: bucketOf(from < rangeFrom ? rangeFrom : from),
      x2: bucketOf(to === undefined || to > rangeTo ? rangeTo : to),
      from,
      to,
    });
  }
  return out;
}

/**
 * Buckets for lines too long for their width: for each series, min/max-preserving downsampling
 * picks the days worth drawing; the union of those days becomes single-day buckets, each
 * standing for the days up to the next one. At most `maxPoints` days per series are kept, and
 * the values drawn are the values of those exact days, so peaks and troughs are true figures.
 */
export function downsampledBuckets(
  range: { from: Day; to: Day },
  series: readonly Series[],
  maxPoints: number,
): Bucket[] {
  const n = dayCount(range);
  const kept = new Set<number>();
  if (series.length === 0 || n <= maxPoints) for (let i = 0; i < n; i++) kept.add(i);
  else
    for (const s of series)
      for (const p of downsampleMinMax(
        s.map((y, x) => ({ x, y: y ?? null })),
        maxPoints,
      ))
        kept.add(p.x);
  kept.add(0);
  const starts = [...kept].sort((a, b) => a - b);
  const first = dayNumber(range.from);
  return starts.map((start, i) => {
    const end = (starts[i + 1] ?? n) - 1;
    return {
      key: dayLabel(first + start),
      from: dayLabel(first + start),
      to: dayLabel(first + end),
      start,
      days: end - start + 1,
    };
  });
}
