/**
 * `npm run bench`: builds the app, serves dist/ with the real API server (not the in-browser mock,
 * whose service worker would hide transfer sizes) and measures it against the budgets:
 * initial JS size, time until the Crossings board shows data (unthrottled and on a throttled
 * phone profile) and Lighthouse mobile scores. Prints a table and writes it to docs/benchmarks.md.
 *
 * Exits 0 when a budget is missed (the table says NO); non-zero only when a measurement failed.
 * Add a measurement by pushing a row to `rows`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium, type Browser } from 'playwright-core';
import { startServer } from './api-server.ts';
import { benchBudgets } from './bench-budgets.ts';
import { benchExport } from './bench-export.ts';
import { benchHxl } from './bench-hxl.ts';
import { benchLargeAnswer } from './bench-large-answer.ts';
import { benchOverview } from './bench-overview.ts';
import { benchPhone } from './bench-phone.ts';
import { benchStore } from './bench-store.ts';
import { benchWall } from './bench-wall.ts';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium.ts';
import { apiConfig, throttle } from './bench-setup.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, '.bench');
const DOC = join(ROOT, 'docs', 'benchmarks.md');
const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const READY_TIMEOUT = 60_000;
/** BENCH_QUICK=1: first-load figures only (sizes, board timing, Lighthouse), for iterating. */
const QUICK = process.env.BENCH_QUICK === '1';
/** BENCH_ONLY=large-answer: that row alone (after the build), docs/benchmarks.md left as it was. */
const ONLY = process.env.BENCH_ONLY;
const ONLY_ROWS: Record<string, (browser: Browser) => Promise<Row[]>> = {
  'large-answer': benchLargeAnswer,
  board: (browser) => withApiServer((url) => boardRows(browser, url, [])),
  charts: (browser) => benchOverview(browser, { map: false }),
  phone: (browser) => benchPhone(browser, []),
  budgets: (browser) => benchBudgets(browser),
  'budgets-5y': (browser) => benchBudgets(browser, 'budgets-5y'),
  'budgets-demo': (browser) => benchBudgets(browser, 'budgets-demo'),
  'budgets-10x': (browser) => benchBudgets(browser, 'budgets-10x'),
  store: () => benchStore(),
};
/** Crossings board with data under the throttled phone profile (issue 12 item 6: 1.3 s). */
const BOARD_BUDGET_MS = 1300;
const KB = 1024;

const API_CONFIG = apiConfig();

export interface Row {
  metric: string;
  value: number | string;
  unit: string;
  /** Human-readable budget, e.g. "≤ 150 KB"; empty when the row is for information. */
  budget: string;
  /** undefined when the row has no budget. */
  holds: boolean | undefined;
}

interface MachineFacts {
  date: string;
  nproc: number;
  cpu: string;
  node: string;
  chromium: string;
  lighthouseBenchmarkIndex?: number;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const notes: string[] = [];

  step('Building');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`);

  if (ONLY !== undefined) {
    const run = ONLY_ROWS[ONLY];
    if (!run)
      throw new Error(`BENCH_ONLY: no row "${ONLY}" (known: ${Object.keys(ONLY_ROWS).join(', ')})`);
    const browser = await chromium.launch({
      executablePath: await chromiumPath(),
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    try {
      step(`Only: ${ONLY}`);
      rows.push(...(await run(browser)));
    } finally {
      await browser.close();
    }
    console.log(`\n${markdownTable(rows)}\n\nBENCH_ONLY: docs/benchmarks.md left as it was.`);
    return;
  }

  step('Measuring JavaScript sizes');
  const { initial, total, initialFiles } = jsSizes();
  rows.push({
    metric: 'Initial JS (gzip -9)',
    value: round(initial / KB, 1),
    unit: 'KB',
    budget: '≤ 150 KB',
    holds: initial <= 150 * KB,
  });
  rows.push({
    metric: 'All JS in dist/assets (gzip -9)',
    value: round(total / KB, 1),
    unit: 'KB',
    budget: '',
    holds: undefined,
  });
  notes.push(`Initial JS files: ${initialFiles.map((file) => `\`${file}\``).join(', ')}.`);

  const server = await startServer({ port: 0, staticDir: DIST, config: API_CONFIG });
  const facts: MachineFacts = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    chromium: chromiumVersion(await chromiumPath()),
  };
  try {
    const browser = await chromium.launch({
      executablePath: await chromiumPath(),
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    try {
      rows.push(...(await boardRows(browser, server.url, notes)));
      step(`Phone first screen, 360×640, ${LOADS} fresh loads throttled (issue 13)`);
      rows.push(...(await benchPhone(browser, notes)));

      if (!QUICK) {
        step('Map and charts');
        rows.push(...(await benchOverview(browser)));
        step('Budgets: range "all" against "30 days" (issue 12)');
        rows.push(...(await benchBudgets(browser)));
        step('A 200,000-record REST answer');
        rows.push(...(await benchLargeAnswer(browser)));
        step('Exports');
        rows.push(...(await benchExport(server.url, browser)));
      }
    } finally {
      await browser.close();
    }

    step(`Lighthouse, mobile preset, ${LIGHTHOUSE_RUNS} runs`);
    const lh = await runLighthouse(server.url);
    facts.lighthouseBenchmarkIndex = lh.benchmarkIndex;
    rows.push({
      metric: `Lighthouse mobile performance (median of ${LIGHTHOUSE_RUNS})`,
      value: lh.performance.toFixed(2),
      unit: '',
      budget: '≥ 0.95',
      holds: lh.performance >= 0.95,
    });
    rows.push({
      metric: 'Lighthouse accessibility',
      value: lh.accessibility.toFixed(2),
      unit: '',
      budget: '= 1.00',
      holds: lh.accessibility >= 1,
    });
    for (const [metric, value] of lh.metrics) {
      rows.push({
        metric: `Lighthouse ${metric} (median run)`,
        value,
        unit: '',
        budget: '',
        holds: undefined,
      });
    }
    notes.push(`Lighthouse performance per run: ${lh.runs.map((s) => s.toFixed(2)).join(', ')}.`);
    notes.push(...lh.findings);
  } finally {
    await server.close();
  }

  if (!QUICK) {
    step('HXL CSV parsing');
    rows.push(...(await benchHxl()));
    step('API server store: board query and monthly roll-up, 5 y × 8 crossings (issue 16)');
    rows.push(...(await benchStore()));
  }
  if (!QUICK && process.env.BENCH_SKIP_SOAK !== '1') {
    step('Wall memory soak (several minutes; BENCH_SKIP_SOAK=1 skips it)');
    rows.push(...(await benchWall()));
  }

  const table = markdownTable(rows);
  console.log(`\n${table}\n`);
  for (const note of notes) console.log(note);
  if (QUICK) console.log('\nBENCH_QUICK: partial table, docs/benchmarks.md left as it was.');
  else {
    writeDoc(table, facts, notes);
    console.log(`\nWrote ${DOC}`);
  }
  const missed = rows.filter((row) => row.holds === false).map((row) => row.metric);
  console.log(missed.length ? `Budgets missed: ${missed.join('; ')}` : 'All budgets hold.');
}

/** The board's load time, unthrottled and throttled, and its layout shift; notes for the doc. */
async function boardRows(browser: Browser, url: string, notes: string[]): Promise<Row[]> {
  const rows: Row[] = [];
  step(`Timing the board, ${LOADS} fresh loads unthrottled`);
  const fast = await loadBoard(browser, url, false);
  rows.push({
    metric: 'Board shows data, median, unthrottled',
    value: Math.round(median(fast.map((load) => load.readyMs))),
    unit: 'ms',
    budget: '',
    holds: undefined,
  });
  step(`Timing the board, ${LOADS} fresh loads throttled`);
  const slow = await loadBoard(browser, url, true);
  const slowMedian = median(slow.map((load) => load.readyMs));
  rows.push({
    metric: 'Board shows data, median, throttled (150 ms RTT, 1.6 Mbps, CPU 4×)',
    value: Math.round(slowMedian),
    unit: 'ms',
    budget: `≤ ${BOARD_BUDGET_MS} ms`,
    holds: slowMedian <= BOARD_BUDGET_MS,
  });
  const cls = median(slow.map((load) => load.cls));
  rows.push({
    metric: 'Layout shift (CLS) in page, median throttled, to 1 s after ready',
    value: cls.toFixed(3),
    unit: '',
    budget: '',
    holds: undefined,
  });
  const ms = (loads: Load[]): string => loads.map((load) => Math.round(load.readyMs)).join(', ');
  notes.push(`Board load times (ms): unthrottled ${ms(fast)}; throttled ${ms(slow)}.`);
  if (cls > 0.1) notes.push(`Elements that moved (mean shift per load): ${topShifted(slow)}.`);
  return rows;
}

/** The app and the API server on one origin, with the non-demo config, for `run`. */
async function withApiServer<T>(run: (url: string) => Promise<T>): Promise<T> {
  const server = await startServer({ port: 0, staticDir: DIST, config: API_CONFIG });
  try {
    return await run(server.url);
  } finally {
    await server.close();
  }
}

function step(text: string): void {
  console.log(`\n▶ ${text}`);
}

/** gzip -9 sizes of the JS that index.html loads up front, and of every JS file in dist/assets. */
function jsSizes(): { initial: number; total: number; initialFiles: string[] } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const referenced = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag);
    const isPreload = /\brel=["']?modulepreload\b/i.test(tag);
    const url = /\b(?:src|href)=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (!url || !(isScript || isPreload) || /^(https?:)?\/\//.test(url)) continue;
    if (url.endsWith('.js') || url.endsWith('.mjs')) referenced.add(url.replace(/^\.?\//, ''));
  }
  if (referenced.size === 0) throw new Error('dist/index.html references no JS file');
  const gz = (file: string): number =>
    gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
  const initialFiles = [...referenced];
  const initial = initialFiles.reduce((sum, file) => sum + gz(file), 0);
  const total = readdirSync(join(DIST, 'assets'))
    .filter((file) => /\.m?js$/.test(file))
    .reduce((sum, file) => sum + gz(join('assets', file)), 0);
  return { initial, total, initialFiles };
}

interface Load {
  /** ms from navigation start to the board's data-state="ready". */
  readyMs: number;
  /** Cumulative layout shift (largest session window) until 1 s after the board was ready. */
  cls: number;
  /** The elements that moved, as "tag.class", with the shift they took part in. */
  shifted: { element: string; value: number }[];
}

/**
 * Loads the app LOADS times, each in a fresh context (empty cache): the time from navigation
 * start until the Crossings section gets data-state="ready" (a MutationObserver installed before
 * any page script records performance.now() at that mutation, so polling adds no delay) and the
 * layout shifts seen until a second later.
 */
async function loadBoard(browser: Browser, url: string, throttled: boolean): Promise<Load[]> {
  const loads: Load[] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    try {
      const page = await context.newPage();
      await page.addInitScript(MARK_BOARD_READY);
      if (throttled) {
        await throttle(await context.newCDPSession(page));
      }
      await page.goto(url, { waitUntil: 'commit', timeout: READY_TIMEOUT });
      await page
        .getByRole('region', { name: 'Crossings', exact: true })
        .and(page.locator('[data-state="ready"]'))
        .waitFor({ timeout: READY_TIMEOUT });
      const at = await page.waitForFunction(
        () => (window as { __boardReadyAt?: number }).__boardReadyAt,
        undefined,
        { timeout: 5_000 },
      );
      const readyMs = Number(await at.jsonValue());
      await page.waitForTimeout(1_000);
      const shifts = await page.evaluate(
        () => (window as { __layoutShifts?: LayoutShift[] }).__layoutShifts ?? [],
      );
      loads.push({ readyMs, ...layoutShift(shifts) });
    } finally {
      await context.close();
    }
  }
  return loads;
}

interface LayoutShift {
  t: number;
  value: number;
  sources: string[];
}

/** CLS as Chrome defines it: the largest session window (gaps < 1 s, at most 5 s long). */
function layoutShift(shifts: LayoutShift[]): Omit<Load, 'readyMs'> {
  let cls = 0;
  let window = 0;
  let first = -Infinity;
  let previous = -Infinity;
  for (const shift of shifts) {
    if (shift.t - previous > 1000 || shift.t - first > 5000) {
      window = 0;
      first = shift.t;
    }
    window += shift.value;
    previous = shift.t;
    cls = Math.max(cls, window);
  }
  const shifted = shifts.flatMap((shift) =>
    shift.sources.map((element) => ({ element, value: shift.value })),
  );
  return { cls, shifted };
}

/** The elements that moved most over all loads, for whoever fixes the layout. */
function topShifted(loads: Load[]): string {
  const total = new Map<string, number>();
  for (const { element, value } of loads.flatMap((load) => load.shifted)) {
    total.set(element, (total.get(element) ?? 0) + value / loads.length);
  }
  return [...total]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([element, value]) => `\`${element}\` (${value.toFixed(3)})`)
    .join(', ');
}

/**
 * Runs in the page before its scripts: records performance.now() (ms since navigation start) in
 * window.__boardReadyAt when the section labelled "Crossings" first has data-state="ready".
 * A string, not a function: tsx would wrap named functions in a helper the page does not have.
 */
const MARK_BOARD_READY = `(() => {
  const label = (section) => {
    const ids = section.getAttribute('aria-labelledby');
    if (section.hasAttribute('aria-label')) return section.getAttribute('aria-label');
    if (ids) return ids.split(/\\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    return section.querySelector('h1, h2, h3, h4, h5, h6')?.textContent ?? '';
  };
  const observer = new MutationObserver(() => {
    for (const section of document.querySelectorAll('section[data-state="ready"]')) {
      if (label(section).trim() === 'Crossings') {
        window.__boardReadyAt = performance.now();
        observer.disconnect();
        return;
      }
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  window.__layoutShifts = [];
  const describe = (node) =>
    !node ? '?' : node.nodeName.toLowerCase() + (typeof node.className === 'string' && node.className.trim() ? '.' + node.className.trim().split(/\\s+/).join('.') : '');
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__layoutShifts.push({ t: entry.startTime, value: entry.value, sources: (entry.sources ?? []).map((s) => describe(s.node)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

interface LighthouseSummary {
  performance: number;
  accessibility: number;
  runs: number[];
  metrics: [string, string][];
  findings: string[];
  benchmarkIndex: number | undefined;
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/** Lighthouse 12 with its default (mobile, simulated throttling) config, in Debian's Chromium. */
async function runLighthouse(url: string): Promise<LighthouseSummary> {
  mkdirSync(OUT, { recursive: true });
  const chrome = await chromeLauncher.launch({
    chromePath: await chromiumPath(),
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
    logLevel: 'silent',
  });
  const reports: Lhr[] = [];
  try {
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      if (!result) throw new Error('Lighthouse returned no result');
      const { lhr } = result;
      if (lhr.runtimeError) {
        throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      }
      const report = Array.isArray(result.report) ? result.report[0]! : result.report;
      writeFileSync(join(OUT, `lighthouse-${i + 1}.json`), report);
      reports.push(lhr);
      console.log(
        `  run ${i + 1}: performance ${score(lhr, 'performance')}, accessibility ${score(lhr, 'accessibility')}`,
      );
    }
  } finally {
    chrome.kill();
  }

  const byPerformance = [...reports].sort(
    (a, b) => score(a, 'performance') - score(b, 'performance'),
  );
  const middle = byPerformance[Math.floor(byPerformance.length / 2)]!;
  const performance = score(middle, 'performance');
  const accessibility = median(reports.map((lhr) => score(lhr, 'accessibility')));
  const metrics: [string, string][] = [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
    'speed-index',
  ].map((id) => [middle.audits[id]?.title ?? id, middle.audits[id]?.displayValue ?? 'n/a']);

  const findings: string[] = [];
  if (performance < 0.95) findings.push(failingAudits(middle, 'performance'));
  const worstA11y = reports.find((lhr) => score(lhr, 'accessibility') < 1);
  if (worstA11y) findings.push(failingAudits(worstA11y, 'accessibility'));
  if (findings.length) findings.push(`Full Lighthouse reports: ${OUT}/lighthouse-*.json`);
  return {
    performance,
    accessibility,
    runs: reports.map((lhr) => score(lhr, 'performance')),
    metrics,
    findings,
    benchmarkIndex: middle.environment.benchmarkIndex,
  };
}

function score(lhr: Lhr, category: string): number {
  const value = lhr.categories[category]?.score;
  if (typeof value !== 'number') throw new Error(`Lighthouse gave no ${category} score`);
  return value;
}

/** The audits of a category that did not pass, heaviest first, for whoever has to act. */
function failingAudits(lhr: Lhr, category: string): string {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  const failing = refs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(
      ({ audit }) =>
        audit &&
        typeof audit.score === 'number' &&
        audit.score < 0.9 &&
        !['notApplicable', 'informative', 'manual'].includes(audit.scoreDisplayMode),
    )
    .sort((a, b) => b.ref.weight - a.ref.weight);
  const lines = failing.map(({ ref, audit }) => {
    const head =
      `  - ${ref.id} (weight ${ref.weight}, score ${audit!.score}): ${audit!.title}` +
      (audit!.displayValue ? ` — ${audit!.displayValue}` : '');
    return [head, ...detailUrls(audit!.details).map((url) => `      ${url}`)].join('\n');
  });
  // Audits Lighthouse could not compute (e.g. a trace format it does not know in this Chromium).
  const errored = refs
    .filter((ref) => lhr.audits[ref.id]?.scoreDisplayMode === 'error')
    .map((ref) => `  - ${ref.id}: ${lhr.audits[ref.id]!.errorMessage?.slice(0, 160) ?? 'error'}`);
  return [
    `Lighthouse ${category} ${score(lhr, category).toFixed(2)}; audits not passing:`,
    lines.join('\n') || '  (none below 0.9: the score is pulled down by metrics close to the line)',
    ...(errored.length ? ['Audits that errored (no result):', ...errored] : []),
  ].join('\n');
}

/** The first few URLs an opportunity audit names (e.g. which responses are not compressed). */
function detailUrls(details: unknown): string[] {
  const items = (details as { items?: unknown[] } | undefined)?.items ?? [];
  return items
    .map((item) => (item as { url?: unknown }).url)
    .filter((url): url is string => typeof url === 'string')
    .slice(0, 3);
}

function markdownTable(rows: Row[]): string {
  const cells = rows.map((row) => [
    row.metric,
    `${row.value}${row.unit ? ` ${row.unit}` : ''}`,
    row.budget || '—',
    row.holds === undefined ? '—' : row.holds ? 'yes' : 'NO',
  ]);
  const header = ['Metric', 'Value', 'Budget', 'Holds'];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...cells.map((line) => line[i]!.length)),
  );
  const line = (values: string[]): string =>
    `| ${values.map((value, i) => value.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join(
    '\n',
  );
}

function writeDoc(table: string, facts: MachineFacts, notes: string[]): void {
  const machine = [
    `${facts.nproc} cores (nproc), ${facts.cpu}`,
    `Node ${facts.node}`,
    facts.chromium,
    ...(facts.lighthouseBenchmarkIndex === undefined
      ? []
      : [`Lighthouse benchmarkIndex ${Math.round(facts.lighthouseBenchmarkIndex)}`]),
  ];
  const doc = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts); each run replaces this file. The app is built and
served from dist/ by the real API server (\`scripts/api-server.ts\`) with a non-demo config, so no
service worker is involved. KB = 1024 bytes of gzip -9 output. "Board shows data" is the time from
navigation start to the Crossings section reaching \`data-state="ready"\`, median of ${LOADS} loads,
each in a fresh browser context (empty cache). Lighthouse 12 runs with its default mobile preset
(simulated throttling). Rows \`"all" ÷ "30 days"\` (issue 12, scripts/bench-budgets.ts) load the
overview at both ranges, alternated in one run, each in a fresh context at 4× CPU, and compare
medians; a load not settled in time stops its scenario (shown as \`> N s\`).

## Latest run: ${facts.date}

Machine: ${machine.join(' · ')}

${table}

${notes.map((note) => (note.includes('\n') ? `\`\`\`\n${note}\n\`\`\`` : `- ${note}`)).join('\n')}
`;
  writeFileSync(DOC, doc);
}

function chromiumVersion(path: string): string {
  try {
    return execFileSync(path, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return `Chromium at ${path} (version unknown)`;
  }
}

function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

try {
  await main();
} catch (error) {
  console.error('\nBenchmark failed:', error);
  process.exitCode = 1;
}
// Lighthouse and chrome-launcher can leave handles open; the work is done.
process.exit();
