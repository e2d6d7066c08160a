import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createAdapter } from '../../data/registry.ts';
import { SourceProvider } from '../../data/source-context.tsx';
import { I18nProvider } from '../../ui/i18n/context.tsx';
import { setUpMockApi } from '../../../test/msw.ts';
import { testConfig } from '../../../test/render.tsx';
import { prefetchBoard } from './board-queries.ts';
import { CrossingsBoard } from './crossings-board.tsx';

setUpMockApi();

describe('prefetchBoard', () => {
  it('asks exactly what the board then reads: the board sends no request of its own', async () => {
    const source = testConfig.sources[0]!;
    const real = createAdapter(source);
    const asked: string[] = [];
    const adapter = {
      ...real,
      theatre: () => (asked.push('theatre'), real.theatre()),
      query: ((request) => (asked.push(request.dataset), real.query(request))) as typeof real.query,
    };
    const client = new QueryClient({
      defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
    });
    prefetchBoard(client, adapter, new Date());
    expect(asked.sort()).toEqual(['aid-flow', 'crossing-status', 'theatre']);
    render(
      <QueryClientProvider client={client}>
        <I18nProvider>
          <SourceProvider value={{ config: testConfig, source, adapter }}>
            <CrossingsBoard />
          </SourceProvider>
        </I18nProvider>
      </QueryClientProvider>,
    );
    await waitFor(
      () =>
        expect(screen.getByRole('region', { name: 'Crossings' })).toHaveAttribute(
          'data-state',
          'ready',
        ),
      { timeout: 5000 },
    );
    expect(asked.sort()).toEqual(['aid-flow', 'crossing-status', 'theatre']);
  });
});
