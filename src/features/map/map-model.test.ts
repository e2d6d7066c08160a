import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { theatreSchema, type Theatre } from '../../domain/schemas.ts';
import { STATE_COLOURS } from './layers.ts';
import { buildMapData, mapFetchRange, otherNamesOf, utilityBand } from './map-model.ts';

const square = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

const theatre: Theatre = theatreSchema.parse({
  id: 't',
  names: { en: 'Test' },
  bbox: [34.2, 31.2, 34.6, 31.6],
  timeZone: 'Asia/Gaza',
  areas: [{ id: 'a', names: { en: 'Area' }, geometry: square(34.3, 31.3, 34.4, 31.4) }],
  crossings: [
    {
      id: 'ks',
      names: { en: 'Kerem Shalom', ar: 'كرم أبو سالم' },
      aliases: ['Karem Abu Salem'],
      location: { lat: 31.22, lon: 34.27 },
      passes: ['goods'],
      border: 'Israel–Gaza',
    },
    {
      id: 'swapped',
      names: { en: 'Swapped' },
      location: { lat: 34.27, lon: 31.22 },
      passes: ['goods'],
      border: 'x',
    },
  ],
  corridors: [
    {
      id: 'c',
      names: { en: 'Coast road' },
      purpose: 'aid-convoy',
      geometry: {
        type: 'LineString',
        coordinates: [
          [34.3, 31.3],
          [34.4, 31.4],
        ],
      },
    },
    {
      id: 'far',
      names: { en: 'Far' },
      purpose: 'evacuation',
      geometry: {
        type: 'LineString',
        coordinates: [
          [34.3, 31.3],
          [0, 0],
        ],
      },
    },
  ],
  facilities: [
    {
      id: 'h',
      names: { en: 'Hospital' },
      kind: 'hospital',
      location: { lat: 31.5, lon: 34.45 },
      areaId: 'a',
      designedBeds: 300,
    },
  ],
  baselines: {},
  sources: [],
});

const provenance = {
  sourceId: 's',
  reportedAt: '2025-01-15T08:00:00Z',
  verification: 'reported' as const,
};
const asOf = new Date('2025-01-15T09:00:00Z'); // 11:00 in Gaza

const build = () =>
  buildMapData({
    theatre,
    sourceId: 'src',
    crossingStatuses: [
      {
        crossingId: 'ks',
        at: '2025-01-15T06:00:00Z',
        status: 'restricted',
        observersPresent: null,
        provenance,
      },
    ],
    corridorStatuses: [
      {
        corridorId: 'c',
        at: '2025-01-15T06:00:00Z',
        status: 'open',
        windows: [{ start: '10:00', end: '20:00' }],
        provenance,
      },
    ],
    facilityReports: [
      {
        facilityId: 'h',
        date: '2025-01-15',
        functionality: 'partial',
        power: null,
        water: null,
        provenance,
      },
    ],
    utilityRecords: [
      {
        date: '2025-01-14',
        areaId: 'a',
        service: 'water',
        value: 10,
        unit: 'm3/day',
        baseline: 100,
        provenance,
      },
    ],
    asOf,
    locale: 'en',
    service: 'water',
  });

describe('buildMapData', () => {
  it('makes one feature per place with its state at the moment', () => {
    const data = build();
    expect(data.crossings.features).toEqual([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [34.27, 31.22] },
        properties: { key: 'crossing:ks', id: 'ks', name: 'Kerem Shalom', state: 'restricted' },
      },
    ]);
    expect(data.corridors.features[0]!.properties).toEqual({
      key: 'corridor:c',
      id: 'c',
      name: 'Coast road',
      state: 'open',
      inWindow: true,
      label: 'Coast road · 10:00–20:00',
    });
    expect(data.facilities.features[0]!.properties).toMatchObject({
      functionality: 'partial',
      beds: 300,
    });
    expect(data.areas.features[0]!.properties).toMatchObject({ band: 0 });
    expect(data.items.map((i) => i.key)).toEqual([
      'crossing:ks',
      'corridor:c',
      'facility:h',
      'area:a',
    ]);
  });

  it('leaves off places with impossible coordinates and reports each as a data issue', () => {
    const { rejected } = build();
    expect(rejected).toHaveLength(2);
    expect(rejected[0]).toMatchObject({
      sourceId: 'src',
      dataset: 'theatre',
      position: 1,
      field: 'crossings[1].location',
    });
    expect(rejected[0]!.reason).toMatch(/swapped/);
    expect(rejected[1]).toMatchObject({ field: 'corridors[1].geometry' });
    expect(rejected[1]!.reason).toMatch(/position 2: .*outside/);
  });

  it('gives the other community’s names beside the reader’s', () => {
    const ks = build().items[0]!;
    expect(ks.name).toBe('Kerem Shalom');
    expect(ks.otherNames).toEqual(['كرم أبو سالم', 'Karem Abu Salem']);
    expect(otherNamesOf({ en: 'Erez', ar: 'بيت حانون' }, ['Beit Hanoun'], 'ar')).toEqual([
      'Erez',
      'Beit Hanoun',
    ]);
  });

  it('marks places without reports as unknown, not missing', () => {
    const data = buildMapData({
      ...baseInputs(),
      crossingStatuses: [],
      facilityReports: [],
      utilityRecords: [],
      corridorStatuses: [],
    });
    expect(data.crossings.features[0]!.properties.state).toBe('unknown');
    expect(data.facilities.features[0]!.properties.functionality).toBe('unknown');
    expect(data.areas.features[0]!.properties.band).toBe(-1);
    expect(data.corridors.features[0]!.properties).toMatchObject({
      state: 'unknown',
      inWindow: false,
      label: 'Coast road',
    });
  });
});

function baseInputs() {
  return { theatre, sourceId: 'src', asOf, locale: 'en', service: 'water' as const };
}

describe('utilityBand and mapFetchRange', () => {
  it('bands a share of the baseline in quarters', () => {
    expect([0, 0.249, 0.25, 0.5, 0.75, 1.3].map(utilityBand)).toEqual([0, 0, 1, 2, 3, 3]);
  });
  it('asks for the week before the moment, with a day of margin for the time zone', () => {
    expect(mapFetchRange(new Date('2025-01-15T23:00:00Z'))).toEqual({
      from: '2025-01-08',
      to: '2025-01-16',
    });
  });
});

describe('layer colours', () => {
  it('are the status colours of the theme, so map and board read alike', () => {
    const css = readFileSync(resolve(import.meta.dirname, '../../ui/theme.css'), 'utf8');
    for (const [state, colour] of Object.entries(STATE_COLOURS))
      expect(css).toMatch(new RegExp(`--${state}:\\s*${colour};`, 'i'));
  });
});
