import { corridorStatusesAt } from '../../domain/crossing-page.ts';
import { matchesFilters, type Filters } from '../../domain/filters.ts';
import { placeName } from '../../domain/place-names.ts';
import type { Corridor, CorridorStatus } from '../../domain/schemas.ts';
import { windowStateAt } from '../../domain/theatre-state.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { isolated } from '../../ui/i18n/isolate.tsx';
import type { PanelQuery } from '../../ui/panel.tsx';
import { StatusBadge, VerificationBadge } from '../../ui/status-symbol.tsx';
import { PageSection } from './sections.tsx';

/**
 * The corridors' latest status and daily windows per source (theatre-wide: every crossing's
 * trucks use them), e.g. "Al-Rashid Road: open, window 10:00–20:00 (on now)".
 */
export function CorridorWindows({
  corridors,
  records,
  query,
  asOf,
  timeZone,
  filters,
  sourceName,
  configuredSource,
}: {
  corridors: readonly Corridor[];
  records: readonly CorridorStatus[];
  query: PanelQuery;
  asOf: Date;
  timeZone: string;
  filters: Filters;
  sourceName: (id: string) => string;
  configuredSource: string;
}) {
  const { t, locale } = useI18n();
  const shown = records.filter((r) => matchesFilters(r, filters));
  const list = corridorStatusesAt(corridors, shown, asOf);
  const reported = list.some((c) => c.reports.length > 0);
  const state = query.isError
    ? 'error'
    : query.isPending
      ? 'loading'
      : reported
        ? 'ready'
        : 'empty';
  return (
    <PageSection
      title={t('crossingPage.corridors.title')}
      subtitle={t('crossingPage.corridors.subtitle', {
        time: formatDateTime(asOf, locale, timeZone),
      })}
      state={state}
      className="crossing-page__corridors"
      queries={[query]}
      sourceName={configuredSource}
    >
      {state === 'empty' ? <p>{t('crossingPage.corridors.none')}</p> : null}
      {state === 'ready' ? (
        <ul className="crossing-page__corridor-list">
          {list.map(({ corridor, reports }) => (
            <li key={corridor.id}>
              <strong>
                <bdi>{placeName(corridor.names, locale)}</bdi>
              </strong>{' '}
              <span className="muted">· {t(`map.details.purpose.${corridor.purpose}`)}</span>
              {reports.length === 0 ? (
                <p className="muted">{t('crossingPage.corridors.noReport')}</p>
              ) : (
                <ul>
                  {reports.map((r) => (
                    <li key={r.provenance.sourceId}>
                      <StatusBadge state={r.status} />{' '}
                      <Windows report={r} at={asOf} timeZone={timeZone} />
                      <span className="crossing-page__provenance">
                        {isolated(
                          t,
                          'crossingPage.corridors.by',
                          { source: sourceName(r.provenance.sourceId) },
                          { time: formatDateTime(r.at, locale, timeZone) },
                        )}{' '}
                        <VerificationBadge verification={r.provenance.verification} />
                      </span>
                      {r.note ? (
                        <p className="history__note">
                          <bdi>{r.note}</bdi>
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </PageSection>
  );
}

/** "window 10:00–20:00 (on now)", or that the source states no window. */
function Windows({ report, at, timeZone }: { report: CorridorStatus; at: Date; timeZone: string }) {
  const { t } = useI18n();
  if (report.windows.length === 0) return <span>{t('map.details.noWindow')} </span>;
  const now = windowStateAt(report.windows, at, timeZone);
  return (
    <span>
      {t('crossingPage.corridors.windows', {
        windows: report.windows.map((w) => `${w.start}–${w.end}`).join(', '),
      })}{' '}
      ({t(now.inWindow ? 'map.details.window.on' : 'map.details.window.off')}){' '}
    </span>
  );
}
