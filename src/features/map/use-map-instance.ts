import { useEffect, useRef, useState } from 'react';
import type { BBox } from '../../domain/geo.ts';
import type { Translate } from '../../ui/i18n/translate.ts';
import { createIcons } from './icons.ts';
import {
  INTERACTIVE_LAYERS,
  LAYER_GROUP_ORDER,
  LAYER_GROUPS,
  LAYER_IDS,
  SOURCES,
  mapStyle,
  type LayerGroup,
  type MapLook,
} from './layers.ts';
import type { MapFactory, MapLike, MapPadding } from './map-like.ts';
import type { MapData } from './map-model.ts';

/**
 * The map's life (after react-map-gl's useMap): made once the theatre is known, torn down on
 * unmount; data, visible layers and the selection pushed into it as they change. The panel is
 * ready when the map went idle with the current data. `look` sizes labels, symbols and lines (the
 * map is made anew when it changes: the wall's screen changed size); `keepFitted` holds the camera
 * on those bounds whatever size the container takes (the wall: nobody there to pan or zoom).
 */
export function useMapInstance({
  createMap,
  bbox,
  locale,
  t,
  data,
  shownLayers,
  selectedKey,
  onHover,
  onClick,
  look,
  keepFitted,
}: {
  createMap: MapFactory;
  bbox: readonly number[] | undefined;
  locale: string;
  t: Translate;
  data: MapData | undefined;
  shownLayers: readonly LayerGroup[];
  selectedKey: string | null;
  onHover: (key: string | null) => void;
  onClick: (key: string | null) => void;
  look: MapLook;
  keepFitted?: { bounds: BBox; padding: MapPadding };
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLike | null>(null);
  const [mapError, setMapError] = useState<string | null>(null);
  /** The data the map had when it last went idle: the panel is ready when that is the current. */
  const [idleWith, setIdleWith] = useState<MapData | undefined>(undefined);
  const pushed = useRef<MapData | undefined>(undefined);
  const bboxKey = bbox?.join(',');
  // The map's listeners are set once; they call the latest handlers.
  const handlers = useRef({ hover: onHover, click: onClick });
  useEffect(() => {
    handlers.current = { hover: onHover, click: onClick };
  }, [onHover, onClick]);

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
      controls: { zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') },
      icons: () => createIcons(look.symbol),
      style: (fontFaces) =>
        mapStyle({
          basemapUrl: new URL(
            `${import.meta.env.BASE_URL}basemap/theatre.geojson`,
            window.location.href,
          ).href,
          locale,
          fontFaces,
          look,
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
  }, [createMap, bboxKey, locale, t, look]);

  const fitKey = keepFitted ? JSON.stringify(keepFitted) : undefined;
  useEffect(() => {
    const container = containerRef.current;
    if (!map || !fitKey || !container) return;
    const { bounds, padding } = JSON.parse(fitKey) as NonNullable<typeof keepFitted>;
    const fit = () => {
      // Not while the container is smaller than the room kept around the bounds (mid-layout).
      if (container.clientWidth <= padding.left + padding.right) return;
      if (container.clientHeight <= padding.top + padding.bottom) return;
      map.resize();
      map.fitBounds(bounds, { padding, animate: false });
    };
    fit();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(fit);
    observer.observe(container);
    return () => observer.disconnect();
  }, [map, fitKey]);

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
      for (const id of LAYER_GROUPS[group]) map.setVisibility(id, shownLayers.includes(group));
  }, [map, shownLayers]);

  useEffect(() => {
    map?.setFilter(LAYER_IDS.selection, ['==', ['get', 'key'], selectedKey ?? '']);
  }, [map, selectedKey]);

  // What the browser tests and the export reach the live map through.
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

  return { containerRef, map, mapError, idleWith };
}
