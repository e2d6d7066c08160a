import type { Bucket, Resolution } from '../../domain/series.ts';
import { formatDay, formatMonth, formatShortDay } from '../format.ts';
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

/** Axis ticks: short days for days and weeks, months for months. */
export function tickFormatter(resolution: Resolution, locale: string) {
  return (key: string) =>
    resolution === 'month' ? formatMonth(key, locale) : formatShortDay(key, locale);
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
