import type { DataIssue } from '../../../domain/validate.ts';
import type { AnswerRequest } from './answer.ts';

/** Records per message back to the page: each takes a few ms to receive, never 200. */
export const SLICE = 10_000;

/** Page → worker. */
export interface AnswerJob {
  id: number;
  request: AnswerRequest;
}

/** Worker → page: slices of records and issues, then `done` (or a failure). */
export type AnswerReply =
  | { id: number; type: 'records'; records: unknown[] }
  | { id: number; type: 'issues'; issues: DataIssue[] }
  | {
      id: number;
      type: 'done';
      received: number;
      outsideRange: number;
      sourceRecords?: number;
      reportedUpTo?: string;
    }
  | { id: number; type: 'failed'; problem: 'not-json' | 'no-list' | 'wrong-resolution' }
  | { id: number; type: 'error'; message: string };
