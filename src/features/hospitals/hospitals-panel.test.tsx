import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sourceFails } from '../../../mocks/overrides.ts';
import { chartCsvLines, chooseFullRange, isoDays, withExportScope } from '../../../test/export.tsx';
import { setUpMockApi } from '../../../test/msw.ts';
import { openTables, renderWithApp } from '../../../test/render.tsx';
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
    const functionality = within(openTables(region('Facilities by functionality'))).getByRole(
      'table',
    );
    expect(within(functionality).getAllByRole('row').length).toBeGreaterThan(10);
    expect(
      within(functionality).getByRole('columnheader', { name: 'Not functional' }),
    ).toBeInTheDocument();
    const fuel = within(openTables(region('Fuel stock per facility'))).getByRole('table');
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

  it('offers each chart over the full range as CSV, daily, with the same filters', async () => {
    renderWithApp(withExportScope(<HospitalsPanel />));
    const charts = {
      'hospitals-functionality': 'Facilities by functionality',
      'hospitals-beds': 'Beds available and occupied',
      'hospitals-fuel': 'Fuel stock per facility',
    };
    for (const name of Object.values(charts))
      await waitFor(() => expect(region(name)).toHaveAttribute('data-state', 'ready'), {
        timeout: 8000,
      });
    for (const [id, name] of Object.entries(charts)) {
      await chooseFullRange(region(name));
      const shown = await chartCsvLines(id, 'shown');
      const full = await chartCsvLines(id, 'full');
      expect(full.filename).toMatch(/_full\.csv$/);
      expect(full.lines[0]).toBe(shown.lines[0]);
      expect(full.lines.length).toBeGreaterThan(shown.lines.length);
      if (id === 'hospitals-fuel') {
        // One row per facility per reported day: the report dates span the whole coverage.
        const reported = full.lines.slice(1).map((l) => /\d{4}-\d{2}-\d{2}/.exec(l)?.[0]);
        expect(new Set(reported).size).toBeGreaterThan(30);
        expect([...reported].sort()[0]).toBe('2025-01-01');
      } else {
        // Every day from the start of the coverage, one row each, in order.
        const days = isoDays(full.lines);
        expect(days[0]).toBe('2025-01-01');
        expect(days).toEqual([...new Set(days)].sort());
        expect(days.length).toBe(full.lines.length - 1);
      }
    }
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
