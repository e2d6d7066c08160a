import type { CrossingReport } from '../../domain/crossing-page.ts';
import { formatDateTime, formatDay, formatNumber } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import type { Translate } from '../../ui/i18n/translate.ts';
import type { PanelQuery } from '../../ui/panel.tsx';
import { StatusBadge, VerificationBadge } from '../../ui/status-symbol.tsx';
import { PageSection, TableScroll, useShowMore } from './sections.tsx';

const STEP = 15;

/**
 * The latest reports about the crossing, newest first: each status observation, aid-flow figure
 * and truck-gap count with who published it, when, how far it was verified, by whom and how.
 */
export function ReportsList({
  reports,
  days,
  queries,
  timeZone,
  sourceName,
  configuredSource,
}: {
  reports: readonly CrossingReport[];
  /** The days looked back over. */
  days: number;
  queries: readonly PanelQuery[];
  timeZone: string;
  sourceName: (id: string) => string;
  configuredSource: string;
}) {
  const { t, locale } = useI18n();
  const { visible, more } = useShowMore(reports, STEP);
  const state = queries.some((q) => q.isError)
    ? 'error'
    : queries.some((q) => q.isPending)
      ? 'loading'
      : reports.length
        ? 'ready'
        : 'empty';
  return (
    <PageSection
      title={t('crossingPage.reports.title')}
      subtitle={
        reports.length
          ? t('crossingPage.reports.subtitle', { days, count: reports.length })
          : undefined
      }
      state={state}
      className="crossing-page__reports"
      queries={queries}
      sourceName={configuredSource}
    >
      {state === 'empty' ? <p>{t('crossingPage.reports.none', { days })}</p> : null}
      {visible.length ? (
        <TableScroll label={t('crossingPage.reports.title')}>
          <table className="data-table crossing-page__reports-table">
            <caption className="visually-hidden">{t('crossingPage.reports.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('crossingPage.reports.col.reportedAt')}</th>
                <th scope="col">{t('crossingPage.reports.col.what')}</th>
                <th scope="col">{t('crossingPage.reports.col.publisher')}</th>
                <th scope="col">{t('crossingPage.col.verification')}</th>
                <th scope="col">{t('crossingPage.reports.col.verifiedBy')}</th>
                <th scope="col">{t('crossingPage.reports.col.method')}</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((r) => {
                const p = r.record.provenance;
                return (
                  <tr key={r.key} data-kind={r.kind}>
                    <th scope="row">
                      <time dateTime={r.reportedAt}>
                        {formatDateTime(r.reportedAt, locale, timeZone)}
                      </time>
                    </th>
                    <td>
                      <ReportWhat report={r} timeZone={timeZone} />
                    </td>
                    <td>
                      <bdi>{sourceName(p.sourceId)}</bdi>
                    </td>
                    <td>
                      <VerificationBadge verification={p.verification} />
                    </td>
                    <td>
                      {p.verifiedBy ? (
                        <bdi>{p.verifiedBy}</bdi>
                      ) : (
                        <span className="muted">{t('crossingPage.reports.notSaid')}</span>
                      )}
                    </td>
                    <td>
                      {p.method ? (
                        <bdi>{p.method}</bdi>
                      ) : (
                        <span className="muted">{t('crossingPage.reports.notSaid')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {more}
    </PageSection>
  );
}

/** What a report says, in words: a state at a time, a count on a day, or the gaps of a day. */
function ReportWhat({ report, timeZone }: { report: CrossingReport; timeZone: string }) {
  const { t, locale } = useI18n();
  switch (report.kind) {
    case 'status': {
      const r = report.record;
      return (
        <>
          <span className="crossing-page__kind">{t('crossingPage.reports.kind.status')}</span>{' '}
          <StatusBadge state={r.status} />{' '}
          {t('crossingPage.reports.at', { time: formatDateTime(r.at, locale, timeZone) })}
          {r.hours ? ` · ${t('crossings.hours', r.hours)}` : ''}
          {r.observersPresent !== null
            ? ` · ${t(r.observersPresent ? 'crossings.observers.yes' : 'crossings.observers.no')}`
            : ''}
          {r.note ? (
            <span className="crossing-page__description">
              <bdi>{r.note}</bdi>
            </span>
          ) : null}
        </>
      );
    }
    case 'aid-flow': {
      const r = report.record;
      return (
        <>
          <span className="crossing-page__kind">{t('crossingPage.reports.kind.aidFlow')}</span>{' '}
          {t('crossingPage.reports.flow', {
            day: formatDay(r.date, locale),
            stage: t(`stage.${r.stage}`),
            commodity: t(`aidFlow.commodity.${r.commodity}`),
            amounts: amounts(r, t, locale),
          })}
        </>
      );
    }
    case 'truck-gaps': {
      const r = report.record;
      const parts = [
        ...(r.waiting !== undefined
          ? [t('crossingPage.reports.waiting', { count: r.waiting })]
          : []),
        ...(r.intercepted !== undefined
          ? [
              t('crossingPage.reports.intercepted', {
                count: r.intercepted,
              }),
            ]
          : []),
      ];
      return (
        <>
          <span className="crossing-page__kind">{t('crossingPage.reports.kind.gaps')}</span>{' '}
          {t('crossingPage.reports.gaps', {
            day: formatDay(r.date, locale),
            gaps: parts.join(' · '),
          })}
        </>
      );
    }
  }
}

/** "45 trucks, 310 tonnes": the measures the record carries. */
function amounts(
  r: { trucks?: number; tonnes?: number; litres?: number },
  t: Translate,
  locale: string,
): string {
  const out: string[] = [];
  if (r.trucks !== undefined) out.push(t('crossingPage.reports.trucks', { count: r.trucks }));
  if (r.tonnes !== undefined)
    out.push(t('crossingPage.reports.tonnes', { value: formatNumber(r.tonnes, locale) }));
  if (r.litres !== undefined)
    out.push(t('crossingPage.reports.litres', { value: formatNumber(r.litres, locale) }));
  return out.join(', ');
}
