/** The REST API mocked in Node (tests): `server.listen()` in a setup, `server.use()` per test. */
import { setupServer } from 'msw/node';
import { handlers } from './handlers.ts';

export const server = setupServer(...handlers);
