import type { FeatureCollection } from 'geojson';
import type { FilterSpecification, StyleSpecification } from 'maplibre-gl';
import type { BBox } from '../../domain/geo.ts';
import type { FeatureHit, MapFactory, MapInit, MapLike } from './map-like.ts';

/**
 * A stand-in for the MapLibre map in jsdom (no WebGL), as in react-map-gl's tests: it records
 * what the panel does to it and lets a test play pointer events and `idle`.
 */
export class FakeMap implements MapLike {
  readonly style: StyleSpecification;
  readonly data = new Map<string, FeatureCollection>();
  readonly visibility = new Map<string, boolean>();
  readonly filters = new Map<string, FilterSpecification>();
  readonly fitted: BBox[] = [];
  /** The options of each fit, in the same order as `fitted`. */
  readonly fitOptions: (Parameters<MapLike['fitBounds']>[1] | undefined)[] = [];
  removed = false;
  private idle: (() => void)[] = [];
  private pointer: { type: 'move' | 'click'; listener: (hits: FeatureHit[]) => void }[] = [];
  readonly canvas = document.createElement('canvas');

  constructor(readonly init: MapInit) {
    this.style = init.style({ 'Noto Sans Regular': 'font.woff2' });
  }

  onPointer(
    type: 'move' | 'click',
    _layers: readonly string[],
    listener: (hits: FeatureHit[]) => void,
  ) {
    this.pointer.push({ type, listener });
  }
  onIdle(listener: () => void) {
    this.idle.push(listener);
  }
  setSourceData(id: string, data: FeatureCollection) {
    this.data.set(id, data);
    // Like the real map, draw and then go idle.
    queueMicrotask(() => this.idle.forEach((l) => l()));
  }
  setVisibility(id: string, visible: boolean) {
    this.visibility.set(id, visible);
  }
  setFilter(id: string, filter: FilterSpecification) {
    this.filters.set(id, filter);
  }
  fitBounds(bounds: BBox, options?: Parameters<MapLike['fitBounds']>[1]) {
    this.fitted.push(bounds);
    this.fitOptions.push(options);
  }
  resize() {}
  resetNorth() {}
  setCursor() {}
  getCanvas() {
    return this.canvas;
  }
  project(lon: number, lat: number) {
    return { x: lon, y: lat };
  }
  queryRenderedFeatures(layerIds: readonly string[]): FeatureHit[] {
    const layers = this.style.layers.filter((l) => layerIds.includes(l.id) && 'source' in l);
    return layers.flatMap((layer) =>
      (
        (this.data.get((layer as { source: string }).source)?.features ??
          []) as FeatureCollection['features']
      ).map((f) => ({ layerId: layer.id, properties: { ...f.properties } })),
    );
  }
  remove() {
    this.removed = true;
  }

  /** Plays a pointer event over a feature with these properties (none: empty map). */
  emit(type: 'move' | 'click', properties?: Record<string, unknown>) {
    const hits = properties ? [{ layerId: 'test', properties }] : [];
    for (const p of this.pointer) if (p.type === type) p.listener(hits);
  }
}

/** A map factory that hands out FakeMaps and remembers them. */
export function fakeMapFactory(): { create: MapFactory; maps: FakeMap[] } {
  const maps: FakeMap[] = [];
  return {
    maps,
    create: async (init) => {
      const map = new FakeMap(init);
      maps.push(map);
      return map;
    },
  };
}
