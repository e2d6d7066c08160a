import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { setUpMockApi } from '../../test/msw.ts';
import { testConfig } from '../../test/render.tsx';
import { AidFlowPanel } from '../features/aid-flow/aid-flow-panel.tsx';
import { CrossingsBoard } from '../features/crossings/crossings-board.tsx';
import { EventsPanel } from '../features/events/events-panel.tsx';
import { HeadlinePanel } from '../features/headline/headline-panel.tsx';
import { HospitalsPanel } from '../features/hospitals/hospitals-panel.tsx';
import { UtilitiesPanel } from '../features/utilities/utilities-panel.tsx';
import { AppProviders } from './providers.tsx';

const server = setUpMockApi();

const PANELS = [
  'Crossings',
  'Headline figures',
  'Aid flow',
  'Hospital capacity',
  'Utilities',
  'Events',
];

/** Issue 10 item 7: a large answer fetched 9 times in one page view. One request per URL. */
describe('One page view', () => {
  it('requests each URL once, under StrictMode, with every panel mounted', async () => {
    const requests: string[] = [];
    const count = ({ request }: { request: Request }) => void requests.push(request.url);
    server.events.on('request:start', count);
    try {
      const client = new QueryClient({
        defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
      });
      render(
        <StrictMode>
          <AppProviders config={testConfig} source={testConfig.sources[0]!} queryClient={client}>
            <CrossingsBoard />
            <HeadlinePanel />
            <AidFlowPanel />
            <HospitalsPanel />
            <UtilitiesPanel />
            <EventsPanel />
          </AppProviders>
        </StrictMode>,
      );
      for (const name of PANELS)
        await waitFor(
          () => expect(screen.getByRole('region', { name })).toHaveAttribute('data-state', 'ready'),
          { timeout: 10_000 },
        );
      const repeated = requests.filter((url, i) => requests.indexOf(url) !== i);
      expect(repeated, `requested more than once: ${repeated.join(', ')}`).toEqual([]);
      expect(requests.length).toBeGreaterThan(5);
    } finally {
      server.events.removeListener('request:start', count);
    }
  });
});
