import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, type StaticSourceConfig } from '../../config.ts';
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
});
