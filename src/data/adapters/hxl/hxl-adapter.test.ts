import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoTheatreJson } from '../../../../test/adapters/theatre.ts';
import { parseConfig, type HxlSourceConfig } from '../../config.ts';
import { SourceError } from '../../contract.ts';
import { createHxlAdapter } from './hxl-adapter.ts';

const csv = readFileSync(
  resolve(import.meta.dirname, '../../../../test/fixtures/adapters/aid-flow-hostile.csv'),
);
const source = parseConfig({
  defaultSource: 'sheet',
  sources: [
    {
      id: 'sheet',
      name: 'Shared sheet',
      adapter: 'hxl',
      url: 'https://sheets.example.org/aid.csv',
      theatreUrl: 'https://api.example.org/v1/theatre',
      timeoutMs: 1000,
    },
  ],
}).sources[0] as HxlSourceConfig;

const serve =
  (file: () => Response): typeof fetch =>
  (input) =>
    Promise.resolve(
      String(input).endsWith('/theatre') ? Response.json({ data: demoTheatreJson }) : file(),
    );

describe('HXL adapter (a CSV at a URL)', () => {
  it('answers the range from the file, with every bad row as an issue and the publishers as sources', async () => {
    const adapter = createHxlAdapter(
      source,
      serve(() => new Response(csv, { headers: { 'content-type': 'text/csv' } })),
    );
    const result = await adapter.query({
      dataset: 'aid-flow',
      from: '2025-03-02',
      to: '2025-03-02',
    });
    expect(result.records).toMatchObject([
      { date: '2025-03-02', crossingId: 'rafah', trucks: 7, provenance: { sourceId: 'sheet' } },
    ]);
    expect(result.issues.length).toBe(9);
    expect(result.received).toBe(result.records.length + result.issues.length);
    expect(
      (await adapter.query({ dataset: 'crossing-status', from: '2025-03-01', to: '2025-03-02' }))
        .records,
    ).toEqual([]);
    const { theatre } = await adapter.theatre();
    expect(theatre.sources[0]).toMatchObject({
      id: 'sheet',
      name: 'Shared sheet',
      synthetic: false,
    });
    expect(theatre.coverage).toEqual({ from: '2025-03-01', to: '2025-03-02' });
    const inventory = await adapter.inventory!();
    expect(inventory).toMatchObject({ rowsRead: 11, accepted: 2 });
    expect(inventory.accepted + inventory.rejected.length).toBe(inventory.rowsRead);
    expect(await adapter.testConnection()).toMatchObject({
      ok: true,
      message: 'answered: HXL aid-flow, hashtag row 2',
    });
  });

  it('reads an Excel “Unicode Text” file (UTF-16 LE, tabs, CRLF) at a URL, and its test says so', async () => {
    const text =
      'Date\tCrossing\tTrucks\r\n#date\t#loc+name\t#indicator+num+trucks\r\n2025-03-01\tكرم أبو سالم\t7\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const adapter = createHxlAdapter(
      source,
      serve(() => new Response(bytes)),
    );
    expect(await adapter.testConnection()).toMatchObject({
      ok: true,
      message: 'answered: HXL aid-flow, hashtag row 2',
    });
    const result = await adapter.query({
      dataset: 'aid-flow',
      from: '2025-03-01',
      to: '2025-03-01',
    });
    expect(result.records).toMatchObject([{ crossingId: 'kerem-shalom', trucks: 7 }]);
  });

  it.each([
    ['a 404', () => new Response('Not found', { status: 404 }), 'Shared sheet: answered HTTP 404'],
    [
      'a sign-in page',
      () =>
        new Response('<!doctype html><title>Sign in</title>', {
          headers: { 'content-type': 'text/html' },
        }),
      'Shared sheet: is an HTML or XML page, not a CSV file',
    ],
    [
      'a sheet without hashtags',
      () => new Response('Date,Crossing\n2025-03-01,Rafah\n'),
      'Shared sheet: has no HXL hashtag row',
    ],
  ])('turns %s into an error naming the source', async (_label, respond, message) => {
    const adapter = createHxlAdapter(source, serve(respond));
    const failure = adapter.query({ dataset: 'aid-flow', from: '2025-03-01', to: '2025-03-01' });
    await expect(failure).rejects.toBeInstanceOf(SourceError);
    await expect(failure).rejects.toThrow(message);
    expect(await adapter.testConnection()).toMatchObject({ ok: false });
  });
});
