import { useId, useState, type ReactNode } from 'react';
import type { FilterNotice } from '../domain/filters.ts';
import { issueKey, uniqueIssues, type DataIssue } from '../domain/validate.ts';
import { useEmbeddedChart } from './export/export-context.tsx';
import { useI18n } from './i18n/context.tsx';
import { isolated } from './i18n/isolate.tsx';
import { KeptDataMark } from './offline.tsx';
import { reasonText } from './reason-text.ts';
import { sourceErrorMessage } from './source-error.ts';

/** Every panel is a <section> named by its heading, with its loading state announced. */
export function Panel({
  title,
  subtitle,
  state,
  className,
  children,
  headingLevel = 2,
  chart,
  resolution,
  queries,
}: {
  title: string;
  subtitle?: ReactNode;
  state: 'loading' | 'ready' | 'error' | 'empty';
  className?: string;
  children: ReactNode;
  headingLevel?: 2 | 3;
  /** The resolution a chart's figures are drawn at (`data-resolution`), when it was asked for one. */
  resolution?: string;
  /** Marks a chart panel (`data-chart`, anchor `#chart-<id>`), for export, links and tests. */
  chart?: string;
  /** The queries it shows: offline, the panel says how old their kept data are. */
  queries?: readonly PanelQuery[];
}) {
  const id = useId();
  const embedded = useEmbeddedChart();
  // On /embed/<chart>, a panel that only groups charts (hospitals, utilities) steps aside, and
  // the chart's heading comes right under the page's.
  if (embedded && !chart) return <>{children}</>;
  const Heading = headingLevel === 2 || embedded ? 'h2' : 'h3';
  return (
    <section
      id={chart ? `chart-${chart}` : undefined}
      aria-labelledby={id}
      aria-busy={state === 'loading'}
      data-state={state}
      data-chart={chart}
      data-resolution={resolution}
      className={`panel ${className ?? ''}`}
    >
      <header className="panel__header">
        {/* A chart's heading can take focus from script: a link to the chart lands on it. */}
        <Heading id={id} className="panel__title" tabIndex={chart ? -1 : undefined}>
          {title}
        </Heading>
        {subtitle ? <p className="panel__subtitle">{subtitle}</p> : null}
      </header>
      {queries ? <KeptDataMark queries={queries} /> : null}
      {children}
    </section>
  );
}

/** What a panel needs to know of each of its queries (a TanStack Query result fits). */
export interface PanelQuery {
  isError: boolean;
  isPending: boolean;
  error: Error | null;
  refetch: () => unknown;
  /** When its data arrived (0 when none): the age said offline. */
  dataUpdatedAt?: number;
}

/** A panel's state from its queries: an error beats loading, which beats ready or empty. */
export function panelState(
  queries: readonly PanelQuery[],
  hasData: boolean,
): 'error' | 'loading' | 'ready' | 'empty' {
  if (queries.some((q) => q.isError)) return 'error';
  if (queries.some((q) => q.isPending)) return 'loading';
  return hasData ? 'ready' : 'empty';
}

/**
 * One notice per distinct failure, naming the source, each with a retry of the queries that
 * failed so (a period and the one before it failing alike are one problem, not two).
 */
export function QueryErrorNotices({
  queries,
  sourceName,
}: {
  queries: readonly PanelQuery[];
  sourceName: string;
}) {
  const { t, locale } = useI18n();
  // Identical failures (a period and the one before it, say) are one notice with one retry.
  const byMessage = new Map<string, PanelQuery[]>();
  for (const q of queries)
    if (q.isError) {
      const key = q.error?.message ?? '';
      byMessage.set(key, [...(byMessage.get(key) ?? []), q]);
    }
  return (
    <>
      {[...byMessage].map(([key, failed]) => (
        <SourceErrorNotice
          key={key}
          message={sourceErrorMessage(failed[0]!.error, sourceName, t, locale)}
          onRetry={() => failed.forEach((q) => void q.refetch())}
        />
      ))}
    </>
  );
}

/** A source failed: say which and what happened, offer a retry; the rest of the page goes on. */
export function SourceErrorNotice({
  message,
  onRetry,
}: {
  message: ReactNode;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      <button type="button" onClick={onRetry}>
        {t('source.retry')}
      </button>
    </div>
  );
}

/** How many records of these query results were for days or crossings not asked for. */
export function outsideRangeOf(results: readonly unknown[]): number {
  let count = 0;
  for (const r of results) {
    const n = (r as { outsideRange?: unknown } | undefined)?.outsideRange;
    if (typeof n === 'number') count += n;
  }
  return count;
}

/**
 * Valid records a source sent for days it was not asked about (it ignored the range): said, so
 * that accepted + rejected + not used = what the source sent is visible.
 */
export function RecordsOutsideRange({ count, source }: { count: number; source: string }) {
  const { t } = useI18n();
  if (count === 0) return null;
  return (
    <p className="notice notice--warning" data-testid="records-outside-range">
      {isolated(t, 'source.outsideRange', { source }, { count })}
    </p>
  );
}

/** Records a source sent that failed validation: counted, and listed with reasons on demand. */
export function RejectedRecords({
  issues: fetched,
  sourceName,
}: {
  issues: readonly DataIssue[];
  sourceName: (sourceId: string) => string;
}) {
  const { t } = useI18n();
  // A panel's queries can overlap: a record two of them fetched is one record.
  const issues = uniqueIssues(fetched);
  if (issues.length === 0) return null;
  const bySource = new Map<string, DataIssue[]>();
  // Appended in place: copying the list per issue took seconds for 20,000 rejected records.
  for (const issue of issues) {
    const list = bySource.get(issue.sourceId);
    if (list) list.push(issue);
    else bySource.set(issue.sourceId, [issue]);
  }
  return (
    <div className="notice notice--warning" data-testid="rejected-records">
      {[...bySource].map(([sourceId, list]) => (
        <p key={sourceId}>
          {isolated(t, 'source.rejected', { source: sourceName(sourceId) }, { count: list.length })}
        </p>
      ))}
      <RejectedDetails issues={issues} sourceName={sourceName} />
    </div>
  );
}

/** Rows shown at first: over years a source can have sent thousands of bad records. */
const REJECTED_SHOWN = 200;

/**
 * The rejected records, built when the reader opens the list: the first ones with a way to see
 * them all (the Data issues page lists every one, with its record for download).
 */
function RejectedDetails({
  issues,
  sourceName,
}: {
  issues: readonly DataIssue[];
  sourceName: (sourceId: string) => string;
}) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState(false);
  const shown = all ? issues : issues.slice(0, REJECTED_SHOWN);
  return (
    <details className="notice__details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('source.rejected.show')}</summary>
      {open ? (
        <>
          <table className="issues-table">
            <thead>
              <tr>
                <th scope="col">{t('source.label')}</th>
                <th scope="col">{t('source.rejected.dataset')}</th>
                <th scope="col">{t('source.rejected.field')}</th>
                <th scope="col">{t('source.rejected.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((issue) => (
                <tr key={issueKey(issue)}>
                  <td>
                    <bdi>{sourceName(issue.sourceId)}</bdi>
                  </td>
                  <td>
                    {issue.dataset} ·{' '}
                    {t('source.rejected.position', { position: issue.position + 1 })}
                  </td>
                  <td>
                    <code>{issue.field || '—'}</code>
                  </td>
                  <td>
                    <bdi>{reasonText(issue, t, locale)}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length < issues.length ? (
            <p>
              {t('source.rejected.more', { shown: shown.length, total: issues.length })}{' '}
              <button type="button" className="link-button" onClick={() => setAll(true)}>
                {t('source.rejected.showAll')}
              </button>
            </p>
          ) : null}
        </>
      ) : null}
    </details>
  );
}

/** Parameters in the URL that were ignored (a mangled or newer link), and why. */
export function UrlNotices({
  notices,
  className = '',
}: {
  notices: readonly FilterNotice[];
  className?: string;
}) {
  const { t } = useI18n();
  if (notices.length === 0) return null;
  return (
    <div className={`notice notice--warning ${className}`} role="status">
      {notices.map((n) => (
        <p key={`${n.param}=${n.value}`}>
          {t(`filters.notice.${n.problem}`, { param: n.param, value: n.value })}
        </p>
      ))}
    </div>
  );
}
