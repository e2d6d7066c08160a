import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sourceFails } from '../../../mocks/overrides.ts';
import { setUpMockApi } from '../../../test/msw.ts';
import { renderWithApp } from '../../../test/render.tsx';
import { HospitalsPanel } from './hospitals-panel.tsx';

const server = setUpMockApi();
const region = (name: string) => screen.getByRole('region', { name });

describe('Hospital capacity', () => {
  it('draws functionality, beds and fuel, each with a table alternative', async () => {
    renderWithApp(<HospitalsPanel />);
    for (const name of [
      'Facilities by functionality',
      'Beds available and occupied',
      'Fuel stock per facility',
    ])
      await waitFor(() => expect(region(name)).toHaveAttribute('data-state', 'ready'), {
        timeout: 8000,
      });
    const functionality = within(region('Facilities by functionality')).getByRole('table');
    expect(within(functionality).getAllByRole('row').length).toBeGreaterThan(10);
    expect(
      within(functionality).getByRole('columnheader', { name: 'Not functional' }),
    ).toBeInTheDocument();
    const fuel = within(region('Fuel stock per facility')).getByRole('table');
    const values = within(fuel)
      .getAllByRole('row')
      .slice(1)
      .map((r) => Number.parseFloat(r.querySelector('td')?.textContent ?? ''))
      .filter((v) => !Number.isNaN(v));
    expect(values.length).toBeGreaterThan(5);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(
      within(region('Fuel stock per facility')).getAllByText('Critical: 3 days').length,
    ).toBeGreaterThan(0);
    await waitFor(
      () =>
        expect(
          region('Fuel stock per facility').querySelector('svg.recharts-surface'),
        ).not.toBeNull(),
      { timeout: 8000 },
    );
  });

  it('a failing source gives an error naming it', async () => {
    server.use(sourceFails('facility-status'));
    renderWithApp(<HospitalsPanel />);
    await waitFor(
      () => expect(region('Hospital capacity')).toHaveAttribute('data-state', 'error'),
      { timeout: 8000 },
    );
    expect(within(region('Hospital capacity')).getByRole('alert')).toHaveTextContent(
      'Could not load data from Demo scenario (synthetic)',
    );
  });
});
