import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The architecture of STYLE.md, enforced: app → features → charts → (data, domain, ui, lib);
 * data → (domain, lib); ui → (domain, lib); domain knows no React and no browser state; features
 * never import each other. charts/ is the one layer that joins data/ and ui/ (a chart spec's
 * queries and its frame), so that ui/ stays presentational.
 */
const boundaries = {
  'import-x/no-restricted-paths': [
    'error',
    {
      zones: [
        { target: './src/domain', from: './src/data', message: 'domain/ is pure: no data access.' },
        { target: './src/domain', from: './src/features', message: 'domain/ knows no features.' },
        { target: './src/domain', from: './src/ui', message: 'domain/ knows no UI.' },
        { target: './src/domain', from: './src/app', message: 'domain/ knows no app.' },
        {
          target: './src/data',
          from: './src/features',
          message: 'data/ must not import features.',
        },
        { target: './src/data', from: './src/app', message: 'data/ must not import app/.' },
        { target: './src/data', from: './src/ui', message: 'data/ must not import ui/.' },
        {
          target: './src/domain',
          from: './src/lib',
          message: 'domain/ is pure: no browser state.',
        },
        { target: './src/lib', from: './src/app', message: 'lib/ is shared plumbing: no app.' },
        {
          target: './src/lib',
          from: './src/features',
          message: 'lib/ is shared plumbing: no features.',
        },
        { target: './src/lib', from: './src/data', message: 'lib/ is shared plumbing: no data.' },
        { target: './src/lib', from: './src/ui', message: 'lib/ is shared plumbing: no ui.' },
        {
          target: './src/ui',
          from: './src/data',
          message: 'ui/ is presentational: it gets data as props.',
        },
        { target: './src/ui', from: './src/features', message: 'ui/ must not import features.' },
        { target: './src/ui', from: './src/app', message: 'ui/ must not import app/.' },
        { target: './src/features', from: './src/app', message: 'features must not import app/.' },
        { target: './src/charts', from: './src/features', message: 'charts/ knows no feature.' },
        { target: './src/charts', from: './src/app', message: 'charts/ must not import app/.' },
        ...['domain', 'data', 'ui', 'lib'].map((layer) => ({
          target: `./src/${layer}`,
          from: './src/charts',
          message: `${layer}/ is below charts/: it must not import it.`,
        })),
        // One zone per feature: it may import itself, never another feature.
        ...readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map(({ name }) => ({
            target: `./src/features/${name}`,
            from: './src/features',
            except: [`./${name}`],
            message: 'Features do not import each other: ask data/ for what you need.',
          })),
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'node_modules', 'public/mockServiceWorker.js', '.bench'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...boundaries,
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'react-dom', importNames: ['unstable_renderSubtreeIntoContainer'] }] },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*'], message: 'domain/ knows no React.' },
            { group: ['msw', 'msw/*', '@tanstack/*'], message: 'domain/ does no I/O.' },
          ],
        },
      ],
    },
  },
);
