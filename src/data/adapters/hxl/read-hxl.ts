import type { DataIssue } from '../../../domain/validate.ts';
import { createCsvStream } from '../tabular/csv-stream.ts';
import { createDecoder } from '../tabular/decode.ts';
import {
  createIngest,
  type IngestBatch,
  type IngestOptions,
  type IngestSummary,
} from '../tabular/ingest.ts';
import type { TheatreRef } from '../tabular/row-mapper.ts';
import type { ReadTable } from '../tabular/table-store.ts';

export interface HxlProgress {
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
}

/**
 * Reads an HXL CSV as it streams in: bytes are decoded (UTF-8, or UTF-16 told by its BOM or
 * NUL bytes; a character split between two chunks is decoded whole; see decode.ts), split into
 * rows, and each chunk of rows is mapped and validated before the next is read. `onBatch` receives what each chunk yielded.
 * Throws TableError when the file cannot be read as HXL at all.
 */
export async function readHxlStream(
  bytes: ReadableStream<Uint8Array>,
  totalBytes: number,
  theatre: TheatreRef,
  options: IngestOptions,
  onBatch: (batch: IngestBatch, progress: HxlProgress) => void,
): Promise<IngestSummary> {
  const csv = createCsvStream();
  const ingest = createIngest(theatre, options);
  const decoder = createDecoder();
  const reader = bytes.getReader();
  let bytesRead = 0;
  let rowsRead = 0;
  const emit = (rows: string[][]) => {
    if (!rows.length) return;
    rowsRead += rows.length;
    onBatch(ingest.push(rows), { bytesRead, totalBytes, rowsRead });
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytesRead += value.byteLength;
      emit(csv.push(decoder.push(value)));
    }
    emit(csv.push(decoder.end()));
    emit(csv.end());
  } finally {
    reader.releaseLock();
  }
  return ingest.finish();
}

/** A blob's bytes as a stream, in pieces (jsdom's Blob has no `stream()`: read it whole first). */
export function blobStream(blob: Blob): ReadableStream<Uint8Array> {
  if (typeof blob.stream === 'function') return blob.stream();
  const CHUNK = 256 * 1024;
  let bytes: Uint8Array | undefined;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      bytes ??= new Uint8Array(await blob.arrayBuffer());
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + CHUNK));
      offset += CHUNK;
    },
  });
}

/** Reads a whole HXL text at once (tests, small files, the main-thread fallback). */
export async function readHxlText(
  text: string | Uint8Array,
  theatre: TheatreRef,
  options: IngestOptions,
): Promise<ReadTable> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const CHUNK = 256 * 1024;
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + CHUNK));
      offset += CHUNK;
    },
  });
  const records: unknown[] = [];
  const issues: DataIssue[] = [];
  const summary = await readHxlStream(stream, bytes.length, theatre, options, (batch) => {
    for (const r of batch.records) records.push(r);
    for (const i of batch.issues) issues.push(i);
  });
  return { summary, records, issues };
}
