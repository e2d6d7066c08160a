/**
 * The real map: maplibre-gl with its worker, its CSS and the label fonts, all served by the app.
 * This module is only ever imported dynamically, so none of it is in the initial chunk.
 */
import notoSansArabic from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import notoSansHebrew from '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff2?url';
import notoSansLatinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import notoSansLatin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import {
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
  type MapGeoJSONFeature,
  type MapMouseEvent,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { LABEL_FONT } from './layers.ts';
import type { FeatureHit, MapFactory, MapLike } from './map-like.ts';

setWorkerUrl(workerUrl);

const absolute = (url: string) => new URL(url, window.location.href).href;

/** Label fonts by script (unicode ranges as in @fontsource's CSS): Latin, Arabic and Hebrew. */
const FONT_FACES = {
  [LABEL_FONT]: [
    {
      url: absolute(notoSansLatin),
      'unicode-range': [
        'U+0000-00FF',
        'U+0131',
        'U+0152-0153',
        'U+02BB-02BC',
        'U+02C6',
        'U+02DA',
        'U+02DC',
        'U+0304',
        'U+0308',
        'U+0329',
        'U+2000-206F',
        'U+20AC',
        'U+2122',
        'U+2191',
        'U+2193',
        'U+2212',
        'U+2215',
        'U+FEFF',
        'U+FFFD',
      ],
    },
    {
      url: absolute(notoSansLatinExt),
      'unicode-range': [
        'U+0100-02BA',
        'U+02BD-02C5',
        'U+02C7-02CC',
        'U+02CE-02D7',
        'U+02DD-02FF',
        'U+1E00-1E9F',
        'U+1EF2-1EFF',
        'U+2020',
        'U+20A0-20AB',
        'U+20AD-20C0',
        'U+2113',
        'U+2C60-2C7F',
        'U+A720-A7FF',
      ],
    },
    {
      url: absolute(notoSansArabic),
      'unicode-range': [
        'U+0600-06FF',
        'U+0750-077F',
        'U+0870-088E',
        'U+0890-0891',
        'U+0897-08E1',
        'U+08E3-08FF',
        'U+200C-200E',
        'U+2010-2011',
        'U+204F',
        'U+2E41',
        'U+FB50-FDFF',
        'U+FE70-FE74',
        'U+FE76-FEFC',
      ],
    },
    {
      url: absolute(notoSansHebrew),
      'unicode-range': [
        'U+0307-0308',
        'U+0590-05FF',
        'U+200C-2010',
        'U+20AA',
        'U+25CC',
        'U+FB1D-FB4F',
      ],
    },
  ],
};

/** The CSS families maplibre-gl registers the style's `font-faces` under (one per face, per map). */
const MAPLIBRE_FONT_FAMILY = /^maplibre-gl-font-face-/;
/** Maps made and not yet removed: their font faces are in use. */
let liveMaps = 0;

/**
 * maplibre-gl 6.17 leaves a loaded font face in `document.fonts` after `map.remove()` (one per
 * map, each with its font data and its CSS font cache entries): a page that makes and removes
 * maps — the wall rotates the map in and out — would gather them for ever. Once no map is left,
 * every face maplibre-gl registered is dropped.
 */
function dropOrphanFontFaces() {
  if (liveMaps > 0 || typeof document === 'undefined' || !document.fonts) return;
  for (const face of [...document.fonts])
    if (MAPLIBRE_FONT_FAMILY.test(face.family)) document.fonts.delete(face);
}

const removed = new WeakSet<MapLibreMap>();

function removeMap(map: MapLibreMap) {
  if (removed.has(map)) return;
  removed.add(map);
  map.remove();
  liveMaps--;
  dropOrphanFontFaces();
}

export const createMapLibreMap: MapFactory = async ({
  container,
  bounds,
  label,
  controls,
  style,
  icons,
}) => {
  // Also those a load still pending at the last removal added after it.
  dropOrphanFontFaces();
  const map = new MapLibreMap({
    container,
    style: style(FONT_FACES),
    bounds: [bounds[0], bounds[1], bounds[2], bounds[3]],
    fitBoundsOptions: { padding: 16 },
    attributionControl: false,
    // The attribution is DOM text beside the canvas; no glyph server, no telemetry, no tiles.
    localIdeographFontFamily: 'sans-serif',
    // Lets an image of the map be read back (export, and the browser test's pixel check).
    canvasContextAttributes: { preserveDrawingBuffer: true },
    locale: {
      'Map.Title': label,
      'NavigationControl.ZoomIn': controls.zoomIn,
      'NavigationControl.ZoomOut': controls.zoomOut,
    },
    dragRotate: false,
    pitchWithRotate: false,
    maxPitch: 0,
  });
  liveMaps++;
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  await new Promise<void>((resolve, reject) => {
    const onError = ({ error }: { error: { message: string } }) => reject(new Error(error.message));
    map.once('error', onError);
    map.once('load', () => {
      map.off('error', onError);
      // Icons go in before any data does, so no symbol is ever laid out without its image.
      for (const { id, image, pixelRatio } of icons()) map.addImage(id, image, { pixelRatio });
      resolve();
    });
  }).catch((error: unknown) => {
    removeMap(map);
    throw error;
  });
  return wrap(map);
};

const hit = (f: MapGeoJSONFeature): FeatureHit => ({
  layerId: f.layer.id,
  properties: { ...f.properties },
});

function wrap(map: MapLibreMap): MapLike {
  return {
    onPointer(type, layerIds, listener) {
      const pick = (e: MapMouseEvent) =>
        listener(map.queryRenderedFeatures(e.point, { layers: [...layerIds] }).map(hit));
      if (type === 'click') map.on('click', pick);
      else {
        map.on('mousemove', pick);
        map.on('mouseout', () => listener([]));
      }
    },
    onIdle: (listener) => void map.on('idle', listener),
    setSourceData(sourceId, data) {
      map.getSource<import('maplibre-gl').GeoJSONSource>(sourceId)?.setData(data);
    },
    setVisibility: (layerId, visible) =>
      void map.setLayoutProperty(layerId, 'visibility', visible ? 'visible' : 'none'),
    setFilter: (layerId, filter) => void map.setFilter(layerId, filter),
    fitBounds(bounds, options) {
      map.fitBounds([bounds[0], bounds[1], bounds[2], bounds[3]], {
        padding: options?.padding ?? 32,
        // Left out rather than undefined: MapLibre copies an undefined maxZoom over its own, and
        // the camera it computes is then NaN (an error thrown from the map).
        ...(options?.maxZoom === undefined ? {} : { maxZoom: options.maxZoom }),
        animate: options?.animate ?? !prefersReducedMotion(),
      });
    },
    resize: () => void map.resize(),
    resetNorth: () => void map.resetNorthPitch({ animate: false }),
    setCursor: (cursor) => void (map.getCanvas().style.cursor = cursor),
    getCanvas: () => map.getCanvas(),
    project: (lon, lat) => {
      const { x, y } = map.project([lon, lat]);
      return { x, y };
    },
    queryRenderedFeatures: (layerIds) =>
      map.queryRenderedFeatures({ layers: [...layerIds] }).map(hit),
    remove: () => removeMap(map),
  };
}

function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
