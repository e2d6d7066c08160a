import { useId, useState, type ReactNode } from 'react';
import { useI18n } from '../../ui/i18n/context.tsx';
import { QueryErrorNotices, type PanelQuery } from '../../ui/panel.tsx';

/** A section of the crossing page: named by its heading, its state for readers and tests. */
export function PageSection({
  title,
  subtitle,
  state,
  className,
  queries,
  sourceName,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  state: 'loading' | 'ready' | 'error' | 'empty';
  className: string;
  queries: readonly PanelQuery[];
  /** The configured source's name, for failures. */
  sourceName: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section
      className={`panel ${className}`}
      aria-labelledby={id}
      aria-busy={state === 'loading'}
      data-state={state}
    >
      <header className="panel__header">
        <h2 id={id} className="panel__title">
          {title}
        </h2>
        {subtitle ? <p className="panel__subtitle">{subtitle}</p> : null}
      </header>
      <QueryErrorNotices queries={queries} sourceName={sourceName} />
      {state === 'loading' ? <p className="panel__loading">{t('chart.loading')}</p> : null}
      {children}
    </section>
  );
}

/** The first `step` items, and a button for `step` more: long lists never arrive whole. */
export function useShowMore<T>(items: readonly T[], step: number) {
  const [shown, setShown] = useState(step);
  const { t } = useI18n();
  const rest = items.length - shown;
  return {
    visible: items.slice(0, shown),
    more:
      rest > 0 ? (
        <p className="crossing-page__more">
          <button type="button" onClick={() => setShown((n) => n + step)}>
            {t('crossingPage.showMore', { count: Math.min(step, rest), total: items.length })}
          </button>
        </p>
      ) : null,
  };
}

/**
 * A wide table's scroll box: focusable and named, so a keyboard can scroll it when a narrow
 * screen cuts it.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="group" aria-label={label}>
      {children}
    </div>
  );
}
