/**
 * The places of the demo theatre. Locations are approximate and the governorate boundaries are
 * drawn by hand (`approximate: true`): good enough to place things on a map, not to measure.
 * Coordinates of geometries are [lon, lat] as in GeoJSON; points are { lat, lon }.
 */

type Position = [number, number];

/** The Mediterranean coast of the strip, south-west to north-east. */
const COAST: Position[] = [
  [34.2165, 31.323], // 0 Egyptian border meets the sea
  [34.24, 31.34], // 1 Rafah | Khan Younis
  [34.27, 31.365],
  [34.3, 31.39], // 3 Khan Younis | Deir al-Balah
  [34.335, 31.425],
  [34.37, 31.46], // 5 Deir al-Balah | Gaza (Wadi Gaza)
  [34.405, 31.498],
  [34.445, 31.535], // 7 Gaza | North Gaza
  [34.47, 31.565],
  [34.49, 31.595], // 9 north-west corner
];

/** The land border, north-west to south (Kerem Shalom), then straight back to the coast. */
const BORDER: Position[] = [
  [34.52, 31.593], // 0
  [34.548, 31.59], // 1
  [34.568, 31.57], // 2
  [34.568, 31.545], // 3 north-east corner (Beit Hanoun)
  [34.535, 31.515], // 4 Gaza | North Gaza
  [34.5, 31.48], // 5
  [34.475, 31.465], // 6
  [34.44, 31.425], // 7 Deir al-Balah | Gaza
  [34.395, 31.37], // 8
  [34.385, 31.35], // 9 Khan Younis | Deir al-Balah
  [34.36, 31.32], // 10
  [34.33, 31.27], // 11 Rafah | Khan Younis
  [34.295, 31.24], // 12
  [34.2675, 31.2185], // 13 Kerem Shalom, the southern tip
];

const c = (i: number) => COAST[i]!;
const b = (i: number) => BORDER[i]!;

/** A closed ring, counter-clockwise (the GeoJSON right-hand rule for exterior rings). */
function ring(points: Position[]): Position[] {
  let area = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    const [x2, y2] = points[(i + 1) % points.length]!;
    area += x1 * y2 - x2 * y1;
  }
  const ordered = area < 0 ? [...points].reverse() : points;
  return [...ordered, ordered[0]!].map(([x, y]) => [x, y]);
}

export const AREAS = [
  {
    id: 'north-gaza',
    names: { en: 'North Gaza', ar: 'شمال غزة', he: 'צפון רצועת עזה' },
    population: 400_000,
    ring: [c(7), c(8), c(9), b(0), b(1), b(2), b(3), b(4)],
  },
  {
    id: 'gaza',
    names: { en: 'Gaza', ar: 'غزة', he: 'עזה' },
    population: 750_000,
    ring: [c(5), c(6), c(7), b(4), b(5), b(6), b(7)],
  },
  {
    id: 'deir-al-balah',
    names: { en: 'Deir al-Balah', ar: 'دير البلح', he: 'דיר אל-בלח' },
    population: 300_000,
    ring: [c(3), c(4), c(5), b(7), b(8), b(9)],
  },
  {
    id: 'khan-younis',
    names: { en: 'Khan Younis', ar: 'خان يونس', he: 'ח׳אן יונס' },
    population: 430_000,
    ring: [c(1), c(2), c(3), b(9), b(10), b(11)],
  },
  {
    id: 'rafah',
    names: { en: 'Rafah', ar: 'رفح', he: 'רפיח' },
    population: 280_000,
    ring: [c(0), c(1), b(11), b(12), b(13)],
  },
].map(({ ring: points, ...area }) => ({
  ...area,
  approximate: true,
  geometry: { type: 'Polygon' as const, coordinates: [ring(points)] },
}));

export type AreaId = (typeof AREAS)[number]['id'];

export interface CrossingProfile {
  id: string;
  names: Record<string, string> & { en: string };
  aliases: string[];
  location: { lat: number; lon: number };
  passes: ('goods' | 'fuel' | 'people')[];
  border: string;
  /** Share of the agreed 600 trucks/day, before normalising over the crossings in use. */
  weight: number;
  /** How often it is shut when things are bad (0 = the main crossing, 1 = first to close). */
  fragility: number;
  /** Israeli-side crossings slow down on Saturdays. */
  shabbat: boolean;
  areaId: AreaId;
}

/** In order of importance: `crossings: 6` keeps the first six. */
export const CROSSINGS: CrossingProfile[] = [
  {
    id: 'kerem-shalom',
    names: { en: 'Kerem Shalom', ar: 'كرم أبو سالم', he: 'כרם שלום' },
    aliases: ['Karem Abu Salem', 'Kerem Abu Salem'],
    location: { lat: 31.22, lon: 34.27 },
    passes: ['goods', 'fuel'],
    border: 'Israel–Gaza',
    weight: 230,
    fragility: 0.2,
    shabbat: true,
    areaId: 'rafah',
  },
  {
    id: 'rafah',
    names: { en: 'Rafah', ar: 'رفح', he: 'רפיח' },
    aliases: ['Rafah Border Crossing'],
    location: { lat: 31.25, lon: 34.26 },
    passes: ['goods', 'fuel', 'people'],
    border: 'Egypt–Gaza',
    weight: 100,
    fragility: 0.7,
    shabbat: false,
    areaId: 'rafah',
  },
  {
    id: 'kissufim',
    names: { en: 'Kissufim', ar: 'كيسوفيم', he: 'כיסופים' },
    aliases: ['Gate 147'],
    location: { lat: 31.37, lon: 34.4 },
    passes: ['goods'],
    border: 'Israel–Gaza',
    weight: 70,
    fragility: 0.6,
    shabbat: true,
    areaId: 'deir-al-balah',
  },
  {
    id: 'erez',
    names: { en: 'Erez', ar: 'بيت حانون', he: 'ארז' },
    aliases: ['Beit Hanoun', 'Beit Hanun'],
    location: { lat: 31.56, lon: 34.54 },
    passes: ['goods', 'people'],
    border: 'Israel–Gaza',
    weight: 60,
    fragility: 0.8,
    shabbat: true,
    areaId: 'north-gaza',
  },
  {
    id: 'zikim',
    names: { en: 'Zikim', ar: 'زيكيم', he: 'זיקים' },
    aliases: [],
    location: { lat: 31.59, lon: 34.51 },
    passes: ['goods'],
    border: 'Israel–Gaza',
    weight: 50,
    fragility: 0.8,
    shabbat: true,
    areaId: 'north-gaza',
  },
  {
    id: 'gate-96',
    names: { en: 'Gate 96', ar: 'البوابة 96', he: 'שער 96' },
    aliases: ['Be’eri gate'],
    location: { lat: 31.43, lon: 34.43 },
    passes: ['goods'],
    border: 'Israel–Gaza',
    weight: 50,
    fragility: 0.7,
    shabbat: true,
    areaId: 'gaza',
  },
  {
    id: 'erez-west',
    names: { en: 'Erez West', ar: 'إيرز الغربي', he: 'ארז מערב' },
    aliases: ['Zikim West'],
    location: { lat: 31.575, lon: 34.525 },
    passes: ['goods'],
    border: 'Israel–Gaza',
    weight: 40,
    fragility: 0.75,
    shabbat: true,
    areaId: 'north-gaza',
  },
  {
    id: 'karni',
    names: { en: 'Karni', ar: 'المنطار', he: 'קרני' },
    aliases: ['Al-Muntar'],
    location: { lat: 31.465, lon: 34.47 },
    passes: ['goods'],
    border: 'Israel–Gaza',
    weight: 40,
    fragility: 0.85,
    shabbat: true,
    areaId: 'gaza',
  },
];

/** The land border's stretch in each governorate, as BORDER indices (see the comments there). */
const BORDER_AREAS: { from: number; to: number; areaId: AreaId }[] = [
  { from: 0, to: 4, areaId: 'north-gaza' },
  { from: 4, to: 7, areaId: 'gaza' },
  { from: 7, to: 9, areaId: 'deir-al-balah' },
  { from: 9, to: 11, areaId: 'khan-younis' },
  { from: 11, to: 13, areaId: 'rafah' },
];

/**
 * Made-up gates for load tests (scenario `scale` > 1), numbered from 101 like the real Gate 96,
 * named in English, Arabic and Hebrew, spread evenly along the land border. Not real places.
 */
export function syntheticCrossings(count: number): CrossingProfile[] {
  return Array.from({ length: count }, (_, i) => {
    const n = 101 + i;
    // A point along the border, between its first and last vertex, inclusive of neither.
    const at = ((i + 0.5) / count) * (BORDER.length - 1);
    const k = Math.min(Math.floor(at), BORDER.length - 2);
    const [lon0, lat0] = b(k);
    const [lon1, lat1] = b(k + 1);
    const f = at - k;
    const round = (v: number) => Math.round(v * 1e4) / 1e4;
    return {
      id: `gate-${n}`,
      names: { en: `Gate ${n}`, ar: `البوابة ${n}`, he: `שער ${n}` },
      aliases: [`Synthetic gate ${n}`],
      location: { lat: round(lat0 + f * (lat1 - lat0)), lon: round(lon0 + f * (lon1 - lon0)) },
      passes: ['goods'],
      border: 'Israel–Gaza',
      weight: 30 + (i % 3) * 5,
      fragility: 0.6 + (i % 4) * 0.08,
      shabbat: true,
      areaId: BORDER_AREAS.find((a) => k >= a.from && k < a.to)!.areaId,
    };
  });
}

export const CORRIDORS = [
  {
    id: 'salah-al-din',
    names: { en: 'Salah al-Din Road', ar: 'شارع صلاح الدين', he: 'כביש צלאח א-דין' },
    aliases: ['Salah ad-Din Road'],
    purpose: 'aid-convoy' as const,
    coordinates: [
      [34.262, 31.255],
      [34.285, 31.3],
      [34.315, 31.345],
      [34.345, 31.385],
      [34.375, 31.42],
      [34.405, 31.455],
      [34.44, 31.495],
      [34.47, 31.525],
      [34.51, 31.545],
      [34.535, 31.556],
    ] as Position[],
  },
  {
    id: 'al-rashid',
    names: { en: 'Al-Rashid Road (coastal)', ar: 'شارع الرشيد', he: 'כביש אל-רשיד (החוף)' },
    aliases: ['Coastal Road', 'Rashid Street'],
    purpose: 'civilian-movement' as const,
    coordinates: [
      [34.232, 31.33],
      [34.252, 31.345],
      [34.28, 31.368],
      [34.31, 31.392],
      [34.345, 31.428],
      [34.378, 31.462],
      [34.412, 31.498],
      [34.45, 31.533],
      [34.472, 31.56],
      [34.488, 31.585],
    ] as Position[],
  },
  {
    id: 'evacuation-south',
    names: {
      en: 'Evacuation route to al-Mawasi',
      ar: 'طريق الإخلاء إلى المواصي',
      he: 'ציר הפינוי לאל-מוואסי',
    },
    aliases: [],
    purpose: 'evacuation' as const,
    coordinates: [
      [34.445, 31.5],
      [34.405, 31.455],
      [34.375, 31.42],
      [34.335, 31.39],
      [34.3, 31.37],
      [34.275, 31.355],
    ] as Position[],
  },
  {
    id: 'kerem-shalom-route',
    names: {
      en: 'Kerem Shalom convoy route',
      ar: 'طريق قوافل كرم أبو سالم',
      he: 'ציר השיירות מכרם שלום',
    },
    aliases: ['Philadelphi–Salah al-Din link'],
    purpose: 'aid-convoy' as const,
    coordinates: [
      [34.272, 31.225],
      [34.268, 31.24],
      [34.262, 31.255],
      [34.285, 31.3],
      [34.315, 31.345],
    ] as Position[],
  },
].map(({ coordinates, ...corridor }) => ({
  ...corridor,
  geometry: { type: 'LineString' as const, coordinates },
}));

export interface FacilityProfile {
  id: string;
  names: Record<string, string> & { en: string };
  aliases: string[];
  kind: 'hospital' | 'field-hospital' | 'primary-care';
  location: { lat: number; lon: number };
  areaId: AreaId;
  designedBeds: number;
  /** First day it reports (field hospitals open during the crisis). */
  opened?: string;
  /** How exposed it is to fighting (0 = seldom hit, 1 = often). */
  exposure: number;
}

export const FACILITIES: FacilityProfile[] = [
  {
    id: 'al-shifa',
    names: { en: 'Al-Shifa Medical Complex', ar: 'مجمع الشفاء الطبي', he: 'המרכז הרפואי א-שיפא' },
    aliases: ['Dar al-Shifa'],
    kind: 'hospital',
    location: { lat: 31.5235, lon: 34.4449 },
    areaId: 'gaza',
    designedBeds: 750,
    exposure: 0.9,
  },
  {
    id: 'al-ahli',
    names: { en: 'Al-Ahli Arab Hospital', ar: 'المستشفى الأهلي العربي', he: 'בית החולים אל-אהלי' },
    aliases: ['Baptist Hospital'],
    kind: 'hospital',
    location: { lat: 31.5045, lon: 34.4625 },
    areaId: 'gaza',
    designedBeds: 80,
    exposure: 0.6,
  },
  {
    id: 'al-quds',
    names: { en: 'Al-Quds Hospital', ar: 'مستشفى القدس', he: 'בית החולים אל-קודס' },
    aliases: [],
    kind: 'hospital',
    location: { lat: 31.51, lon: 34.43 },
    areaId: 'gaza',
    designedBeds: 100,
    exposure: 0.7,
  },
  {
    id: 'al-rantisi',
    names: {
      en: 'Al-Rantisi Paediatric Hospital',
      ar: 'مستشفى الرنتيسي للأطفال',
      he: 'בית החולים לילדים א-רנתיסי',
    },
    aliases: [],
    kind: 'hospital',
    location: { lat: 31.53, lon: 34.4615 },
    areaId: 'gaza',
    designedBeds: 70,
    exposure: 0.6,
  },
  {
    id: 'kamal-adwan',
    names: { en: 'Kamal Adwan Hospital', ar: 'مستشفى كمال عدوان', he: 'בית החולים כמאל עדואן' },
    aliases: [],
    kind: 'hospital',
    location: { lat: 31.548, lon: 34.492 },
    areaId: 'north-gaza',
    designedBeds: 110,
    exposure: 0.9,
  },
  {
    id: 'indonesian',
    names: { en: 'Indonesian Hospital', ar: 'المستشفى الإندونيسي', he: 'בית החולים האינדונזי' },
    aliases: [],
    kind: 'hospital',
    location: { lat: 31.552, lon: 34.503 },
    areaId: 'north-gaza',
    designedBeds: 140,
    exposure: 0.85,
  },
  {
    id: 'al-awda-jabalia',
    names: {
      en: 'Al-Awda Hospital (Jabalia)',
      ar: 'مستشفى العودة - جباليا',
      he: 'בית החולים אל-עודה (ג׳באליה)',
    },
    aliases: ['Al-Awda'],
    kind: 'hospital',
    location: { lat: 31.545, lon: 34.485 },
    areaId: 'north-gaza',
    designedBeds: 60,
    exposure: 0.8,
  },
  {
    id: 'al-aqsa',
    names: {
      en: 'Al-Aqsa Martyrs Hospital',
      ar: 'مستشفى شهداء الأقصى',
      he: 'בית החולים שוהדאא אל-אקצא',
    },
    aliases: [],
    kind: 'hospital',
    location: { lat: 31.418, lon: 34.352 },
    areaId: 'deir-al-balah',
    designedBeds: 160,
    exposure: 0.4,
  },
  {
    id: 'nasser',
    names: { en: 'Nasser Medical Complex', ar: 'مجمع ناصر الطبي', he: 'המרכז הרפואי נאסר' },
    aliases: ['Nasser Hospital'],
    kind: 'hospital',
    location: { lat: 31.346, lon: 34.302 },
    areaId: 'khan-younis',
    designedBeds: 280,
    exposure: 0.6,
  },
  {
    id: 'european-gaza',
    names: {
      en: 'European Gaza Hospital',
      ar: 'مستشفى غزة الأوروبي',
      he: 'בית החולים האירופי בעזה',
    },
    aliases: [],
    kind: 'hospital',
    location: { lat: 31.315, lon: 34.33 },
    areaId: 'khan-younis',
    designedBeds: 260,
    exposure: 0.5,
  },
  {
    id: 'al-amal',
    names: {
      en: 'Al-Amal Hospital (PRCS)',
      ar: 'مستشفى الأمل',
      he: 'בית החולים אל-אמל (הסהר האדום)',
    },
    aliases: [],
    kind: 'hospital',
    location: { lat: 31.35, lon: 34.29 },
    areaId: 'khan-younis',
    designedBeds: 100,
    exposure: 0.55,
  },
  {
    id: 'abu-yousef-al-najjar',
    names: {
      en: 'Abu Yousef al-Najjar Hospital',
      ar: 'مستشفى أبو يوسف النجار',
      he: 'בית החולים אבו יוסף א-נג׳אר',
    },
    aliases: [],
    kind: 'hospital',
    location: { lat: 31.285, lon: 34.265 },
    areaId: 'rafah',
    designedBeds: 60,
    exposure: 0.5,
  },
  {
    id: 'emirati-maternity',
    names: {
      en: 'Emirati Maternity Hospital',
      ar: 'المستشفى الإماراتي للولادة',
      he: 'בית החולים האמירתי ליולדות',
    },
    aliases: [],
    kind: 'hospital',
    location: { lat: 31.3, lon: 34.245 },
    areaId: 'rafah',
    designedBeds: 40,
    exposure: 0.4,
  },
  {
    id: 'uk-med-mawasi',
    names: {
      en: 'UK-Med Field Hospital (al-Mawasi)',
      ar: 'المستشفى الميداني - المواصي',
      he: 'בית החולים השדה UK-Med (אל-מוואסי)',
    },
    aliases: [],
    kind: 'field-hospital',
    location: { lat: 31.355, lon: 34.285 },
    areaId: 'khan-younis',
    designedBeds: 70,
    opened: '2024-05-20',
    exposure: 0.2,
  },
  {
    id: 'imc-deir-al-balah',
    names: {
      en: 'IMC Field Hospital (Deir al-Balah)',
      ar: 'المستشفى الميداني - دير البلح',
      he: 'בית החולים השדה IMC (דיר אל-בלח)',
    },
    aliases: [],
    kind: 'field-hospital',
    location: { lat: 31.405, lon: 34.345 },
    areaId: 'deir-al-balah',
    designedBeds: 100,
    opened: '2024-03-01',
    exposure: 0.25,
  },
  {
    id: 'red-cross-rafah',
    names: {
      en: 'Red Cross Field Hospital (Rafah)',
      ar: 'مستشفى الصليب الأحمر الميداني - رفح',
      he: 'בית החולים השדה של הצלב האדום (רפיח)',
    },
    aliases: [],
    kind: 'field-hospital',
    location: { lat: 31.31, lon: 34.26 },
    areaId: 'rafah',
    designedBeds: 60,
    opened: '2024-05-01',
    exposure: 0.3,
  },
  {
    id: 'jordanian-field-gaza',
    names: {
      en: 'Jordanian Field Hospital (Gaza City)',
      ar: 'المستشفى الميداني الأردني - غزة',
      he: 'בית החולים השדה הירדני (העיר עזה)',
    },
    aliases: [],
    kind: 'field-hospital',
    location: { lat: 31.5, lon: 34.44 },
    areaId: 'gaza',
    designedBeds: 40,
    exposure: 0.6,
  },
  {
    id: 'sheikh-radwan-phc',
    names: {
      en: 'Sheikh Radwan Primary Health Care Centre',
      ar: 'مركز الشيخ رضوان الصحي',
      he: 'מרפאת שייח׳ רדואן',
    },
    aliases: [],
    kind: 'primary-care',
    location: { lat: 31.527, lon: 34.455 },
    areaId: 'gaza',
    designedBeds: 0,
    exposure: 0.6,
  },
  {
    id: 'deir-al-balah-phc',
    names: {
      en: 'Deir al-Balah Health Centre',
      ar: 'مركز دير البلح الصحي',
      he: 'מרפאת דיר אל-בלח',
    },
    aliases: [],
    kind: 'primary-care',
    location: { lat: 31.42, lon: 34.36 },
    areaId: 'deir-al-balah',
    designedBeds: 0,
    exposure: 0.3,
  },
  {
    id: 'khan-younis-phc',
    names: { en: 'Khan Younis Health Centre', ar: 'مركز خان يونس الصحي', he: 'מרפאת ח׳אן יונס' },
    aliases: [],
    kind: 'primary-care',
    location: { lat: 31.34, lon: 34.31 },
    areaId: 'khan-younis',
    designedBeds: 0,
    exposure: 0.4,
  },
];

/** Who verifies what, when a record says `verified`. */
export const VERIFIERS = {
  observers: 'International observer mission (synthetic)',
  unMonitors: 'UN Monitoring Mechanism field monitors (synthetic)',
  organisations: 'Requesting organisation, confirmed on return (synthetic)',
} as const;

export const SOURCES = [
  {
    id: 'border-authority',
    name: 'Border Authority (synthetic)',
    licence: 'CC BY 4.0 (synthetic demo data)',
    kind: 'border authority: counts trucks screened and entered at the crossings',
    method:
      'Counts every truck screened and cleared at the crossing, half-filled trucks included, and commercial cargo as well as aid. Trucks cleared but not yet picked up on the Gaza side are counted as entered and reported as waiting for collection. Fuel by declared load at screening.',
    synthetic: true,
  },
  {
    id: 'un-monitor',
    name: 'UN Monitoring Mechanism (synthetic)',
    licence: 'CC BY 4.0 (synthetic demo data)',
    kind: 'UN mechanism: counts trucks entered, collected by agencies and delivered',
    method:
      'Counts only what the UN and its partners collect on the Gaza side: trucks counted by UN monitors at the crossing, then as collected at the pick-up point and delivered to distribution points. Commercial cargo is not counted. Fuel by delivery note; the stated need is the UN minimum for humanitarian operations.',
    synthetic: true,
  },
  {
    id: 'health-cluster',
    name: 'Health Cluster (synthetic)',
    licence: 'CC BY 4.0 (synthetic demo data)',
    kind: 'health facility reports (HeRAMS-style)',
    method:
      'Facilities report their own functionality, beds and generator fuel daily; the cluster checks the reports and marks the ones it confirmed as verified.',
    synthetic: true,
  },
  {
    id: 'wash-cluster',
    name: 'WASH Cluster (synthetic)',
    licence: 'CC BY 4.0 (synthetic demo data)',
    kind: 'water, sanitation and utility reports',
    method:
      'Water production and sanitation coverage per governorate from the operators’ daily returns; the desalination plant from its own meter.',
    synthetic: true,
  },
  {
    id: 'access-coordination',
    name: 'Humanitarian Access Coordination (synthetic)',
    licence: 'CC BY 4.0 (synthetic demo data)',
    kind: 'OCHA-style access coordination: humanitarian movement requests and their outcomes',
    method:
      'Counts humanitarian movement requests coordinated through the humanitarian notification system, one record per request, by its outcome: facilitated, impeded (approved, then held up on the way), denied, or postponed or cancelled by the organiser. Requests never notified are not counted.',
    synthetic: true,
  },
  {
    id: 'ngo-access-group',
    name: 'NGO Access Working Group (synthetic)',
    licence: 'CC BY 4.0 (synthetic demo data)',
    kind: 'NGO working group: its members’ movements, grouped',
    method:
      'Counts its member NGOs’ movements from their daily returns, notified or not, grouped by organisation type, purpose, destination and outcome. A mission held an hour or more counts as impeded, and one cancelled for security reasons as denied.',
    synthetic: true,
  },
];

/**
 * Synthetic publishers of aid flow and crossing status for load tests (scenario `scale` ≥ 4),
 * each with its own provenance: which stages it counts, as a share of the trucks that moved.
 */
export const EXTRA_PUBLISHERS = [
  {
    id: 'logistics-cluster',
    name: 'Logistics Cluster (synthetic)',
    licence: 'CC BY 4.0 (synthetic demo data)',
    kind: 'logistics cluster: convoys received from the crossings and dispatched to partners',
    synthetic: true,
    method: 'Convoy manifests consolidated by the Logistics Cluster',
    stages: { entered: 0.93, delivered: 0.78 },
  },
  {
    id: 'ngo-forum',
    name: 'NGO Forum (synthetic)',
    licence: 'CC BY 4.0 (synthetic demo data)',
    kind: 'NGO partners: trucks collected at the crossings and delivered to their distribution points',
    synthetic: true,
    method: 'Partner NGOs’ daily returns',
    stages: { collected: 0.7, delivered: 0.64 },
  },
] as const;

export type ExtraPublisher = (typeof EXTRA_PUBLISHERS)[number];

export const THEATRE_BASE = {
  id: 'gaza',
  names: { en: 'Gaza Strip', ar: 'قطاع غزة', he: 'רצועת עזה' },
  bbox: [34.2, 31.2, 34.6, 31.6] as [number, number, number, number],
  timeZone: 'Asia/Gaza',
  baselines: {
    trucksPerDayPreCrisis: 500,
    trucksPerDayTarget: 600,
    targetAgreement: 'January 2025 cease-fire',
  },
};

/** Utility baselines per governorate (pre-crisis, synthetic). */
export const UTILITY_BASELINES: Record<
  string,
  { water: number; power: number; telecom: number; sanitation: number }
> = {
  'north-gaza': { water: 36_000, power: 12, telecom: 98, sanitation: 70 },
  gaza: { water: 67_500, power: 12, telecom: 99, sanitation: 75 },
  'deir-al-balah': { water: 27_000, power: 12, telecom: 97, sanitation: 65 },
  'khan-younis': { water: 38_700, power: 12, telecom: 97, sanitation: 65 },
  rafah: { water: 25_200, power: 12, telecom: 96, sanitation: 60 },
};

/** Point-in-polygon (ray casting) for checks on the hand-drawn geometry. */
export function insideRing(lon: number, lat: number, ringPoints: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ringPoints.length - 1; i < ringPoints.length; j = i++) {
    const [xi, yi] = ringPoints[i]!;
    const [xj, yj] = ringPoints[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
