import { useId } from 'react';
import { placeName } from '../../domain/place-names.ts';
import { useTheatre } from '../../data/queries.ts';
import { useViewState } from '../../data/view-state.ts';
import { DEFAULT_FILTERS, RANGE_PRESETS, type Filters } from '../../domain/filters.ts';
import { COMMODITIES, VERIFICATIONS } from '../../domain/vocabulary.ts';
import { formatDay } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import type { MessageKey } from '../../ui/i18n/translate.ts';
import { UrlNotices } from '../../ui/panel.tsx';
import './filter-bar.css';

/**
 * The one set of filters every panel follows; all of it lives in the URL. `collapsed` (phones):
 * folded into a disclosure whose summary is the heading and the period shown.
 */
export function FilterBar({ collapsed = false }: { collapsed?: boolean }) {
  const { t, locale } = useI18n();
  const { filters, range, notices, setFilters } = useViewState();
  const crossings = useTheatre().data?.theatre.crossings ?? [];
  const headingId = useId();
  const update = (patch: Partial<Filters>) => setFilters({ ...filters, ...patch });
  const verifiedOnly = filters.verification.length === 1 && filters.verification[0] === 'verified';
  const preset = filters.range.preset;

  const heading = (
    <h2 id={headingId} className="filter-bar__title">
      {t('filters.title')}
    </h2>
  );
  const controls = (
    <>
      <fieldset className="filter-bar__group">
        <legend>{t('filters.period')}</legend>
        <div className="segmented">
          {[...RANGE_PRESETS, 'custom' as const].map((p) => (
            <label
              key={p}
              className={
                preset === p ? 'segmented__option segmented__option--on' : 'segmented__option'
              }
            >
              <input
                type="radio"
                name="range"
                value={p}
                checked={preset === p}
                onChange={() =>
                  update({
                    range:
                      p === 'custom'
                        ? { preset: 'custom', from: range.from, to: range.to }
                        : { preset: p },
                  })
                }
              />
              {t(`filters.range.${p}` as MessageKey)}
            </label>
          ))}
        </div>
        {preset === 'custom' ? (
          <div className="filter-bar__dates">
            <label>
              {t('filters.from')}
              <input
                type="date"
                value={range.from}
                max={range.to}
                onChange={(e) =>
                  e.target.value &&
                  update({ range: { preset: 'custom', from: e.target.value, to: range.to } })
                }
              />
            </label>
            <label>
              {t('filters.to')}
              <input
                type="date"
                value={range.to}
                min={range.from}
                onChange={(e) =>
                  e.target.value &&
                  update({ range: { preset: 'custom', from: range.from, to: e.target.value } })
                }
              />
            </label>
          </div>
        ) : null}
        <p className="filter-bar__period" aria-live="polite">
          {t('filters.showing', {
            from: formatDay(range.from, locale),
            to: formatDay(range.to, locale),
          })}
        </p>
      </fieldset>

      <CheckList
        legend={t('filters.crossings')}
        options={crossings.map((c) => ({ value: c.id, label: placeName(c.names, locale) }))}
        selected={filters.crossings}
        onChange={(crossingIds) => update({ crossings: crossingIds })}
      />
      <CheckList
        legend={t('filters.commodities')}
        options={COMMODITIES.map((c) => ({ value: c, label: t(`commodity.${c}`) }))}
        selected={filters.commodities}
        onChange={(commodities) => update({ commodities: commodities as Filters['commodities'] })}
      />
      <div className="filter-bar__group filter-bar__verified">
        <label>
          <input
            type="checkbox"
            checked={verifiedOnly}
            aria-describedby={`${headingId}-verified`}
            onChange={(e) => update({ verification: e.target.checked ? ['verified'] : [] })}
          />
          {t('filters.verifiedOnly')}
        </label>
        <span id={`${headingId}-verified`} className="filter-bar__hint">
          {t('filters.verifiedOnly.hint')}
        </span>
      </div>
      <CheckList
        legend={t('filters.verification')}
        options={VERIFICATIONS.map((v) => ({ value: v, label: t(`verification.${v}`) }))}
        selected={filters.verification}
        onChange={(verification) =>
          update({ verification: verification as Filters['verification'] })
        }
      />
      <button
        type="button"
        className="filter-bar__reset"
        onClick={() => setFilters(DEFAULT_FILTERS)}
      >
        {t('filters.reset')}
      </button>
    </>
  );

  if (!collapsed)
    return (
      <section aria-labelledby={headingId} className="filter-bar">
        {heading}
        {controls}
        <UrlNotices notices={notices} className="filter-bar__notices" />
      </section>
    );
  return (
    <section aria-labelledby={headingId} className="filter-bar filter-bar--collapsed">
      <details>
        <summary>
          {heading}
          <span className="filter-bar__shown">
            {t('filters.summaryPhone', {
              from: formatDay(range.from, locale),
              to: formatDay(range.to, locale),
            })}
            {verifiedOnly ? ` · ${t('filters.verifiedOnly')}` : ''}
          </span>
        </summary>
        <div className="filter-bar__body">{controls}</div>
      </details>
      {/* A link's rejected filters are said at once, not folded away. */}
      <UrlNotices notices={notices} className="filter-bar__notices" />
    </section>
  );
}

/** A disclosure of checkboxes; none ticked means "all". */
function CheckList({
  legend,
  options,
  selected,
  onChange,
}: {
  legend: string;
  options: { value: string; label: string }[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const { t } = useI18n();
  const summary =
    selected.length === 0 ? t('filters.all') : t('filters.selected', { count: selected.length });
  return (
    <details className="filter-bar__group filter-bar__checklist">
      <summary>
        {legend}: <span className="filter-bar__summary">{summary}</span>
      </summary>
      <fieldset>
        <legend className="visually-hidden">{legend}</legend>
        {options.map((o) => (
          <label key={o.value} className="filter-bar__check">
            <input
              type="checkbox"
              checked={selected.includes(o.value)}
              onChange={(e) =>
                onChange(
                  e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value),
                )
              }
            />
            {o.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
