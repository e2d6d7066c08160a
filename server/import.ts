/**
 * `npm run api -- import <file.csv | url> --source <id>`: an HXL-tagged CSV read by the same
 * streaming reader, column mapping and validation the browser uses for a dropped file
 * (src/data/adapters/hxl/read-hxl.ts), its accepted rows stored as records of the source and
 * its rejected rows as data issues with their reasons — in one transaction, so an import is
 * stored whole or not at all. accepted + rejected = rows read, always.
 */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { readHxlStream } from '../src/data/adapters/hxl/read-hxl.ts';
import { theatreRef } from '../src/data/adapters/hxl/open-table.ts';
import type { Theatre } from '../src/domain/schemas.ts';
import type { DataIssue } from '../src/domain/validate.ts';
import type { Dataset } from '../src/domain/vocabulary.ts';
import type { Db } from './db.ts';
import { storedRow } from './records.ts';
import { ensurePublisher, insertIssues, insertRecords, loadTheatre } from './store.ts';

export interface ImportSummary {
  importId: string;
  dataset: Dataset;
  rowsRead: number;
  accepted: number;
  rejected: number;
  blankRows: number;
  warnings: string[];
}

/** Largest file or download imported (bytes); a bigger one is refused before it is read. */
const MAX_BYTES = 512 * 1024 * 1024;

async function open(origin: string): Promise<{ bytes: ReadableStream<Uint8Array>; size: number }> {
  if (/^https?:\/\//i.test(origin)) {
    const response = await fetch(origin, { headers: { accept: 'text/csv, */*' } });
    if (!response.ok || !response.body)
      throw new Error(`${origin} answered ${response.status} ${response.statusText}`);
    const size = Number(response.headers.get('content-length') ?? 0);
    if (size > MAX_BYTES)
      throw new Error(`${origin} is ${size} bytes; at most ${MAX_BYTES} are imported`);
    return { bytes: response.body, size };
  }
  const { size } = statSync(origin);
  if (size > MAX_BYTES)
    throw new Error(`${origin} is ${size} bytes; at most ${MAX_BYTES} are imported`);
  return {
    bytes: Readable.toWeb(createReadStream(origin)) as unknown as ReadableStream<Uint8Array>,
    size,
  };
}

export async function importHxl(
  db: Db,
  origin: string,
  options: { sourceId: string; dataset?: Dataset; publisherName?: string },
): Promise<ImportSummary> {
  const theatre = (await loadTheatre(db)) as Theatre | undefined;
  if (!theatre) throw new Error('The store holds no theatre yet: seed it first (--seed demo).');
  const { bytes, size } = await open(origin);
  const records: unknown[] = [];
  const issues: DataIssue[] = [];
  const summary = await readHxlStream(
    bytes,
    size,
    theatreRef(theatre),
    { sourceId: options.sourceId, ...(options.dataset ? { dataset: options.dataset } : {}) },
    (batch) => {
      records.push(...batch.records);
      issues.push(...batch.issues);
    },
  );
  // Issues are per problem; a row with two problems is one rejected row.
  const rejectedRows = new Set(issues.map((i) => i.record)).size;
  return db.transaction(async (tx) => {
    await ensurePublisher(tx, options.sourceId, options.publisherName ?? options.sourceId);
    const { rows } = await tx.query<{ id: string }>(
      `insert into imports (source_id, origin, dataset, rows_read, accepted, rejected)
       values ($1, $2, $3, $4, $5, $6) returning id::text`,
      [
        options.sourceId,
        /^https?:/i.test(origin) ? origin : basename(origin),
        summary.dataset,
        summary.rowsRead,
        summary.accepted,
        rejectedRows,
      ],
    );
    const importId = rows[0]!.id;
    await insertRecords(
      tx,
      records.map((r) => storedRow(summary.dataset, r, theatre.timeZone)),
      { writtenBy: `import:${importId}`, importId },
    );
    await insertIssues(tx, issues, theatre.timeZone, importId);
    return {
      importId,
      dataset: summary.dataset,
      rowsRead: summary.rowsRead,
      accepted: summary.accepted,
      rejected: rejectedRows,
      blankRows: summary.blankRows,
      warnings: summary.warnings,
    };
  });
}
