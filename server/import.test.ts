// @vitest-environment node
/**
 * `npm run api -- import`: an HXL file through the browser's own reader, mapping and
 * validation; accepted rows become records of the source, rejected ones data issues with their
 * reasons, and accepted + rejected = rows read.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../scripts/api-server.ts';
import { createRestAdapter } from '../src/data/adapters/rest/rest-adapter.ts';
import { storeApi } from './api.ts';
import type { Db } from './db.ts';
import { importHxl } from './import.ts';
import { seedSmall } from './test-fixtures.ts';
import { storesUnderTest } from './test-stores.ts';

const FIXTURES = join(import.meta.dirname, '../test/fixtures/adapters');

describe.each(storesUnderTest())('import on $name', (kind) => {
  let db: Db;
  let drop: () => Promise<void>;
  let server: RunningServer;
  beforeAll(async () => {
    const store = await kind.open();
    db = store.db;
    drop = store.drop;
    await seedSmall(db);
    server = await startServer({ api: storeApi({ db }) });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  it.each(['aid-flow-hostile.csv', 'aid-flow-quirky.csv', 'crossing-status-valid.csv'])(
    '%s: every row accepted or kept with its reason',
    async (file) => {
      const s = await importHxl(db, join(FIXTURES, file), { sourceId: `import-${file.length}` });
      expect(s.rowsRead).toBeGreaterThan(0);
      expect(s.accepted + s.rejected).toBe(s.rowsRead);
      const stored = await db.query<{ records: number; issues: number; rows: number }>(
        `select (select count(*)::int from records where import_id = $1::bigint) as records,
           (select count(distinct position)::int from data_issues where import_id = $1::bigint) as issues,
           (select rows_read from imports where id = $1::bigint) as rows`,
        [s.importId],
      );
      expect(stored.rows[0]).toEqual({ records: s.accepted, issues: s.rejected, rows: s.rowsRead });
      if (s.rejected) {
        const issues = (await (
          await fetch(`${server.url}/api/v1/issues?source=import-${file.length}`)
        ).json()) as { data: { reason: string; origin: string; position: number }[] };
        expect(issues.data.length).toBeGreaterThanOrEqual(s.rejected);
        expect(issues.data[0]).toMatchObject({ origin: file, reason: expect.any(String) });
        expect(issues.data.every((i) => i.reason.length > 0)).toBe(true);
      }
    },
  );

  it('the dashboard’s REST adapter lists the stored rejects, reasons as data', async () => {
    const adapter = createRestAdapter({
      id: 'store',
      name: 'Store',
      url: `${server.url}/api/v1`,
      timeoutMs: 10_000,
      demo: false,
    });
    const issues = await adapter.storedIssues!();
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from data_issues');
    expect(issues).toHaveLength(rows[0]!.n);
    const fromImport = issues.filter((i) => i.sourceId.startsWith('import-'));
    expect(fromImport.length).toBeGreaterThan(0);
    expect(fromImport.every((i) => i.reasons.length > 0 && i.record.startsWith('stored:'))).toBe(
      true,
    );
  });

  it('asks no other server for stored rejects (the mock keeps none)', async () => {
    const mock = await startServer({ scenario: { start: '2026-01-01', end: '2026-01-10' } });
    try {
      const asked: string[] = [];
      const adapter = createRestAdapter(
        { id: 'm', name: 'Mock', url: `${mock.url}/api/v1`, timeoutMs: 10_000, demo: false },
        (input, init) => {
          asked.push(new URL(String(input)).pathname);
          return fetch(input, init);
        },
      );
      expect(await adapter.storedIssues!()).toEqual([]);
      expect(asked).toEqual(['/api/v1/health']);
    } finally {
      await mock.close();
    }
  });

  it('refuses a file that is not HXL, storing nothing', async () => {
    const before = await db.query<{ n: number }>('select count(*)::int as n from imports');
    await expect(
      importHxl(db, join(import.meta.dirname, 'migrations/0001_store.sql'), { sourceId: 'x' }),
    ).rejects.toThrow();
    const after = await db.query<{ n: number }>('select count(*)::int as n from imports');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});
