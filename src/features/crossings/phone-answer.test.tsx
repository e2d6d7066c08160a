import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setUpMockApi } from '../../../test/msw.ts';
import { renderWithApp } from '../../../test/render.tsx';
import { NARROW_SCREEN } from '../../ui/use-media-query.ts';
import { CrossingsBoard } from './crossings-board.tsx';

setUpMockApi();

/** A phone: the narrow-screen query matches (jsdom has no layout, so matchMedia is stubbed). */
function phoneScreen() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === NARROW_SCREEN,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

const board = () => screen.getByRole('region', { name: 'Crossings' });
const ready = () =>
  waitFor(() => expect(board()).toHaveAttribute('data-state', 'ready'), { timeout: 5000 });
const crossings = () => [...board().querySelectorAll<HTMLElement>('tbody[data-crossing]')];

describe('The crossings on a phone', () => {
  beforeEach(phoneScreen);
  afterEach(() => vi.unstubAllGlobals());

  it('answers every crossing in one tight row: status word, since when, figures per source', async () => {
    renderWithApp(<CrossingsBoard />);
    await ready();
    // The wide board's table is not drawn on a phone.
    expect(within(board()).queryByRole('columnheader', { name: 'Status now' })).toBeNull();
    const rows = crossings();
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const sources = within(board())
      .getAllByRole('columnheader')
      .filter((th) => th.getAttribute('scope') === 'colgroup')
      .map((th) => th.textContent);
    // Two sources, each in its own column group: never one added-up figure.
    expect(sources).toEqual([
      'Border Authority (synthetic)',
      'UN Monitoring Mechanism (synthetic)',
    ]);
    for (const row of rows) {
      // The status in force first, then each source's under its name (the same word or not).
      const words = within(row).getAllByText(/^(Open|Restricted|Closed|Unknown)$/);
      expect(words[0]!.closest('th')).not.toBeNull();
      const figures = row.querySelectorAll('tr.phone-answer__figures td');
      expect(figures.length).toBe(3);
      for (const cell of figures) {
        // A count with its day (or "today"), or a dash that says no count came this week.
        expect(cell.textContent).toMatch(
          /^(\d+ .+ ?(today|[A-Z][a-z]{2} \d+)|—no count in the last 7 days)$/,
        );
        // Each figure is tied to its crossing, its source and its stage.
        expect(cell.getAttribute('headers')?.split(' ')).toHaveLength(3);
      }
    }
    expect(within(rows[0]!).getByText(/^since /)).toBeInTheDocument();
  });

  it('opens the full details of a crossing from the keyboard, and closes them again', async () => {
    renderWithApp(<CrossingsBoard />);
    await ready();
    const button = within(board()).getByRole('button', { name: 'Kerem Shalom' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const details = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(within(details).getByText('Status reports, last 7 days')).toBeInTheDocument();
    expect(within(details).getByText('Last 7 days')).toBeInTheDocument();
    expect(within(details).getAllByText(/Karem Abu Salem/).length).toBeGreaterThan(0);
    expect(new URLSearchParams(window.location.search).get('crossing')).toBe('kerem-shalom');
    // The focus went to the details' heading; their close button gives it back to the crossing.
    await waitFor(() =>
      expect(document.activeElement).toHaveTextContent('Kerem Shalom: each source’s last report'),
    );
    await userEvent.click(within(details).getByRole('button', { name: 'Close' }));
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(within(board()).queryByText('Status reports, last 7 days')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(button));
    await userEvent.keyboard(' ');
    expect(button).toHaveAttribute('aria-expanded', 'true');
  });
});
