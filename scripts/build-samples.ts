/**
 * Writes the small sample files the adapters' documentation (docs/adapters.md) points at, served
 * by the app under /samples/: a static snapshot (two days of the demo scenario in the REST API's
 * shapes), HXL CSVs of aid flow, movements, fuel entry and truck gaps, and a CKAN
 * datastore_search answer. Every figure is synthetic. The HXL files of the newer datasets end
 * with a few rows as people mistype them, each rejected with its reason when read.
 *
 *   npx tsx scripts/build-samples.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { createScenario } from '../mocks/scenario/index.ts';
import { DATASETS } from '../src/domain/vocabulary.ts';

const OUT = resolve(import.meta.dirname, '../public/samples');
const FROM = '2025-03-01';
const TO = '2025-03-02';
const scenario = createScenario({
  start: '2025-01-01',
  end: '2025-03-31',
  now: '2025-04-01T00:00:00Z',
});

mkdirSync(join(OUT, 'static'), { recursive: true });
mkdirSync(join(OUT, 'hxl'), { recursive: true });
mkdirSync(join(OUT, 'ckan'), { recursive: true });

const write = async (path: string, body: unknown) =>
  writeFileSync(
    join(OUT, path),
    await format(JSON.stringify(body), {
      ...(await resolveConfig(join(OUT, path))),
      filepath: join(OUT, path),
    }),
  );
await write('static/theatre.json', {
  data: scenario.theatre,
  meta: { note: 'Synthetic demo data (Access Monitor scenario)' },
});
for (const dataset of DATASETS) {
  const data = scenario.records(dataset, { from: FROM, to: TO });
  await write(`static/${dataset}.json`, {
    data,
    meta: { dataset, from: FROM, to: TO, count: data.length },
  });
}

// HXL: the UN monitor's aid-flow records of the same week, as a spreadsheet would export them.
type Flow = {
  date: string;
  crossingId: string;
  commodity: string;
  stage: string;
  trucks?: number;
  tonnes?: number;
  provenance: { sourceId: string; verification: string };
};
const theatre = scenario.theatre as { crossings: { id: string; names: { en: string } }[] };
const nameOf = (id: string) => theatre.crossings.find((c) => c.id === id)?.names.en ?? id;
const flows = (
  scenario.records('aid-flow', { from: FROM, to: TO, sourceId: 'un-monitor' }) as Flow[]
)
  .filter((f) => typeof f.trucks === 'number')
  .slice(0, 60);
const csv = [
  'Aid flow through the Gaza crossings — SAMPLE, synthetic figures',
  'Date,Crossing,Commodity,Stage,Trucks,Tonnes,Reported by,Verification',
  '#date,#loc+name,#item+type,#status,#indicator+num+trucks,#indicator+num+tonnes,#org,#meta+verification',
  ...flows.map((f) =>
    [
      f.date,
      nameOf(f.crossingId),
      f.commodity,
      f.stage,
      f.trucks ?? '',
      f.tonnes ?? '',
      'UN Monitoring Mechanism (synthetic)',
      f.provenance.verification,
    ].join(','),
  ),
];
writeFileSync(join(OUT, 'hxl/aid-flow.csv'), `${csv.join('\n')}\n`);

// CKAN: one page of datastore_search over the same rows, with HDX's hashtag row as record 1.
const header = {
  _id: 1,
  Date: '#date',
  Crossing: '#loc+name',
  Commodity: '#item+type',
  Stage: '#status',
  Trucks: '#indicator+num+trucks',
};
const records = [
  header,
  ...flows.slice(0, 9).map((f, i) => ({
    _id: i + 2,
    Date: f.date,
    Crossing: nameOf(f.crossingId),
    Commodity: f.commodity,
    Stage: f.stage,
    Trucks: f.trucks,
  })),
];
await write('ckan/datastore_search.json', {
  help: 'https://data.example.org/api/3/action/help_show?name=datastore_search',
  success: true,
  result: {
    resource_id: 'aid-flow-sample',
    fields: ['_id', 'Date', 'Crossing', 'Commodity', 'Stage', 'Trucks'].map((id) => ({
      id,
      type: id === '_id' ? 'int' : 'text',
    })),
    records,
    limit: 10,
    offset: 0,
    total: records.length,
    _links: {
      start: '/api/3/action/datastore_search?resource_id=aid-flow-sample',
      next: '/api/3/action/datastore_search?resource_id=aid-flow-sample&offset=10',
    },
  },
});
// HXL of issue 14's datasets, from the same two days: movements as the access coordination
// source publishes them, fuel by type and truck gaps from both crossing sources.
const areaName = (id?: string) =>
  (scenario.theatre as { areas: { id: string; names: { en: string } }[] }).areas.find(
    (a) => a.id === id,
  )?.names.en ?? '';
const sourceName = (id: string) =>
  (scenario.theatre as { sources: { id: string; name: string }[] }).sources.find((x) => x.id === id)
    ?.name ?? id;
const cell = (v: unknown) => {
  const text = v === undefined ? '' : String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const writeCsv = (name: string, lines: unknown[][]) =>
  writeFileSync(
    join(OUT, `hxl/${name}`),
    `${lines.map((l) => l.map(cell).join(',')).join('\n')}\n`,
  );

type Provenance = { sourceId: string; verification: string; verifiedBy?: string };
type MovementRow = {
  id?: string;
  date: string;
  organisationType: string;
  purpose: string;
  fromArea?: string;
  toArea?: string;
  fromZone?: string;
  toZone: string;
  outcome: string;
  reason?: string;
  missions: number;
  provenance: Provenance;
};
const movements = (
  scenario.records('movements', {
    from: FROM,
    to: TO,
    sourceId: 'access-coordination',
  }) as MovementRow[]
).filter((m) => m.id);
writeCsv('movements.csv', [
  ['Humanitarian movement requests — SAMPLE, synthetic figures'],
  [
    'Date',
    'Request',
    'Organisation type',
    'Purpose',
    'From governorate',
    'To governorate',
    'From (zone)',
    'To (zone)',
    'Outcome',
    'Reason given',
    'Missions',
    'Published by',
    'Verification',
    'Verified by',
  ],
  [
    '#date',
    '#activity+id',
    '#org+type',
    '#activity+type',
    '#adm1+name+origin',
    '#adm1+name+dest',
    '#region+origin',
    '#region+dest',
    '#status',
    '#description+reason',
    '#indicator+num+missions',
    '#meta+source',
    '#meta+verification',
    '#meta+verifiedby',
  ],
  ...movements.map((m) => [
    m.date,
    m.id,
    m.organisationType,
    m.purpose,
    areaName(m.fromArea),
    areaName(m.toArea),
    m.fromZone,
    m.toZone,
    m.outcome,
    m.reason,
    m.missions,
    sourceName(m.provenance.sourceId),
    m.provenance.verification,
    m.provenance.verifiedBy,
  ]),
  // As people mistype them: an outcome outside the vocabulary, a town for a governorate, half
  // a mission. Each is rejected with its reason; the rows above are not affected.
  [
    TO,
    'HNS-X-1',
    'un',
    'food',
    'Rafah',
    'North Gaza',
    'south',
    'north',
    'pending',
    '',
    1,
    sourceName('access-coordination'),
    'reported',
    '',
  ],
  [
    TO,
    'HNS-X-2',
    'ngo',
    'health',
    'Khan Younis',
    'Beit Lahia',
    'south',
    'north',
    'denied',
    'Route not cleared',
    1,
    sourceName('access-coordination'),
    'reported',
    '',
  ],
  [
    TO,
    'HNS-X-3',
    'ingo',
    'wash',
    'Deir al-Balah',
    'Gaza',
    'south',
    'north',
    'impeded',
    'Delay at holding point',
    1.5,
    sourceName('access-coordination'),
    'reported',
    '',
  ],
]);

type FuelRow = {
  date: string;
  crossingId: string;
  fuel: string;
  quantity: number;
  unit: string;
  need?: number;
  provenance: Provenance;
};
const fuel = scenario.records('fuel-entry', { from: FROM, to: TO }) as FuelRow[];
writeCsv('fuel-entry.csv', [
  ['Fuel entered by type — SAMPLE, synthetic figures'],
  [
    'Date',
    'Crossing',
    'Fuel',
    'Litres',
    'Tonnes',
    'Stated need per day',
    'Reported by',
    'Verification',
    'Verified by',
  ],
  [
    '#date',
    '#loc+name',
    '#item+type',
    '#indicator+num+litres',
    '#indicator+num+tonnes',
    '#indicator+need',
    '#org+name',
    '#meta+verification',
    '#meta+verifiedby',
  ],
  ...fuel
    .filter((f) => f.fuel === 'diesel' || f.fuel === 'petrol' || f.fuel === 'cooking-gas')
    .map((f) => [
      f.date,
      nameOf(f.crossingId),
      f.fuel,
      f.unit === 'litres' ? f.quantity : '',
      f.unit === 'tonnes' ? f.quantity : '',
      f.need,
      sourceName(f.provenance.sourceId),
      f.provenance.verification,
      f.provenance.verifiedBy,
    ]),
  // Cooking gas in litres, a fuel outside the vocabulary, a weight in kilograms.
  [
    TO,
    'Kerem Shalom',
    'cooking gas',
    42000,
    '',
    '',
    sourceName('border-authority'),
    'reported',
    '',
  ],
  [TO, 'Kerem Shalom', 'kerosene', 5000, '', '', sourceName('border-authority'), 'reported', ''],
  [TO, 'Rafah', 'cooking gas', '', '12,000 kg', '', sourceName('un-monitor'), 'reported', ''],
]);

type GapRow = {
  date: string;
  crossingId: string;
  waiting?: number;
  intercepted?: number;
  provenance: Provenance;
};
const gaps = (scenario.records('truck-gaps', { from: FROM, to: TO }) as GapRow[]).filter(
  (g) => g.waiting !== undefined || g.intercepted !== undefined,
);
writeCsv('truck-gaps.csv', [
  ['Trucks waiting for collection and intercepted — SAMPLE, synthetic figures'],
  [
    'Date',
    'Crossing',
    'Trucks waiting',
    'Trucks intercepted',
    'Reported by',
    'Verification',
    'Verified by',
  ],
  [
    '#date',
    '#loc+name',
    '#indicator+num+waiting',
    '#indicator+num+intercepted',
    '#org+name',
    '#meta+verification',
    '#meta+verifiedby',
  ],
  ...gaps.map((g) => [
    g.date,
    nameOf(g.crossingId),
    g.waiting,
    g.intercepted,
    sourceName(g.provenance.sourceId),
    g.provenance.verification,
    g.provenance.verifiedBy,
  ]),
  // A negative stock, words for a number, a row with neither figure.
  [TO, 'Kerem Shalom', -4, 0, sourceName('border-authority'), 'reported', ''],
  [TO, 'Zikim', 'many', '', sourceName('border-authority'), 'reported', ''],
  [TO, 'Erez', '', '', sourceName('un-monitor'), 'reported', ''],
]);
console.log(`Wrote samples to ${OUT}`);
