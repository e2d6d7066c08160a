import { useOnline } from '../lib/use-online.ts';
import { useNow } from '../lib/use-now.ts';
import { formatAge, formatDateTime, formatTime } from './format.ts';
import { useI18n } from './i18n/context.tsx';

/** The page is offline: said once, at the top, for every view. Nothing when online. */
export function OfflineNotice() {
  const { t } = useI18n();
  const online = useOnline();
  if (online) return null;
  return (
    <p className="notice notice--offline" role="status" data-testid="offline-notice">
      <span className="offline-mark" aria-hidden="true" />
      {t('offline.banner')}
    </p>
  );
}

/** What the offline mark needs of a panel's queries (a TanStack Query result fits). */
export interface KeptQuery {
  /** When its data arrived (ms since the epoch; 0 when it has none). */
  dataUpdatedAt?: number;
  isPending: boolean;
}

/** The device's own clock: the time this device last had the data. */
const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * When `at` was, in words: "14:05" today, a date and time before; always with the day for
 * anything older than 12 hours, so "14:05" is never yesterday's.
 */
function when(at: number, now: Date, locale: string): string {
  const zone = deviceZone();
  return +now - at < 12 * 3600_000 && new Date(at).getDate() === now.getDate()
    ? formatTime(at, locale, zone)
    : formatDateTime(at, locale, zone);
}

/**
 * Offline, on a panel showing kept data: "As of 14:05, 3 hours ago — offline", from the oldest
 * answer the panel shows; or, when nothing was kept for it, that it will load once online.
 * Online: nothing (fresh data need no mark; a failing source has its own notice).
 */
export function KeptDataMark({ queries }: { queries: readonly KeptQuery[] }) {
  const { t, locale } = useI18n();
  const online = useOnline();
  const tick = useNow(30_000);
  if (online || queries.length === 0) return null;
  const times = queries.map((q) => q.dataUpdatedAt ?? 0).filter((at) => at > 0);
  if (queries.some((q) => q.isPending) && times.length === 0)
    return (
      <p className="kept-mark kept-mark--none" role="note" data-testid="kept-mark">
        <span className="offline-mark" aria-hidden="true" />
        {t('offline.nothingKept')}
      </p>
    );
  if (times.length === 0) return null;
  const oldest = Math.min(...times);
  // The tick may be older than an answer that just landed: never "in 1 second".
  const now = oldest > +tick ? new Date(oldest) : tick;
  return (
    <p className="kept-mark" role="note" data-testid="kept-mark" data-updated-at={oldest}>
      <span className="offline-mark" aria-hidden="true" />
      {t('offline.asOf', { time: when(oldest, now, locale), age: formatAge(oldest, now, locale) })}
    </p>
  );
}
