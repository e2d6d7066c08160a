import { placeNameOf } from '../../domain/place-names.ts';
import { defineChart, type ChartWords } from '../../charts/chart-spec.ts';
import { FUEL_MAX_AGE_DAYS, fuelStocks, type FuelStock } from '../../domain/hospital-series.ts';
import { shiftDay } from '../../domain/time.ts';
import type { FacilityStatus, Theatre } from '../../domain/schemas.ts';
import type { ChartTable } from '../../ui/chart/chart-model.ts';
import { OKABE_ITO, REFERENCE_STYLE } from '../../ui/chart/palette.ts';
import { formatDay, formatNumber } from '../../ui/format.ts';
import { CRITICAL_FUEL_DAYS, HEIGHT, hospitalShares, hospitalWords } from './hospital-words.ts';

/** Each facility's latest fuel stock at the end of the period, against a critical threshold. */
export const fuelChart = defineChart({
  id: 'hospitals-fuel',
  title: 'hospitals.fuel.title',
  datasets: ['facility-status'],
  // The latest stocks: the last week's reports, not the whole period (the CSV has every day).
  recordRange: (range, full) =>
    full
      ? range
      : {
          from: [range.from, shiftDay(range.to, -FUEL_MAX_AGE_DAYS)].sort()[1]!,
          to: range.to,
        },
  bands: false,
  urlPrefix: 'hospitals-fuel',
  options: {},
  renderer: 'ranked',
  build({ theatre, records }, view) {
    const { t, locale, range, filters, sourceName } = view;
    const words = hospitalWords(view);
    const reports = records['facility-status'];
    const facilityIds = theatre.facilities.map((f) => f.id);
    const fuel = view.full
      ? { stocks: dayByDay(reports, filters), missing: [] }
      : fuelStocks(reports, facilityIds, range.to, filters);
    const name = (id: string) => facilityName(theatre, id, locale);
    const critical = {
      value: CRITICAL_FUEL_DAYS,
      label: t('hospitals.fuel.critical', { days: CRITICAL_FUEL_DAYS }),
      ...REFERENCE_STYLE.critical,
    };
    return {
      subtitle: t('hospitals.fuel.subtitle', { day: formatDay(range.to, locale) }),
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
      notes: fuel.missing.length
        ? [t('hospitals.fuel.missing', { names: fuel.missing.map(name).join(', ') })]
        : [],
      bands: [],
      shares: hospitalShares(reports, filters),
      table: tableOf(fuel.stocks, fuel.missing, theatre, view),
      hasData: fuel.stocks.length > 0,
      height: HEIGHT,
      plot: {
        kind: 'ranked',
        chart: {
          rows: fuel.stocks.map((s) => {
            const low = s.fuelDays < CRITICAL_FUEL_DAYS;
            return {
              key: s.facilityId,
              name: name(s.facilityId),
              value: s.fuelDays,
              colour: low ? OKABE_ITO.vermillion : OKABE_ITO.blue,
              pattern: low ? ('cross' as const) : ('solid' as const),
            };
          }),
          threshold: critical,
          valueFormat: (v: number) => formatNumber(v, locale, { maximumFractionDigits: 1 }),
          describe: (key: string) => {
            const s = fuel.stocks.find((x) => x.facilityId === key);
            return s
              ? {
                  title: name(s.facilityId),
                  lines: [
                    { label: t('hospitals.col.fuelDays'), value: words.num(s.fuelDays, 1) },
                    {
                      label: t('hospitals.col.functionality'),
                      value: words.level(s.functionality),
                    },
                    {
                      label: t('hospitals.col.reported'),
                      value: `${formatDay(s.date, locale)} · ${sourceName(s.sourceId)}`,
                    },
                  ],
                }
              : undefined;
          },
        },
      },
    };
  },
});

const facilityName = (theatre: Theatre, id: string, locale: string) =>
  placeNameOf(theatre.facilities, id, locale);

/** The full range: each day's latest report per facility, day by day (no carrying forward). */
function dayByDay(
  reports: readonly FacilityStatus[],
  filters: Parameters<typeof fuelStocks>[3],
): FuelStock[] {
  const byDay = new Map<string, FacilityStatus[]>();
  for (const r of reports) {
    const day = byDay.get(r.date);
    if (day) day.push(r);
    else byDay.set(r.date, [r]);
  }
  return [...byDay.keys()]
    .sort()
    .flatMap((day) => fuelStocks(byDay.get(day)!, [], day, filters).stocks);
}

function tableOf(
  stocks: readonly FuelStock[],
  missing: readonly string[],
  theatre: Theatre,
  view: ChartWords,
): ChartTable {
  const { t, locale, sourceName } = view;
  const { num, level } = hospitalWords(view);
  return {
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
        header: facilityName(theatre, s.facilityId, locale),
        cells: [
          num(s.fuelDays, 1) +
            (s.fuelDays < CRITICAL_FUEL_DAYS ? ` ${t('hospitals.fuel.criticalMark')}` : ''),
          level(s.functionality),
          formatDay(s.date, locale),
          sourceName(s.sourceId),
        ],
        values: [s.fuelDays, level(s.functionality), s.date, sourceName(s.sourceId)],
        source: sourceName(s.sourceId),
        behind: {
          dataset: 'facility-status' as const,
          from: s.date,
          to: s.date,
          sourceId: s.sourceId,
          match: { facilityId: s.facilityId },
        },
      })),
      ...missing.map((id) => ({
        key: id,
        header: facilityName(theatre, id, locale),
        cells: [t('chart.noReport'), '', '', ''],
        values: [null, '', null, ''],
        source: '',
      })),
    ],
  };
}
