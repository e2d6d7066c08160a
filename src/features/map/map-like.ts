import type { FeatureCollection } from 'geojson';
import type { FilterSpecification, StyleSpecification } from 'maplibre-gl';
import type { BBox } from '../../domain/geo.ts';
import type { Icon } from './icons.ts';

/**
 * The part of a MapLibre map the panel uses. The real one (maplibre.ts) wraps maplibre-gl's Map;
 * tests pass a fake, as react-map-gl's tests do, since jsdom has no WebGL.
 */
export interface MapLike {
  /** Pointer moves and clicks, with the features of `layerIds` under the pointer, topmost first. */
  onPointer(
    type: 'move' | 'click',
    layerIds: readonly string[],
    listener: (hits: FeatureHit[]) => void,
  ): void;
  /** The map finished drawing everything it has. */
  onIdle(listener: () => void): void;
  setSourceData(sourceId: string, data: FeatureCollection): void;
  setVisibility(layerId: string, visible: boolean): void;
  setFilter(layerId: string, filter: FilterSpecification): void;
  fitBounds(
    bounds: BBox,
    options?: { maxZoom?: number; animate?: boolean; padding?: MapPadding },
  ): void;
  /** Takes the container's current size (before fitting to it). */
  resize(): void;
  resetNorth(): void;
  setCursor(cursor: string): void;
  getCanvas(): HTMLCanvasElement;
  /** Where a place is drawn, in CSS pixels from the canvas's top-left corner. */
  project(lon: number, lat: number): { x: number; y: number };
  /** Features drawn now on the given layers. */
  queryRenderedFeatures(layerIds: readonly string[]): FeatureHit[];
  /** Tears the map down: WebGL context, workers, listeners. */
  remove(): void;
}

/** Room kept free at each edge when fitting, in CSS px (physical sides, as MapLibre takes them). */
export interface MapPadding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface FeatureHit {
  layerId: string;
  properties: Record<string, unknown>;
}

export interface MapInit {
  container: HTMLElement;
  bounds: BBox;
  /** The accessible name of the map canvas (MapLibre makes it a region). */
  label: string;
  /** The zoom buttons' names, in the reader's language (MapLibre's own are English). */
  controls: { zoomIn: string; zoomOut: string };
  style: (fontFaces: StyleSpecification['font-faces']) => StyleSpecification;
  icons: () => Icon[];
}

/** Builds a map; the real one loads maplibre-gl lazily. Rejects when the map cannot be made. */
export type MapFactory = (init: MapInit) => Promise<MapLike>;
