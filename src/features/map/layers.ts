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

/**
 * The sizes the map draws its labels, symbols and lines at. The page's are fixed pixels; the
 * wall's follow its rem (24 px at 1920 × 1080, 48 px at 3840 × 2160), so that 4K redraws the map
 * at its own density with everything twice as large, and no label is under 1rem.
 */
export interface MapLook {
  /** Crossing names, corridor labels and place names: text-size in CSS px. */
  text: { crossing: number; corridor: number; place: number; majorPlace: number };
  /** The white halo behind every label, in CSS px. */
  halo: number;
  /** Factor on symbols (icon-size, the selection ring) and on line widths. */
  symbol: number;
  line: number;
  /**
   * Where a crossing's name goes. The page puts it to the end side of the symbol; the wall lets
   * MapLibre try each side in turn, so that close crossings (Erez, Erez West, Zikim) all keep
   * theirs instead of one hiding another.
   */
  crossingLabel: 'end' | 'any-side';
}

export const PAGE_LOOK: MapLook = {
  text: { crossing: 12, corridor: 11, place: 12, majorPlace: 14 },
  halo: 1.5,
  symbol: 1,
  line: 1,
  crossingLabel: 'end',
};

/**
 * The wall's look from its rem in CSS px: every label at 1rem, halos an eighth of that (under
 * MapLibre's limit of a quarter), symbols and lines scaled with the type (× 2 at 1080p, × 4 at 4K).
 */
export function wallLook(remPx: number): MapLook {
  const rem = Math.max(remPx, 12);
  return {
    text: { crossing: rem, corridor: rem, place: rem, majorPlace: rem },
    halo: rem / 8,
    symbol: rem / 12,
    line: rem / 12,
    crossingLabel: 'any-side',
  };
}

const haloOf = (look: MapLook) =>
  ({
    'text-color': BASEMAP_COLOURS.label,
    'text-halo-color': BASEMAP_COLOURS.halo,
    'text-halo-width': look.halo,
  }) as const;

/** The name to label a basemap feature with: the reader's language, else English. */
export const basemapName = (locale: string): ExpressionSpecification => [
  'coalesce',
  ['get', `name_${locale}`],
  ['get', 'name_en'],
];

export function mapLayers(locale: string, look: MapLook = PAGE_LOOK): LayerSpecification[] {
  const halo = haloOf(look);
  const line = (width: number) => width * look.line;
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
      paint: { 'line-color': '#7a6a55', 'line-width': line(1), 'line-dasharray': [4, 2] },
    },
    {
      id: 'coast',
      type: 'line',
      source: SOURCES.basemap,
      filter: ['==', ['get', 'kind'], 'land'],
      paint: { 'line-color': BASEMAP_COLOURS.coast, 'line-width': line(1) },
    },
    {
      id: 'border',
      type: 'line',
      source: SOURCES.basemap,
      filter: ['==', ['get', 'kind'], 'border'],
      paint: {
        'line-color': BASEMAP_COLOURS.border,
        'line-width': line(1.5),
        'line-dasharray': [3, 2],
      },
    },
    {
      id: 'road',
      type: 'line',
      source: SOURCES.basemap,
      filter: ['==', ['get', 'kind'], 'road'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': BASEMAP_COLOURS.road, 'line-width': line(2) },
    },
    {
      id: LAYER_IDS.corridorsOn,
      type: 'line',
      source: SOURCES.corridors,
      filter: ['==', ['get', 'inWindow'], true],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': stateColour, 'line-width': line(5), 'line-opacity': 0.9 },
    },
    {
      id: LAYER_IDS.corridorsOff,
      type: 'line',
      source: SOURCES.corridors,
      filter: ['!=', ['get', 'inWindow'], true],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': stateColour,
        'line-width': line(4),
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
        'text-size': look.text.corridor,
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
        'text-size': ['match', ['get', 'rank'], 1, look.text.majorPlace, look.text.place],
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
        'icon-size': [
          'interpolate',
          ['linear'],
          ['get', 'beds'],
          0,
          0.55 * look.symbol,
          250,
          0.8 * look.symbol,
          800,
          1.25 * look.symbol,
        ],
        'icon-allow-overlap': true,
        // On the wall, names of places and corridors keep clear of the (large) facility symbols
        // rather than run under them; crossing names may still pass over them.
        'icon-ignore-placement': look.crossingLabel === 'end',
      },
    },
    {
      id: LAYER_IDS.selection,
      type: 'circle',
      source: SOURCES.crossings,
      filter: ['==', ['get', 'id'], ''],
      paint: {
        'circle-radius': 17 * look.symbol,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': BASEMAP_COLOURS.selection,
        'circle-stroke-width': 3 * look.symbol,
      },
    },
    {
      id: LAYER_IDS.crossings,
      type: 'symbol',
      source: SOURCES.crossings,
      layout: {
        'icon-image': ['concat', 'crossing-', ['get', 'state']],
        'icon-size': look.symbol,
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': look.text.crossing,
        ...(look.crossingLabel === 'end'
          ? { 'text-anchor': 'left' as const, 'text-offset': [1.1, 0] }
          : {
              // Beside the symbol first, then diagonally, above or below it: clear of its
              // neighbours'. Only where no side is free may a name overlap another crossing's
              // (the crossings are placed first): every crossing keeps its name.
              'text-variable-anchor-offset': [
                'left',
                [1.1, 0],
                'right',
                [-1.1, 0],
                'bottom-left',
                [0.8, -0.8],
                'top-left',
                [0.8, 0.8],
                'bottom-right',
                [-0.8, -0.8],
                'top-right',
                [-0.8, 0.8],
                'bottom',
                [0, -1.1],
                'top',
                [0, 1.1],
              ],
              'text-overlap': 'always' as const,
            }),
        ...(look.crossingLabel === 'end' ? { 'text-optional': true } : {}),
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
  look?: MapLook;
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
    layers: mapLayers(options.locale, options.look),
  };
}
