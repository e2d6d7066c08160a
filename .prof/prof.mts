import { chromium } from '../node_modules/playwright-core/index.mjs';
import { startServer } from '/work/main/scripts/api-server.ts';
import { findChromium } from '/work/main/scripts/find-chromium.mjs';
const API_CONFIG = { defaultSource: 'api', sources: [{ id: 'api', name: 'API', adapter: 'rest', url: '/api/v1', timeoutMs: 120000 }] };
const range = process.argv[2] ?? '30d';
const server = await startServer({ port: 0, staticDir: '/work/main/dist', config: API_CONFIG } as never);
const browser = await chromium.launch({ executablePath: (await findChromium()).path, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.addInitScript(() => {
  (window as any).__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).__long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
});
await cdp.send('Profiler.start');
const t0 = Date.now();
await page.goto(`${server.url}/?range=${range}`);
for (let i = 0; i < 60; i++) {
  const n = await page.locator('[data-deferred]').count();
  if (n) await page.locator('[data-deferred]').first().evaluate((el) => el.scrollIntoView({ block: 'center' })).catch(() => {});
  const pending = await page.locator('section[data-state="loading"]').count();
  if (!n && !pending) break;
  await page.waitForTimeout(500);
}
console.log('ready ms', Date.now() - t0);
const { profile } = await cdp.send('Profiler.stop');
console.log('long tasks', JSON.stringify(await page.evaluate(() => (window as any).__long)));
// self time per function
const self = new Map<string, number>();
const dt = profile.timeDeltas!;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map<number, number>();
profile.samples!.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, us] of counts) {
  const n = byId.get(id)!;
  const f = n.callFrame;
  const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + us);
}
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${Math.round(v / 1000)} ms  ${k}`).join('\n'));
await browser.close();
await server.close();
