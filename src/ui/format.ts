/**
 * The one place numbers and dates are formatted: always Intl, always in the theatre's time zone.
 * Formatters are cached because constructing Intl objects is slow and tables format thousands.
 */
/**
 * The Intl tag for a UI language. Arabic uses Western Arabic digits (0–9, `ar-u-nu-latn`): OCHA's
 * Arabic products and most Gaza and regional media print figures that way, and it keeps every
 * figure on screen identical to the one in an exported CSV. Hebrew uses Western digits anyway.
 * Dates, month names, separators and plural rules still follow the chosen language.
 */
export function intlLocale(locale: string): string {
  if (/^ar(-|$)/i.test(locale) && !/-u-(.*-)?nu-/i.test(locale)) {
    return locale.includes('-u-') ? `${locale}-nu-latn` : `${locale}-u-nu-latn`;
  }
  return locale;
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

export function formatNumber(value: number, locale: string, options?: Intl.NumberFormatOptions) {
  return cached(
    `n|${locale}|${JSON.stringify(options ?? {})}`,
    () => new Intl.NumberFormat(intlLocale(locale), options),
  ).format(value);
}

export function formatPercent(ratio: number, locale: string) {
  return formatNumber(ratio, locale, { style: 'percent', maximumFractionDigits: 0 });
}

/** Date and time of an instant in the theatre's zone, e.g. "26 Nov 2026, 14:05". */
export function formatDateTime(instant: string | number | Date, locale: string, timeZone: string) {
  return cached(
    `dt|${locale}|${timeZone}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone,
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  ).format(new Date(instant));
}

/** Time of day only, for "since 14:05" when it is today. */
export function formatTime(instant: string | number | Date, locale: string, timeZone: string) {
  return cached(
    `t|${locale}|${timeZone}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  ).format(new Date(instant));
}

/** A theatre-local calendar day (YYYY-MM-DD) as words, e.g. "Thu 26 Nov 2026". */
export function formatDay(day: string, locale: string) {
  // A day is a label, not an instant: format it at noon UTC in UTC so no zone can shift it.
  return cached(
    `d|${locale}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone: 'UTC',
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      }),
  ).format(new Date(`${day}T12:00:00Z`));
}

/** "3 hours ago", "in 2 days" — the age of a report, rounded to a readable unit. */
export function formatAge(
  instant: string | number | Date,
  now: Date,
  locale: string,
  style: 'long' | 'short' = 'long',
) {
  const seconds = (+new Date(instant) - +now) / 1000;
  const rtf = cached(
    `r|${locale}|${style}`,
    () => new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto', style }),
  );
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(Math.round(seconds), 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}

/** Name of a time zone as people read it, e.g. "Asia/Gaza (GMT+2)". */
export function formatZone(timeZone: string, locale: string, at: Date) {
  const part = cached(
    `z|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { timeZone, timeZoneName: 'shortOffset' }),
  )
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part ? `${timeZone} (${part.value})` : timeZone;
}

/** A day as a short axis label, e.g. "26 Nov" (weekly and daily ticks). */
export function formatShortDay(day: string, locale: string) {
  return cached(
    `sd|${locale}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone: 'UTC',
        day: 'numeric',
        month: 'short',
      }),
  ).format(new Date(`${day}T12:00:00Z`));
}

/** A day as a short axis label with its year, e.g. "26 Nov 2026" (ticks over several years). */
export function formatShortDayYear(day: string, locale: string) {
  return cached(
    `sdy|${locale}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone: 'UTC',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      }),
  ).format(new Date(`${day}T12:00:00Z`));
}

/** The month a day falls in, e.g. "Nov 2026" (monthly ticks and rows). */
export function formatMonth(day: string, locale: string) {
  return cached(
    `m|${locale}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone: 'UTC',
        month: 'short',
        year: 'numeric',
      }),
  ).format(new Date(`${day}T12:00:00Z`));
}

/** Day, month and time of an instant in the theatre's zone, without the year: "26 Nov, 14:05". */
export function formatShortDateTime(
  instant: string | number | Date,
  locale: string,
  timeZone: string,
) {
  return cached(
    `sdt|${locale}|${timeZone}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone,
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  ).format(new Date(instant));
}

/** An approximate download size in kilobytes, in the reader's language: "about" is the caller's. */
export function formatKilobytes(kb: number, locale: string) {
  return formatNumber(Math.round(kb), locale, {
    style: 'unit',
    unit: 'kilobyte',
    unitDisplay: 'short',
  });
}

/** A day in words without its weekday, e.g. "1 December 2026" (a bound in a sentence). */
export function formatLongDay(day: string, locale: string) {
  return cached(
    `ld|${locale}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone: 'UTC',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
  ).format(new Date(`${day}T12:00:00Z`));
}

/** A theatre day counted back from today, in words: "today", "yesterday", "3 days ago". */
export function formatDaysAgo(daysAgo: number, locale: string) {
  return cached(
    `r|${locale}`,
    () => new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' }),
  ).format(-daysAgo, 'day');
}
