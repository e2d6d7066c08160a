import { useQueryClient } from '@tanstack/react-query';
import { memo, Suspense, useMemo } from 'react';
import { datasetQuery, useDataset, useSourceName, useTheatre } from '../../data/queries.ts';
import { useActiveSource } from '../../data/source-context.tsx';
import { useViewState } from '../../data/view-state.ts';
import { dataSpan } from '../../domain/date-bounds.ts';
import { matchesFilters } from '../../domain/filters.ts';
import {
  fuelStocks,
  hospitalSeries,
  type FuelStock,
  type HospitalSeries,
} from '../../domain/hospital-series.ts';
import { sourceShares } from '../../domain/provenance.ts';
import type { FacilityStatus } from '../../domain/schemas.ts';
import { bandsFor, chooseResolution, dayCount, type Band } from '../../domain/series.ts';
import { FUNCTIONALITIES } from '../../domain/vocabulary.ts';
import { ChartFrame, ChartPlaceholder } from '../../ui/chart/chart-frame.tsx';
import type {
  ChartDescription,
  ChartTable,
  LegendEntry,
  SourceCredit,
} from '../../ui/chart/chart-model.ts';
import { sourceCredits } from '../../ui/chart/credits.ts';
import { LazyRankedBars, LazyTimeChart } from '../../ui/chart/lazy.tsx';
import {
  BAND_STYLE,
  FUNCTIONALITY_STYLE,
  OKABE_ITO,
  REFERENCE_STYLE,
} from '../../ui/chart/palette.ts';
import type { Row } from '../../ui/chart/time-chart.tsx';
import { bucketIso, bucketLabel, periodLabel, tickFormatter } from '../../ui/chart/time-labels.ts';
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

const HEIGHT = 260;
/** Below this many days of generator fuel, a facility is about to stop. */
export const CRITICAL_FUEL_DAYS = 3;

/**
 * Hospital capacity: facilities by functionality over time, beds available against occupied,
 * and each facility's fuel stock against a critical threshold.
 */
export const HospitalsPanel = memo(function HospitalsPanel() {
  const { t, locale } = useI18n();
  const { source, adapter } = useActiveSource();
  const queryClient = useQueryClient();
  const { filters, range, timeZone, coverage } = useViewState(['facility-status', 'events']);
  const theatreQuery = useTheatre();
  const theatre = theatreQuery.data?.theatre;
  const reports = useDataset('facility-status', range);
  const events = useDataset('events', range);
  const sourceName = useSourceName();
  const animate = !usePrefersReducedMotion();
  const [plotRef, width] = useChartWidth<HTMLDivElement>();

  const records = reports.data?.records;
  const barResolution = chooseResolution(dayCount(range), Math.floor((width - 70) / 4));
  const lineResolution = chooseResolution(dayCount(range), width - 70);
  const bars = useMemo(
    () => (records ? hospitalSeries(records, range, filters, barResolution) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [records, range.from, range.to, filters, barResolution],
  );
  const lines = useMemo(
    () => (records ? hospitalSeries(records, range, filters, lineResolution) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [records, range.from, range.to, filters, lineResolution],
  );
  const facilityIds = useMemo(() => theatre?.facilities.map((f) => f.id) ?? [], [theatre]);
  const fuel = useMemo(
    () => (records ? fuelStocks(records, facilityIds, range.to, filters) : undefined),
    [records, facilityIds, range.to, filters],
  );
  const eventRecords = useMemo(
    () => events.data?.records.filter((e) => matchesFilters(e, filters)) ?? [],
    [events.data, filters],
  );
  const barBands = useMemo(
    () => (bars ? bandsFor(eventRecords, bars.buckets, timeZone) : []),
    [bars, eventRecords, timeZone],
  );
  const lineBands = useMemo(
    () => (lines ? bandsFor(eventRecords, lines.buckets, timeZone) : []),
    [lines, eventRecords, timeZone],
  );
  const credits: SourceCredit[] = useMemo(
    () =>
      records && theatre
        ? sourceCredits(
            sourceShares(records.filter((r) => matchesFilters(r, filters))),
            theatre.sources,
            t,
            locale,
          )
        : [],
    [records, theatre, filters, t, locale],
  );

  const facilityName = (id: string) => theatre?.facilities.find((f) => f.id === id)?.names.en ?? id;
  const num = (v: number | null | undefined, digits = 0) =>
    v == null ? t('chart.noReport') : formatNumber(v, locale, { maximumFractionDigits: digits });
  const period = periodLabel(range, t, locale);
  const state = panelState([theatreQuery, reports], Boolean(bars && bars.recordCount > 0));

  const bandLegend = (bands: readonly Band[]): LegendEntry[] =>
    (['pause', 'ceasefire-phase'] as const)
      .filter((k) => bands.some((b) => b.kind === k))
      .map((k) => ({
        label: t(`chart.band.${k}`),
        colour: BAND_STYLE[k]!.colour,
        shape: 'band' as const,
      }));
  const bandNotes = (bands: readonly Band[]) =>
    bands.map((b) =>
      t('chart.note.band', {
        kind: t(`chart.band.${b.kind as 'pause'}`),
        title: b.title,
        from: formatDay(b.from, locale),
        to: b.to ? formatDay(b.to, locale) : t('chart.ongoing'),
        source: sourceName(b.sourceId),
      }),
    );
  const commonNotes = (resolution: string, bands: readonly Band[]) => [
    ...(resolution !== 'day' ? [t(`chart.note.rolledUp.${resolution as 'week'}`)] : []),
    t('chart.note.gaps'),
    ...bandNotes(bands),
  ];

  const levelName = (l: (typeof FUNCTIONALITIES)[number]) => t(`hospitals.level.${l}`);

  /** The tables of the three charts: what they show, and the full-range CSVs from the same code. */
  const functionalityTable = (s: HospitalSeries): ChartTable => ({
    caption: t('hospitals.functionality.caption'),
    columns: [
      { label: t(`chart.col.${s.resolution}`) },
      ...FUNCTIONALITIES.map((l) => ({
        label: levelName(l),
        numeric: true,
        unit: t('export.unit.facilities'),
      })),
      { label: t('chart.col.daysReported') },
    ],
    rows: s.buckets.map((b, i) => ({
      key: b.key,
      header: bucketLabel(b, s.resolution, t, locale),
      iso: bucketIso(b, s.resolution),
      cells: [
        ...FUNCTIONALITIES.map((l) => num(s.functionality[l][i], 1)),
        t('chart.daysOf', { reported: s.reported[i]!, days: b.days }),
      ],
      values: [...FUNCTIONALITIES.map((l) => s.functionality[l][i] ?? null), s.reported[i] ?? 0],
    })),
  });
  const bedsTable = (s: HospitalSeries): ChartTable => ({
    caption: t('hospitals.beds.caption'),
    columns: [
      { label: t(`chart.col.${s.resolution}`) },
      { label: t('hospitals.beds.available'), numeric: true, unit: t('export.unit.beds') },
      { label: t('hospitals.beds.occupied'), numeric: true, unit: t('export.unit.beds') },
    ],
    rows: s.buckets.map((b, i) => ({
      key: b.key,
      header: bucketLabel(b, s.resolution, t, locale),
      iso: bucketIso(b, s.resolution),
      cells: [num(s.bedsAvailable[i]), num(s.bedsOccupied[i])],
      values: [s.bedsAvailable[i] ?? null, s.bedsOccupied[i] ?? null],
    })),
  });
  const fuelTable = (stocks: readonly FuelStock[], missing: readonly string[]): ChartTable => ({
    caption: t('hospitals.fuel.caption'),
    columns: [
      { label: t('hospitals.col.facility') },
      { label: t('hospitals.col.fuelDays'), numeric: true, unit: t('export.unit.days') },
      { label: t('hospitals.col.functionality') },
      { label: t('hospitals.col.reported'), unit: t('export.unit.iso') },
      { label: t('source.label') },
    ],
    rows: [
      ...stocks.map((s) => ({
        key: `${s.facilityId}@${s.date}`,
        header: facilityName(s.facilityId),
        cells: [
          num(s.fuelDays, 1) +
            (s.fuelDays < CRITICAL_FUEL_DAYS ? ` ${t('hospitals.fuel.criticalMark')}` : ''),
          levelName(s.functionality),
          formatDay(s.date, locale),
          sourceName(s.sourceId),
        ],
        values: [s.fuelDays, levelName(s.functionality), s.date, sourceName(s.sourceId)],
        source: sourceName(s.sourceId),
      })),
      ...missing.map((id) => ({
        key: id,
        header: facilityName(id),
        cells: [t('chart.noReport'), '', '', ''],
        values: [null, '', null, ''],
        source: '',
      })),
    ],
  });

  /** Every day the source covers, with the same filters. */
  const allReports = async (days: { from: string; to: string }) =>
    (await queryClient.fetchQuery(datasetQuery(adapter, 'facility-status', days))).records;
  const fullFunctionality = async () => {
    const all = await allReports(coverage);
    const days = dataSpan(
      all.map((r) => r.date),
      coverage,
    );
    return functionalityTable(hospitalSeries(all, days, filters, 'day'));
  };
  const fullBeds = async () => {
    const all = await allReports(coverage);
    const days = dataSpan(
      all.map((r) => r.date),
      coverage,
    );
    return bedsTable(hospitalSeries(all, days, filters, 'day'));
  };
  // Full range of fuel: each day's latest report per facility, day by day (no carrying forward).
  const fullFuel = async () => {
    const byDay = new Map<string, FacilityStatus[]>();
    for (const r of await allReports(coverage)) {
      const day = byDay.get(r.date);
      if (day) day.push(r);
      else byDay.set(r.date, [r]);
    }
    return fuelTable(
      [...byDay.keys()]
        .sort()
        .flatMap((day) => fuelStocks(byDay.get(day)!, [], day, filters).stocks),
      [],
    );
  };

  // 1. Facilities by functionality.
  const functionality: ChartDescription = {
    id: 'hospitals-functionality',
    title: t('hospitals.functionality.title'),
    subtitle: t('hospitals.functionality.subtitle', {
      period,
      resolution: t(`chart.resolution.${barResolution}`),
    }),
    sources: credits,
    legend: [
      ...FUNCTIONALITIES.map((l) => ({
        label: levelName(l),
        colour: FUNCTIONALITY_STYLE[l].colour,
        pattern: FUNCTIONALITY_STYLE[l].pattern,
        shape: 'box' as const,
      })),
      ...bandLegend(barBands),
    ],
    notes: commonNotes(barResolution, barBands),
  };
  const functionalityRows: Row[] =
    bars?.buckets.map((b, i) => ({
      key: b.key,
      ...Object.fromEntries(FUNCTIONALITIES.map((l) => [l, bars.functionality[l][i] ?? null])),
    })) ?? [];

  // 2. Beds.
  const beds: ChartDescription = {
    id: 'hospitals-beds',
    title: t('hospitals.beds.title'),
    subtitle: t('hospitals.beds.subtitle', {
      period,
      resolution: t(`chart.resolution.${lineResolution}`),
    }),
    sources: credits,
    legend: [
      { label: t('hospitals.beds.available'), colour: OKABE_ITO.blue, shape: 'line' },
      {
        label: t('hospitals.beds.occupied'),
        colour: OKABE_ITO.vermillion,
        dash: '5 3',
        shape: 'line',
      },
      ...bandLegend(lineBands),
    ],
    notes: [t('hospitals.beds.note'), ...commonNotes(lineResolution, lineBands)],
  };
  const bedRows: Row[] =
    lines?.buckets.map((b, i) => ({
      key: b.key,
      available: lines.bedsAvailable[i] ?? null,
      occupied: lines.bedsOccupied[i] ?? null,
    })) ?? [];

  // 3. Fuel.
  const critical = {
    value: CRITICAL_FUEL_DAYS,
    label: t('hospitals.fuel.critical', { days: CRITICAL_FUEL_DAYS }),
    colour: REFERENCE_STYLE.critical.colour,
    dash: REFERENCE_STYLE.critical.dash,
  };
  const fuelDescription: ChartDescription = {
    id: 'hospitals-fuel',
    title: t('hospitals.fuel.title'),
    subtitle: t('hospitals.fuel.subtitle', { day: formatDay(range.to, locale) }),
    sources: credits,
    legend: [
      {
        label: t('hospitals.fuel.below', { days: CRITICAL_FUEL_DAYS }),
        colour: OKABE_ITO.vermillion,
        pattern: 'cross',
        shape: 'box',
      },
      {
        label: t('hospitals.fuel.above', { days: CRITICAL_FUEL_DAYS }),
        colour: OKABE_ITO.blue,
        shape: 'box',
      },
      { label: critical.label, colour: critical.colour, dash: critical.dash, shape: 'line' },
    ],
    notes: fuel?.missing.length
      ? [t('hospitals.fuel.missing', { names: fuel.missing.map(facilityName).join(', ') })]
      : [],
  };
  const fuelRows =
    fuel?.stocks.map((s) => {
      const low = s.fuelDays < CRITICAL_FUEL_DAYS;
      return {
        key: s.facilityId,
        name: facilityName(s.facilityId),
        value: s.fuelDays,
        colour: low ? OKABE_ITO.vermillion : OKABE_ITO.blue,
        pattern: low ? ('cross' as const) : ('solid' as const),
      };
    }) ?? [];

  const notices = (
    <>
      <QueryErrorNotices queries={[theatreQuery, reports]} sourceName={source.name} />
    </>
  );
  const placeholder = <ChartPlaceholder height={HEIGHT} />;
  const tooltipFor =
    (series: typeof bars, lines: (i: number) => { label: string; value: string }[]) =>
    (key: string) => {
      const i = series?.buckets.findIndex((b) => b.key === key) ?? -1;
      const b = series?.buckets[i];
      return b && series
        ? { title: bucketLabel(b, series.resolution, t, locale), lines: lines(i) }
        : undefined;
    };

  return (
    <Panel
      title={t('hospitals.title')}
      subtitle={t('hospitals.subtitle')}
      state={state}
      className="hospitals"
    >
      <div ref={plotRef} className="hospitals__measure" />
      <ChartFrame
        headingLevel={3}
        description={functionality}
        state={state}
        notices={notices}
        table={bars && functionalityTable(bars)}
        fullTable={fullFunctionality}
      >
        <Suspense fallback={placeholder}>
          <LazyTimeChart
            width={width}
            height={HEIGHT}
            rows={functionalityRows}
            bars={FUNCTIONALITIES.map((l) => ({
              dataKey: l,
              name: levelName(l),
              stackId: 'f',
              colour: FUNCTIONALITY_STYLE[l].colour,
              pattern: FUNCTIONALITY_STYLE[l].pattern,
            }))}
            bands={barBands}
            tickFormat={tickFormatter(barResolution, locale)}
            valueFormat={(v) => formatNumber(v, locale)}
            describe={tooltipFor(bars, (i) =>
              FUNCTIONALITIES.map((l) => ({
                label: levelName(l),
                value: num(bars?.functionality[l][i], 1),
                colour: FUNCTIONALITY_STYLE[l].colour,
              })),
            )}
            animate={animate}
            label={functionality.title}
          />
        </Suspense>
      </ChartFrame>
      <ChartFrame
        headingLevel={3}
        description={beds}
        state={state}
        table={lines && bedsTable(lines)}
        fullTable={fullBeds}
      >
        <Suspense fallback={placeholder}>
          <LazyTimeChart
            width={width}
            height={HEIGHT}
            rows={bedRows}
            lines={[
              { dataKey: 'available', name: t('hospitals.beds.available'), colour: OKABE_ITO.blue },
              {
                dataKey: 'occupied',
                name: t('hospitals.beds.occupied'),
                colour: OKABE_ITO.vermillion,
                dash: '5 3',
              },
            ]}
            bands={lineBands}
            tickFormat={tickFormatter(lineResolution, locale)}
            valueFormat={(v) => formatNumber(v, locale, { notation: 'compact' })}
            describe={tooltipFor(lines, (i) => [
              { label: t('hospitals.beds.available'), value: num(lines?.bedsAvailable[i]) },
              { label: t('hospitals.beds.occupied'), value: num(lines?.bedsOccupied[i]) },
            ])}
            animate={animate}
            label={beds.title}
          />
        </Suspense>
      </ChartFrame>
      <ChartFrame
        headingLevel={3}
        description={fuelDescription}
        state={state === 'ready' && fuelRows.length === 0 ? 'empty' : state}
        table={fuel && fuelTable(fuel.stocks, fuel.missing)}
        fullTable={fullFuel}
      >
        <Suspense fallback={placeholder}>
          <LazyRankedBars
            width={width}
            rows={fuelRows}
            threshold={critical}
            valueFormat={(v) => formatNumber(v, locale, { maximumFractionDigits: 1 })}
            describe={(key) => {
              const s = fuel?.stocks.find((x) => x.facilityId === key);
              return s
                ? {
                    title: facilityName(s.facilityId),
                    lines: [
                      { label: t('hospitals.col.fuelDays'), value: num(s.fuelDays, 1) },
                      {
                        label: t('hospitals.col.functionality'),
                        value: levelName(s.functionality),
                      },
                      {
                        label: t('hospitals.col.reported'),
                        value: `${formatDay(s.date, locale)} · ${sourceName(s.sourceId)}`,
                      },
                    ],
                  }
                : undefined;
            }}
            animate={animate}
            label={fuelDescription.title}
          />
        </Suspense>
      </ChartFrame>
      <RejectedRecords issues={reports.data?.issues ?? []} sourceName={sourceName} />
      <RecordsOutsideRange results={[reports.data]} source={source.name} />
    </Panel>
  );
});
