import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useChartOptions } from '../../data/chart-options.ts';
import { useSourceName } from '../../data/queries.ts';
import { useActiveSource } from '../../data/source-context.tsx';
import { SourceLine } from '../../ui/chart/source-line.tsx';
import type { ExportTarget } from '../../ui/export/export-actions.ts';
import { EmbedCaption } from '../../ui/export/embed-caption.tsx';
import { ExportMenu } from '../../ui/export/export-menu.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { usePresentation, useRemPx } from '../../ui/presentation.tsx';
import { useI18n } from '../../ui/i18n/context.tsx';
import {
  UrlNotices,
  Panel,
  QueryErrorNotices,
  outsideRangeOf,
  RecordsOutsideRange,
  RejectedRecords,
} from '../../ui/panel.tsx';
import { useNow } from '../../lib/use-now.ts';
import { useSearchParam } from '../../lib/url-state.ts';
import { captionLegend, mapPlot, mapTable } from './export-image.ts';
import { PAGE_LOOK, wallLook } from './layers.ts';
import { Legend, legendEntries } from './legend.tsx';
import { DetailsSection, PlaceList } from './map-details.tsx';
import type { MapFactory, MapLike } from './map-like.ts';
import { crossingsBounds, itemKey, type MapItem } from './map-model.ts';
import { MAP_OPTIONS } from './map-options.ts';
import { MapToolbar } from './map-toolbar.tsx';
import { useMapData } from './use-map-data.ts';
import { useMapInstance } from './use-map-instance.ts';
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

/**
 * The map of crossings, corridors, health facilities and governorates, as of `asOf` (the end of
 * the selected range; now by default). Works offline: basemap, fonts and worker come from the app.
 * Selecting a crossing puts it in the URL (?crossing=id), shared with the crossings board.
 * On the wall it is drawn for distance: labels at 1rem and symbols and lines scaled with it,
 * the camera held on the crossings, the legend beside the map, no controls, details or lists
 * (nobody there to point or click), the whole panel in the height it is given.
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
  const sourceName = useSourceName();
  const now = useNow();
  const moment = asOf ?? now;
  const options = useChartOptions('map', MAP_OPTIONS);
  const { measure: service, layers: shownLayers } = options.values;
  const { setOptions } = options;
  const [crossingParam, setCrossingParam] = useSearchParam('crossing');
  const [otherSelection, setOtherSelection] = useState<string | null>(null);
  const [hoverKey, setHoverKey] = useState<string | null>(null);
  const selectedKey = crossingParam ? itemKey('crossing', crossingParam) : otherSelection;
  const { theatre, queries, data, credits, issues } = useMapData(moment, service);
  const wall = usePresentation() === 'wall';
  const remPx = useRemPx();
  const look = useMemo(() => (wall ? wallLook(remPx) : PAGE_LOOK), [wall, remPx]);
  const wallBounds = wall && data ? crossingsBounds(data) : undefined;
  // Room for the names beside the outermost crossings, and above and below them.
  const keepFitted = wallBounds && {
    bounds: wallBounds,
    padding: { top: 2 * remPx, bottom: 2 * remPx, left: 8 * remPx, right: 8 * remPx },
  };

  const itemsByKey = useMemo(() => new Map(data?.items.map((i) => [i.key, i])), [data]);
  const legend = useMemo(() => legendEntries(t, service), [t, service]);

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
  const bbox = theatre.data?.theatre.bbox;
  const { containerRef, map, mapError, idleWith } = useMapInstance({
    createMap,
    bbox,
    locale,
    t,
    data,
    shownLayers,
    selectedKey,
    onHover: setHoverKey,
    onClick: select,
    look,
    keepFitted,
  });

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

  const hovered = hoverKey ? itemsByKey.get(hoverKey) : undefined;
  const detailItem = hovered ?? selectedItem;
  const state = theatre.isError
    ? 'error'
    : !data
      ? 'loading'
      : mapError
        ? 'error'
        : map && idleWith === data
          ? 'ready'
          : 'loading';

  const attribution = (
    <p className="map-frame__attribution">
      {t('map.attribution')} {t('map.areasApproximate')}
    </p>
  );
  const records = (
    <>
      <RejectedRecords issues={issues} sourceName={sourceName} />
      <RecordsOutsideRange
        count={outsideRangeOf(queries.map((q) => q.data))}
        source={source.name}
      />
    </>
  );
  // On the wall these go beside the map, under the legend, so that the map has the full height.
  const sourcesAndRecords = (
    <>
      <SourceLine sources={credits} />
      {records}
    </>
  );

  return (
    <Panel
      title={t('map.title')}
      subtitle={subtitle}
      state={state}
      className={wall ? 'map-panel map-panel--wall' : 'map-panel'}
      chart="map"
      queries={queries}
    >
      <EmbedCaption chartId="map" synthetic={credits.some((c) => c.synthetic)} place="top" />
      <QueryErrorNotices queries={queries} sourceName={source.name} />
      <UrlNotices notices={options.notices} />
      {mapError ? (
        <p className="notice notice--error" role="alert">
          {t('map.failed', { detail: mapError })}
        </p>
      ) : null}
      {wall ? null : (
        <MapToolbar
          layers={shownLayers}
          measure={service}
          onChange={setOptions}
          onFit={fitTheatre}
          onReset={resetView}
          disabled={!map}
        />
      )}
      <div className="map-layout">
        <div className="map-frame">
          <div ref={containerRef} className="map-canvas" />
          {!data || (!map && !mapError) ? (
            <p className="map-frame__loading">{t('map.loading')}</p>
          ) : null}
          {wall ? null : attribution}
        </div>
        <div className="map-side">
          {wall ? null : (
            <DetailsSection
              item={detailItem}
              hovered={Boolean(hovered)}
              asOf={moment}
              timeZone={timeZone}
              service={service}
              sourceName={sourceName}
              onClose={selectedItem ? () => select(null) : undefined}
            />
          )}
          <Legend entries={legend} title={t('map.legend')} />
          {wall ? (
            <>
              {attribution}
              {sourcesAndRecords}
            </>
          ) : null}
        </div>
      </div>
      {wall ? null : <SourceLine sources={credits} />}
      {data && !wall ? (
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
      {wall ? null : records}
      <EmbedCaption chartId="map" synthetic={credits.some((c) => c.synthetic)} place="bottom" />
      {wall ? null : (
        <ExportMenu
          target={exportTarget}
          disabled={state !== 'ready'}
          frame={() => document.querySelector<HTMLElement>('[data-chart="map"]')}
        />
      )}
    </Panel>
  );
}

// Memoised: the overview re-renders on every filter change, which the map does not follow.
export default memo(MapPanel);
