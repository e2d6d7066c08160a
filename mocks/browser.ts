/**
 * The service worker for the demo: answers the REST API on this origin only (requests to
 * other hosts, e.g. a real source configured by an operator, go to the network).
 */
import { setupWorker } from 'msw/browser';
import { createHandlers } from './handlers.ts';

export const worker = setupWorker(
  ...createHandlers({ baseUrl: `${globalThis.location?.origin ?? ''}/api/v1` }),
);
