import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setUpMockApi } from '../../test/msw.ts';
import { renderWithApp } from '../../test/render.tsx';
import { UN } from '../../mocks/scenario/generate.ts';
import { WhoSaysSo } from './who-says-so.tsx';
import type { RecordsBehind } from '../domain/provenance.ts';
import { shiftDay, theatreDay } from '../domain/time.ts';

setUpMockApi();

const today = theatreDay(Date.now(), 'Asia/Gaza');

describe('Who says so?', () => {
  it('lists the reports behind a figure with publisher, method, report time and verification', async () => {
    const behind: RecordsBehind = {
      dataset: 'aid-flow',
      from: shiftDay(today, -10),
      to: shiftDay(today, -4),
      sourceId: UN,
      match: { crossingId: 'kerem-shalom', stage: 'collected' },
    };
    renderWithApp(<WhoSaysSo behind={behind} figure="Collected, last week" />);
    const user = userEvent.setup();
    // Nothing is asked of the source until the reader opens it.
    await user.click(screen.getByRole('button', { name: 'Who says so: Collected, last week' }));
    const dialog = await screen.findByRole('dialog', {
      name: /Who says so: .*Collected, last week/,
    });
    await waitFor(() => expect(within(dialog).getByRole('table')).toBeInTheDocument(), {
      timeout: 10000,
    });
    expect(dialog).toHaveTextContent('UN Monitoring Mechanism (synthetic)');
    expect(dialog).toHaveTextContent(/reports? for/);
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    // Every listed report is one the figure stands on: the stage and the source asked for.
    for (const row of rows) expect(row).toHaveTextContent('Collected');
    expect(
      within(dialog)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Day', 'Figure', 'Reported at', 'Verification', 'Verified by', 'Method note']);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('a figure over a long period lists its last month, and says so', async () => {
    const behind: RecordsBehind = {
      dataset: 'aid-flow',
      from: shiftDay(today, -200),
      to: shiftDay(today, -2),
      sourceId: UN,
      match: { crossingId: 'kerem-shalom', stage: 'collected' },
      verification: ['verified'],
    };
    renderWithApp(<WhoSaysSo behind={behind} figure="Entered" />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Who says so: Entered' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog).toHaveTextContent(/the reports of its last 31 days/), {
      timeout: 10000,
    });
    await waitFor(() => expect(dialog).not.toHaveTextContent('Asking the source'), {
      timeout: 10000,
    });
    // Verified only: no other level is listed.
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toHaveTextContent(/✓ ?verified/);
  });
});
