/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { appCodeVersion, offlineWorker } from './scripts/offline-worker.ts';

export default defineConfig({
  // The offline worker (dist/sw.js) is written by the build only: see boot.ts for the dev server.
  plugins: [react(), offlineWorker()],
  define: { __APP_VERSION__: JSON.stringify(appCodeVersion(import.meta.dirname)) },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The budget is on what the first paint needs; lazy chunks (mocks, map, charts) are separate.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Recharts in one chunk named for it, whatever chart code imports it first: the
        // Save-Data tests and the "load" buttons' sizes count on it (left to itself the bundler
        // named the parts after their first modules, "Bar" and "CartesianGrid").
        codeSplitting: {
          groups: [
            {
              name: 'recharts',
              test: /node_modules[\\/](recharts|victory-vendor)[\\/]/,
              // Not React and the other modules it shares with the first page load.
              includeDependenciesRecursively: false,
            },
            // What the first page load needs, in one file: left to itself the bundler split a
            // few modules that a lazy chunk shares with the first load into files of their own
            // (eight files; 150.6 KB gzip against 146.4 KB as one).
            { name: 'first-load', tags: ['$initial'], includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: [
            'src/**/*.test.{ts,tsx}',
            'mocks/**/*.test.ts',
            'scripts/**/*.test.ts',
            'server/**/*.test.ts',
          ],
          setupFiles: ['test/setup.ts'],
          // Component tests wait on the mock API and lazy chunks; 2 busy cores can be slow.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
