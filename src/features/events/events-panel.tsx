import { useQueryClient } from '@tanstack/react-query';
import { memo, Suspense, useMemo } from 'react';
import { datasetQuery, useDataset, useSourceName, useTheatre } from '../../data/queries.ts';
import { useActiveSource } from '../../data/source-context.tsx';
import { useViewState } from '../../data/view-state.ts';
import { matchesFilters } from '../../domain/filters.ts';
import { sourceShares } from '../../domain/provenance.ts';
import type { TheatreEvent } from '../../domain/schemas.ts';
import { dayLabel, dayNumber } from '../../domain/series.ts';
import { theatreDay } from '../../domain/time.ts';
import { EVENT_KINDS, type EventKind } from '../../domain/vocabulary.ts';
import { ChartFrame, ChartPlaceholder } from '../../ui/chart/chart-frame.tsx';
import type { ChartDescription, ChartTable } from '../../ui/chart/chart-model.ts';
import { sourceCredits } from '../../ui/chart/credits.ts';
import { LazyTimeline } from '../../ui/chart/lazy.tsx';
import { OKABE_ITO } from '../../ui/chart/palette.ts';
import { periodLabel } from '../../ui/chart/time-labels.ts';
import type { MarkerShape, TimelineItem } from '../../ui/chart/timeline-chart.tsx';
import { useChartWidth, usePrefersReducedMotion } from '../../ui/chart/use-chart-size.ts';
import { formatDateTime, formatDay, formatShortDay } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import {
  RecordsOutsideRange,
  RejectedRecords,
  QueryErrorNotices,
  panelState,
} from '../../ui/panel.tsx';

/** Each kind of event on its own lane, told apart by lane, word, shape and colour. */
const LANE_STYLE: Record<EventKind, { colour: string; shape: MarkerShape }> = {
  pause: { colour: OKABE_ITO.skyBlue, shape: 'circle' },
  'ceasefire-phase': { colour: OKABE_ITO.bluishGreen, shape: 'square' },
  'monitored-exchange': { colour: OKABE_ITO.reddishPurple, shape: 'diamond' },
  closure: { colour: OKABE_ITO.black, shape: 'cross' },
  incident: { colour: OKABE_ITO.vermillion, shape: 'triangle' },
  agreement: { colour: OKABE_ITO.blue, shape: 'star' },
};

/**
 * Events timeline: pauses, cease-fire phases, agreements, closures, incidents and monitored
 * exchanges over the selected period, each with its source and verification.
 */
export const EventsPanel = memo(function EventsPanel() {
  const { t, locale } = useI18n();
  const { source, adapter } = useActiveSource();
  const queryClient = useQueryClient();
  const { filters, range, timeZone, coverage } = useViewState(['events']);
  const theatreQuery = useTheatre();
  const theatre = theatreQuery.data?.theatre;
  const events = useDataset('events', range);
  const sourceName = useSourceName();
  const animate = !usePrefersReducedMotion();
  const [plotRef, width] = useChartWidth<HTMLDivElement>();

  const shown = useMemo(
    () => events.data?.records.filter((e) => matchesFilters(e, filters)) ?? [],
    [events.data, filters],
  );
  const lanes = EVENT_KINDS.filter((k) => shown.some((e) => e.kind === k)).map((k, index) => ({
    index,
    kind: k,
    label: t(`events.kind.${k}`),
    ...LANE_STYLE[k],
  }));
  const domain: [number, number] = [dayNumber(range.from), dayNumber(range.to) + 1];
  const items: TimelineItem[] = shown.map((e) => ({
    id: e.id,
    lane: lanes.findIndex((l) => l.kind === e.kind),
    start: dayNumber(theatreDay(e.start, timeZone)),
    end: dayNumber(e.end ? theatreDay(e.end, timeZone) : range.to) + 1,
  }));

  const state = panelState([theatreQuery, events], Boolean(shown.length));
  const areaNames = (ids: readonly string[]) =>
    ids.length === (theatre?.areas.length ?? -1)
      ? t('events.allAreas')
      : ids.map((id) => theatre?.areas.find((a) => a.id === id)?.names.en ?? id).join(', ');
  const when = (instant: string | undefined) =>
    instant ? formatDateTime(instant, locale, timeZone) : t('chart.ongoing');

  /** The table of a list of events: the period's, and the full-range CSV from the same code. */
  const tableOf = (list: readonly TheatreEvent[]): ChartTable => ({
    caption: t('events.caption'),
    columns: [
      { label: t('events.col.event') },
      { label: t('events.col.kind') },
      { label: t('events.col.start'), unit: t('export.unit.iso') },
      { label: t('events.col.end'), unit: t('export.unit.iso') },
      { label: t('events.col.areas') },
      { label: t('source.label') },
      { label: t('events.col.verification') },
    ],
    rows: list.map((e) => ({
      key: e.id,
      header: e.title,
      cells: [
        t(`events.kind.${e.kind}`),
        when(e.start),
        when(e.end),
        areaNames(e.areaIds),
        sourceName(e.provenance.sourceId),
        t(`verification.${e.provenance.verification}`),
      ],
      values: [
        t(`events.kind.${e.kind}`),
        e.start,
        e.end ?? null,
        areaNames(e.areaIds),
        sourceName(e.provenance.sourceId),
        t(`verification.${e.provenance.verification}`),
      ],
      source: sourceName(e.provenance.sourceId),
      verification: t(`verification.${e.provenance.verification}`),
    })),
  });
  /** Every event over the days the source covers, with the same filters. */
  const fullTable = async () => {
    const all = await queryClient.fetchQuery(datasetQuery(adapter, 'events', coverage));
    return tableOf(all.records.filter((e) => matchesFilters(e, filters)));
  };

  const description: ChartDescription = {
    id: 'events',
    title: t('events.title'),
    subtitle: t('events.subtitle', { period: periodLabel(range, t, locale), count: shown.length }),
    sources: theatre ? sourceCredits(sourceShares(shown), theatre.sources, t, locale) : [],
    legend: lanes.map((l) => ({ label: l.label, colour: l.colour, shape: 'box' as const })),
    notes: [t('events.note')],
  };

  return (
    <ChartFrame
      description={description}
      state={state}
      notices={
        <>
          <QueryErrorNotices queries={[theatreQuery, events]} sourceName={source.name} />
          <RejectedRecords issues={events.data?.issues ?? []} sourceName={sourceName} />
          <RecordsOutsideRange results={[events.data]} source={source.name} />
        </>
      }
      table={tableOf(shown)}
      fullTable={fullTable}
    >
      <div ref={plotRef}>
        <Suspense fallback={<ChartPlaceholder height={50 + lanes.length * 34} />}>
          <LazyTimeline
            width={width}
            lanes={lanes}
            items={items}
            domain={domain}
            tickFormat={(n) => formatShortDay(dayLabel(n), locale)}
            describe={(id) => {
              const e = shown.find((x) => x.id === id);
              return e
                ? {
                    title: e.title,
                    lines: [
                      {
                        label: t(`events.kind.${e.kind}`),
                        value: `${formatDay(theatreDay(e.start, timeZone), locale)} – ${e.end ? formatDay(theatreDay(e.end, timeZone), locale) : t('chart.ongoing')}`,
                      },
                      {
                        label: t('source.label'),
                        value: `${sourceName(e.provenance.sourceId)} (${t(`verification.${e.provenance.verification}`)})`,
                      },
                    ],
                  }
                : undefined;
            }}
            animate={animate}
            label={description.title}
          />
        </Suspense>
      </div>
    </ChartFrame>
  );
});
