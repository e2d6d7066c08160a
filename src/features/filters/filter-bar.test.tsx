import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setUpMockApi } from '../../../test/msw.ts';
import { renderWithApp } from '../../../test/render.tsx';
import { FilterBar } from './filter-bar.tsx';

setUpMockApi();

const params = () => new URLSearchParams(window.location.search);

describe('Filter bar', () => {
  it('puts the period in the URL and back/forward restore it', async () => {
    renderWithApp(<FilterBar />);
    const filters = screen.getByRole('region', { name: 'Filters' });
    await userEvent.click(within(filters).getByRole('radio', { name: '7 days' }));
    expect(params().get('range')).toBe('7d');
    await userEvent.click(within(filters).getByRole('radio', { name: '1 year' }));
    expect(params().get('range')).toBe('1y');
    window.history.back();
    await waitFor(() =>
      expect(within(filters).getByRole('radio', { name: '7 days' })).toBeChecked(),
    );
  });

  it('a custom period writes from and to', async () => {
    renderWithApp(<FilterBar />);
    await userEvent.click(screen.getByRole('radio', { name: 'Custom' }));
    expect(params().get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(params().get('to')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(screen.getByLabelText('From')).toHaveValue(params().get('from'));
  });

  it('a bad permalink falls back with a notice instead of breaking', async () => {
    window.history.replaceState(
      null,
      '',
      '/?range=forever&commodities=food,weapons&from=2025-02-30&to=2025-03-01',
    );
    renderWithApp(<FilterBar />);
    const notices = await screen.findByRole('status');
    expect(notices).toHaveTextContent('2025-02-30 is not a date');
    expect(screen.getByRole('radio', { name: '30 days' })).toBeChecked();
  });
});
