import { SourceError } from '../../data/contract.ts';
import { datasetsByPanel } from '../../domain/panels.ts';
import type { Dataset } from '../../domain/vocabulary.ts';
import type { WallPanelId } from '../../data/wall-config.ts';
import { formatNumber } from '../../ui/format.ts';

/** The datasets each panel draws (from the panel list); its data are as old as the stalest. */
export const PANEL_DATASETS: Record<WallPanelId, readonly Dataset[]> = datasetsByPanel();

/** Newest successful fetch (epoch ms) per dataset of the source shown. */
export type DatasetTimes = Partial<Record<Dataset, number>>;

/**
 * When a panel's data were last fetched: the oldest of its datasets' newest fetches, or
 * undefined until every one of them has been fetched once.
 */
export function panelUpdatedAt(
  datasets: readonly Dataset[],
  times: DatasetTimes,
): number | undefined {
  let oldest: number | undefined;
  for (const d of datasets) {
    const at = times[d];
    if (at === undefined) return undefined;
    oldest = oldest === undefined ? at : Math.min(oldest, at);
  }
  return oldest;
}

/**
 * The newest report among a panel's datasets (epoch ms), or undefined when the source gives
 * none for them: the age of what the panel shows, as against when it was fetched.
 */
export function panelReportedAt(
  datasets: readonly Dataset[],
  times: DatasetTimes,
): number | undefined {
  let newest: number | undefined;
  for (const d of datasets) {
    const at = times[d];
    if (at !== undefined) newest = newest === undefined ? at : Math.max(newest, at);
  }
  return newest;
}

export type Freshness = 'fresh' | 'stale' | 'none';

/** Stale once the data are older than the panel's limit; 'none' before any data came. */
export function freshness(
  updatedAt: number | undefined,
  now: number,
  maxAgeMinutes: number,
): Freshness {
  if (updatedAt === undefined) return 'none';
  return now - updatedAt > maxAgeMinutes * 60_000 ? 'stale' : 'fresh';
}

/**
 * Milliseconds from `now` to the next time the local clock shows `hhmm` ("04:00"), at least a
 * minute ahead so that a page reloaded at 04:00 does not reload again at once.
 */
export function msUntilLocalTime(hhmm: string, now: Date): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const next = new Date(now);
  next.setHours(h, m, 0, 0);
  if (+next - +now < 60_000) next.setDate(next.getDate() + 1);
  return +next - +now;
}

/** How long to wait before retry `attempt` (0-based): doubling from 1 s, never past `capMs`. */
export function retryDelay(attempt: number, capMs: number): number {
  return Math.min(1000 * 2 ** attempt, Math.max(1000, capMs));
}

/**
 * The wall's delay before retrying a failed request: the doubling backoff, except after a
 * time-out, which has already waited the source's whole timeoutMs (1 s then, so that a source
 * back from a hang shows within a refresh period or two).
 */
export function wallRetryDelay(attempt: number, error: unknown, refreshMs: number): number {
  return error instanceof SourceError && error.kind === 'timeout'
    ? 1000
    : retryDelay(attempt, refreshMs);
}

const inUnit = (value: number, locale: string, unit: string, unitDisplay: 'long' | 'short') =>
  formatNumber(value, locale, { style: 'unit', unit, unitDisplay });

/**
 * How old data are, as the band over a stale panel says it: "40 minutes", "3 hours", "2 days"
 * (whole units, never under a minute; hours up to two days).
 */
export function formatDuration(ms: number, locale: string): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return inUnit(minutes, locale, 'minute', 'long');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return inUnit(hours, locale, 'hour', 'long');
  return inUnit(Math.round(hours / 24), locale, 'day', 'long');
}

/** "12 sec": the countdown to the next panel. */
export function formatSeconds(seconds: number, locale: string): string {
  return inUnit(seconds, locale, 'second', 'short');
}
