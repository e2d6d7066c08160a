import { placeNameOf } from '../../domain/place-names.ts';
import { defineChart, type ChartView } from '../../charts/chart-spec.ts';
import type { OptionsSpec } from '../../domain/chart-options.ts';
import {
  stateRuns,
  statusHistory,
  type StatusHistory,
  type StatusLane,
} from '../../domain/crossing-page.ts';
import type { CrossingStatusRollup } from '../../domain/rollup.ts';
import { rollupShares } from '../../domain/rollup-series.ts';
import {
  bucketsFor,
  chooseResolution,
  dayCount,
  dayNumber,
  type Bucket,
  type Resolution,
} from '../../domain/series.ts';
import { CROSSING_STATES } from '../../domain/vocabulary.ts';
import type { ChartTable, LegendEntry } from '../../ui/chart/chart-model.ts';
import { OKABE_ITO, STATE_STYLE } from '../../ui/chart/palette.ts';
import {
  bucketIso,
  bucketLabel,
  dayNumberTickFormatter,
  periodLabel,
} from '../../ui/chart/time-labels.ts';
import type { TimelineItem, TimelineLane } from '../../ui/chart/timeline-chart.tsx';
import { formatPercent } from '../../ui/format.ts';

/** Most buckets the timeline draws: about three pixels each, at most AUTO's 400. */
export function statusResolution(range: { from: string; to: string }, width: number): Resolution {
  const room = Number.isFinite(width) ? Math.floor((width - 160) / 3) : 400;
  return chooseResolution(dayCount(range), Math.max(20, Math.min(400, room)));
}

/** The lane that marks where sources disagree: a black cross, besides its words. */
const DISAGREE_STYLE = { colour: OKABE_ITO.black, shape: 'cross' as const };

type View = ChartView<OptionsSpec>;

/** Room for a source's name and level over five lines on a phone. */
const LANE_HEIGHT = 60;

/**
 * A crossing's status over time as a timeline: one lane per source and verification level,
 * each span the state that source reported (word in the tooltip and table, shape and colour on
 * the marks), and a last lane marking the days (or weeks) two sources disagree.
 */
export function statusHistoryChart(crossingId: string) {
  return defineChart({
    id: 'crossing-status-history',
    title: 'crossingPage.status.title',
    datasets: [],
    rollup: {
      dataset: 'crossing-status',
      ask: (view) => ({
        resolution: view.full ? 'day' : statusResolution(view.range, view.width),
        crossingIds: [crossingId],
      }),
    },
    bands: false,
    urlPrefix: 'cstatus',
    options: {},
    renderer: 'timeline',
    className: 'crossing-status-history',
    build({ theatre, rollup }, view) {
      const { t, locale, range } = view;
      const resolution = rollup?.resolution ?? 'day';
      const rows = (rollup?.rows ?? []) as readonly CrossingStatusRollup[];
      const mine = rows.filter((r) => r.crossingId === crossingId);
      const buckets = bucketsFor(range, resolution);
      const history = statusHistory(mine, buckets, view.filters);
      const laneName = (lane: StatusLane) =>
        t('crossingPage.status.lane', {
          source: view.sourceName(lane.sourceId),
          verification: t(`verification.${lane.verification}`),
        });
      const lanes: (TimelineLane & { source?: StatusLane })[] = history.lanes.map(
        (lane, index) => ({
          index,
          label: laneName(lane),
          colour: '#5f6b7a',
          shape: 'circle',
          source: lane,
        }),
      );
      const disagreeLane = lanes.length;
      if (history.disagreements.length > 0)
        lanes.push({
          index: disagreeLane,
          label: t('crossingPage.status.disagreeLane'),
          ...DISAGREE_STYLE,
        });
      const span = (first: number, last: number) => ({
        start: dayNumber(buckets[first]!.from),
        end: dayNumber(buckets[last]!.to) + 1,
      });
      const items: TimelineItem[] = [
        ...history.lanes.flatMap((lane, index) =>
          stateRuns(lane.cells).map((run) => ({
            id: `${lane.id}|${run.first}|${run.last}`,
            lane: index,
            ...span(run.first, run.last),
            ...STATE_STYLE[run.state],
            span: true,
          })),
        ),
        ...disagreeRuns(history.disagree).map(([first, last]) => ({
          id: `disagree|${first}|${last}`,
          lane: disagreeLane,
          ...span(first, last),
          ...DISAGREE_STYLE,
          span: true,
        })),
      ];
      const describe = (id: string) => describeItem(id, history, buckets, resolution, view);
      const shown = CROSSING_STATES.filter((s) =>
        history.lanes.some((l) => l.cells.some((c) => c?.state === s)),
      );
      const legend: LegendEntry[] = [
        ...shown.map((s) => ({
          label: t('crossingPage.status.legend', {
            state: t(`status.${s}`),
            shape: t(`crossingPage.shape.${STATE_STYLE[s].shape}`),
          }),
          colour: STATE_STYLE[s].colour,
          shape: 'box' as const,
        })),
        ...(history.disagreements.length
          ? [
              {
                label: t('crossingPage.status.disagreeLegend'),
                colour: DISAGREE_STYLE.colour,
                shape: 'box' as const,
              },
            ]
          : []),
      ];
      return {
        subtitle: t('crossingPage.status.subtitle', {
          crossing: placeNameOf(theatre.crossings, crossingId, locale),
          period: periodLabel(range, t, locale),
          resolution: t(`crossingPage.status.resolution.${resolution}`),
        }),
        legend,
        notes: [t(`crossingPage.status.note.${resolution}`), t('crossingPage.status.note.never')],
        bands: [],
        shares: rollupShares(
          mine.filter((r) =>
            history.lanes.some(
              (l) => l.sourceId === r.sourceId && l.verification === r.verification,
            ),
          ),
        ),
        table: statusTable(history, buckets, resolution, view),
        hasData: history.lanes.length > 0,
        height: 50 + lanes.length * LANE_HEIGHT,
        plot: {
          kind: 'timeline',
          chart: {
            lanes,
            items,
            domain: [dayNumber(range.from), dayNumber(range.to) + 1] as [number, number],
            tickFormat: dayNumberTickFormatter(locale, range),
            describe,
            laneLabelWidth: 240,
            laneHeight: LANE_HEIGHT,
          },
        },
      };
    },
  });
}

/** Consecutive buckets on which sources disagree, as [first, last] index pairs. */
function disagreeRuns(disagree: readonly boolean[]): [number, number][] {
  const runs: [number, number][] = [];
  disagree.forEach((d, i) => {
    if (!d) return;
    const open = runs.at(-1);
    if (open && open[1] === i - 1) open[1] = i;
    else runs.push([i, i]);
  });
  return runs;
}

function describeItem(
  id: string,
  history: StatusHistory,
  buckets: readonly Bucket[],
  resolution: Resolution,
  { t, locale, sourceName }: View,
) {
  const parts = id.split('|');
  const first = Number(parts.at(-2));
  const last = Number(parts.at(-1));
  const from = buckets[first];
  const to = buckets[last];
  if (!from || !to) return undefined;
  const when =
    first === last
      ? bucketLabel(from, resolution, t, locale)
      : t('chart.period', {
          from: bucketLabel(from, resolution, t, locale),
          to: bucketLabel(to, resolution, t, locale),
        });
  if (parts[0] === 'disagree') {
    const days = history.disagreements.filter(
      (d) => d.bucket.start >= from.start && d.bucket.start <= to.start,
    );
    return {
      title: t('crossingPage.status.disagreeLane'),
      lines: [
        { label: t('crossingPage.status.when'), value: when },
        ...(days[0]?.states ?? []).map((s) => ({
          label: sourceName(s.sourceId),
          value: t(`status.${s.state}`),
        })),
      ],
    };
  }
  const lane = history.lanes.find((l) => id.startsWith(`${l.id}|`));
  const cell = lane?.cells[first];
  if (!lane || !cell) return undefined;
  return {
    title: t(`status.${cell.state}`),
    lines: [
      { label: t('crossingPage.status.when'), value: when },
      { label: t('source.label'), value: sourceName(lane.sourceId) },
      { label: t('crossingPage.col.verification'), value: t(`verification.${lane.verification}`) },
    ],
  };
}

/** Per bucket, each lane's state with its share of the time, and whether sources disagree. */
function statusTable(
  history: StatusHistory,
  buckets: readonly Bucket[],
  resolution: Resolution,
  { t, locale, sourceName }: View,
): ChartTable {
  const laneLabel = (lane: StatusLane) =>
    t('crossingPage.status.lane', {
      source: sourceName(lane.sourceId),
      verification: t(`verification.${lane.verification}`),
    });
  return {
    caption: t('crossingPage.status.caption'),
    columns: [
      { label: t(`chart.col.${resolution}`) },
      ...history.lanes.map((lane) => ({ label: laneLabel(lane) })),
      { label: t('crossingPage.status.col.agree') },
    ],
    rows: buckets.flatMap((b, i) => {
      if (history.lanes.every((l) => !l.cells[i])) return [];
      const cells = history.lanes.map((l) => l.cells[i]);
      const sources = new Set(history.lanes.filter((l) => l.cells[i]).map((l) => l.sourceId));
      const verdict = history.disagree[i] ? 'disagree' : sources.size < 2 ? 'oneSource' : 'agree';
      const agree = t(`crossingPage.status.${verdict}`);
      return [
        {
          key: b.key,
          header: bucketLabel(b, resolution, t, locale),
          iso: bucketIso(b, resolution),
          cells: [
            ...cells.map((c) =>
              c
                ? t('crossingPage.status.cell', {
                    state: t(`status.${c.state}`),
                    share: formatPercent(c.share, locale),
                  })
                : t('chart.noReport'),
            ),
            agree,
          ],
          values: [...cells.map((c) => c?.state ?? null), verdict],
        },
      ];
    }),
  };
}
