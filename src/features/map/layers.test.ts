import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { LAYER_IDS, mapLayers, PAGE_LOOK, wallLook } from './layers.ts';

const layer = (layers: LayerSpecification[], id: string) => {
  const found = layers.find((l) => l.id === id);
  if (!found) throw new Error(`no layer ${id}`);
  return found as LayerSpecification & {
    layout?: Record<string, unknown>;
    paint?: Record<string, unknown>;
  };
};
const labelLayers = [LAYER_IDS.crossings, LAYER_IDS.corridorsLabel, 'places'];

describe('Map look', () => {
  it('the page keeps its sizes: 12 px crossing names to the end side, symbols at their size', () => {
    const layers = mapLayers('en');
    expect(layers).toEqual(mapLayers('en', PAGE_LOOK));
    const crossings = layer(layers, LAYER_IDS.crossings);
    expect(crossings.layout).toMatchObject({
      'text-size': 12,
      'icon-size': 1,
      'text-anchor': 'left',
      'text-offset': [1.1, 0],
      'text-optional': true,
    });
    expect(crossings.layout).not.toHaveProperty('text-overlap');
    expect(layer(layers, LAYER_IDS.corridorsLabel).layout?.['text-size']).toBe(11);
    expect(layer(layers, LAYER_IDS.corridorsOn).paint?.['line-width']).toBe(5);
    expect(crossings.paint?.['text-halo-width']).toBe(1.5);
  });

  it('the wall draws every label at 1rem and doubles labels, symbols and lines at 4K', () => {
    const hd = mapLayers('en', wallLook(24));
    const uhd = mapLayers('en', wallLook(48));
    for (const id of labelLayers) {
      const size = layer(hd, id).layout?.['text-size'];
      // Places size by rank: every branch of the match at 1rem.
      const sizes = Array.isArray(size)
        ? size.filter((v) => typeof v === 'number' && v > 1)
        : [size];
      expect(sizes.every((s) => s === 24)).toBe(true);
      expect(JSON.stringify(layer(uhd, id).layout?.['text-size'])).toBe(
        JSON.stringify(size).replaceAll('24', '48'),
      );
    }
    expect(layer(hd, LAYER_IDS.crossings).layout?.['icon-size']).toBe(2);
    expect(layer(uhd, LAYER_IDS.crossings).layout?.['icon-size']).toBe(4);
    expect(layer(hd, LAYER_IDS.corridorsOn).paint?.['line-width']).toBe(10);
    expect(layer(uhd, LAYER_IDS.corridorsOn).paint?.['line-width']).toBe(20);
    // Facility symbols keep their sizes by beds, scaled alike.
    const beds = (layers: LayerSpecification[]) =>
      (layer(layers, LAYER_IDS.facilities).layout?.['icon-size'] as unknown[]).slice(3);
    expect(beds(hd)).toEqual([0, 1.1, 250, 1.6, 800, 2.5]);
    expect(beds(uhd)).toEqual([0, 2.2, 250, 3.2, 800, 5]);
  });

  it('the wall keeps every crossing named: tried on every side, placed first, never dropped', () => {
    const layers = mapLayers('en', wallLook(24));
    const crossings = layer(layers, LAYER_IDS.crossings);
    expect(crossings.layout?.['text-overlap']).toBe('always');
    expect(crossings.layout).not.toHaveProperty('text-optional');
    const anchors = (crossings.layout?.['text-variable-anchor-offset'] as unknown[]).filter(
      (v) => typeof v === 'string',
    );
    expect(anchors).toEqual(
      expect.arrayContaining(['left', 'right', 'top', 'bottom', 'top-left', 'bottom-right']),
    );
    // MapLibre places the topmost symbol layer first: crossings above place names and corridors,
    // which hide where they would collide.
    const order = layers.map((l) => l.id);
    expect(order.indexOf(LAYER_IDS.crossings)).toBeGreaterThan(order.indexOf('places'));
    expect(order.indexOf('places')).toBeGreaterThan(order.indexOf(LAYER_IDS.corridorsLabel));
    expect(layer(layers, 'places').layout).not.toHaveProperty('text-allow-overlap');
    expect(layer(layers, LAYER_IDS.corridorsLabel).layout).not.toHaveProperty('text-overlap');
    // Names keep clear of the facility symbols on the wall.
    expect(layer(layers, LAYER_IDS.facilities).layout?.['icon-ignore-placement']).toBe(false);
  });

  it('halos stay within what MapLibre draws (a quarter of the text size) and grow with it', () => {
    for (const rem of [24, 48]) {
      const look = wallLook(rem);
      expect(look.halo).toBeGreaterThanOrEqual(2);
      expect(look.halo).toBeLessThanOrEqual(look.text.crossing / 4);
    }
    // A page-sized rem never shrinks the wall under the page's own label size.
    expect(wallLook(8).text.crossing).toBe(12);
  });
});
