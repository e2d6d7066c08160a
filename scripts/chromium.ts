/**
 * The Chromium every script and browser test here launches (see find-chromium.mjs for the
 * order: CHROMIUM_PATH, the system's, the one npm installed), with no background traffic: this
 * machine has no network but its own. Never a browser downloaded at run time.
 */
import { findChromium } from './find-chromium.mjs';

let found: Promise<string> | undefined;

/** The path to launch, found once per process. `npm test` finds it first and passes it down. */
export function chromiumPath(): Promise<string> {
  found ??= findChromium().then(({ path }) => path);
  return found;
}

/** Our own launch arguments — not @sparticuz/chromium's serverless defaults (single process). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
