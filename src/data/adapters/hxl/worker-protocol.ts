import type { DataIssue } from '../../../domain/validate.ts';
import type { IngestOptions, IngestSummary } from '../tabular/ingest.ts';
import type { TheatreRef } from '../tabular/row-mapper.ts';
import type { HxlProgress } from './read-hxl.ts';

/** Page → worker: what to parse and what to match it against. */
export interface WorkerRequest {
  blob: Blob;
  theatre: TheatreRef;
  options: IngestOptions;
}

/** Worker → page. */
export type WorkerReply =
  | { type: 'batch'; records: unknown[]; issues: DataIssue[]; progress: HxlProgress }
  | { type: 'done'; summary: IngestSummary }
  | {
      type: 'error';
      message: string;
      /** True when the file is not readable HXL (not a crash). */ table: boolean;
    };
