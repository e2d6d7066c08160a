import { chromium } from '../node_modules/playwright-core/index.mjs';
import { startServer } from '/work/main/scripts/api-server.ts';
import { findChromium } from '/work/main/scripts/find-chromium.mjs';
import { readFileSync } from 'node:fs';
const API_CONFIG = { defaultSource: 'api', sources: [{ id: 'api', name: 'API', adapter: 'rest', url: '/api/v1', timeoutMs: 120000 }] };
const range = process.argv[2] ?? '30d';
const server = await startServer({ port: 0, staticDir: '/work/main/dist', config: API_CONFIG } as never);
const browser = await chromium.launch({ executablePath: (await findChromium()).path, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await browser.startTracing(page, { path: '/tmp/prof/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await page.goto(`${server.url}/?range=${range}`);
for (let i = 0; i < 60; i++) {
  const n = await page.locator('[data-deferred]').count();
  if (n) await page.locator('[data-deferred]').first().evaluate((el) => el.scrollIntoView({ block: 'center' })).catch(() => {});
  const pending = await page.locator('section[data-state="loading"]').count();
  if (!n && !pending) break;
  await page.waitForTimeout(500);
}
await browser.stopTracing();
await browser.close();
await server.close();
const trace = JSON.parse(readFileSync('/tmp/prof/trace.json', 'utf8'));
const events = (trace.traceEvents ?? trace) as any[];
// main thread: the thread with most RunTask
const tasks = events.filter((e) => e.name === 'RunTask' && e.dur > 200_000);
console.log('tasks > 200ms (throttled):', tasks.length);
for (const t of tasks.slice(0, 12)) {
  const inner = events.filter((e) => e.tid === t.tid && e.pid === t.pid && e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t);
  const by = new Map<string, number>();
  for (const e of inner) {
    const key = e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? `${e.name} ${(e.args?.data?.url ?? '').split('/').pop()}:${e.args?.data?.functionName ?? ''}` : e.name;
    by.set(key, Math.max(by.get(key) ?? 0, 0) + (e.dur ?? 0));
  }
  console.log(`task ${(t.dur / 1000).toFixed(0)} ms:`, [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k}=${(v / 1000).toFixed(0)}`).join(', '));
}
