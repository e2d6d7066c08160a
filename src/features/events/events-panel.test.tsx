import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sourceFails } from '../../../mocks/overrides.ts';
import { chartCsvLines, chooseFullRange, withExportScope } from '../../../test/export.tsx';
import { setUpMockApi } from '../../../test/msw.ts';
import { openTables, renderWithApp } from '../../../test/render.tsx';
import { EventsPanel } from './events-panel.tsx';

const server = setUpMockApi();
const panel = () => screen.getByRole('region', { name: 'Events' });

describe('Events timeline', () => {
  it('lists the events of the period with their sources, and draws them on lanes', async () => {
    window.history.replaceState(null, '', '/?range=1y');
    renderWithApp(<EventsPanel />);
    await waitFor(() => expect(panel()).toHaveAttribute('data-state', 'ready'), { timeout: 8000 });
    const table = within(openTables(panel())).getByRole('table', { name: /Events in the period/ });
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(3);
    expect(
      within(table).getAllByText(
        /UN Monitoring Mechanism \(synthetic\)|Border Authority \(synthetic\)/,
      ).length,
    ).toBe(rows.length - 1);
    expect(within(table).getAllByText(/^(Pause|Cease-fire phase)$/).length).toBeGreaterThan(0);
    await waitFor(() => expect(panel().querySelector('svg.recharts-surface')).not.toBeNull(), {
      timeout: 8000,
    });
  });

  it('offers the full range as CSV: every event the source covers, with the same filters', async () => {
    renderWithApp(withExportScope(<EventsPanel />));
    await waitFor(() => expect(panel()).toHaveAttribute('data-state', 'ready'), { timeout: 8000 });
    await chooseFullRange(panel());
    const shown = await chartCsvLines('events', 'shown');
    const full = await chartCsvLines('events', 'full');
    expect(full.filename).toMatch(/_full\.csv$/);
    expect(full.lines[0]).toBe(shown.lines[0]);
    expect(full.lines.length).toBeGreaterThan(shown.lines.length);
    // Every event of the period is in the full range too.
    for (const line of shown.lines.slice(1)) expect(full.lines).toContain(line);
  });

  it('a failing source gives an error naming it', async () => {
    server.use(sourceFails('events'));
    renderWithApp(<EventsPanel />);
    await waitFor(() => expect(panel()).toHaveAttribute('data-state', 'error'), { timeout: 8000 });
    expect(within(panel()).getByRole('alert')).toHaveTextContent('Demo scenario (synthetic)');
  });
});
