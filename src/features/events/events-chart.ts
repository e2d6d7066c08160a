import { placeNameOf } from '../../domain/place-names.ts';
import { defineChart, type ChartWords } from '../../charts/chart-spec.ts';
import { matchesFilters } from '../../domain/filters.ts';
import { sourceShares } from '../../domain/provenance.ts';
import type { Theatre, TheatreEvent } from '../../domain/schemas.ts';
import { dayNumber } from '../../domain/series.ts';
import { theatreDay } from '../../domain/time.ts';
import { EVENT_KINDS, type EventKind } from '../../domain/vocabulary.ts';
import type { ChartTable } from '../../ui/chart/chart-model.ts';
import { OKABE_ITO } from '../../ui/chart/palette.ts';
import { dayNumberTickFormatter, periodLabel } from '../../ui/chart/time-labels.ts';
import type { MarkerShape, TimelineItem } from '../../ui/chart/timeline-chart.tsx';
import { formatDateTime, formatDay } from '../../ui/format.ts';

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
export const eventsChart = defineChart({
  id: 'events',
  title: 'events.title',
  datasets: ['events'],
  bands: false,
  urlPrefix: 'events',
  options: {},
  renderer: 'timeline',
  build({ theatre, records }, view) {
    const { t, locale, range, timeZone, sourceName } = view;
    const shown = records.events.filter((e) => matchesFilters(e, view.filters));
    const lanes = EVENT_KINDS.filter((k) => shown.some((e) => e.kind === k)).map((k, index) => ({
      index,
      kind: k,
      label: t(`events.kind.${k}`),
      ...LANE_STYLE[k],
    }));
    const items: TimelineItem[] = shown.map((e) => ({
      id: e.id,
      lane: lanes.findIndex((l) => l.kind === e.kind),
      start: dayNumber(theatreDay(e.start, timeZone)),
      end: dayNumber(e.end ? theatreDay(e.end, timeZone) : range.to) + 1,
    }));
    const describe = (id: string) => {
      const e = shown.find((x) => x.id === id);
      if (!e) return undefined;
      const end = e.end ? formatDay(theatreDay(e.end, timeZone), locale) : t('chart.ongoing');
      return {
        title: e.title,
        lines: [
          {
            label: t(`events.kind.${e.kind}`),
            value: `${formatDay(theatreDay(e.start, timeZone), locale)} – ${end}`,
          },
          {
            label: t('source.label'),
            value: `${sourceName(e.provenance.sourceId)} (${t(`verification.${e.provenance.verification}`)})`,
          },
        ],
      };
    };
    return {
      subtitle: t('events.subtitle', {
        period: periodLabel(range, t, locale),
        count: shown.length,
      }),
      legend: lanes.map((l) => ({ label: l.label, colour: l.colour, shape: 'box' as const })),
      notes: [t('events.note')],
      bands: [],
      shares: sourceShares(shown),
      table: tableOf(shown, theatre, view),
      hasData: shown.length > 0,
      height: 50 + lanes.length * 34,
      plot: {
        kind: 'timeline',
        chart: {
          lanes,
          items,
          domain: [dayNumber(range.from), dayNumber(range.to) + 1],
          tickFormat: dayNumberTickFormatter(locale, range),
          describe,
        },
      },
    };
  },
});

/** The table of a list of events: the period's, and the full-range CSV from the same code. */
function tableOf(
  list: readonly TheatreEvent[],
  theatre: Theatre,
  { t, locale, timeZone, sourceName }: ChartWords,
): ChartTable {
  const areaNames = (ids: readonly string[]) =>
    ids.length === theatre.areas.length
      ? t('events.allAreas')
      : ids.map((id) => placeNameOf(theatre.areas, id, locale)).join(', ');
  const when = (instant: string | undefined) =>
    instant ? formatDateTime(instant, locale, timeZone) : t('chart.ongoing');
  return {
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
    rows: list.map((e) => {
      const kind = t(`events.kind.${e.kind}`);
      const source = sourceName(e.provenance.sourceId);
      const verification = t(`verification.${e.provenance.verification}`);
      return {
        key: e.id,
        header: e.title,
        cells: [kind, when(e.start), when(e.end), areaNames(e.areaIds), source, verification],
        values: [kind, e.start, e.end ?? null, areaNames(e.areaIds), source, verification],
        source,
        verification,
        behind: {
          dataset: 'events' as const,
          from: theatreDay(e.start, timeZone),
          to: theatreDay(e.start, timeZone),
          sourceId: e.provenance.sourceId,
          match: { id: e.id },
        },
      };
    }),
  };
}
