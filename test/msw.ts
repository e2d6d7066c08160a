import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../mocks/node.ts';

/** Use the mock API in a test file: unhandled requests fail the test. */
export function setUpMockApi() {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}
