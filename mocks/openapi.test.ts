// @vitest-environment node
import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DATASET_SCHEMAS } from '../src/domain/datasets.ts';
import { dayString, instantString, theatreSchema } from '../src/domain/schemas.ts';
import { DATASETS, type Dataset } from '../src/domain/vocabulary.ts';
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
    expect(Object.keys(doc.paths).sort()).toEqual([...API_PATHS].sort());
    for (const path of Object.keys(doc.paths))
      expect(Object.keys(doc.paths[path]!)).toEqual(['get']);
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

  it('refuses other methods with 405', async () => {
    const res = await fetch(`${BASE}/aid-flow?from=2025-01-01&to=2025-01-01`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(schema('Problem')(await res.json())).toBe(true);
  });
});
