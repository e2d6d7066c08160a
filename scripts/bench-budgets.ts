/**
 * Bench rows for issue 12 item 6: what the whole history costs against the last 30 days. On the
 * same machine, in one run, the overview is loaded at range "30 days" and at "all", alternated,
 * each in a fresh browser context at 4× CPU slowdown, and compared by median:
 *
 * - ready: navigation start → every chart panel settled (ready, empty or error), ≤ 1.5×;
 * - JS heap of the page after a forced GC, ≤ 1.5×;
 * - bytes received by the page (CDP Network.loadingFinished encodedDataLength; for answers from
 *   the demo's service worker, their bodies' length), ≤ 2×;
 * - the longest main-thread task (PerformanceObserver "longtask"), ≤ 200 ms.
 *
 * Scenarios: 5 years × 8 crossings from the API server (as benchCharts), the embedded demo (MSW
 * in the page, dist/config.json as built) and 10× the 5-year records (`scale: 10`).
 * Whatever the app asks for (raw records today, roll-ups later) is what is measured.
 * Expects dist/ to be built.
 *
 *   BENCH_ONLY=budgets npm run bench          # all three scenarios
 *   BENCH_ONLY=budgets-5y | budgets-demo | budgets-10x npm run bench
 */
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from './api-server.ts';
import { CHART_PANELS, OBSERVE_LONG_TASKS, loadAllPanels } from './bench-large-answer.ts';
import { alternate, formatBytes, formatRatio, ratioOf } from './bench-stats.ts';
import type { Row } from './bench.ts';
import { apiConfig } from './bench-setup.ts';

const DIST = resolve(import.meta.dirname, '..', 'dist');
const RUNS = Number(process.env.BENCH_BUDGET_RUNS ?? 3);
/** A load that has not settled by then counts as "over the limit"; the scenario stops there. */
const LOAD_TIMEOUT = Number(process.env.BENCH_BUDGET_TIMEOUT ?? 180_000);
const CPU_SLOWDOWN = 4;
const API_CONFIG = apiConfig(120_000);
const SIDES = { base: '30d', all: 'all' } as const;
type Side = (typeof SIDES)[keyof typeof SIDES];

interface Load {
  side: Side;
  /** ms from navigation start until every chart panel settled; Infinity when it never did. */
  readyMs: number;
  heapBytes: number;
  bytes: number;
  longestTaskMs: number;
  /** Chart panels that settled in data-state="error". */
  errors: string[];
}

interface BudgetScenario {
  key: 'budgets-5y' | 'budgets-demo' | 'budgets-10x';
  /** Words for the table, e.g. "5 y × 8 crossings". */
  label: string;
  serve(): Promise<RunningServer>;
  /** Heap and bytes rows hold against their budgets (else printed for information). */
  budgets: boolean;
  /** One unmeasured "30 days" load first, so the server's first answers are not counted. */
  warmUp: boolean;
  /** A load not settled by then is over the limit (ms). */
  timeout: number;
}

/** Today and the day `years` ago, as the API server's scenario wants them. */
function yearsBack(years: number): string {
  const end = new Date().toISOString().slice(0, 10);
  return `${Number(end.slice(0, 4)) - years}${end.slice(4)}`;
}

export const BUDGET_SCENARIOS: BudgetScenario[] = [
  {
    key: 'budgets-5y',
    label: '5 y × 8 crossings',
    serve: () =>
      startServer({
        port: 0,
        staticDir: DIST,
        config: API_CONFIG,
        scenario: { start: yearsBack(5), crossings: 8 },
      }),
    budgets: true,
    warmUp: true,
    timeout: LOAD_TIMEOUT,
  },
  {
    key: 'budgets-demo',
    label: 'demo (MSW in the page)',
    // No config given: dist/config.json, whose default source is the in-browser demo.
    serve: () => startServer({ port: 0, staticDir: DIST }),
    budgets: true,
    // The data is made in the page: nothing on the server to warm up.
    warmUp: false,
    timeout: LOAD_TIMEOUT,
  },
  {
    key: 'budgets-10x',
    label: '10× (10 y × 24 crossings × 4 publishers)',
    serve: () =>
      startServer({
        port: 0,
        staticDir: DIST,
        config: API_CONFIG,
        scenario: { start: yearsBack(5), crossings: 8, scale: 10 },
      }),
    budgets: false,
    warmUp: true,
    // Shorter: while the app reads raw records, "all" cannot finish here at all.
    timeout: Math.min(LOAD_TIMEOUT, 90_000),
  },
];

/** One fresh load of the overview at `side`, measured as described at the top. */
async function loadOverview(
  browser: Browser,
  url: string,
  side: Side,
  timeout: number,
): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE_LONG_TASKS);
    const cdp = await context.newCDPSession(page);
    // Answers the demo's service worker gives have next to no encodedDataLength: count their
    // bodies as received instead, so that the data the page takes in is in the figure too.
    let bytes = 0;
    const fromWorker = new Set<string>();
    cdp.on(
      'Network.responseReceived',
      (event: { requestId: string; response: { fromServiceWorker?: boolean } }) => {
        if (event.response.fromServiceWorker) fromWorker.add(event.requestId);
      },
    );
    cdp.on('Network.dataReceived', (event: { requestId: string; dataLength: number }) => {
      if (fromWorker.has(event.requestId)) bytes += event.dataLength;
    });
    cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
      if (!fromWorker.has(event.requestId)) bytes += event.encodedDataLength;
    });
    await cdp.send('Network.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(`${url}/?range=${side}`, { waitUntil: 'commit' });
    let readyMs: number;
    try {
      readyMs = await loadAllPanels(page, { polling: 100, timeout });
    } catch (error) {
      if (!/timeout/i.test(String(error))) throw error;
      readyMs = Infinity;
    }
    // Late requests (a range that changes once the theatre is known) show themselves.
    await page.waitForTimeout(1000);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const { longTasks, errors } = await page.evaluate(
      (names) => ({
        longTasks: (window as unknown as { __longTasks: number[] }).__longTasks,
        errors: [...document.querySelectorAll('section[data-state="error"]')]
          .map((s) => {
            const id = s.getAttribute('aria-labelledby')?.split(' ')[0];
            return ((id && document.getElementById(id)?.textContent) || '').trim();
          })
          .filter((name) => names.includes(name)),
      }),
      CHART_PANELS,
    );
    return {
      side,
      readyMs,
      heapBytes: heap.usedSize,
      bytes,
      longestTaskMs: Math.max(0, ...longTasks),
      errors,
    };
  } finally {
    await context.close();
  }
}

/**
 * Loads of both sides, alternated. After a load that did not settle in time the scenario stops:
 * the ratio is over budget whatever comes next, and the run must stay short.
 */
async function measure(browser: Browser, url: string, scenario: BudgetScenario): Promise<Load[]> {
  if (scenario.warmUp) await loadOverview(browser, url, SIDES.base, scenario.timeout);
  const loads: Load[] = [];
  for (const side of alternate(SIDES.base, SIDES.all, RUNS)) {
    const load = await loadOverview(browser, url, side, scenario.timeout);
    loads.push(load);
    if (process.env.BENCH_VERBOSE)
      console.log(
        `  ${side}: ready ${Math.round(load.readyMs)} ms, heap ${formatBytes(load.heapBytes)}, ` +
          `${formatBytes(load.bytes)}, longest task ${Math.round(load.longestTaskMs)} ms` +
          (load.errors.length ? `, in error: ${load.errors.join(', ')}` : ''),
      );
    if (!Number.isFinite(load.readyMs)) break;
  }
  return loads;
}

/** The rows of one scenario, from its loads. */
export function budgetRows(scenario: BudgetScenario, loads: readonly Load[]): Row[] {
  const of = (side: Side, pick: (load: Load) => number) =>
    loads.filter((load) => load.side === side).map(pick);
  const runs = Math.min(
    of(SIDES.base, (l) => l.readyMs).length,
    of(SIDES.all, (l) => l.readyMs).length,
  );
  const where = `${scenario.label}, CPU ${CPU_SLOWDOWN}×, median of ${runs}`;
  // A side whose panels ended in error did not show the data: its figures are not a pass.
  const failed = [...new Set(loads.filter((l) => l.side === SIDES.all).flatMap((l) => l.errors))];
  const cutOff = loads.some((l) => !Number.isFinite(l.readyMs));
  const failedNote =
    (failed.length ? `; "all" in error: ${failed.join(', ')}` : '') +
    (cutOff ? '; taken when the load was cut off' : '');
  const rows: Row[] = [];
  const ratioRow = (
    what: string,
    pick: (load: Load) => number,
    budget: number | undefined,
    show: (value: number) => string,
  ) => {
    const r = ratioOf(of(SIDES.base, pick), of(SIDES.all, pick), budget ?? Infinity);
    rows.push({
      metric: `${what}, "all" ÷ "30 days", ${where}`,
      value: `${formatRatio(r.ratio)} (${show(r.base)} → ${show(r.value)}${failedNote})`,
      unit: '',
      budget: budget === undefined ? '' : `≤ ${budget}×`,
      holds: budget === undefined ? undefined : r.holds && failed.length === 0,
    });
  };
  const ms = (value: number) =>
    Number.isFinite(value) ? `${Math.round(value)} ms` : `> ${scenario.timeout / 1000} s`;
  ratioRow('Overview ready (every chart panel settled)', (l) => l.readyMs, 1.5, ms);
  ratioRow('JS heap after GC', (l) => l.heapBytes, scenario.budgets ? 1.5 : undefined, formatBytes);
  ratioRow(
    'Bytes received by the page',
    (l) => l.bytes,
    scenario.budgets ? 2 : undefined,
    formatBytes,
  );
  const longest = (side: Side) => Math.round(Math.max(0, ...of(side, (l) => l.longestTaskMs)));
  const worst = Math.max(longest(SIDES.base), longest(SIDES.all));
  rows.push({
    metric: `Longest main-thread task, ${scenario.label}, CPU ${CPU_SLOWDOWN}×, any load ("30 days" / "all")`,
    value: `${longest(SIDES.base)} / ${longest(SIDES.all)}`,
    unit: 'ms',
    budget: '≤ 200 ms',
    holds: worst <= 200,
  });
  return rows;
}

/** The rows of the scenarios whose key starts with `only` ("budgets" = all of them). */
export async function benchBudgets(browser: Browser, only = 'budgets'): Promise<Row[]> {
  const rows: Row[] = [];
  for (const scenario of BUDGET_SCENARIOS.filter((s) => s.key.startsWith(only))) {
    const started = performance.now();
    const server = await scenario.serve();
    try {
      console.log(`  ${scenario.label}`);
      rows.push(...budgetRows(scenario, await measure(browser, server.url, scenario)));
    } finally {
      await server.close();
    }
    console.log(`  ${scenario.label}: ${Math.round((performance.now() - started) / 1000)} s`);
  }
  return rows;
}
