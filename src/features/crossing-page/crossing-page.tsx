import { Suspense, useMemo, type ReactNode } from 'react';
import { ChartPanel } from '../../charts/chart-panel.tsx';
import { useDataset, useSourceName, useTheatre } from '../../data/queries.ts';
import { useActiveSource } from '../../data/source-context.tsx';
import { useViewState } from '../../data/view-state.ts';
import { crossingReports, statusPerSource } from '../../domain/crossing-page.ts';
import { matchesFilters } from '../../domain/filters.ts';
import { placeName } from '../../domain/place-names.ts';
import type { Crossing } from '../../domain/schemas.ts';
import { shiftDay } from '../../domain/time.ts';
import { AppLink, CrossingPageLink, overviewHref, useSearch } from '../../ui/crossing-link.tsx';
import { EmbedProvider } from '../../ui/export/export-context.tsx';
import { useI18n } from '../../ui/i18n/context.tsx';
import { crossingPageWords } from '../../ui/i18n/pages/crossing-page.ts';
import { provideWords } from '../../ui/i18n/translate.ts';
import { QueryErrorNotices } from '../../ui/panel.tsx';
import { CorridorWindows } from './corridor-windows.tsx';
import { crossingCharts, isCrossingChartId } from './crossing-charts.ts';
import { CrossingEvents } from './crossing-events.tsx';
import { CrossingHeading, StatusNow } from './crossing-header.tsx';
import { DisagreementDays } from './disagreement-days.tsx';
import { ReportsList } from './reports-list.tsx';
import './crossing-page.css';

// The page's words come with it (see provideWords), before anything of it renders.
provideWords(crossingPageWords);

/** Days of raw records read for the reports list and the status now: a short list, never a history. */
export const REPORT_DAYS = 7;

/**
 * /crossings/<id>: everything known about one crossing over the overview's period and filters
 * (kept in the URL): who it is, each source's status now, the status history per source with
 * the days they disagree, trucks by stage and source, the gaps between stages, the corridors'
 * windows, the events that name it and the latest reports with who says so. An id the theatre
 * does not know gets a message naming it and a way back.
 */
export default function CrossingPage({
  crossingId,
  filters,
}: {
  crossingId: string;
  /** The overview's filter bar, composed by the app. */
  filters?: ReactNode;
}) {
  const { t } = useI18n();
  const { source } = useActiveSource();
  const theatreQuery = useTheatre();
  const theatre = theatreQuery.data?.theatre;
  const crossing = theatre?.crossings.find((c) => c.id === crossingId);
  if (!theatre)
    return theatreQuery.isError ? (
      <QueryErrorNotices queries={[theatreQuery]} sourceName={source.name} />
    ) : (
      <p className="panel__loading" role="status">
        {t('crossingPage.loading')}
      </p>
    );
  if (!crossing) return <UnknownCrossing crossingId={crossingId} crossings={theatre.crossings} />;
  return <KnownCrossing crossing={crossing} filters={filters} />;
}

function KnownCrossing({
  crossing,
  filters: filterBar,
}: {
  crossing: Crossing;
  filters?: ReactNode;
}) {
  const { t } = useI18n();
  const { source } = useActiveSource();
  const sourceName = useSourceName();
  const theatre = useTheatre().data!.theatre;
  const { range, asOf, filters, timeZone } = useViewState();
  const search = useSearch();
  const id = crossing.id;
  const charts = useMemo(() => crossingCharts(id), [id]);
  const recent = useMemo(
    () => ({ from: shiftDay(range.to, -(REPORT_DAYS - 1)), to: range.to }),
    [range.to],
  );
  const statuses = useDataset('crossing-status', recent, [id]);
  const flows = useDataset('aid-flow', recent, [id]);
  const gaps = useDataset('truck-gaps', recent, [id]);
  const corridors = useDataset('corridor-status', recent);
  const events = useDataset('events', range);
  const now = useMemo(
    () =>
      statusPerSource(
        (statuses.data?.records ?? []).filter((r) =>
          matchesFilters(r, { ...filters, crossings: [] }),
        ),
        id,
        asOf,
      ),
    [statuses.data, filters, id, asOf],
  );
  const reports = useMemo(
    () =>
      crossingReports(
        id,
        {
          statuses: statuses.data?.records ?? [],
          flows: flows.data?.records ?? [],
          gaps: gaps.data?.records ?? [],
        },
        filters,
      ),
    [id, statuses.data, flows.data, gaps.data, filters],
  );
  return (
    <article className="crossing-page" data-crossing={id}>
      <nav className="crossing-page__back" aria-label={t('crossingPage.nav')}>
        <AppLink href={overviewHref(search)}>{t('crossingPage.back')}</AppLink>
      </nav>
      <CrossingHeading crossing={crossing} />
      <div className="overview crossing-page__body">
        <StatusNow
          reports={now}
          loading={statuses.isPending}
          days={REPORT_DAYS}
          timeZone={timeZone}
          sourceName={sourceName}
        />
        {filterBar}
        <Suspense fallback={<p className="panel__loading">{t('chart.loadingChart')}</p>}>
          <ChartPanel spec={charts['crossing-status-history']} />
        </Suspense>
        <DisagreementDays
          crossingId={id}
          range={range}
          filters={filters}
          sourceName={sourceName}
          configuredSource={source.name}
        />
        <Suspense fallback={<p className="panel__loading">{t('chart.loadingChart')}</p>}>
          <ChartPanel spec={charts['crossing-trucks']} />
          <ChartPanel spec={charts['crossing-gaps']} />
        </Suspense>
        <CorridorWindows
          corridors={theatre.corridors}
          records={corridors.data?.records ?? []}
          query={corridors}
          asOf={asOf}
          timeZone={timeZone}
          filters={filters}
          sourceName={sourceName}
          configuredSource={source.name}
        />
        <CrossingEvents
          crossingId={id}
          records={events.data?.records ?? []}
          query={events}
          timeZone={timeZone}
          filters={filters}
          sourceName={sourceName}
          configuredSource={source.name}
        />
        <ReportsList
          reports={reports}
          days={REPORT_DAYS}
          queries={[statuses, flows, gaps]}
          timeZone={timeZone}
          sourceName={sourceName}
          configuredSource={source.name}
        />
        <OtherCrossings crossings={theatre.crossings} current={id} />
      </div>
    </article>
  );
}

/** The theatre's other crossings, each a link to its page with the same query. */
function OtherCrossings({
  crossings,
  current,
}: {
  crossings: readonly Crossing[];
  current: string;
}) {
  const { t, locale } = useI18n();
  return (
    <nav className="panel crossing-page__others" aria-label={t('crossingPage.others')}>
      <h2 className="panel__title">{t('crossingPage.others')}</h2>
      <ul>
        {crossings
          .filter((c) => c.id !== current)
          .map((c) => (
            <li key={c.id}>
              <CrossingPageLink crossingId={c.id}>
                <bdi>{placeName(c.names, locale)}</bdi>
              </CrossingPageLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

/** An id the theatre does not know: said as text, with the way back and the crossings it knows. */
function UnknownCrossing({
  crossingId,
  crossings,
}: {
  crossingId: string;
  crossings: readonly Crossing[];
}) {
  const { t, locale } = useI18n();
  const search = useSearch();
  const { source } = useActiveSource();
  return (
    <section className="panel crossing-page__unknown" aria-labelledby="crossing-unknown">
      <h1 id="crossing-unknown">{t('crossingPage.unknown.title')}</h1>
      <p role="alert">{t('crossingPage.unknown.body', { id: crossingId, source: source.name })}</p>
      <p>
        <AppLink href={overviewHref(search)}>{t('crossingPage.back')}</AppLink>
      </p>
      {crossings.length ? (
        <>
          <h2>{t('crossingPage.unknown.known')}</h2>
          <ul>
            {crossings.map((c) => (
              <li key={c.id}>
                <CrossingPageLink crossingId={c.id}>
                  <bdi>{placeName(c.names, locale)}</bdi>
                </CrossingPageLink>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/**
 * /embed/crossing/<id>/<chart>: one of a crossing's charts alone, for an iframe; an unknown
 * crossing or chart is said in words.
 */
export function CrossingEmbed({ crossingId, chartId }: { crossingId: string; chartId: string }) {
  const { t } = useI18n();
  const { source } = useActiveSource();
  const theatreQuery = useTheatre();
  const theatre = theatreQuery.data?.theatre;
  const known = theatre?.crossings.some((c) => c.id === crossingId);
  const charts = useMemo(() => crossingCharts(crossingId), [crossingId]);
  if (!isCrossingChartId(chartId))
    return <p role="alert">{t('export.embed.unknown', { id: chartId })}</p>;
  if (!theatre)
    return theatreQuery.isError ? (
      <QueryErrorNotices queries={[theatreQuery]} sourceName={source.name} />
    ) : (
      <p className="panel__loading">{t('chart.loadingChart')}</p>
    );
  if (!known)
    return (
      <p role="alert">{t('crossingPage.unknown.body', { id: crossingId, source: source.name })}</p>
    );
  return (
    <EmbedProvider value={chartId}>
      <ChartPanel spec={charts[chartId]} />
    </EmbedProvider>
  );
}
