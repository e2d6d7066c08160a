import { chromium } from '../node_modules/playwright-core/index.mjs';
import { startServer } from '/work/main/scripts/api-server.ts';
import { findChromium } from '/work/main/scripts/find-chromium.mjs';
const API_CONFIG = { defaultSource: 'api', sources: [{ id: 'api', name: 'API', adapter: 'rest', url: '/api/v1', timeoutMs: 120000 }] };
const range = process.argv[2] ?? '30d';
const end = new Date().toISOString().slice(0, 10);
const start = `${Number(end.slice(0, 4)) - 5}${end.slice(4)}`;
const server = await startServer({ port: 0, staticDir: '/work/main/dist', config: API_CONFIG, scenario: { start, crossings: 8 } } as never);
const browser = await chromium.launch({ executablePath: (await findChromium()).path, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const sizes: string[] = [];
page.on('requestfinished', async (r) => {
  if (!r.url().includes('/api/')) return;
  const s = await r.sizes();
  const body = await (await r.response())!.body();
  sizes.push(`${s.responseBodySize}\t${body.length}\t${r.url().replace(server.url, '')}`);
});
await page.goto(`${server.url}/?range=${range}`);
for (let i = 0; i < 120; i++) {
  const n = await page.locator('[data-deferred]').count();
  if (n) await page.locator('[data-deferred]').first().evaluate((el) => el.scrollIntoView({ block: 'center' })).catch(() => {});
  const pending = await page.locator('section[data-state="loading"]').count();
  if (!n && !pending) break;
  await page.waitForTimeout(500);
}
const counts = await page.evaluate(() => ({ dom: document.getElementsByTagName('*').length, rows: document.querySelectorAll('tr').length }));
console.log(sizes.sort((a, b) => Number(b.split('\t')[1]) - Number(a.split('\t')[1])).join('\n'));
console.log(counts);
await browser.close();
await server.close();
