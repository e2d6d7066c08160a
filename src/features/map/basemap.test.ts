/**
 * The shipped basemap labels its places and roads in the three languages of the interface: a
 * Hebrew or Arabic reader never gets an English town name on the map while the crossings around
 * it are in their language.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../ui/i18n/translate.ts';

const basemap = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../public/basemap/theatre.geojson'), 'utf8'),
) as { features: { properties: Record<string, unknown> }[] };

describe('basemap', () => {
  it('names every labelled feature in every language', () => {
    const labelled = basemap.features.filter((f) => 'name_en' in f.properties);
    expect(labelled.length).toBeGreaterThanOrEqual(10);
    for (const { properties } of labelled)
      for (const locale of Object.keys(LOCALES)) {
        const name = properties[`name_${locale}`];
        expect(
          typeof name === 'string' && name.trim().length > 0,
          `${String(properties.id)} in ${locale}`,
        ).toBe(true);
      }
  });
});
