import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDataset, useSourceName, useTheatre } from '../../data/queries.ts';
import { useActiveSource } from '../../data/source-context.tsx';
import type { DataIssue } from '../../domain/validate.ts';
import { sourceShares } from '../../domain/provenance.ts';
import { SERVICES, type Service } from '../../domain/vocabulary.ts';
import { sourceCredits } from '../../ui/chart/credits.ts';
import type { ExportTarget } from '../../ui/export/export-actions.ts';
import { EmbedCaption } from '../../ui/export/embed-caption.tsx';
import { ExportMenu } from '../../ui/export/export-menu.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { Panel, QueryErrorNotices, RecordsOutsideRange, RejectedRecords } from '../../ui/panel.tsx';
import { useNow } from '../../lib/use-now.ts';
import { useSearchParam } from '../../lib/url-state.ts';
import { captionLegend, mapPlot, mapTable } from './export-image.ts';
import { createIcons } from './icons.ts';
import {
  INTERACTIVE_LAYERS,
  LAYER_GROUP_ORDER,
  LAYER_GROUPS,
  LAYER_IDS,
  SOURCES,
  mapStyle,
  type LayerGroup,
} from './layers.ts';
import { Legend, legendEntries } from './legend.tsx';
import { PlaceDetails, PlaceList } from './map-details.tsx';
import type { MapFactory, MapLike } from './map-like.ts';
import { buildMapData, itemKey, mapFetchRange, type MapData, type MapItem } from './map-model.ts';
import './map.css';

/** The real map, loaded on first use: maplibre-gl is never in the initial chunk. */
const loadMapLibre: MapFactory = async (init) =>
  (await import('./maplibre.ts')).createMapLibreMap(init);

/** What the browser tests and the later export feature reach the live map through. */
export interface MapTestHook {
  map: MapLike;
  /** The layers that draw crossings, for queryRenderedFeatures. */
  crossingLayer: string;
  /** A PNG of the map as drawn now, with the caption every export has (see ui/export). */
  exportPng: () => Promise<Blob>;
}
declare global {
  interface Window {
    __accessMonitorMap?: MapTestHook;
  }
}

const DEFAULT_LAYERS: Record<LayerGroup, boolean> = {
  crossings: true,
  corridors: true,
  facilities: true,
  areas: true,
};

/**
 * The map of crossings, corridors, health facilities and governorates, as of `asOf` (the end of
 * the selected range; now by default). Works offline: basemap, fonts and worker come from the app.
 * Selecting a crossing puts it in the URL (?crossing=id), shared with the crossings board.
 */
export function MapPanel({
  asOf,
  createMap = loadMapLibre,
}: {
  asOf?: Date;
  createMap?: MapFactory;
}) {
  const { t, locale } = useI18n();
  const { source } = useActiveSource();
  const now = useNow();
  const moment = asOf ?? now;
  const momentMs = moment.getTime();
  const range = mapFetchRange(moment);
  const theatre = useTheatre();
  const sourceName = useSourceName();
  const crossingStatuses = useDataset('crossing-status', range);
  const corridorStatuses = useDataset('corridor-status', range);
  const facilityReports = useDataset('facility-status', range);
  const utilityRecords = useDataset('utility-status', range);
  const queries = [theatre, crossingStatuses, corridorStatuses, facilityReports, utilityRecords];

  const [service, setService] = useState<Service>('water');
  const [layers, setLayers] = useState(DEFAULT_LAYERS);
  const [crossingParam, setCrossingParam] = useSearchParam('crossing');
  const [otherSelection, setOtherSelection] = useState<string | null>(null);
  const [hoverKey, setHoverKey] = useState<string | null>(null);
  const selectedKey = crossingParam ? itemKey('crossing', crossingParam) : otherSelection;

  const data = useMemo(
    () =>
      theatre.data
        ? buildMapData({
            theatre: theatre.data.theatre,
            sourceId: theatre.data.sourceId,
            crossingStatuses: crossingStatuses.data?.records ?? [],
            corridorStatuses: corridorStatuses.data?.records ?? [],
            facilityReports: facilityReports.data?.records ?? [],
            utilityRecords: utilityRecords.data?.records ?? [],
            asOf: new Date(momentMs),
            locale,
            service,
          })
        : undefined,
    [
      theatre.data,
      crossingStatuses.data,
      corridorStatuses.data,
      facilityReports.data,
      utilityRecords.data,
      momentMs,
      locale,
      service,
    ],
  );
  const itemsByKey = useMemo(() => new Map(data?.items.map((i) => [i.key, i])), [data]);
  const legend = useMemo(() => legendEntries(t, service), [t, service]);

  // --- the map's life: made once the theatre is known, torn down on unmount ---
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLike | null>(null);
  const [mapError, setMapError] = useState<string | null>(null);
  /** The data the map had when it last went idle: the panel is ready when that is the current. */
  const [idleWith, setIdleWith] = useState<MapData | undefined>(undefined);
  const pushed = useRef<MapData | undefined>(undefined);
  const bbox = theatre.data?.theatre.bbox;
  const bboxKey = bbox?.join(',');
  const handlers = useRef({ hover: setHoverKey, click: (_key: string | null) => {} });

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !bboxKey) return;
    const bounds = bboxKey.split(',').map(Number) as [number, number, number, number];
    let cancelled = false;
    let made: MapLike | undefined;
    createMap({
      container,
      bounds,
      label: t('map.canvasLabel'),
      icons: createIcons,
      style: (fontFaces) =>
        mapStyle({
          basemapUrl: new URL(
            `${import.meta.env.BASE_URL}basemap/theatre.geojson`,
            window.location.href,
          ).href,
          locale,
          fontFaces,
        }),
    }).then(
      (instance) => {
        if (cancelled) return instance.remove();
        made = instance;
        instance.onIdle(() => setIdleWith(pushed.current));
        instance.onPointer('move', INTERACTIVE_LAYERS, (hits) => {
          const key = hits[0]?.properties.key;
          instance.setCursor(typeof key === 'string' ? 'pointer' : '');
          handlers.current.hover(typeof key === 'string' ? key : null);
        });
        instance.onPointer('click', INTERACTIVE_LAYERS, (hits) => {
          const key = hits[0]?.properties.key;
          handlers.current.click(typeof key === 'string' ? key : null);
        });
        setMap(instance);
      },
      (error: unknown) => {
        if (!cancelled) setMapError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      cancelled = true;
      made?.remove();
      setMap(null);
      if (window.__accessMonitorMap?.map === made) delete window.__accessMonitorMap;
    };
  }, [createMap, bboxKey, locale, t]);

  // Data into the sources; the panel is ready again once the map has drawn them.
  useEffect(() => {
    if (!map || !data) return;
    pushed.current = data;
    map.setSourceData(SOURCES.crossings, data.crossings);
    map.setSourceData(SOURCES.corridors, data.corridors);
    map.setSourceData(SOURCES.facilities, data.facilities);
    map.setSourceData(SOURCES.areas, data.areas);
  }, [map, data]);

  useEffect(() => {
    if (!map) return;
    for (const group of LAYER_GROUP_ORDER)
      for (const id of LAYER_GROUPS[group]) map.setVisibility(id, layers[group]);
  }, [map, layers]);

  useEffect(() => {
    map?.setFilter(LAYER_IDS.selection, ['==', ['get', 'key'], selectedKey ?? '']);
  }, [map, selectedKey]);

  const select = useCallback(
    (key: string | null) => {
      const item = key ? itemsByKey.get(key) : undefined;
      if (item?.kind === 'crossing') {
        setOtherSelection(null);
        setCrossingParam(item.id);
      } else {
        setOtherSelection(item ? item.key : null);
        if (crossingParam !== null) setCrossingParam(null);
      }
    },
    [itemsByKey, crossingParam, setCrossingParam],
  );
  useEffect(() => {
    handlers.current.click = select;
  }, [select]);

  const showOnMap = (item: MapItem) => map?.fitBounds(item.bounds, { maxZoom: 12 });
  // A selection made elsewhere (the board, a link) moves the map to it.
  const selectedItem = selectedKey ? itemsByKey.get(selectedKey) : undefined;
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (!map || !selectedItem || shown.current === selectedItem.key) return;
    shown.current = selectedItem.key;
    map.fitBounds(selectedItem.bounds, { maxZoom: 12 });
  }, [map, selectedItem]);

  const fitTheatre = () => bbox && map?.fitBounds(bbox);
  const resetView = () => {
    select(null);
    setHoverKey(null);
    shown.current = null;
    map?.resetNorth();
    fitTheatre();
  };

  // --- test and export hook ---
  const timeZone = theatre.data?.theatre.timeZone;
  const subtitle = timeZone
    ? t('map.subtitle', { time: formatDateTime(moment, locale, timeZone) })
    : undefined;
  const publishers = theatre.data?.theatre.sources;
  const credits = useMemo(
    () =>
      publishers
        ? sourceCredits(
            sourceShares([
              ...(crossingStatuses.data?.records ?? []),
              ...(corridorStatuses.data?.records ?? []),
              ...(facilityReports.data?.records ?? []),
              ...(utilityRecords.data?.records ?? []),
            ]),
            publishers,
            t,
            locale,
          )
        : [],
    [
      publishers,
      crossingStatuses.data,
      corridorStatuses.data,
      facilityReports.data,
      utilityRecords.data,
      t,
      locale,
    ],
  );
  const exportTarget: ExportTarget = {
    id: 'map',
    title: t('map.title'),
    subtitle: subtitle ?? '',
    legend: captionLegend(legend),
    sources: credits,
    notes: [t('map.attribution'), t('map.areasApproximate')],
    table: data
      ? mapTable(data.items, t, locale, t(`map.measure.${service}`), sourceName)
      : undefined,
    plot: async () => (map ? mapPlot(map) : { pieces: [], width: 0, height: 0 }),
  };
  useEffect(() => {
    if (!map) return;
    window.__accessMonitorMap = {
      map,
      crossingLayer: LAYER_IDS.crossings,
      exportPng: async () => {
        const made = await window.__accessMonitorExport?.('map', 'png');
        if (!made) throw new Error('No export on this page');
        return made.blob;
      },
    };
  }, [map]);

  const hovered = hoverKey ? itemsByKey.get(hoverKey) : undefined;
  const detailItem = hovered ?? selectedItem;
  const issues: DataIssue[] = [
    ...queries.flatMap((q) => q.data?.issues ?? []),
    ...(data?.rejected ?? []),
  ];
  const state = theatre.isError
    ? 'error'
    : !data
      ? 'loading'
      : mapError
        ? 'error'
        : map && idleWith === data
          ? 'ready'
          : 'loading';

  return (
    <Panel
      title={t('map.title')}
      subtitle={subtitle}
      state={state}
      className="map-panel"
      chart="map"
    >
      <EmbedCaption chartId="map" synthetic={credits.some((c) => c.synthetic)} place="top" />
      <QueryErrorNotices queries={queries} sourceName={source.name} />
      {mapError ? (
        <p className="notice notice--error" role="alert">
          {t('map.failed', { detail: mapError })}
        </p>
      ) : null}
      <div className="map-toolbar">
        <fieldset className="map-toolbar__layers">
          <legend>{t('map.layers')}</legend>
          {LAYER_GROUP_ORDER.map((group) => (
            <label key={group}>
              <input
                type="checkbox"
                checked={layers[group]}
                onChange={(e) => setLayers((l) => ({ ...l, [group]: e.target.checked }))}
              />{' '}
              {t(`map.layer.${group}`)}
            </label>
          ))}
        </fieldset>
        <label className="map-toolbar__measure">
          <span>{t('map.measure')}</span>
          <select value={service} onChange={(e) => setService(e.target.value as Service)}>
            {SERVICES.map((s) => (
              <option key={s} value={s}>
                {t(`map.measure.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="map-toolbar__buttons">
          <button type="button" onClick={fitTheatre} disabled={!map}>
            {t('map.fit')}
          </button>
          <button type="button" onClick={resetView} disabled={!map}>
            {t('map.reset')}
          </button>
        </div>
      </div>
      <div className="map-layout">
        <div className="map-frame">
          <div ref={containerRef} className="map-canvas" />
          {!data || (!map && !mapError) ? (
            <p className="map-frame__loading">{t('map.loading')}</p>
          ) : null}
          <p className="map-frame__attribution">
            {t('map.attribution')} {t('map.areasApproximate')}
          </p>
        </div>
        <div className="map-side">
          <section className="map-details" aria-live="polite" aria-labelledby="map-details-title">
            <h3 id="map-details-title" className="map-details__title">
              {t('map.details')}
              {detailItem ? (
                <span className="muted">
                  {' '}
                  · {t(hovered ? 'map.details.hover' : 'map.details.selected')}
                </span>
              ) : null}
            </h3>
            {detailItem && timeZone ? (
              <PlaceDetails
                item={detailItem}
                asOf={moment}
                timeZone={timeZone}
                service={service}
                sourceName={sourceName}
              />
            ) : (
              <p className="muted">{t('map.details.none')}</p>
            )}
            {selectedItem ? (
              <button type="button" className="link-button" onClick={() => select(null)}>
                {t('map.details.close')}
              </button>
            ) : null}
          </section>
          <Legend entries={legend} title={t('map.legend')} />
        </div>
      </div>
      {data ? (
        <PlaceList
          items={data.items}
          selectedKey={selectedKey}
          onChoose={(item) => {
            select(item.key);
            shown.current = item.key;
            showOnMap(item);
          }}
        />
      ) : null}
      <RejectedRecords issues={issues} sourceName={sourceName} />
      <RecordsOutsideRange
        results={[crossingStatuses, corridorStatuses, facilityReports, utilityRecords].map(
          (q) => q.data,
        )}
        source={source.name}
      />
      <EmbedCaption chartId="map" synthetic={credits.some((c) => c.synthetic)} place="bottom" />
      <ExportMenu
        target={exportTarget}
        disabled={state !== 'ready'}
        frame={() => document.querySelector<HTMLElement>('[data-chart="map"]')}
      />
    </Panel>
  );
}

// Memoised: the overview re-renders on every filter change, which the map does not follow.
export default memo(MapPanel);
