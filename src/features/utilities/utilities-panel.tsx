import { useQueryClient } from '@tanstack/react-query';
import { memo, Suspense, useMemo } from 'react';
import { datasetQuery, useDataset, useSourceName, useTheatre } from '../../data/queries.ts';
import { useActiveSource } from '../../data/source-context.tsx';
import { useViewState } from '../../data/view-state.ts';
import { dataSpan } from '../../domain/date-bounds.ts';
import { matchesFilters } from '../../domain/filters.ts';
import { sourceShares } from '../../domain/provenance.ts';
import {
  bandsFor,
  dayCount,
  downsampledBuckets,
  type Band,
  type Bucket,
} from '../../domain/series.ts';
import {
  utilityLines,
  type UtilityLine,
  type UtilityMeasure,
} from '../../domain/utility-series.ts';
import type { TheatreEvent, UtilityStatus } from '../../domain/schemas.ts';
import { ChartFrame, ChartPlaceholder } from '../../ui/chart/chart-frame.tsx';
import type { ChartDescription, ChartTable, LegendEntry } from '../../ui/chart/chart-model.ts';
import { sourceCredits } from '../../ui/chart/credits.ts';
import { LazyTimeChart } from '../../ui/chart/lazy.tsx';
import { BAND_STYLE, seriesColour } from '../../ui/chart/palette.ts';
import type { Row } from '../../ui/chart/time-chart.tsx';
import { periodLabel, tickFormatter } from '../../ui/chart/time-labels.ts';
import { useChartWidth, usePrefersReducedMotion } from '../../ui/chart/use-chart-size.ts';
import { formatDay, formatNumber } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import {
  Panel,
  RecordsOutsideRange,
  RejectedRecords,
  QueryErrorNotices,
  panelState,
} from '../../ui/panel.tsx';

const MEASURES: readonly UtilityMeasure[] = ['water', 'power', 'telecom'];
const DOMAIN: Record<UtilityMeasure, [number, number]> = {
  water: [0, 100],
  power: [0, 24],
  telecom: [0, 100],
};
const HEIGHT = 150;
const DASHES = ['', '5 3', '2 2'];

/**
 * Utilities: water as % of the pre-crisis supply, hours of power a day and telecom
 * connectivity, as small multiples per governorate on a shared scale.
 */
export const UtilitiesPanel = memo(function UtilitiesPanel() {
  const { t, locale } = useI18n();
  const { source, adapter } = useActiveSource();
  const queryClient = useQueryClient();
  const { filters, range, coverage } = useViewState(['utility-status', 'events']);
  const theatreQuery = useTheatre();
  const theatre = theatreQuery.data?.theatre;
  const records = useDataset('utility-status', range);
  const events = useDataset('events', range);
  const sourceName = useSourceName();
  const [plotRef, width] = useChartWidth<HTMLDivElement>();

  const state = panelState(
    [theatreQuery, records],
    Boolean((records.data?.records.length ?? 0) > 0),
  );
  /** Every day the source covers, for the full-range CSVs. */
  const allRecords = async () => {
    const all = await queryClient.fetchQuery(datasetQuery(adapter, 'utility-status', coverage));
    return {
      records: all.records,
      range: dataSpan(
        all.records.map((r) => r.date),
        coverage,
      ),
    };
  };

  return (
    <Panel
      title={t('utilities.title')}
      subtitle={t('utilities.subtitle')}
      state={state}
      className="utilities"
    >
      <QueryErrorNotices queries={[theatreQuery, records]} sourceName={source.name} />
      <div ref={plotRef} />
      {MEASURES.map((m) => (
        <ServiceChart
          key={m}
          measure={m}
          state={state}
          records={records.data?.records}
          allRecords={allRecords}
          events={events.data?.records}
          eventsFailed={events.isError}
          width={width}
          areas={theatre?.areas.map((a) => ({ id: a.id, name: a.names.en })) ?? []}
          publishers={theatre?.sources ?? []}
          range={range}
          filters={filters}
          sourceName={sourceName}
          locale={locale}
        />
      ))}
      <RejectedRecords issues={records.data?.issues ?? []} sourceName={sourceName} />
      <RecordsOutsideRange results={[records.data]} source={source.name} />
    </Panel>
  );
});

function ServiceChart({
  measure,
  state,
  records,
  allRecords,
  events,
  eventsFailed,
  width,
  areas,
  publishers,
  range,
  filters,
  sourceName,
  locale,
}: {
  measure: UtilityMeasure;
  state: 'loading' | 'ready' | 'error' | 'empty';
  records: readonly UtilityStatus[] | undefined;
  /** Every record over the days the source covers (fetched on demand). */
  allRecords: () => Promise<{
    records: readonly UtilityStatus[];
    range: { from: string; to: string };
  }>;
  events: readonly TheatreEvent[] | undefined;
  eventsFailed: boolean;
  width: number;
  areas: { id: string; name: string }[];
  publishers: Parameters<typeof sourceCredits>[1];
  range: { from: string; to: string };
  filters: ReturnType<typeof useViewState>['filters'];
  sourceName: (id: string) => string;
  locale: string;
}) {
  const { t } = useI18n();
  const animate = !usePrefersReducedMotion();
  const columns = Math.max(1, Math.min(areas.length || 1, Math.floor(width / 230)));
  const multipleWidth = Math.floor((width - (columns - 1) * 12) / columns);
  const maxPoints = Math.max(20, multipleWidth - 40);
  const lines = useMemo(
    () => (records ? utilityLines(records, range, measure, filters) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [records, range.from, range.to, measure, filters],
  );
  const sources = useMemo(() => [...new Set(lines.map((l) => l.sourceId))].sort(), [lines]);
  const perArea = useMemo(
    () => perAreaOf(areas, lines, range, maxPoints),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [areas, lines, range.from, range.to, maxPoints],
  );
  const timeZone = useViewState([]).timeZone;
  const bandsByArea = useMemo(
    () =>
      perArea.map((p) =>
        bandsFor(events?.filter((e) => matchesFilters(e, filters)) ?? [], p.buckets, timeZone),
      ),
    [perArea, events, filters, timeZone],
  );
  const downsampled = dayCount(range) > maxPoints;

  const value = (v: number | null | undefined) =>
    v == null
      ? t('chart.noReport')
      : formatNumber(v, locale, { maximumFractionDigits: measure === 'power' ? 1 : 0 });
  const unit = t(`utilities.unit.${measure}`);
  const lineName = (l: UtilityLine) => (sources.length > 1 ? sourceName(l.sourceId) : unit);
  const allBands: Band[] = bandsByArea.flat();
  const legend: LegendEntry[] = [
    ...sources.map((s, i) => ({
      label: sourceName(s),
      colour: seriesColour(0),
      dash: DASHES[i % DASHES.length],
      shape: 'line' as const,
    })),
    ...(['pause', 'ceasefire-phase'] as const)
      .filter((k) => allBands.some((b) => b.kind === k))
      .map((k) => ({
        label: t(`chart.band.${k}`),
        colour: BAND_STYLE[k]!.colour,
        shape: 'band' as const,
      })),
  ];
  const uniqueBands = [...new Map(allBands.map((b) => [b.id, b])).values()];
  const description: ChartDescription = {
    id: `utilities-${measure}`,
    title: t(`utilities.${measure}.title`),
    subtitle: t('utilities.chartSubtitle', { unit, period: periodLabel(range, t, locale) }),
    sources: records
      ? sourceCredits(
          sourceShares(records.filter((r) => r.service === measure && matchesFilters(r, filters))),
          publishers,
          t,
          locale,
        )
      : [],
    legend,
    notes: [
      ...(downsampled ? [t('chart.note.downsampled')] : []),
      t('chart.note.gaps'),
      ...(measure === 'water' ? [t('utilities.water.note')] : []),
      ...uniqueBands.map((b) =>
        t('chart.note.band', {
          kind: t(`chart.band.${b.kind as 'pause'}`),
          title: b.title,
          from: formatDay(b.from, locale),
          to: b.to ? formatDay(b.to, locale) : t('chart.ongoing'),
          source: sourceName(b.sourceId),
        }),
      ),
      ...(eventsFailed ? [t('chart.note.noBands')] : []),
    ],
  };

  // The table: every day kept in any multiple, one column per governorate (and source).
  const tableOf = (parts: readonly AreaLines[], sourceIds: readonly string[]): ChartTable => {
    const columnsOfTable = parts.flatMap((p) => p.lines.map((l) => ({ p, l })));
    const tableDays = [...new Set(parts.flatMap((p) => p.buckets.map((b) => b.start)))].sort(
      (a, b) => a - b,
    );
    return {
      caption: t('utilities.caption', { unit }),
      columns: [
        { label: t('chart.col.day') },
        ...columnsOfTable.map(({ p, l }) => ({
          label: sourceIds.length > 1 ? `${p.area.name} — ${sourceName(l.sourceId)}` : p.area.name,
          numeric: true,
          unit,
        })),
      ],
      rows: tableDays.map((i) => {
        const b = parts
          .find((p) => p.buckets.some((x) => x.start === i))!
          .buckets.find((x) => x.start === i)!;
        return {
          key: b.key,
          header: formatDay(b.from, locale),
          iso: b.from,
          cells: columnsOfTable.map(({ l }) => value(l.daily[i])),
          values: columnsOfTable.map(({ l }) => l.daily[i] ?? null),
        };
      }),
    };
  };
  const table = tableOf(perArea, sources);
  /** Every day the source covers, daily (never downsampled), with the same filters. */
  const fullTable = async () => {
    const all = await allRecords();
    const full = utilityLines(all.records, all.range, measure, filters);
    const fullSources = [...new Set(full.map((l) => l.sourceId))].sort();
    return tableOf(perAreaOf(areas, full, all.range, Infinity), fullSources);
  };

  const rowsFor = (lines: UtilityLine[], buckets: Bucket[]): Row[] =>
    buckets.map((b) => ({
      key: b.key,
      ...Object.fromEntries(lines.map((l, li) => [`l${li}`, l.daily[b.start] ?? null])),
    }));

  return (
    <ChartFrame
      headingLevel={3}
      description={description}
      state={state}
      table={state === 'ready' ? table : undefined}
      fullTable={fullTable}
    >
      <div className="small-multiples">
        {perArea.map((p, ai) => (
          <div key={p.area.id}>
            <h4 className="small-multiples__title">{p.area.name}</h4>
            {p.lines.length === 0 ? (
              <p className="muted">{t('chart.noReport')}</p>
            ) : (
              <Suspense fallback={<ChartPlaceholder height={HEIGHT} />}>
                <LazyTimeChart
                  width={multipleWidth}
                  height={HEIGHT}
                  rows={rowsFor(p.lines, p.buckets)}
                  lines={p.lines.map((l, li) => ({
                    dataKey: `l${li}`,
                    name: lineName(l),
                    colour: seriesColour(0),
                    dash: DASHES[sources.indexOf(l.sourceId) % DASHES.length],
                    width: 1.5,
                  }))}
                  bands={bandsByArea[ai]}
                  bandLabel={() => ''}
                  tickFormat={tickFormatter('day', locale)}
                  valueFormat={(v) => formatNumber(v, locale)}
                  yDomain={DOMAIN[measure]}
                  compact
                  describe={(key) => {
                    const b = p.buckets.find((x) => x.key === key);
                    return b
                      ? {
                          title: `${p.area.name}, ${formatDay(b.from, locale)}`,
                          lines: p.lines.map((l) => ({
                            label: lineName(l),
                            value: value(l.daily[b.start]),
                          })),
                        }
                      : undefined;
                  }}
                  animate={animate}
                  label={`${description.title}: ${p.area.name}`}
                />
              </Suspense>
            )}
          </div>
        ))}
      </div>
    </ChartFrame>
  );
}

interface AreaLines {
  area: { id: string; name: string };
  lines: UtilityLine[];
  buckets: Bucket[];
}

/** Each governorate's lines and the days its multiple keeps (all of them up to `maxPoints`). */
function perAreaOf(
  areas: readonly { id: string; name: string }[],
  lines: readonly UtilityLine[],
  range: { from: string; to: string },
  maxPoints: number,
): AreaLines[] {
  return areas.map((area) => {
    const mine = lines.filter((l) => l.areaId === area.id);
    const buckets = downsampledBuckets(
      range,
      mine.map((l) => l.daily),
      maxPoints,
    );
    return { area, lines: mine, buckets };
  });
}
