import { choice, list } from '../../domain/chart-options.ts';
import { SERVICES } from '../../domain/vocabulary.ts';
import { LAYER_GROUP_ORDER } from './layers.ts';

/** The map's options in the URL: `map.layers=crossings,areas&map.measure=power`. */
export const MAP_OPTIONS = {
  layers: list(LAYER_GROUP_ORDER, LAYER_GROUP_ORDER, { allowNone: true }),
  measure: choice(SERVICES, 'water'),
};
