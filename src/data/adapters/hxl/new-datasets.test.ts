import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoTheatre, demoTheatreJson } from '../../../../test/adapters/theatre.ts';
import { HXL_READABLE, parseConfig, type HxlSourceConfig } from '../../config.ts';
import { HXL_DATASETS } from '../tabular/hxl.ts';
import type { Dataset } from '../../../domain/vocabulary.ts';
import { createHxlAdapter } from './hxl-adapter.ts';
import { openHxlTable } from './open-table.ts';

/**
 * The public HXL samples of issue 14's datasets (public/samples/hxl/, docs/adapters.md): the
 * dataset is told by the hashtags alone, every row read is accepted or rejected with its coded
 * reason, and the figures arrive with who published and who verified them.
 */
const ROOT = resolve(import.meta.dirname, '../../../..');
const sample = (name: string) =>
  new Blob([readFileSync(resolve(ROOT, `public/samples/hxl/${name}.csv`))]);
const clock = { timeZone: demoTheatre.timeZone, now: Date.parse('2025-04-01T00:00Z') };
const range = { from: '2025-03-01', to: '2025-03-02' };

async function open(name: Dataset) {
  const host = await openHxlTable(sample(name), demoTheatre, { sourceId: 'file' });
  const { summary, issues } = host.facts;
  return { host, summary, issues, codes: issues.map((i) => i.reasons.map((r) => r.code)) };
}

describe('HXL samples of the new datasets', () => {
  it('the config offers exactly the datasets the hashtag mapping can read', () => {
    expect([...HXL_READABLE].sort()).toEqual([...HXL_DATASETS].sort());
  });

  it('movements: requests by outcome, areas and zones; mistyped rows rejected with reasons', async () => {
    const { host, summary, issues, codes } = await open('movements');
    expect(summary.dataset).toBe('movements');
    expect(summary.accepted + issues.length).toBe(summary.rowsRead);
    expect(summary.accepted).toBeGreaterThan(15);
    expect(summary.warnings).toEqual([]);
    expect(codes).toEqual([['unknown-word'], ['unknown-area'], ['expected-whole-number']]);
    expect(issues.map((i) => i.field)).toEqual([
      '#status (column I)',
      '#adm1+dest+name (column F)',
      '#indicator+missions+num (column K)',
    ]);
    const records = await host.query({ dataset: 'movements', ...range }, clock.timeZone);
    expect(records).toHaveLength(summary.accepted);
    const first = records[0]!;
    expect(first).toMatchObject({
      id: 'HNS-2025-03-01-001',
      fromArea: 'deir-al-balah',
      toZone: 'south',
      provenance: { sourceId: 'access-coordination' },
    });
    const verified = records.filter((r) => r.provenance.verification === 'verified');
    expect(verified.length).toBeGreaterThan(0);
    expect(
      verified.every((r) => r.provenance.verifiedBy?.includes('Requesting organisation')),
    ).toBe(true);
    const rows = await host.rollup({ dataset: 'movements', ...range, resolution: 'day' }, clock);
    const missions = rows.rows.reduce((n, r) => n + (r as { missions: number }).missions, 0);
    expect(missions).toBe(records.reduce((n, r) => n + r.missions, 0));
  });

  it('fuel entry: litres and tonnes by their columns, the stated need; wrong units rejected', async () => {
    const { host, summary, issues, codes } = await open('fuel-entry');
    expect(summary.dataset).toBe('fuel-entry');
    expect(summary.accepted + issues.length).toBe(summary.rowsRead);
    expect(codes).toEqual([['fuel-unit-mismatch'], ['unknown-word'], ['unit-not-allowed']]);
    const records = await host.query({ dataset: 'fuel-entry', ...range }, clock.timeZone);
    expect(new Set(records.map((r) => r.provenance.sourceId))).toEqual(
      new Set(['border-authority', 'un-monitor']),
    );
    expect(records.filter((r) => r.fuel === 'cooking-gas').every((r) => r.unit === 'tonnes')).toBe(
      true,
    );
    expect(records.some((r) => r.fuel === 'diesel' && r.need !== undefined)).toBe(true);
    const rafah = await host.query(
      { dataset: 'fuel-entry', ...range, crossingIds: ['rafah'] },
      clock.timeZone,
    );
    expect(rafah.length).toBeGreaterThan(0);
    expect(rafah.every((r) => r.crossingId === 'rafah')).toBe(true);
  });

  it('truck gaps: waiting and intercepted per crossing and source; bad figures rejected', async () => {
    const { host, summary, issues, codes } = await open('truck-gaps');
    expect(summary.dataset).toBe('truck-gaps');
    expect(summary.accepted + issues.length).toBe(summary.rowsRead);
    expect(codes).toEqual([['negative'], ['not-a-number'], ['needs-a-gap']]);
    const rows = await host.rollup({ dataset: 'truck-gaps', ...range, resolution: 'week' }, clock);
    expect(rows.rows.length).toBeGreaterThan(0);
    const waiting = rows.rows.map(
      (r) => (r as { waiting?: { last: number; max: number } }).waiting,
    );
    expect(waiting.every((w) => !w || w.max >= w.last)).toBe(true);
  });

  it('carries the method config.json states into the source list and the description', async () => {
    const source = parseConfig({
      defaultSource: 'sheet',
      sources: [
        {
          id: 'sheet',
          name: 'Access sheet',
          adapter: 'hxl',
          url: 'https://sheets.example.org/movements.csv',
          theatreUrl: 'https://api.example.org/v1/theatre',
          method: 'Counts the requests its members notify, one row per request',
        },
      ],
    }).sources[0] as HxlSourceConfig;
    const adapter = createHxlAdapter(source, (input) =>
      Promise.resolve(
        String(input).endsWith('/theatre')
          ? Response.json({ data: demoTheatreJson })
          : new Response(readFileSync(resolve(ROOT, 'public/samples/hxl/movements.csv')), {
              headers: { 'content-type': 'text/csv' },
            }),
      ),
    );
    expect(adapter.describe().method).toBe(source.method);
    const { theatre } = await adapter.theatre();
    expect(theatre.sources.find((s) => s.id === 'sheet')?.method).toBe(source.method);
    // The publisher the rows name keeps its own method, from the theatre.
    expect(theatre.sources.find((s) => s.id === 'access-coordination')?.method).toMatch(
      /notification system/,
    );
  });
});
