import type { Service } from '../../domain/vocabulary.ts';
import { formatDateTime, formatDay, formatNumber, formatPercent } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { eachIsolated, isolated } from '../../ui/i18n/isolate.tsx';
import { CrossingPageLink } from '../../ui/crossing-link.tsx';
import { StatusBadge } from '../../ui/status-symbol.tsx';
import { LegendMark } from './legend.tsx';
import { FUNCTIONALITY_STATE, STATE_COLOURS, type LayerGroup } from './layers.ts';
import type { MapItem, MapItemKind } from './map-model.ts';

const KINDS: readonly MapItemKind[] = ['crossing', 'corridor', 'facility', 'area'];
const GROUP_OF_KIND = {
  crossing: 'crossings',
  corridor: 'corridors',
  facility: 'facilities',
  area: 'areas',
} as const satisfies Record<MapItemKind, LayerGroup>;

/** What one place is and its state at the moment shown, as text (never markup from data). */
export function PlaceDetails({
  item,
  asOf,
  timeZone,
  service,
  sourceName,
}: {
  item: MapItem;
  asOf: Date;
  timeZone: string;
  service: Service;
  sourceName: (id: string) => string;
}) {
  const { t, locale } = useI18n();
  const when = (instant: string) => formatDateTime(instant, locale, timeZone);
  const noReport = <p>{t('map.details.noReport', { time: when(asOf.toISOString()) })}</p>;
  return (
    <div className="map-details__body">
      <p className="map-details__name">
        <strong>
          <bdi>{item.name}</bdi>
        </strong>{' '}
        <span className="muted">· {t(`map.kind.${item.kind}`)}</span>
      </p>
      {item.otherNames.length ? (
        <p lang="">
          {isolated(t, 'map.details.otherNames', { names: eachIsolated(item.otherNames, ' · ') })}
        </p>
      ) : null}
      {item.kind === 'crossing' ? (
        <p className="map-details__page">
          <CrossingPageLink crossingId={item.crossing.id}>
            {t('crossingPage.link', { name: item.name })}
          </CrossingPageLink>
        </p>
      ) : null}
      {item.kind === 'crossing' ? (
        item.status.latest ? (
          <>
            <p>
              <StatusBadge state={item.status.state} />{' '}
              {item.status.since ? t('map.details.since', { time: when(item.status.since) }) : null}
            </p>
            <p className="muted">
              {isolated(
                t,
                'map.details.reportBy',
                { source: sourceName(item.status.latest.provenance.sourceId) },
                {
                  time: when(item.status.latest.at),
                  verification: t(`verification.${item.status.latest.provenance.verification}`),
                },
              )}
            </p>
            {item.status.latest.note ? (
              <p className="map-details__note">
                <bdi>{item.status.latest.note}</bdi>
              </p>
            ) : null}
          </>
        ) : (
          noReport
        )
      ) : null}
      {item.kind === 'corridor' ? (
        <>
          <p>{t(`map.details.purpose.${item.corridor.purpose}`)}</p>
          {item.status ? (
            <>
              <p>
                <StatusBadge state={item.status.status} />
              </p>
              <p>
                {item.window.window
                  ? t('map.details.window', {
                      start: item.window.window.start,
                      end: item.window.window.end,
                      state: t(
                        item.window.inWindow ? 'map.details.window.on' : 'map.details.window.off',
                      ),
                    })
                  : t('map.details.noWindow')}
              </p>
              <p className="muted">
                {isolated(
                  t,
                  'map.details.reportBy',
                  { source: sourceName(item.status.provenance.sourceId) },
                  {
                    time: when(item.status.at),
                    verification: t(`verification.${item.status.provenance.verification}`),
                  },
                )}
              </p>
              {item.status.note ? (
                <p className="map-details__note">
                  <bdi>{item.status.note}</bdi>
                </p>
              ) : null}
            </>
          ) : (
            noReport
          )}
        </>
      ) : null}
      {item.kind === 'facility' ? (
        item.report ? (
          <>
            <p className="map-details__functionality">
              <LegendMark
                entry={{
                  kind: 'facility',
                  shape: FUNCTIONALITY_STATE[item.report.functionality],
                  colour: STATE_COLOURS[FUNCTIONALITY_STATE[item.report.functionality]],
                }}
              />{' '}
              {t('map.details.functionality', {
                functionality: t(`map.functionality.${item.report.functionality}`),
              })}
            </p>
            <p>
              {item.report.bedsAvailable !== undefined
                ? t('map.details.beds', {
                    available: item.report.bedsAvailable,
                    designed: item.facility.designedBeds,
                  })
                : t('map.details.designedBeds', { designed: item.facility.designedBeds })}
              {item.report.fuelDays !== undefined
                ? ` · ${t('map.details.fuel', { days: item.report.fuelDays })}`
                : ''}
            </p>
            <p className="muted">
              {formatDay(item.report.date, locale)} ·{' '}
              <bdi>{sourceName(item.report.provenance.sourceId)}</bdi> ·{' '}
              {t(`verification.${item.report.provenance.verification}`)}
            </p>
          </>
        ) : (
          <>
            <p>{t('map.details.designedBeds', { designed: item.facility.designedBeds })}</p>
            {noReport}
          </>
        )
      ) : null}
      {item.kind === 'area' ? (
        item.level ? (
          <>
            <p>
              {item.level.record.baseline !== undefined
                ? t('map.details.level', {
                    measure: t(`map.measure.${service}`),
                    percent: formatPercent(item.level.ratio, locale),
                    value: formatNumber(item.level.record.value, locale),
                    baseline: formatNumber(item.level.record.baseline, locale),
                    unit: item.level.record.unit,
                  })
                : t('map.details.levelNoBaseline', {
                    measure: t(`map.measure.${service}`),
                    percent: formatPercent(item.level.ratio, locale),
                  })}
            </p>
            <p className="muted">
              {formatDay(item.level.record.date, locale)} ·{' '}
              <bdi>{sourceName(item.level.record.provenance.sourceId)}</bdi> ·{' '}
              {t(`verification.${item.level.record.provenance.verification}`)}
            </p>
          </>
        ) : (
          <p>{t('map.details.noLevel', { measure: t(`map.measure.${service}`) })}</p>
        )
      ) : null}
    </div>
  );
}

/** Every place on the map as a button: the keyboard's way in, and the map's text alternative. */
export function PlaceList({
  items,
  selectedKey,
  onChoose,
}: {
  items: readonly MapItem[];
  selectedKey: string | null;
  onChoose: (item: MapItem) => void;
}) {
  const { t } = useI18n();
  return (
    <nav className="map-places" aria-label={t('map.list')}>
      <h3 className="map-places__title">{t('map.list')}</h3>
      <p className="muted map-places__hint">{t('map.list.hint')}</p>
      {KINDS.map((kind) => {
        const ofKind = items.filter((i) => i.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <div key={kind} className="map-places__group">
            <h4 className="map-places__heading">{t(`map.layer.${GROUP_OF_KIND[kind]}`)}</h4>
            <ul className="map-places__list">
              {ofKind.map((item) => (
                <li key={item.key}>
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={selectedKey === item.key}
                    data-key={item.key}
                    onClick={() => onChoose(item)}
                  >
                    <bdi>{item.name}</bdi>
                  </button>{' '}
                  <ItemState item={item} />
                  {item.kind === 'crossing' ? (
                    <>
                      {' · '}
                      <CrossingPageLink
                        crossingId={item.crossing.id}
                        label={t('crossingPage.link', { name: item.name })}
                      >
                        {t('crossingPage.linkShort')}
                      </CrossingPageLink>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}

function ItemState({ item }: { item: MapItem }) {
  const { t, locale } = useI18n();
  switch (item.kind) {
    case 'crossing':
      return <StatusBadge state={item.status.state} />;
    case 'corridor':
      return (
        <>
          <StatusBadge state={item.status?.status ?? 'unknown'} />
          {item.window.window ? (
            <span className="muted">
              {' '}
              · {item.window.window.start}–{item.window.window.end} (
              {t(item.window.inWindow ? 'map.details.window.on' : 'map.details.window.off')})
            </span>
          ) : null}
        </>
      );
    case 'facility':
      return (
        <span className="muted">
          {t(`map.functionality.${item.report?.functionality ?? 'unknown'}`)}
        </span>
      );
    case 'area':
      return (
        <span className="muted">
          {item.level ? formatPercent(item.level.ratio, locale) : t('map.legend.noData')}
        </span>
      );
  }
}

/** What is hovered, else what is selected, in words; announced as it changes. */
export function DetailsSection({
  item,
  hovered,
  asOf,
  timeZone,
  service,
  sourceName,
  onClose,
}: {
  item: MapItem | undefined;
  hovered: boolean;
  asOf: Date;
  timeZone: string | undefined;
  service: Service;
  sourceName: (sourceId: string) => string;
  /** Set while something is selected: closes the selection. */
  onClose?: () => void;
}) {
  const { t } = useI18n();
  return (
    <section className="map-details" aria-live="polite" aria-labelledby="map-details-title">
      <h3 id="map-details-title" className="map-details__title">
        {t('map.details')}
        {item ? (
          <span className="muted">
            {' '}
            · {t(hovered ? 'map.details.hover' : 'map.details.selected')}
          </span>
        ) : null}
      </h3>
      {item && timeZone ? (
        <PlaceDetails
          item={item}
          asOf={asOf}
          timeZone={timeZone}
          service={service}
          sourceName={sourceName}
        />
      ) : (
        <p className="muted">{t('map.details.none')}</p>
      )}
      {onClose ? (
        <button type="button" className="link-button" onClick={onClose}>
          {t('map.details.close')}
        </button>
      ) : null}
    </section>
  );
}
