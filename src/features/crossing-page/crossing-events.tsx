import { eventsAtCrossing } from '../../domain/crossing-page.ts';
import { matchesFilters, type Filters } from '../../domain/filters.ts';
import type { TheatreEvent } from '../../domain/schemas.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import type { PanelQuery } from '../../ui/panel.tsx';
import { VerificationBadge } from '../../ui/status-symbol.tsx';
import { PageSection, TableScroll, useShowMore } from './sections.tsx';

const STEP = 10;

/** Closures, incidents, agreements… that name this crossing, latest first, each with its source. */
export function CrossingEvents({
  crossingId,
  records,
  query,
  timeZone,
  filters,
  sourceName,
  configuredSource,
}: {
  crossingId: string;
  records: readonly TheatreEvent[];
  query: PanelQuery;
  timeZone: string;
  filters: Filters;
  sourceName: (id: string) => string;
  configuredSource: string;
}) {
  const { t, locale } = useI18n();
  const events = eventsAtCrossing(
    records.filter((e) => matchesFilters(e, filters)),
    crossingId,
  );
  const { visible, more } = useShowMore(events, STEP);
  const state = query.isError
    ? 'error'
    : query.isPending
      ? 'loading'
      : events.length
        ? 'ready'
        : 'empty';
  const when = (instant: string | undefined) =>
    instant ? (
      <time dateTime={instant}>{formatDateTime(instant, locale, timeZone)}</time>
    ) : (
      t('chart.ongoing')
    );
  return (
    <PageSection
      title={t('crossingPage.events.title')}
      subtitle={
        events.length ? t('crossingPage.events.subtitle', { count: events.length }) : undefined
      }
      state={state}
      className="crossing-page__events"
      queries={[query]}
      sourceName={configuredSource}
    >
      {state === 'empty' ? <p>{t('crossingPage.events.none')}</p> : null}
      {visible.length ? (
        <TableScroll label={t('crossingPage.events.title')}>
          <table className="data-table">
            <caption className="visually-hidden">{t('crossingPage.events.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('events.col.event')}</th>
                <th scope="col">{t('events.col.kind')}</th>
                <th scope="col">{t('events.col.start')}</th>
                <th scope="col">{t('events.col.end')}</th>
                <th scope="col">{t('source.label')}</th>
                <th scope="col">{t('events.col.verification')}</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <bdi>{e.title}</bdi>
                    {e.description ? (
                      <span className="crossing-page__description">
                        <bdi>{e.description}</bdi>
                      </span>
                    ) : null}
                  </th>
                  <td>{t(`events.kind.${e.kind}`)}</td>
                  <td>{when(e.start)}</td>
                  <td>{when(e.end)}</td>
                  <td>
                    <bdi>{sourceName(e.provenance.sourceId)}</bdi>
                  </td>
                  <td>
                    <VerificationBadge verification={e.provenance.verification} />
                  </td>
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
