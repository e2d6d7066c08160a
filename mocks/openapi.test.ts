// @vitest-environment node
import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DATASET_SCHEMAS } from '../src/domain/datasets.ts';
import { dayString, instantString, theatreSchema } from '../src/domain/schemas.ts';
import { DATASETS, type Dataset } from '../src/domain/vocabulary.ts';
import { ROLLUP_DATASETS } from '../src/domain/rollup.ts';
import { ROLLUP_SCHEMAS } from '../src/domain/rollup-schemas.ts';
import { API_PATHS, createHandlers } from './handlers.ts';
import { createScenario } from './scenario/index.ts';

interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
}

const doc = parse(
  readFileSync(new URL('../docs/api/openapi.yaml', import.meta.url), 'utf8'),
) as OpenApiDoc;

/** The component schemas as one JSON Schema 2020-12 document with $defs. */
function buildAjv() {
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node && typeof node === 'object')
      return Object.fromEntries(
        Object.entries(node).map(([k, v]) => [
          k,
          k === '$ref' && typeof v === 'string'
            ? v.replace('#/components/schemas/', '#/$defs/')
            : rewrite(v),
        ]),
      );
    return node;
  };
  const ajv = new Ajv2020({
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
    allErrors: true,
    formats: { date: true, 'date-time': true, uri: true, 'uri-reference': true },
  });
  ajv.addKeyword({
    keyword: 'x-end-not-before-start',
    type: 'object',
    schemaType: 'boolean',
    validate: (on: boolean, data: { start?: unknown; end?: unknown }) =>
      !on ||
      typeof data.start !== 'string' ||
      typeof data.end !== 'string' ||
      Date.parse(data.end) >= Date.parse(data.start),
  });
  ajv.addSchema({ $id: 'api', $defs: rewrite(doc.components.schemas) as object });
  return (name: string): ValidateFunction => {
    const v = ajv.getSchema(`api#/$defs/${name}`);
    if (!v) throw new Error(`no schema ${name}`);
    return v;
  };
}
const schema = buildAjv();

const RECORD_SCHEMA: Record<Dataset, string> = {
  'crossing-status': 'CrossingStatus',
  'corridor-status': 'CorridorStatus',
  'aid-flow': 'AidFlow',
  'facility-status': 'FacilityStatus',
  'utility-status': 'UtilityStatus',
  events: 'Event',
  movements: 'Movement',
  'fuel-entry': 'FuelEntry',
  'truck-gaps': 'TruckGaps',
};

const ORIGIN = 'http://localhost';
const BASE = `${ORIGIN}/api/v1`;
const scenario = createScenario({ end: '2025-12-31', now: '2026-01-15T00:00:00Z' });
const server = setupServer(...createHandlers({ scenario }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const responseSchema = (path: string, status: string, type = 'application/json') => {
  const response = doc.paths[path]?.get?.responses[status] as
    { $ref?: string; content?: Record<string, { schema: { $ref: string } }> } | undefined;
  const resolved = response?.$ref
    ? (doc.components as unknown as Record<string, Record<string, typeof response>>).responses![
        response.$ref.split('/').pop()!
      ]
    : response;
  const ref = resolved?.content?.[type]?.schema.$ref;
  if (!ref) throw new Error(`${path} documents no ${status} ${type} response`);
  return schema(ref.split('/').pop()!);
};

const errorsOf = (v: ValidateFunction) => JSON.stringify(v.errors?.slice(0, 3));

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists exactly the implemented paths', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    // Paths marked x-server-only (writes, histories, stored issues) are the store's, tested
    // in server/; every other path is a read the mock implements.
    const reads = Object.keys(doc.paths).filter(
      (path) => !(doc.paths[path] as Record<string, unknown>)['x-server-only'],
    );
    expect(reads.sort()).toEqual([...API_PATHS].sort());
    for (const path of reads) expect(Object.keys(doc.paths[path]!)).toEqual(['get']);
  });

  it('uses the same day and instant patterns as the zod schemas', () => {
    const s = doc.components.schemas as Record<string, { pattern: string }>;
    const zodPattern = (z: unknown) =>
      (z as { _zod: { def: { pattern: RegExp } } })._zod.def.pattern;
    expect(s.Day!.pattern).toBe(zodPattern(dayString).source);
    expect(s.Instant!.pattern).toBe(zodPattern(instantString).source);
  });

  it('describes the theatre the demo serves, as zod does', async () => {
    const res = await fetch(`${BASE}/theatre`);
    expect(res.status).toBe(200);
    const body = await res.json();
    const v = responseSchema('/theatre', '200');
    expect(v(body), errorsOf(v)).toBe(true);
    expect(theatreSchema.safeParse(body.data).success).toBe(true);
  });

  it('describes /health', async () => {
    const res = await fetch(`${BASE}/health`);
    const v = responseSchema('/health', '200');
    expect(v(await res.json()), errorsOf(v)).toBe(true);
  });

  it.each(DATASETS)(
    '%s: the envelope conforms, and the document and zod agree on every record',
    async (dataset) => {
      const res = await fetch(`${BASE}/${dataset}?from=2025-01-01&to=2025-12-31`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await res.json()) as { data: unknown[]; meta: { count: number } };
      const envelope = responseSchema(`/${dataset}`, '200');
      expect(envelope(body), errorsOf(envelope)).toBe(true);
      expect(body.meta.count).toBe(body.data.length);

      const record = schema(RECORD_SCHEMA[dataset]);
      const zod = DATASET_SCHEMAS[dataset];
      const disagreements: unknown[] = [];
      let invalid = 0;
      for (const r of body.data) {
        const byZod = zod.safeParse(r).success;
        const byDoc = record(r);
        if (!byZod) invalid++;
        if (byZod !== byDoc) disagreements.push({ r, byZod, byDoc, errors: record.errors });
      }
      expect(disagreements.slice(0, 3)).toEqual([]);
      expect(invalid).toBeGreaterThan(0);
      expect(invalid).toBeLessThan(body.data.length / 10);
    },
    60_000,
  );

  it('agrees with zod on hand-made edge cases', () => {
    const provenance = {
      sourceId: 'x',
      reportedAt: '2025-02-28T08:00:00.5+02:00',
      verification: 'reported',
    };
    const cases: [Dataset, unknown][] = [
      [
        'aid-flow',
        {
          date: '2024-02-29',
          crossingId: 'a',
          commodity: 'food',
          stage: 'entered',
          trucks: 0,
          provenance,
        },
      ],
      [
        'aid-flow',
        {
          date: '2025-02-29',
          crossingId: 'a',
          commodity: 'food',
          stage: 'entered',
          trucks: 1,
          provenance,
        },
      ],
      [
        'aid-flow',
        {
          date: '2025-02-28',
          crossingId: '  ',
          commodity: 'food',
          stage: 'entered',
          trucks: 1,
          provenance,
        },
      ],
      [
        'aid-flow',
        {
          date: '2025-02-28',
          crossingId: ' a ',
          commodity: 'fuel',
          stage: 'entered',
          litres: 1e7,
          provenance,
        },
      ],
      [
        'aid-flow',
        {
          date: '2025-02-28',
          crossingId: 'a'.repeat(81),
          commodity: 'food',
          stage: 'entered',
          trucks: 1,
          provenance,
        },
      ],
      [
        'aid-flow',
        { date: '2025-02-28', crossingId: 'a', commodity: 'food', stage: 'entered', provenance },
      ],
      ['aid-flow', null],
      ['aid-flow', []],
      [
        'crossing-status',
        {
          crossingId: 'a',
          at: '2025-02-28T08:00:00Z',
          status: 'open',
          observersPresent: null,
          hours: { opens: '24:00', closes: '10:00' },
          provenance,
        },
      ],
      ['crossing-status', { crossingId: 'a', at: '2025-02-28T08:00Z', status: 'open', provenance }],
      [
        'crossing-status',
        {
          crossingId: 'a',
          at: '2025-02-28T08:00:00Z',
          status: 'open',
          extra: 1,
          provenance: { ...provenance, method: 'x'.repeat(501) },
        },
      ],
      [
        'facility-status',
        { facilityId: 'f', date: '2025-01-01', functionality: 'none', bedsOccupied: 0, provenance },
      ],
      [
        'facility-status',
        { facilityId: 'f', date: '2025-01-01', functionality: 'none', bedsOccupied: 1, provenance },
      ],
      [
        'utility-status',
        { date: '2025-01-01', service: 'power', value: 24, unit: 'hours/day', provenance },
      ],
      [
        'utility-status',
        { date: '2025-01-01', service: 'power', value: 24.5, unit: 'hours/day', provenance },
      ],
      [
        'utility-status',
        { date: '2025-01-01', service: 'water', value: 500, unit: 'm3/day', provenance },
      ],
      [
        'events',
        {
          id: 'e',
          kind: 'pause',
          start: '2025-01-01T10:00:00+02:00',
          end: '2025-01-01T08:00:00Z',
          title: 't',
          provenance,
        },
      ],
      [
        'events',
        {
          id: 'e',
          kind: 'pause',
          start: '2025-01-01T10:00:00+02:00',
          end: '2025-01-01T07:59:59Z',
          title: 't',
          provenance,
        },
      ],
      [
        'events',
        { id: 'e', kind: 'pause', start: '2025-01-01T10:00:00+02:00', title: '', provenance },
      ],
      [
        'events',
        {
          id: 'e',
          kind: 'closure',
          start: '2025-01-01T10:00:00+02:00',
          title: 't',
          crossingIds: ['rafah', '  '],
          provenance,
        },
      ],
      [
        'movements',
        {
          date: '2025-01-01',
          organisationType: 'ingo',
          purpose: 'health',
          toZone: 'north',
          outcome: 'denied',
          missions: 3,
          provenance: { ...provenance, verifiedBy: 'observer mission' },
        },
      ],
      [
        'movements',
        {
          date: '2025-01-01',
          organisationType: 'ingo',
          purpose: 'health',
          toZone: 'north',
          outcome: 'denied',
          missions: 1.5,
          provenance,
        },
      ],
      [
        'movements',
        {
          date: '2025-01-01',
          organisationType: 'un',
          purpose: 'food',
          toZone: 'centre',
          outcome: 'facilitated',
          provenance,
        },
      ],
      [
        'movements',
        {
          date: '2025-01-01',
          organisationType: 'un',
          purpose: 'food',
          toZone: 'south',
          outcome: 'facilitated',
          provenance: { ...provenance, verifiedBy: 'x'.repeat(201) },
        },
      ],
      [
        'fuel-entry',
        {
          date: '2025-01-01',
          crossingId: 'a',
          fuel: 'cooking-gas',
          quantity: 120.5,
          unit: 'tonnes',
          need: 200,
          provenance,
        },
      ],
      [
        'fuel-entry',
        {
          date: '2025-01-01',
          crossingId: 'a',
          fuel: 'petrol',
          quantity: 1000,
          unit: 'tonnes',
          provenance,
        },
      ],
      [
        'fuel-entry',
        {
          date: '2025-01-01',
          crossingId: 'a',
          fuel: 'diesel',
          quantity: 10_000_001,
          unit: 'litres',
          provenance,
        },
      ],
      ['truck-gaps', { date: '2025-01-01', crossingId: 'a', intercepted: 0, provenance }],
      ['truck-gaps', { date: '2025-01-01', crossingId: 'a', provenance }],
      ['truck-gaps', { date: '2025-01-01', crossingId: 'a', waiting: 3.5, provenance }],
      ['truck-gaps', { date: '2025-01-01', crossingId: 'a', waiting: 20_001, provenance }],
    ];
    for (const [dataset, r] of cases) {
      const byZod = DATASET_SCHEMAS[dataset].safeParse(r).success;
      expect(schema(RECORD_SCHEMA[dataset])(r), JSON.stringify(r)).toBe(byZod);
    }
  });

  it('carries in the latest observation before the range for status datasets', async () => {
    for (const dataset of ['crossing-status', 'corridor-status']) {
      const res = await fetch(`${BASE}/${dataset}?from=2025-06-10&to=2025-06-10&source=un-monitor`);
      const { data } = (await res.json()) as {
        data: { at: string; provenance: { sourceId: string } }[];
      };
      const before = data.filter((r) => r.at < '2025-06-10');
      expect(before.length).toBeGreaterThan(0);
      expect(data.every((r) => r.provenance.sourceId === 'un-monitor')).toBe(true);
    }
  });

  it('filters by crossing; an unknown crossing is no error, just no records', async () => {
    const one = await (
      await fetch(`${BASE}/aid-flow?from=2025-06-01&to=2025-06-02&crossing=rafah`)
    ).json();
    expect(one.data.length).toBeGreaterThan(0);
    expect(one.data.every((r: { crossingId: string }) => r.crossingId === 'rafah')).toBe(true);
    const two = await (
      await fetch(
        `${BASE}/aid-flow?from=2025-06-01&to=2025-06-02&crossing=rafah,erez&crossing=zikim`,
      )
    ).json();
    expect(new Set(two.data.map((r: { crossingId: string }) => r.crossingId))).toEqual(
      new Set(['rafah', 'erez', 'zikim']),
    );
    const none = await fetch(`${BASE}/aid-flow?from=2025-06-01&to=2025-06-02&crossing=atlantis`);
    expect(none.status).toBe(200);
    expect((await none.json()).data).toEqual([]);
  });

  it.each([
    ['/aid-flow', 400],
    ['/aid-flow?from=2025-01-01', 400],
    ['/aid-flow?from=2025-13-40&to=2025-12-31', 400],
    ['/events?from=2025-02-01&to=2025-01-01', 400],
    ['/events?from=yesterday&to=today', 400],
    ['/casualties?from=2025-01-01&to=2025-01-02', 404],
    ['/aid-flow/extra', 404],
  ])('answers %s with a documented problem %i', async (path, status) => {
    const res = await fetch(`${BASE}${path}`);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = await res.json();
    const v = schema('Problem');
    expect(v(body), errorsOf(v)).toBe(true);
    expect(body.status).toBe(status);
    const documented = doc.paths[path.split('?')[0]!];
    if (documented) expect(Object.keys(documented.get!.responses)).toContain(String(status));
  });

  it('filters fuel entry and truck gaps by crossing, and ignores the crossing for movements', async () => {
    const range = 'from=2025-02-01&to=2025-02-07';
    for (const dataset of ['fuel-entry', 'truck-gaps']) {
      const all = (await (await fetch(`${BASE}/${dataset}?${range}`)).json()) as {
        data: { crossingId: string }[];
      };
      const one = (await (await fetch(`${BASE}/${dataset}?${range}&crossing=rafah`)).json()) as {
        data: { crossingId: string }[];
      };
      expect(one.data.length, dataset).toBeGreaterThan(0);
      expect(one.data.length, dataset).toBeLessThan(all.data.length);
      expect(one.data.every((r) => r.crossingId === 'rafah')).toBe(true);
    }
    const movements = async (extra: string) =>
      ((await (await fetch(`${BASE}/movements?${range}${extra}`)).json()) as { data: unknown[] })
        .data.length;
    expect(await movements('&crossing=rafah')).toBe(await movements(''));
    // `by` and `commodity` belong to aid flow only.
    for (const bad of ['commodity=fuel', 'resolution=week&by=crossing']) {
      const res = await fetch(`${BASE}/fuel-entry?${range}&${bad}`);
      expect(res.status, bad).toBe(400);
    }
  });

  it('says how each source counts, and who verified a verified figure', async () => {
    const theatre = (await (await fetch(`${BASE}/theatre`)).json()) as {
      data: { sources: { id: string; method?: string }[] };
    };
    const methods = new Map(theatre.data.sources.map((s) => [s.id, s.method]));
    expect(methods.get('border-authority')).toMatch(/screen/i);
    expect(methods.get('un-monitor')).toMatch(/collect/i);
    expect(methods.get('access-coordination')).toMatch(/notification system/i);
    const gaps = (await (
      await fetch(`${BASE}/truck-gaps?from=2025-02-01&to=2025-02-28&source=un-monitor`)
    ).json()) as { data: { provenance: { verification: string; verifiedBy?: string } }[] };
    const verified = gaps.data.filter((r) => r.provenance.verification === 'verified');
    expect(verified.length).toBeGreaterThan(0);
    expect(verified.every((r) => r.provenance.verifiedBy)).toBe(true);
    const events = (await (await fetch(`${BASE}/events?from=2025-01-01&to=2025-12-31`)).json()) as {
      data: { kind: string; crossingIds?: string[] }[];
    };
    const incidents = events.data.filter((e) => e.kind === 'incident' && e.crossingIds?.length);
    expect(incidents.length).toBeGreaterThan(0);
  });

  it('refuses other methods with 405', async () => {
    const res = await fetch(`${BASE}/aid-flow?from=2025-01-01&to=2025-01-01`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(schema('Problem')(await res.json())).toBe(true);
  });
});

describe('roll-ups (resolution) and changes (since)', () => {
  interface RollupBody {
    data: Record<string, unknown>[];
    rejected: unknown[];
    meta: { count: number; records: number; rejected: number; resolution: string };
  }
  const rollup = async (path: string): Promise<RollupBody> => {
    const res = await fetch(`${BASE}${path}`);
    expect(res.status, path).toBe(200);
    return (await res.json()) as RollupBody;
  };

  it.each(ROLLUP_DATASETS)(
    '%s: every resolution conforms to the document and accounts for every record read',
    async (dataset) => {
      for (const resolution of ['day', 'week', 'month', 'auto']) {
        const body = await rollup(
          `/${dataset}?from=2025-03-01&to=2025-05-31&resolution=${resolution}`,
        );
        const answer = responseSchema(`/${dataset}`, '200');
        expect(answer(body), errorsOf(answer)).toBe(true);
        const strict = schema(`${RECORD_SCHEMA[dataset]}RollupResponse`);
        expect(strict(body), errorsOf(strict)).toBe(true);
        // The dashboard's own roll-up schemas accept every row the document does.
        for (const row of body.data)
          expect(ROLLUP_SCHEMAS[dataset].safeParse(row).success, JSON.stringify(row)).toBe(true);
        expect(body.meta.resolution).toBe(resolution === 'auto' ? 'day' : resolution);
        expect(body.meta.count).toBe(body.data.length);
        expect(body.meta.rejected).toBe(body.rejected.length);
        // The rejects are the records zod refuses, sent unchanged so a client can list them.
        for (const bad of body.rejected)
          expect(DATASET_SCHEMAS[dataset].safeParse(bad).success).toBe(false);
        const raw = (await (
          await fetch(`${BASE}/${dataset}?from=2025-03-01&to=2025-05-31`)
        ).json()) as { data: unknown[] };
        expect(body.meta.records).toBe(raw.data.length);
      }
    },
    60_000,
  );

  it('aid flow "by" and "commodity": conform, and each keeps the sums of the rows it folds', async () => {
    const range = 'from=2025-03-01&to=2025-05-31&resolution=month';
    const full = await rollup(`/aid-flow?${range}`);
    const total = (rows: RollupBody['data']) =>
      rows.reduce((sum, r) => sum + Number(r.trucks ?? 0), 0);
    for (const by of ['crossing', 'commodity'] as const) {
      const body = await rollup(`/aid-flow?${range}&by=${by}`);
      const strict = schema('AidFlowRollupResponse');
      expect(strict(body), errorsOf(strict)).toBe(true);
      expect(body.data.length).toBeLessThan(full.data.length);
      expect(total(body.data)).toBeCloseTo(total(full.data), 6);
      expect(
        body.data.every((r) => (by === 'crossing' ? !('commodity' in r) : !('crossingId' in r))),
      ).toBe(true);
    }
    const food = await rollup(`/aid-flow?${range}&by=crossing&commodity=food,fuel`);
    expect(total(food.data)).toBeCloseTo(
      total(full.data.filter((r) => r.commodity === 'food' || r.commodity === 'fuel')),
      6,
    );
    for (const bad of ['by=stage', 'commodity=cement']) {
      const res = await fetch(`${BASE}/aid-flow?${range}&${bad}`);
      expect(res.status, bad).toBe(400);
    }
    expect((await fetch(`${BASE}/facility-status?${range}&by=crossing`)).status).toBe(400);
  });

  it('movements "by": rows keep only the split asked for, conform, and keep the sums', async () => {
    const range = 'from=2025-03-01&to=2025-05-31&resolution=week';
    const full = await rollup(`/movements?${range}`);
    const total = (rows: RollupBody['data']) =>
      rows.reduce((sum, r) => sum + Number(r.missions ?? 0), 0);
    for (const by of ['outcome', 'purpose', 'zone'] as const) {
      const body = await rollup(`/movements?${range}&by=${by}`);
      const strict = schema('MovementRollupResponse');
      expect(strict(body), errorsOf(strict)).toBe(true);
      expect(body.data.length).toBeLessThan(full.data.length);
      expect(total(body.data)).toBe(total(full.data));
      expect(body.data.every((r) => 'purpose' in r === (by === 'purpose'))).toBe(true);
      expect(body.data.every((r) => 'toZone' in r === (by === 'zone'))).toBe(true);
    }
    for (const bad of ['by=crossing', 'by=outcome&resolution=']) {
      const res = await fetch(`${BASE}/movements?from=2025-03-01&to=2025-05-31&${bad}`);
      expect(res.status, bad).toBe(400);
    }
    expect((await fetch(`${BASE}/aid-flow?${range}&by=outcome`)).status).toBe(400);
  });

  it('aid flow: sums per source equal the raw records, and two sources stay two rows', async () => {
    const range = 'from=2025-04-01&to=2025-04-30&crossing=kerem-shalom';
    const raw = (await (await fetch(`${BASE}/aid-flow?${range}`)).json()) as { data: unknown[] };
    const body = await rollup(`/aid-flow?${range}&resolution=month`);
    const expected = new Map<string, number>();
    for (const r of raw.data) {
      const parsed = DATASET_SCHEMAS['aid-flow'].safeParse(r);
      if (!parsed.success || parsed.data.trucks === undefined) continue;
      const key = `${parsed.data.provenance.sourceId}|${parsed.data.stage}`;
      expected.set(key, (expected.get(key) ?? 0) + parsed.data.trucks);
    }
    const got = new Map<string, number>();
    for (const row of body.data) {
      const key = `${String(row.sourceId)}|${String(row.stage)}`;
      got.set(key, (got.get(key) ?? 0) + Number(row.trucks ?? 0));
    }
    expect(got).toEqual(expected);
    expect(new Set(body.data.map((row) => row.sourceId)).size).toBeGreaterThan(1);
    for (const row of body.data) expect(row.daysReported).toBeLessThanOrEqual(row.days as number);
  });

  it('roll-ups say their newest report: the latest reportedAt of the valid records behind them', async () => {
    for (const dataset of ['aid-flow', 'facility-status'] as const) {
      const range = 'from=2025-04-01&to=2025-04-30';
      const raw = (await (await fetch(`${BASE}/${dataset}?${range}`)).json()) as {
        data: unknown[];
      };
      const newest = raw.data
        .flatMap((r) => {
          const parsed = DATASET_SCHEMAS[dataset].safeParse(r);
          return parsed.success ? [parsed.data.provenance.reportedAt] : [];
        })
        .sort((a, b) => Date.parse(a) - Date.parse(b))
        .at(-1);
      const body = (await rollup(`/${dataset}?${range}&resolution=week`)) as unknown as {
        meta: { reportedUpTo?: string };
      };
      expect(newest).toBeDefined();
      expect(body.meta.reportedUpTo, dataset).toBe(newest);
    }
  });

  it('refuses a resolution where none is defined, or one it does not know', async () => {
    for (const path of [
      '/events?from=2025-01-01&to=2025-01-31&resolution=week',
      '/aid-flow?from=2025-01-01&to=2025-01-31&resolution=fortnight',
      '/aid-flow?from=2025-01-01&to=2025-01-31&since=yesterday',
    ]) {
      const res = await fetch(`${BASE}${path}`);
      expect(res.status, path).toBe(400);
      expect(schema('Problem')(await res.json())).toBe(true);
    }
  });

  it('since: only what was reported after it, raw or rolled up', async () => {
    const all = (await (await fetch(`${BASE}/aid-flow?from=2025-12-01&to=2025-12-31`)).json()) as {
      data: { provenance?: { reportedAt?: string } }[];
    };
    const since = '2025-12-28T00:00:00Z';
    const changed = (await (
      await fetch(`${BASE}/aid-flow?from=2025-12-01&to=2025-12-31&since=${since}`)
    ).json()) as { data: { provenance?: { reportedAt?: string } }[]; meta: { since: string } };
    expect(changed.meta.since).toBe('2025-12-28T00:00:00.000Z');
    expect(changed.data.length).toBeGreaterThan(0);
    expect(changed.data.length).toBeLessThan(all.data.length);
    // A report time without its zone cannot be read: such a (bad) record is kept for listing.
    for (const r of changed.data) {
      const text = r.provenance?.reportedAt ?? '';
      const at = /([zZ]|[+-]\d\d:?\d\d)$/.test(text) ? Date.parse(text) : NaN;
      if (Number.isFinite(at)) expect(at).toBeGreaterThan(Date.parse(since));
    }
    const weeks = await rollup(
      `/aid-flow?from=2025-12-01&to=2025-12-31&resolution=week&since=${since}`,
    );
    const buckets = new Set(weeks.data.map((row) => row.bucket));
    expect(buckets.has('2025-12-01')).toBe(false); // nothing of that week was reported so late
    expect(buckets.size).toBeGreaterThan(0);
  });

  it('closed ranges are cacheable with an ETag; open ones revalidate; a match is 304', async () => {
    const closed = await fetch(`${BASE}/aid-flow?from=2025-01-01&to=2025-01-31&resolution=week`);
    expect(closed.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const etag = closed.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(`${BASE}/aid-flow?from=2025-01-01&to=2025-01-31&resolution=week`, {
      headers: { 'If-None-Match': etag! },
    });
    expect(again.status).toBe(304);
    const open = await fetch(`${BASE}/aid-flow?from=2025-12-20&to=2025-12-31`);
    expect(open.headers.get('cache-control')).toBe('no-cache');
    expect(open.headers.get('etag')).not.toBe(etag);
  });
});
