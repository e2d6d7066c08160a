import { useMemo } from 'react';
import { useRollup } from '../../data/queries.ts';
import { statusHistory } from '../../domain/crossing-page.ts';
import { resolveResolution, type CrossingStatusRollup } from '../../domain/rollup.ts';
import { bucketsFor } from '../../domain/series.ts';
import type { Filters } from '../../domain/filters.ts';
import type { Day } from '../../domain/time.ts';
import { bucketLabel } from '../../ui/chart/time-labels.ts';
import { formatPercent } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { panelState } from '../../ui/panel.tsx';
import { StatusBadge } from '../../ui/status-symbol.tsx';
import { PageSection, TableScroll, useShowMore } from './sections.tsx';

const STEP = 10;

/**
 * The days (weeks, for long periods) on which sources reported different states for this
 * crossing, newest first, each source's state beside the others'. The same roll-up as the
 * status timeline when it draws days, so the two agree.
 */
export function DisagreementDays({
  crossingId,
  range,
  filters,
  sourceName,
  configuredSource,
}: {
  crossingId: string;
  range: { from: Day; to: Day };
  filters: Filters;
  sourceName: (id: string) => string;
  configuredSource: string;
}) {
  const { t, locale } = useI18n();
  const resolution = resolveResolution('auto', range);
  const query = useRollup({
    dataset: 'crossing-status',
    from: range.from,
    to: range.to,
    resolution,
    crossingIds: [crossingId],
  });
  const answered = query.data?.resolution ?? resolution;
  const history = useMemo(() => {
    const rows = (query.data?.rows ?? []) as readonly CrossingStatusRollup[];
    return statusHistory(
      rows.filter((r) => r.crossingId === crossingId),
      bucketsFor(range, answered),
      filters,
    );
  }, [query.data, crossingId, range, answered, filters]);
  const newest = useMemo(() => [...history.disagreements].reverse(), [history]);
  const sources = [...new Set(history.lanes.map((l) => l.sourceId))];
  const { visible, more } = useShowMore(newest, STEP);
  const state = panelState([query], newest.length > 0);
  return (
    <PageSection
      title={t('crossingPage.disagree.title')}
      subtitle={
        newest.length
          ? t(`crossingPage.disagree.subtitle.${answered}`, { count: newest.length })
          : undefined
      }
      state={state}
      className="crossing-page__disagreements"
      queries={[query]}
      sourceName={configuredSource}
    >
      {state === 'empty' ? (
        <p>
          {t(sources.length > 1 ? 'crossingPage.disagree.none' : 'crossingPage.disagree.oneSource')}
        </p>
      ) : null}
      {visible.length ? (
        <TableScroll label={t('crossingPage.disagree.title')}>
          <table className="data-table">
            <caption className="visually-hidden">{t('crossingPage.disagree.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(`chart.col.${answered}`)}</th>
                {sources.map((s) => (
                  <th key={s} scope="col">
                    <bdi>{sourceName(s)}</bdi>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {visible.map((d) => (
                <tr key={d.bucket.key}>
                  <th scope="row">{bucketLabel(d.bucket, answered, t, locale)}</th>
                  {sources.map((s) => {
                    const said = d.states.find((x) => x.sourceId === s);
                    return (
                      <td key={s}>
                        {said ? (
                          <>
                            <StatusBadge state={said.state} />{' '}
                            <span className="muted">
                              {t('crossingPage.disagree.cell', {
                                share: formatPercent(said.share, locale),
                                verification: t(`verification.${said.verification}`),
                              })}
                            </span>
                          </>
                        ) : (
                          <span className="muted">{t('chart.noReport')}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {more}
    </PageSection>
  );
}
