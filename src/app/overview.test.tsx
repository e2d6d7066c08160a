import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setUpMockApi } from '../../test/msw.ts';
import { renderWithApp } from '../../test/render.tsx';
import { CrossingsBoard } from '../features/crossings/crossings-board.tsx';
import { FilterBar } from '../features/filters/filter-bar.tsx';

setUpMockApi();

const board = () => screen.getByRole('region', { name: 'Crossings' });
const params = () => new URLSearchParams(window.location.search);

describe('Overview: panels follow the one set of filters', () => {
  it('the crossings filter narrows the board, and reset brings every crossing back', async () => {
    renderWithApp(
      <>
        <FilterBar />
        <CrossingsBoard />
      </>,
    );
    await waitFor(() => expect(board()).toHaveAttribute('data-state', 'ready'), { timeout: 5000 });
    const all = within(board()).getAllByRole('rowheader').length;
    await userEvent.click(screen.getByText('Crossings:', { exact: false, selector: 'summary' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Rafah' }));
    expect(params().get('crossings')).toBe('rafah');
    expect(
      within(board())
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual([expect.stringContaining('Rafah')]);
    await userEvent.click(screen.getByRole('button', { name: 'Reset filters' }));
    expect(within(board()).getAllByRole('rowheader')).toHaveLength(all);
  });
});
