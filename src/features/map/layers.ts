import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { CrossingState, Functionality } from '../../domain/vocabulary.ts';

/**
 * The map's sources, layers and paint, as typed constants outside any component (after
 * react-map-gl). Only types come from maplibre-gl here: the library itself is loaded lazily.
 */

/** Status colours: the same values as --open, --restricted, --closed, --unknown in theme.css. */
export const STATE_COLOURS: Record<CrossingState, string> = {
  open: '#1a7f37',
  restricted: '#a35200',
  closed: '#b42318',
  unknown: '#5f6b7a',
};

/** HeRAMS functionality read like a status: full ~ open, partial ~ restricted, none ~ closed. */
export const FUNCTIONALITY_STATE: Record<Functionality, CrossingState> = {
  full: 'open',
  partial: 'restricted',
  none: 'closed',
  unknown: 'unknown',
};

/** Governorate shading: share of the pre-crisis level, in four bands (light = worst off). */
export const BAND_LIMITS = [0.25, 0.5, 0.75] as const;
export const BAND_COLOURS = ['#f6d2c4', '#f2e3b3', '#c9e2c5', '#8cc7a1'] as const;
export const NO_DATA_COLOUR = '#e1e4e8';

export const BASEMAP_COLOURS = {
  sea: '#cfe1ee',
  land: '#f7f4ee',
  coast: '#7d9bb3',
  border: '#4a4a4a',
  road: '#c0862a',
  label: '#222222',
  halo: '#ffffff',
  selection: '#1b5fbf',
} as const;

/** The font the map draws labels with, shipped by the app (see maplibre.ts for the files). */
export const LABEL_FONT = 'Noto Sans Regular';

export const SOURCES = {
  basemap: 'basemap',
  areas: 'areas',
  corridors: 'corridors',
  facilities: 'facilities',
  crossings: 'crossings',
} as const;

export const LAYER_IDS = {
  areasFill: 'areas-fill',
  areasOutline: 'areas-outline',
  corridorsOn: 'corridors-in-window',
  corridorsOff: 'corridors-outside-window',
  corridorsLabel: 'corridors-label',
  facilities: 'facilities-symbol',
  crossings: 'crossings-symbol',
  selection: 'selection-ring',
} as const;

/** What each layer toggle shows and hides. */
export const LAYER_GROUPS = {
  areas: [LAYER_IDS.areasFill, LAYER_IDS.areasOutline],
  corridors: [LAYER_IDS.corridorsOn, LAYER_IDS.corridorsOff, LAYER_IDS.corridorsLabel],
  facilities: [LAYER_IDS.facilities],
  crossings: [LAYER_IDS.crossings],
} as const;
export type LayerGroup = keyof typeof LAYER_GROUPS;
export const LAYER_GROUP_ORDER: readonly LayerGroup[] = [
  'crossings',
  'corridors',
  'facilities',
  'areas',
];

/** The layers a pointer or click picks features from, topmost first. */
export const INTERACTIVE_LAYERS = [
  LAYER_IDS.crossings,
  LAYER_IDS.facilities,
  LAYER_IDS.corridorsOn,
  LAYER_IDS.corridorsOff,
  LAYER_IDS.areasFill,
] as const;

const stateColour: ExpressionSpecification = [
  'match',
  ['get', 'state'],
  'open',
  STATE_COLOURS.open,
  'restricted',
  STATE_COLOURS.restricted,
  'closed',
  STATE_COLOURS.closed,
  STATE_COLOURS.unknown,
];

const bandColour: ExpressionSpecification = [
  'match',
  ['get', 'band'],
  0,
  BAND_COLOURS[0],
  1,
  BAND_COLOURS[1],
  2,
  BAND_COLOURS[2],
  3,
  BAND_COLOURS[3],
  NO_DATA_COLOUR,
];

const halo = {
  'text-color': BASEMAP_COLOURS.label,
  'text-halo-color': BASEMAP_COLOURS.halo,
  'text-halo-width': 1.5,
} as const;

/** The name to label a basemap feature with: the reader's language, else English. */
export const basemapName = (locale: string): ExpressionSpecification => [
  'coalesce',
  ['get', `name_${locale}`],
  ['get', 'name_en'],
];

export function mapLayers(locale: string): LayerSpecification[] {
  return [
    { id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_COLOURS.sea } },
    {
      id: 'land',
      type: 'fill',
      source: SOURCES.basemap,
      filter: ['==', ['get', 'kind'], 'land'],
      paint: { 'fill-color': BASEMAP_COLOURS.land },
    },
    {
      id: LAYER_IDS.areasFill,
      type: 'fill',
      source: SOURCES.areas,
      paint: { 'fill-color': bandColour, 'fill-opacity': 0.75 },
    },
    {
      id: LAYER_IDS.areasOutline,
      type: 'line',
      source: SOURCES.areas,
      paint: { 'line-color': '#7a6a55', 'line-width': 1, 'line-dasharray': [4, 2] },
    },
    {
      id: 'coast',
      type: 'line',
      source: SOURCES.basemap,
      filter: ['==', ['get', 'kind'], 'land'],
      paint: { 'line-color': BASEMAP_COLOURS.coast, 'line-width': 1 },
    },
    {
      id: 'border',
      type: 'line',
      source: SOURCES.basemap,
      filter: ['==', ['get', 'kind'], 'border'],
      paint: { 'line-color': BASEMAP_COLOURS.border, 'line-width': 1.5, 'line-dasharray': [3, 2] },
    },
    {
      id: 'road',
      type: 'line',
      source: SOURCES.basemap,
      filter: ['==', ['get', 'kind'], 'road'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': BASEMAP_COLOURS.road, 'line-width': 2 },
    },
    {
      id: LAYER_IDS.corridorsOn,
      type: 'line',
      source: SOURCES.corridors,
      filter: ['==', ['get', 'inWindow'], true],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': stateColour, 'line-width': 5, 'line-opacity': 0.9 },
    },
    {
      id: LAYER_IDS.corridorsOff,
      type: 'line',
      source: SOURCES.corridors,
      filter: ['!=', ['get', 'inWindow'], true],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': stateColour,
        'line-width': 4,
        'line-opacity': 0.9,
        'line-dasharray': [1.5, 1.5],
      },
    },
    {
      id: LAYER_IDS.corridorsLabel,
      type: 'symbol',
      source: SOURCES.corridors,
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'label'],
        'text-font': [LABEL_FONT],
        'text-size': 11,
        'text-offset': [0, 1],
      },
      paint: { ...halo, 'text-color': '#333333' },
    },
    {
      id: 'places',
      type: 'symbol',
      source: SOURCES.basemap,
      filter: ['==', ['get', 'kind'], 'place'],
      layout: {
        'text-field': basemapName(locale),
        'text-font': [LABEL_FONT],
        'text-size': ['match', ['get', 'rank'], 1, 14, 12],
        'text-variable-anchor': ['center', 'top', 'bottom'],
      },
      paint: { ...halo, 'text-color': '#555555' },
    },
    {
      id: LAYER_IDS.facilities,
      type: 'symbol',
      source: SOURCES.facilities,
      layout: {
        'icon-image': ['concat', 'facility-', ['get', 'functionality']],
        'icon-size': ['interpolate', ['linear'], ['get', 'beds'], 0, 0.55, 250, 0.8, 800, 1.25],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
    {
      id: LAYER_IDS.selection,
      type: 'circle',
      source: SOURCES.crossings,
      filter: ['==', ['get', 'id'], ''],
      paint: {
        'circle-radius': 17,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': BASEMAP_COLOURS.selection,
        'circle-stroke-width': 3,
      },
    },
    {
      id: LAYER_IDS.crossings,
      type: 'symbol',
      source: SOURCES.crossings,
      layout: {
        'icon-image': ['concat', 'crossing-', ['get', 'state']],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': 12,
        'text-anchor': 'left',
        'text-offset': [1.1, 0],
        'text-optional': true,
      },
      paint: halo,
    },
  ];
}

const EMPTY = { type: 'FeatureCollection', features: [] } as const;

/** The whole style: no glyph server, no sprite, fonts from the app (`fontFaces`). */
export function mapStyle(options: {
  basemapUrl: string;
  locale: string;
  fontFaces: StyleSpecification['font-faces'];
}): StyleSpecification {
  const empty = () => ({ type: 'geojson' as const, data: { ...EMPTY, features: [] } });
  return {
    version: 8,
    'font-faces': options.fontFaces,
    sources: {
      [SOURCES.basemap]: { type: 'geojson', data: options.basemapUrl },
      [SOURCES.areas]: empty(),
      [SOURCES.corridors]: empty(),
      [SOURCES.facilities]: empty(),
      [SOURCES.crossings]: empty(),
    },
    layers: mapLayers(options.locale),
  };
}
