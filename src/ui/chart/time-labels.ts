import type { Bucket, Resolution } from '../../domain/series.ts';
import { dayLabel } from '../../domain/series.ts';
import { formatDay, formatMonth, formatShortDay, formatShortDayYear } from '../format.ts';
import type { Translate } from '../i18n/translate.ts';

/** A bucket in words for tooltips and table rows: a day, "week of …", or a month. */
export function bucketLabel(bucket: Bucket, resolution: Resolution, t: Translate, locale: string) {
  if (resolution === 'day') return formatDay(bucket.from, locale);
  if (resolution === 'week')
    return t('chart.bucket.week', {
      from: formatShortDay(bucket.from, locale),
      to: formatDay(bucket.to, locale),
    });
  return formatMonth(bucket.from, locale);
}

/** A range runs over more than one calendar year: "6 Jan" alone would not say which. */
export const spansYears = (range: { from: string; to: string }) =>
  range.from.slice(0, 4) !== range.to.slice(0, 4);

/**
 * Axis ticks: short days for days and weeks, months (always with their year) for months. Over
 * a range that runs into another year, days carry their year too ("6 Jan 2025"), in every
 * language through Intl; the tick picker measures the longer labels and keeps fewer of them.
 */
export function tickFormatter(
  resolution: Resolution,
  locale: string,
  range: { from: string; to: string },
) {
  if (resolution === 'month') return (key: string) => formatMonth(key, locale);
  return spansYears(range)
    ? (key: string) => formatShortDayYear(key, locale)
    : (key: string) => formatShortDay(key, locale);
}

/** Ticks of a timeline's day-number axis, by the same rule as `tickFormatter`'s days. */
export function dayNumberTickFormatter(locale: string, range: { from: string; to: string }) {
  const format = tickFormatter('day', locale, range);
  return (n: number) => format(dayLabel(n));
}

/** "27 Oct 2026 – 26 Nov 2026" */
export function periodLabel(range: { from: string; to: string }, t: Translate, locale: string) {
  return t('chart.period', {
    from: formatDay(range.from, locale),
    to: formatDay(range.to, locale),
  });
}

/** The subtitle's words for how values were rolled up, e.g. "weekly averages". */
export function resolutionNote(resolution: Resolution, t: Translate) {
  return t(`chart.resolution.${resolution}`);
}

/** A bucket as ISO 8601 for CSVs: the day, or the interval "2025-01-06/2025-01-12". */
export function bucketIso(bucket: Bucket, resolution: Resolution) {
  return resolution === 'day' || bucket.from === bucket.to
    ? bucket.from
    : `${bucket.from}/${bucket.to}`;
}
