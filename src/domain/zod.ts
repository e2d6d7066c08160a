/**
 * zod, configured for the app's Content-Security-Policy: every module takes `z` from here, so this
 * runs before any schema is built. Without `jitless`, zod probes `new Function` when it builds an
 * object schema; `script-src 'self'` (no 'unsafe-eval') blocks it and the browser reports a
 * violation, even though zod catches the error and falls back to the same jitless parser.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
