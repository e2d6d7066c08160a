import { useId, type ReactNode } from 'react';
import type { DataIssue } from '../domain/validate.ts';
import { useEmbeddedChart } from './export/export-context.tsx';
import { useI18n } from './i18n/context.tsx';

/** Every panel is a <section> named by its heading, with its loading state announced. */
export function Panel({
  title,
  subtitle,
  state,
  className,
  children,
  headingLevel = 2,
  chart,
}: {
  title: string;
  subtitle?: ReactNode;
  state: 'loading' | 'ready' | 'error' | 'empty';
  className?: string;
  children: ReactNode;
  headingLevel?: 2 | 3;
  /** Marks a chart panel (`data-chart`, anchor `#chart-<id>`), for export, links and tests. */
  chart?: string;
}) {
  const id = useId();
  const embedded = useEmbeddedChart();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  // On /embed/<chart>, a panel that only groups charts (hospitals, utilities) steps aside.
  if (embedded && !chart) return <>{children}</>;
  return (
    <section
      id={chart ? `chart-${chart}` : undefined}
      aria-labelledby={id}
      aria-busy={state === 'loading'}
      data-state={state}
      data-chart={chart}
      className={`panel ${className ?? ''}`}
    >
      <header className="panel__header">
        <Heading id={id} className="panel__title">
          {title}
        </Heading>
        {subtitle ? <p className="panel__subtitle">{subtitle}</p> : null}
      </header>
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

/** One notice per failed query, naming the source, each with a retry of that query. */
export function QueryErrorNotices({
  queries,
  sourceName,
}: {
  queries: readonly PanelQuery[];
  sourceName: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {queries.map((q, i) =>
        q.isError ? (
          <SourceErrorNotice
            key={i}
            message={t('source.error', {
              source: sourceName,
              // The adapter's message already starts with the source's name.
              detail: q.error?.message.replace(`${sourceName}: `, '') ?? '',
            })}
            onRetry={() => void q.refetch()}
          />
        ) : null,
      )}
    </>
  );
}

/** A source failed: say which and what happened, offer a retry; the rest of the page goes on. */
export function SourceErrorNotice({ message, onRetry }: { message: string; onRetry: () => void }) {
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

/**
 * Valid records a source sent for days it was not asked about (it ignored the range): said, so
 * that accepted + rejected + not used = what the source sent is visible.
 */
export function RecordsOutsideRange({
  results,
  source,
}: {
  results: readonly ({ outsideRange?: number } | undefined)[];
  source: string;
}) {
  const { t } = useI18n();
  const count = results.reduce((n, r) => n + (r?.outsideRange ?? 0), 0);
  if (count === 0) return null;
  return (
    <p className="notice notice--warning" data-testid="records-outside-range">
      {t('source.outsideRange', { count, source })}
    </p>
  );
}

/** Records a source sent that failed validation: counted, and listed with reasons on demand. */
export function RejectedRecords({
  issues,
  sourceName,
}: {
  issues: readonly DataIssue[];
  sourceName: (sourceId: string) => string;
}) {
  const { t } = useI18n();
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
          {t('source.rejected', { count: list.length, source: sourceName(sourceId) })}
        </p>
      ))}
      <details>
        <summary>{t('source.rejected.show')}</summary>
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
            {issues.map((issue) => (
              <tr key={`${issue.sourceId}-${issue.dataset}-${issue.position}`}>
                <td>{sourceName(issue.sourceId)}</td>
                <td>
                  {issue.dataset} ·{' '}
                  {t('source.rejected.position', { position: issue.position + 1 })}
                </td>
                <td>
                  <code>{issue.field || '—'}</code>
                </td>
                <td>{issue.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
