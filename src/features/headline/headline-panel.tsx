import { memo, useMemo } from 'react';
import { useDataset, useRollup, useSourceName, useTheatre } from '../../data/queries.ts';
import { useActiveSource } from '../../data/source-context.tsx';
import { useFiltersFor, useViewState } from '../../data/view-state.ts';
import { previousRange } from '../../domain/filters.ts';
import {
  functionalFacilitiesAt,
  FUNCTIONAL_MAX_AGE_DAYS,
  openCrossingsAt,
  type SourceFigure,
} from '../../domain/headline.ts';
import { WhoSaysSo } from '../../charts/who-says-so.tsx';
import { sourceShares, type RecordsBehind } from '../../domain/provenance.ts';
import {
  averagePerDayFromRollups,
  mergeShares,
  rollupShares,
  utilityAverageFromRollups,
} from '../../domain/rollup-series.ts';
import { shiftDay, startOfTheatreDay } from '../../domain/time.ts';
import type { DataIssue } from '../../domain/validate.ts';
import { sourceCredits } from '../../ui/chart/credits.ts';
import { periodLabel } from '../../ui/chart/time-labels.ts';
import { formatNumber, formatPercent } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { usePresentation } from '../../ui/presentation.tsx';
import { verificationNote } from '../../ui/verification-note.ts';
import { isolate } from '../../ui/i18n/isolate.tsx';
import type { MessageKey } from '../../ui/i18n/translate.ts';
import {
  outsideRangeOf,
  Panel,
  QueryErrorNotices,
  RecordsOutsideRange,
  RejectedRecords,
} from '../../ui/panel.tsx';
import './headline.css';

type Kind = 'count' | 'perDay' | 'share' | 'hours';
interface Figure {
  id: string;
  label: MessageKey;
  kind: Kind;
  now: SourceFigure[];
  before: SourceFigure[];
  /** Set when the figure could not be computed because its dataset failed. */
  failed: boolean;
  target?: number;
  /** The records one source's figure stands on, for "who says so?". */
  behind: (sourceId: string) => RecordsBehind;
}

/**
 * Headline figures for the selected period, each per source (never merged) with the change
 * against the period before: crossings open, trucks entered and collected per day against the
 * target, functional hospitals, water as a share of the pre-crisis supply, hours of power a day.
 */
/** The last days of a period, for the latest state of facilities (older reports do not count). */
const lastDays = (range: { from: string; to: string }) => {
  const from = shiftDay(range.to, -FUNCTIONAL_MAX_AGE_DAYS);
  return { from: from > range.from ? from : range.from, to: range.to };
};

export const HeadlinePanel = memo(function HeadlinePanel() {
  const { t, locale } = useI18n();
  const wall = usePresentation() === 'wall';
  const { source } = useActiveSource();
  const { filters, range, asOf, timeZone } = useViewState();
  const before = useMemo(() => previousRange(range), [range]);
  const theatreQuery = useTheatre();
  const theatre = theatreQuery.data?.theatre;
  const sourceName = useSourceName();
  const statusNow = useDataset('crossing-status', { from: range.to, to: range.to });
  const statusBefore = useDataset('crossing-status', { from: before.to, to: before.to });
  // Averages over a period from monthly roll-ups (a few rows per month, whatever the period);
  // the facilities' latest state from their last week of reports.
  const flowAsk = {
    dataset: 'aid-flow',
    resolution: 'month',
    by: 'commodity',
    crossingIds: filters.crossings,
  } as const;
  const flowsNow = useRollup({ ...flowAsk, ...range });
  const flowsBefore = useRollup({ ...flowAsk, ...before });
  const facilitiesNow = useDataset('facility-status', lastDays(range));
  const facilitiesBefore = useDataset('facility-status', lastDays(before));
  const utilityAsk = { dataset: 'utility-status', resolution: 'month' } as const;
  const utilitiesNow = useRollup({ ...utilityAsk, ...range });
  const utilitiesBefore = useRollup({ ...utilityAsk, ...before });
  const queries = [
    statusNow,
    statusBefore,
    flowsNow,
    flowsBefore,
    facilitiesNow,
    facilitiesBefore,
    utilitiesNow,
    utilitiesBefore,
  ];

  // Each figure follows only the filters that can change its records.
  const statusFilters = useFiltersFor(filters, 'crossing-status');
  const facilityFilters = useFiltersFor(filters, 'facility-status');
  const utilityFilters = useFiltersFor(filters, 'utility-status');
  const asOfMs = asOf.getTime();
  const crossingIds = useMemo(() => theatre?.crossings.map((c) => c.id) ?? [], [theatre]);
  const open = useMemo(
    () => [
      openCrossingsAt(statusNow.data?.records ?? [], crossingIds, new Date(asOfMs), statusFilters),
      openCrossingsAt(
        statusBefore.data?.records ?? [],
        crossingIds,
        // The end of the previous period, in the theatre's zone.
        new Date(+startOfTheatreDay(shiftDay(before.to, 1), timeZone) - 1),
        statusFilters,
      ),
    ],
    [statusNow.data, statusBefore.data, crossingIds, statusFilters, asOfMs, before.to, timeZone],
  );
  const trucks = useMemo(
    () =>
      (['entered', 'collected'] as const).map((stage) => [
        averagePerDayFromRollups(flowsNow.data?.rows ?? [], range, filters, [stage]),
        averagePerDayFromRollups(flowsBefore.data?.rows ?? [], before, filters, [stage]),
      ]),
    [flowsNow.data, flowsBefore.data, filters, range, before],
  );
  const functional = useMemo(
    () => [
      functionalFacilitiesAt(facilitiesNow.data?.records ?? [], range.to, facilityFilters),
      functionalFacilitiesAt(facilitiesBefore.data?.records ?? [], before.to, facilityFilters),
    ],
    [facilitiesNow.data, facilitiesBefore.data, facilityFilters, range.to, before.to],
  );
  const utilities = useMemo(
    () =>
      (['water', 'power'] as const).map((service) => [
        utilityAverageFromRollups(utilitiesNow.data?.rows ?? [], range, service, utilityFilters),
        utilityAverageFromRollups(
          utilitiesBefore.data?.rows ?? [],
          before,
          service,
          utilityFilters,
        ),
      ]),
    [utilitiesNow.data, utilitiesBefore.data, utilityFilters, range, before],
  );

  const target = theatre?.baselines.trucksPerDayTarget;
  const levels = filters.verification;
  const crossingsChosen = { crossingId: filters.crossings };
  // The open count stands on the latest report of each crossing: the week before the end.
  const statusWeek = { from: shiftDay(range.to, -7), to: range.to };
  const flowBehind = (stage: 'entered' | 'collected') => (sourceId: string) => ({
    dataset: 'aid-flow' as const,
    ...range,
    sourceId,
    match: { stage },
    oneOf: { ...crossingsChosen, commodity: filters.commodities },
    verification: levels,
  });
  const utilityBehind = (service: 'water' | 'power') => (sourceId: string) => ({
    dataset: 'utility-status' as const,
    ...range,
    sourceId,
    match: { service },
    verification: levels,
  });
  const asTruck = (list: ReturnType<typeof averagePerDayFromRollups>): SourceFigure[] =>
    list.map((a) => ({ sourceId: a.sourceId, value: a.perDay }));
  const figures: Figure[] = [
    {
      id: 'open',
      behind: (sourceId) => ({
        dataset: 'crossing-status',
        ...statusWeek,
        sourceId,
        oneOf: crossingsChosen,
        verification: levels,
      }),
      label: 'headline.open',
      kind: 'count',
      now: open[0]!,
      before: open[1]!,
      failed: statusNow.isError,
    },
    {
      id: 'entered',
      behind: flowBehind('entered'),
      label: 'headline.entered',
      kind: 'perDay',
      now: asTruck(trucks[0]![0]!),
      before: asTruck(trucks[0]![1]!),
      failed: flowsNow.isError,
      target,
    },
    {
      id: 'collected',
      behind: flowBehind('collected'),
      label: 'headline.collected',
      kind: 'perDay',
      now: asTruck(trucks[1]![0]!),
      before: asTruck(trucks[1]![1]!),
      failed: flowsNow.isError,
      target,
    },
    {
      id: 'hospitals',
      behind: (sourceId) => ({
        dataset: 'facility-status',
        ...lastDays(range),
        sourceId,
        verification: levels,
      }),
      label: 'headline.hospitals',
      kind: 'count',
      now: functional[0]!,
      before: functional[1]!,
      failed: facilitiesNow.isError,
    },
    {
      id: 'water',
      behind: utilityBehind('water'),
      label: 'headline.water',
      kind: 'share',
      now: utilities[0]![0]!,
      before: utilities[0]![1]!,
      failed: utilitiesNow.isError,
    },
    {
      id: 'power',
      behind: utilityBehind('power'),
      label: 'headline.power',
      kind: 'hours',
      now: utilities[1]![0]!,
      before: utilities[1]![1]!,
      failed: utilitiesNow.isError,
    },
  ];

  const format = (kind: Kind, v: number) =>
    kind === 'share'
      ? formatPercent(v, locale)
      : formatNumber(v, locale, { maximumFractionDigits: kind === 'hours' ? 1 : 0 });
  const change = (kind: Kind, now: number | null, prev: number | null | undefined) => {
    if (now === null) return '';
    if (prev === null || prev === undefined) return t('headline.change.none');
    const delta = now - prev;
    const size =
      kind === 'share'
        ? t('headline.points', {
            value: formatNumber(Math.abs(delta) * 100, locale, { maximumFractionDigits: 0 }),
          })
        : formatNumber(Math.abs(delta), locale, {
            maximumFractionDigits: kind === 'hours' ? 1 : 0,
          });
    const rounded =
      kind === 'share'
        ? Math.round(delta * 100)
        : kind === 'hours'
          ? Math.round(delta * 10)
          : Math.round(delta);
    if (rounded === 0) return t('headline.change.same');
    return t(delta > 0 ? 'headline.change.up' : 'headline.change.down', { value: size });
  };

  const shares = useMemo(
    () =>
      mergeShares(
        sourceShares([...(statusNow.data?.records ?? []), ...(facilitiesNow.data?.records ?? [])]),
        rollupShares([...(flowsNow.data?.rows ?? []), ...(utilitiesNow.data?.rows ?? [])]),
      ),
    [statusNow.data, flowsNow.data, facilitiesNow.data, utilitiesNow.data],
  );
  const issues: DataIssue[] = [statusNow, flowsNow, facilitiesNow, utilitiesNow].flatMap(
    (q) => q.data?.issues ?? [],
  );
  const state = theatreQuery.isError
    ? 'error'
    : theatreQuery.isPending ||
        [statusNow, flowsNow, facilitiesNow, utilitiesNow].some((q) => q.isPending)
      ? 'loading'
      : 'ready';

  return (
    <Panel
      title={t('headline.title')}
      subtitle={t('headline.subtitle', {
        period: periodLabel(range, t, locale),
        previous: periodLabel(before, t, locale),
      })}
      state={state}
      // On the wall: the cards fill the height given, figures at 2rem or more (headline.css).
      className={wall ? 'headline headline--wall' : 'headline'}
      queries={[theatreQuery, ...queries]}
    >
      <QueryErrorNotices queries={[theatreQuery, ...queries]} sourceName={source.name} />
      {state === 'loading' ? <p className="panel__loading">{t('chart.loading')}</p> : null}
      {state === 'ready' ? (
        <ul className="headline__figures">
          {figures.map((f) => (
            <li key={f.id} className="headline__figure" data-figure={f.id}>
              <h3 className="headline__label">{t(f.label)}</h3>
              {f.failed ? (
                <p className="muted">{t('headline.failed')}</p>
              ) : f.now.length === 0 ? (
                <p className="muted">{t('headline.noData')}</p>
              ) : (
                <ul className="headline__sources">
                  {f.now.map((s) => {
                    const prev = f.before.find((b) => b.sourceId === s.sourceId)?.value;
                    return (
                      <li key={s.sourceId}>
                        <span className="headline__value">
                          {s.value === null ? t('chart.noReport') : format(f.kind, s.value)}
                        </span>{' '}
                        {s.of !== undefined && s.value !== null ? (
                          <span className="headline__of">{t('headline.of', { count: s.of })}</span>
                        ) : null}
                        {f.id === 'hospitals' && s.detail !== undefined ? (
                          <span className="headline__of">
                            {' '}
                            {t('headline.fully', { count: s.detail })}
                          </span>
                        ) : null}
                        {f.target && s.value !== null ? (
                          <span className="headline__of">
                            {t('headline.ofTarget', {
                              percent: formatPercent(s.value / f.target, locale),
                              target: f.target,
                            })}
                          </span>
                        ) : null}
                        <span className="headline__change">{change(f.kind, s.value, prev)}</span>
                        <span className="headline__source">
                          <bdi>{sourceName(s.sourceId)}</bdi>
                        </span>
                        <WhoSaysSo
                          behind={f.behind(s.sourceId)}
                          figure={t('who.figure.headline', {
                            figure: t(f.label),
                            source: sourceName(s.sourceId),
                          })}
                        />
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {theatre && shares.length ? (
        <p className="chart__source">
          {t('source.label')}:{' '}
          <bdi>
            {sourceCredits(shares, theatre.sources, t, locale)
              .map((c) => `${isolate(c.name)}${c.licence ? ` (${isolate(c.licence)})` : ''}`)
              .join(' · ')}
          </bdi>
        </p>
      ) : null}
      {verificationNote(filters.verification, t).map((note) => (
        <p key={note} className="panel__note panel__note--filter">
          {note}
        </p>
      ))}
      <RejectedRecords issues={issues} sourceName={sourceName} />
      <RecordsOutsideRange
        count={outsideRangeOf(queries.map((q) => q.data))}
        source={source.name}
      />
    </Panel>
  );
});
