#!/usr/bin/env node
/**
 * The one test command (`npm test`): checks prerequisites and finds a Chromium (find-chromium.mjs:
 * CHROMIUM_PATH, else the system's, else the one `npm ci` installed), then runs lint, typecheck,
 * unit tests, the production build and the real-browser tests, in that order, stopping at the
 * first failure. With BROWSER_TESTS_BOTH=1 (set by .ci/run) the browser tests run a second time
 * in the packaged Chromium, so that both ways of getting a browser stay tested.
 * Plain Node, no dependencies. Ends with a summary table and the line "N passed, N failed".
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './find-chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CI = process.env.CI === 'true' || process.env.CI === '1';
const color = !CI && process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const bold = paint('1');
const red = paint('31');
const green = paint('32');

const BROWSER_TESTS = ['vitest', 'run', '--project', 'browser'];
const STEPS = [
  { name: 'lint', command: 'npm', args: ['run', 'lint'] },
  { name: 'typecheck', command: 'npm', args: ['run', 'typecheck'] },
  { name: 'unit tests', command: 'npx', args: ['vitest', 'run', '--project', 'unit'] },
  { name: 'build', command: 'npm', args: ['run', 'build'] },
  { name: 'browser tests', command: 'npx', args: BROWSER_TESTS },
];
const BOTH = ['1', 'true'].includes(process.env.BROWSER_TESTS_BOTH ?? '');

/** @returns {Promise<string[]>} what is missing, each with how to get it */
async function missingPrerequisites() {
  const missing = [];
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    missing.push(
      `Node ${process.versions.node} is too old: Node >= 20.19 is required (https://nodejs.org, or nvm install 20).`,
    );
  }
  if (!existsSync(join(root, 'node_modules', '.bin', 'vitest'))) {
    missing.push('Dependencies are not installed (no node_modules): run npm ci first.');
  }
  if (missing.length > 0) return missing; // the packaged Chromium needs node_modules
  try {
    const { path, origin } = await findChromium();
    // Every step (and the browser tests' workers) launches this one, found once.
    process.env.CHROMIUM_PATH = path;
    console.log(`Chromium: ${path} (${origin})`);
    if (BOTH) {
      const packaged = await findChromium({ PATH: '' });
      if (packaged.path !== path) {
        STEPS.push({
          name: 'browser tests (npm Chromium)',
          command: 'npx',
          args: BROWSER_TESTS,
          env: { CHROMIUM_PATH: packaged.path },
        });
        console.log(`Chromium for a second browser run: ${packaged.path} (${packaged.origin})`);
      }
    }
  } catch (error) {
    missing.push(error instanceof Error ? error.message : String(error));
  }
  return missing;
}

/** Runs one step with inherited stdio; resolves to its exit code. */
function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...(CI ? { CI: 'true' } : {}), ...step.env },
    });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(red(`Could not start ${step.command}: ${error.message}`));
      resolve(127);
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function summary(results) {
  const width = Math.max(...results.map((result) => result.name.length), 'prerequisites'.length);
  console.log(`\n${bold('Summary')}`);
  for (const result of results) {
    const status =
      result.status === 'passed'
        ? green('passed')
        : result.status === 'failed'
          ? red('FAILED')
          : 'skipped';
    const duration = result.ms === undefined ? '' : seconds(result.ms);
    console.log(
      `  ${result.name.padEnd(width)}  ${status.padEnd(color ? 16 : 7)}  ${duration}`.trimEnd(),
    );
  }
  const passed = results.filter((result) => result.status === 'passed').length;
  const failed = results.filter((result) => result.status === 'failed').length;
  console.log(`${passed} passed, ${failed} failed`);
}

async function main() {
  const missing = await missingPrerequisites();
  if (missing.length > 0) {
    console.error(red(bold('Cannot run the tests; missing prerequisites:')));
    for (const line of missing) console.error(`  - ${line}`);
    summary([{ name: 'prerequisites', status: 'failed' }]);
    return 1;
  }

  const results = [];
  const started = Date.now();
  for (const step of STEPS) {
    console.log(`\n${bold(`▶ ${step.name}`)}: ${step.command} ${step.args.join(' ')}`);
    const t0 = Date.now();
    const code = await run(step);
    const ms = Date.now() - t0;
    if (code !== 0) {
      results.push({ name: step.name, status: 'failed', ms });
      for (const rest of STEPS.slice(STEPS.indexOf(step) + 1)) {
        results.push({ name: rest.name, status: 'skipped' });
      }
      console.error(
        red(bold(`\n✗ Step "${step.name}" failed (exit code ${code}) after ${seconds(ms)}.`)),
      );
      summary(results);
      return 1;
    }
    results.push({ name: step.name, status: 'passed', ms });
  }
  console.log(green(bold(`\n✓ All steps passed in ${seconds(Date.now() - started)}.`)));
  summary(results);
  return 0;
}

process.exitCode = await main();
