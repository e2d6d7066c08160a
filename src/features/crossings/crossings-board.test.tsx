import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sourceAnswersMalformed, sourceFails, sourceReturns } from '../../../mocks/overrides.ts';
import { setUpMockApi } from '../../../test/msw.ts';
import { openTables, renderWithApp } from '../../../test/render.tsx';
import { CrossingsBoard } from './crossings-board.tsx';

const server = setUpMockApi();

const board = () => screen.getByRole('region', { name: 'Crossings' });
const ready = () =>
  waitFor(() => expect(board()).toHaveAttribute('data-state', 'ready'), { timeout: 5000 });

describe('Crossings board', () => {
  it('shows every crossing with a status word, truck counts per source and where they came from', async () => {
    renderWithApp(<CrossingsBoard />);
    expect(board()).toHaveAttribute('aria-busy', 'true');
    await ready();
    const rows = within(board()).getAllByRole('rowheader');
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const header of rows) {
      const row = header.closest('tr')!;
      expect(within(row).getAllByText(/^(Open|Restricted|Closed|Unknown)$/).length).toBeGreaterThan(
        0,
      );
    }
    expect(within(board()).getAllByText(/Entered/).length).toBeGreaterThan(0);
    // Two sources counting the same trucks are shown side by side, never added up.
    expect(within(board()).getAllByText(/\(synthetic\)/).length).toBeGreaterThan(1);
    // The demo deliberately includes invalid records: they are counted, not shown.
    expect(within(board()).getByTestId('rejected-records')).toHaveTextContent(
      /rejected and (is|are) not shown/,
    );
  });

  it('selecting a crossing puts it in the URL and opens its details', async () => {
    renderWithApp(<CrossingsBoard />);
    await ready();
    const button = within(board()).getByRole('button', { name: 'Show Kerem Shalom details' });
    await userEvent.click(button);
    expect(new URLSearchParams(window.location.search).get('crossing')).toBe('kerem-shalom');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(within(board()).getByText('Status reports, last 7 days')).toBeInTheDocument();
    expect(within(board()).getAllByText(/Karem Abu Salem/).length).toBeGreaterThan(0);
    await userEvent.click(button);
    expect(new URLSearchParams(window.location.search).get('crossing')).toBeNull();
  });

  it('links each crossing to its page, keeping the reader’s query', async () => {
    window.history.replaceState(null, '', '/?range=90d&verification=verified&lang=en');
    renderWithApp(<CrossingsBoard />);
    await ready();
    const link = within(board()).getByRole('link', { name: 'Crossing page: Kerem Shalom' });
    expect(link).toHaveAttribute(
      'href',
      '/crossings/kerem-shalom?range=90d&verification=verified&lang=en',
    );
    await userEvent.click(link);
    expect(window.location.pathname).toBe('/crossings/kerem-shalom');
    expect(window.location.search).toBe('?range=90d&verification=verified&lang=en');
  });

  it('a 500 from the source gives an error naming it and a retry that recovers', async () => {
    server.use(sourceFails('crossing-status', 500));
    renderWithApp(<CrossingsBoard />);
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent(
      'Could not load data from Demo scenario (synthetic): answered HTTP 500',
    );
    expect(board()).toHaveAttribute('data-state', 'error');
    server.resetHandlers();
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await ready();
  });

  it('a malformed body gives a clear message, not a crash', async () => {
    server.use(sourceAnswersMalformed('aid-flow'));
    renderWithApp(<CrossingsBoard />);
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent(
      /Demo scenario \(synthetic\): answered (something that is not JSON|an unexpected shape)/,
    );
    // Statuses still show: one failing query does not blank the panel.
    await waitFor(() =>
      expect(
        within(board()).getAllByText(/^(Open|Restricted|Closed|Unknown)$/).length,
      ).toBeGreaterThan(5),
    );
  });

  it('counts rejected records and shows the rest; markup in a note stays text', async () => {
    const now = new Date().toISOString();
    const provenance = { sourceId: 'border-authority', reportedAt: now, verification: 'reported' };
    server.use(
      sourceReturns('crossing-status', [
        {
          crossingId: 'kerem-shalom',
          at: now,
          status: 'open',
          note: '<img src=x onerror=alert(1)>',
          provenance,
        },
        { crossingId: 'rafah', at: now, status: 'half-open', provenance },
        { crossingId: 'erez', at: 'yesterday', status: 'closed', provenance },
      ]),
    );
    renderWithApp(<CrossingsBoard />);
    await ready();
    const rejected = openTables(within(board()).getByTestId('rejected-records'));
    expect(rejected).toHaveTextContent(
      /\d+ records from Demo scenario \(synthetic\) were rejected/,
    );
    const statusIssues = within(rejected)
      .getAllByRole('row')
      .filter((row) => row.textContent?.includes('crossing-status'));
    expect(statusIssues.map((row) => row.textContent)).toEqual([
      expect.stringContaining('status: must be one of open, restricted, closed, unknown'),
      expect.stringContaining('at: must be a date-time with a time zone'),
    ]);
    await userEvent.click(
      within(board()).getByRole('button', { name: 'Show Kerem Shalom details' }),
    );
    expect(within(board()).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });
});
