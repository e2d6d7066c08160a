import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, type StaticSourceConfig } from '../../config.ts';
import { DATASETS } from '../../../domain/vocabulary.ts';
import { createStaticAdapter } from './static-adapter.ts';

const SAMPLES = resolve(import.meta.dirname, '../../../../public/samples/static');
const source = parseConfig({
  defaultSource: 'snap',
  sources: [
    {
      id: 'snap',
      name: 'Snapshot',
      adapter: 'static',
      url: 'https://static.example.org/snapshot/',
      datasets: ['aid-flow', 'crossing-status'],
    },
  ],
}).sources[0] as StaticSourceConfig;

/** Serves the sample snapshot folder (public/samples/static), 404 for anything else. */
const fromDisk: typeof fetch = (input) => {
  const name = new URL(String(input)).pathname.replace('/snapshot/', '');
  try {
    return Promise.resolve(
      new Response(readFileSync(resolve(SAMPLES, name)), {
        headers: { 'content-type': 'application/json' },
      }),
    );
  } catch {
    return Promise.resolve(new Response('Not found', { status: 404 }));
  }
};

describe('static snapshot adapter', () => {
  it('reads theatre.json and answers a range from <dataset>.json, validating each record', async () => {
    const adapter = createStaticAdapter(source, fromDisk);
    expect(adapter.describe()).toMatchObject({
      adapter: 'static',
      capabilities: ['aid-flow', 'crossing-status'],
    });
    const { theatre } = await adapter.theatre();
    expect(theatre.crossings.length).toBeGreaterThanOrEqual(6);
    const day = await adapter.query({
      dataset: 'aid-flow',
      from: '2025-03-02',
      to: '2025-03-02',
      crossingIds: ['rafah'],
    });
    expect(day.records.length).toBeGreaterThan(0);
    expect(day.records.every((r) => r.date === '2025-03-02' && r.crossingId === 'rafah')).toBe(
      true,
    );
    const inventory = await adapter.inventory!();
    expect(inventory.accepted + inventory.rejected.length).toBe(inventory.rowsRead);
  });

  it('carries the last status before the range in, as the REST API does', async () => {
    const adapter = createStaticAdapter(source, fromDisk);
    const result = await adapter.query({
      dataset: 'crossing-status',
      from: '2025-03-02',
      to: '2025-03-02',
    });
    expect(result.records.some((r) => r.at < '2025-03-01T22:00:00Z')).toBe(true);
  });

  it('answers nothing for a dataset it does not list, and names itself when a file is missing', async () => {
    const adapter = createStaticAdapter(source, fromDisk);
    expect(
      (await adapter.query({ dataset: 'events', from: '2025-03-01', to: '2025-03-02' })).records,
    ).toEqual([]);
    const broken = createStaticAdapter(
      { ...source, url: 'https://static.example.org/nowhere/' },
      fromDisk,
    );
    await expect(broken.theatre()).rejects.toThrow('Snapshot: answered HTTP 404');
    expect(await broken.testConnection()).toMatchObject({
      ok: false,
      message: 'Snapshot: answered HTTP 404',
    });
  });

  it('reads the new datasets of the sample snapshot, with their methods and verifiers', async () => {
    const all = createStaticAdapter(
      parseConfig({
        defaultSource: 'snap',
        sources: [
          {
            id: 'snap',
            name: 'Snapshot',
            adapter: 'static',
            url: 'https://static.example.org/snapshot/',
          },
        ],
      }).sources[0] as StaticSourceConfig,
      fromDisk,
      () => Date.parse('2025-04-01T00:00:00Z'),
    );
    expect(all.describe().capabilities).toEqual(DATASETS);
    for (const dataset of ['movements', 'fuel-entry', 'truck-gaps'] as const) {
      const result = await all.query({ dataset, from: '2025-03-01', to: '2025-03-02' });
      expect(result.records.length, dataset).toBeGreaterThan(0);
      expect(result.records.length + result.issues.length).toBe(result.received);
    }
    const gaps = await all.rollup!({
      dataset: 'truck-gaps',
      from: '2025-03-01',
      to: '2025-03-02',
      resolution: 'day',
      crossingIds: ['kerem-shalom'],
    });
    expect(gaps.rows.length).toBeGreaterThan(0);
    expect(gaps.rows.every((r) => r.crossingId === 'kerem-shalom')).toBe(true);
    const { theatre } = await all.theatre();
    expect(theatre.sources.every((x) => x.method)).toBe(true);
  });

  it('an older snapshot without the newer files: that dataset alone fails, naming the file', async () => {
    // The folder as it was before movements, fuel entry and truck gaps existed.
    const older: typeof fetch = (input) =>
      /(movements|fuel-entry|truck-gaps)\.json$/.test(String(input))
        ? Promise.resolve(new Response('Not found', { status: 404 }))
        : fromDisk(input);
    const adapter = createStaticAdapter(
      parseConfig({
        defaultSource: 'snap',
        sources: [
          {
            id: 'snap',
            name: 'Snapshot',
            adapter: 'static',
            url: 'https://static.example.org/snapshot/',
          },
        ],
      }).sources[0] as StaticSourceConfig,
      older,
      () => Date.parse('2025-04-01T00:00:00Z'),
    );
    await expect(
      adapter.query({ dataset: 'movements', from: '2025-03-01', to: '2025-03-02' }),
    ).rejects.toThrow(
      'Snapshot: has no movements.json (HTTP 404): this snapshot does not offer movements',
    );
    const flows = await adapter.query({
      dataset: 'aid-flow',
      from: '2025-03-01',
      to: '2025-03-02',
    });
    expect(flows.records.length).toBeGreaterThan(0);
    const inventory = await adapter.inventory!();
    expect(inventory.datasets).not.toContain('fuel-entry');
    expect(inventory.datasets).toContain('aid-flow');
    expect(inventory.warnings).toHaveLength(3);
    expect(inventory.warnings[0]).toMatch(/has no (movements|fuel-entry|truck-gaps)\.json/);
    expect(inventory.accepted + inventory.rejected.length).toBe(inventory.rowsRead);
  });
});
