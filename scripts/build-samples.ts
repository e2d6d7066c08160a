/**
 * Writes the small sample files the adapters' documentation (docs/adapters.md) points at, served
 * by the app under /samples/: a static snapshot (a week of the demo scenario in the REST API's
 * shapes), an HXL CSV of aid flow and a CKAN datastore_search answer. Every figure is synthetic.
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
console.log(`Wrote samples to ${OUT}`);
