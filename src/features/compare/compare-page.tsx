import { compareWords } from '../../ui/i18n/pages/compare.ts';
import { provideWords } from '../../ui/i18n/translate.ts';
import { useId, useMemo, type ReactNode } from 'react';
import { ChartPanel } from '../../charts/chart-panel.tsx';
import { useChartOptions } from '../../data/chart-options.ts';
import { useTheatre } from '../../data/queries.ts';
import { useViewState } from '../../data/view-state.ts';
import { placeName } from '../../domain/place-names.ts';
import { RANGE_PRESETS, type RangePreset } from '../../domain/filters.ts';
import type { Theatre } from '../../domain/schemas.ts';
import { COMPARED_MEASURES } from '../../domain/source-comparison.ts';
import { COMMODITIES, STAGES, type Verification } from '../../domain/vocabulary.ts';
import { useEmbeddedChart } from '../../ui/export/export-context.tsx';
import { useI18n } from '../../ui/i18n/context.tsx';
import { UrlNotices } from '../../ui/panel.tsx';
import {
  compareDifferenceChart,
  compareDisagreementsChart,
  compareOptions,
  compareSeriesChart,
  COMPARED_COUNTS,
  type CompareOptions,
} from './compare-charts.ts';
import './compare.css';

// The panel's words come with it (see provideWords), before anything of it renders.
provideWords(compareWords);

/**
 * /compare: two sources' counts of the same thing side by side — both series, their difference
 * or ratio, the largest disagreements, and how each source says it counts. Every choice is in
 * the URL (`compare.*` and the shared period and verification), so a link reproduces the view.
 */
export function ComparePage() {
  const { t } = useI18n();
  const theatre = useTheatre();
  const data = theatre.data?.theatre;
  return (
    <>
      <h1 className="page-title">{t('compare.page.title')}</h1>
      <p className="compare__intro">{t('compare.page.intro')}</p>
      {data ? (
        <CompareView theatre={data} />
      ) : theatre.isError ? (
        <p role="alert">{t('compare.noTheatre')}</p>
      ) : (
        <p className="panel__loading">{t('chart.loading')}</p>
      )}
    </>
  );
}

/** The charts alone, for /embed/compare-…: the same options from the URL, no controls. */
export function CompareEmbed() {
  const data = useTheatre().data?.theatre;
  return data ? <CompareView theatre={data} /> : null;
}

function useCompareSpecs(theatre: Theatre) {
  const crossings = theatre.crossings.map((c) => c.id).join('\u0000');
  const sources = theatre.sources.map((s) => s.id).join('\u0000');
  // Keyed on the ids' text: the same theatre refetched keeps the same specs (no redraw).
  const options = useMemo(
    () => compareOptions(crossings.split('\u0000'), sources.split('\u0000').filter(Boolean)),
    [crossings, sources],
  );
  const { values, notices } = useChartOptions('compare', options);
  // The count decides the roll-up the charts read (aid flow or truck gaps): a spec per count.
  const count = values.count;
  const specs = useMemo(
    () => ({
      series: compareSeriesChart(options, count),
      difference: compareDifferenceChart(options, count),
      disagreements: compareDisagreementsChart(options, count),
    }),
    [options, count],
  );
  return { options, specs, values, notices };
}

function CompareView({ theatre }: { theatre: Theatre }) {
  const { t } = useI18n();
  const embedded = useEmbeddedChart();
  const { options, specs, values, notices } = useCompareSpecs(theatre);
  const problem =
    theatre.sources.length < 2
      ? t('compare.oneSource')
      : values.a === values.b
        ? t('compare.sameSource')
        : undefined;
  return (
    <div className="overview compare">
      {embedded ? null : (
        <>
          <CompareControls theatre={theatre} options={options} />
          <UrlNotices notices={notices} />
          {problem ? (
            <p className="notice notice--warning" role="status">
              {problem}
            </p>
          ) : null}
          <SourceMethods theatre={theatre} ids={[values.a, values.b]} />
        </>
      )}
      {problem ? null : (
        <>
          <ChartPanel spec={specs.series} />
          <ChartPanel spec={specs.difference} />
          <ChartPanel spec={specs.disagreements} />
        </>
      )}
    </div>
  );
}

function Select({
  label,
  value,
  choices,
  onChange,
  disabled = false,
}: {
  label: string;
  value: string;
  choices: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  /** Does not apply to what is counted (a stage for trucks waiting). */
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="compare__control">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What is compared: the thing counted, the two sources, the period and verification. */
function CompareControls({ theatre, options }: { theatre: Theatre; options: CompareOptions }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const { values, setOptions } = useChartOptions('compare', options);
  const { filters, setFilters } = useViewState(['aid-flow']);
  const sources = theatre.sources.map((s) => ({ value: s.id, label: s.name }));
  const preset = filters.range.preset;
  const verification = filters.verification.join(',') || 'all';
  const gaps = values.count !== 'aid-flow';
  const set = (name: keyof CompareOptions) => (value: string) =>
    setOptions({ [name]: value } as Partial<typeof values>);
  return (
    <section className="panel compare__controls" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t('compare.controls.title')}
      </h2>
      <div className="compare__grid">
        <Select
          label={t('compare.control.count')}
          value={values.count}
          onChange={set('count')}
          choices={COMPARED_COUNTS.map((c) => ({ value: c, label: t(`compare.count.${c}`) }))}
        />
        <Select
          label={t('compare.control.crossing')}
          value={values.crossing}
          onChange={set('crossing')}
          choices={[
            { value: 'all', label: t('compare.allCrossings') },
            ...theatre.crossings.map((c) => ({ value: c.id, label: placeName(c.names, locale) })),
          ]}
        />
        <Select
          label={t('compare.control.stage')}
          value={values.stage}
          onChange={set('stage')}
          disabled={gaps}
          choices={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
        />
        <Select
          label={t('compare.control.commodity')}
          value={values.commodity}
          onChange={set('commodity')}
          disabled={gaps}
          choices={[
            { value: 'all', label: t('compare.allCommodities') },
            ...COMMODITIES.map((c) => ({ value: c, label: t(`aidFlow.commodity.${c}`) })),
          ]}
        />
        <Select
          label={t('compare.control.measure')}
          value={values.measure}
          onChange={set('measure')}
          disabled={gaps}
          choices={COMPARED_MEASURES.map((m) => ({ value: m, label: t(`compare.measure.${m}`) }))}
        />
        <Select
          label={t('compare.control.a')}
          value={values.a}
          onChange={set('a')}
          choices={sources}
        />
        <Select
          label={t('compare.control.b')}
          value={values.b}
          onChange={set('b')}
          choices={sources}
        />
        <Select
          label={t('compare.control.show')}
          value={values.show}
          onChange={set('show')}
          choices={[
            { value: 'difference', label: t('compare.show.difference') },
            { value: 'ratio', label: t('compare.show.ratio') },
          ]}
        />
        <Select
          label={t('filters.period')}
          value={preset}
          onChange={(p) =>
            setFilters({
              ...filters,
              range: p === 'custom' ? filters.range : { preset: p as RangePreset },
            })
          }
          choices={[
            ...RANGE_PRESETS.map((p) => ({ value: p, label: t(`filters.range.${p}`) })),
            ...(preset === 'custom' ? [{ value: 'custom', label: t('filters.range.custom') }] : []),
          ]}
        />
        <Select
          label={t('filters.verification')}
          value={verification}
          onChange={(v) =>
            setFilters({
              ...filters,
              verification: v === 'all' ? [] : (v.split(',') as Verification[]),
            })
          }
          choices={[
            { value: 'all', label: t('compare.verification.all') },
            { value: 'verified', label: t('compare.verification.verified') },
            ...(verification !== 'all' && verification !== 'verified'
              ? [
                  {
                    value: verification,
                    label: filters.verification.map((v) => t(`verification.${v}`)).join(', '),
                  },
                ]
              : []),
          ]}
        />
      </div>
    </section>
  );
}

/** Each compared source's stated method, in its own words (never edited), isolated for bidi. */
function SourceMethods({ theatre, ids }: { theatre: Theatre; ids: readonly string[] }) {
  const { t } = useI18n();
  const headingId = useId();
  const shown = [...new Set(ids)].flatMap((id) => theatre.sources.find((s) => s.id === id) ?? []);
  return (
    <section className="panel compare__methods" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t('compare.methods.title')}
      </h2>
      <p className="panel__subtitle">{t('compare.methods.subtitle')}</p>
      <div className="compare__method-list">
        {shown.map((s) => (
          <Method key={s.id} name={s.name} kind={s.kind}>
            {s.method ? (
              <blockquote className="compare__method" dir="auto">
                <bdi>{s.method}</bdi>
              </blockquote>
            ) : (
              <p className="muted">{t('compare.methods.none')}</p>
            )}
          </Method>
        ))}
      </div>
    </section>
  );
}

function Method({ name, kind, children }: { name: string; kind?: string; children: ReactNode }) {
  return (
    <article className="compare__source">
      <h3>
        <bdi>{name}</bdi>
      </h3>
      {kind ? (
        <p className="muted">
          <bdi>{kind}</bdi>
        </p>
      ) : null}
      {children}
    </article>
  );
}
