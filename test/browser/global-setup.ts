/**
 * Global setup of the vitest project "browser": serves the built app (dist/) twice on random ports,
 * once with the shipped config (demo source: MSW runs in the browser) and once with a config that
 * points at the real REST API on the same origin (no MSW). Tests read the URLs with `inject()`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from '../../scripts/api-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin serving dist/ with the shipped config.json: the demo source, data from MSW in the page. */
    demoUrl: string;
    /** Origin serving dist/ with a non-demo config: the app calls the real API at /api/v1. */
    apiUrl: string;
  }
}

/** The runtime config that makes the app use the real API server on its own origin. */
export const API_CONFIG = {
  defaultSource: 'api',
  sources: [{ id: 'api', name: 'Access Monitor API', adapter: 'rest', url: '/api/v1' }],
};

const DIST = resolve(import.meta.dirname, '../../dist');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(resolve(DIST, 'index.html'))) {
    throw new Error(
      `Browser tests need the built app (${DIST}/index.html is missing): run npm run build first.`,
    );
  }
  const servers: RunningServer[] = [];
  const closeAll = async (): Promise<void> => {
    await Promise.allSettled(servers.map((server) => server.close()));
  };
  try {
    const demo = await startServer({ port: 0, host: '127.0.0.1', staticDir: DIST });
    servers.push(demo);
    const api = await startServer({
      port: 0,
      host: '127.0.0.1',
      staticDir: DIST,
      config: API_CONFIG,
    });
    servers.push(api);
    project.provide('demoUrl', demo.url);
    project.provide('apiUrl', api.url);
  } catch (error) {
    await closeAll();
    throw error;
  }
  return closeAll;
}
