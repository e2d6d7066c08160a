import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sourceFails } from '../../../mocks/overrides.ts';
import { setUpMockApi } from '../../../test/msw.ts';
import { renderWithApp } from '../../../test/render.tsx';
import { CrossingsBoard } from './crossings-board.tsx';

const server = setUpMockApi();

/** A data value inside a right-to-left sentence is bidi-isolated (see translate.ts). */
const isolated = (text: string) => `\u2068${text}\u2069`;

const ARABIC_STATUS = /^(مفتوح|مقيّد|مغلق|غير معروف)$/;
const HEBREW_STATUS = /^(פתוח|מוגבל|סגור|לא ידוע)$/;

describe('Crossings board in Arabic and Hebrew', () => {
  it('speaks Arabic, right to left, with Arabic crossing names and the others as “also called”', async () => {
    window.history.replaceState(null, '', '/?lang=ar');
    renderWithApp(<CrossingsBoard />);
    const board = screen.getByRole('region', { name: 'المعابر' });
    await waitFor(() => expect(board).toHaveAttribute('data-state', 'ready'), { timeout: 5000 });
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(document.documentElement).toHaveAttribute('lang', 'ar');
    const rows = within(board).getAllByRole('rowheader');
    expect(rows.length).toBeGreaterThanOrEqual(6);
    // The status in force, then each source's own status beside its name and time.
    for (const header of rows)
      expect(within(header.closest('tr')!).getAllByText(ARABIC_STATUS).length).toBeGreaterThan(0);
    expect(within(board).queryByText(/^(Open|Restricted|Closed|Unknown)$/)).toBeNull();
    const kerem = within(board).getByRole('button', {
      name: `عرض تفاصيل ${isolated('كرم أبو سالم')}`,
    });
    await userEvent.click(kerem);
    // The names are data, each in a <bdi>: match the paragraph's whole text.
    expect(
      within(board).getByText(
        (_, element) =>
          element?.tagName === 'P' &&
          /ويُعرف أيضاً باسم .*Kerem Shalom.*כרם שלום/.test(element.textContent ?? ''),
      ),
    ).toBeInTheDocument();
  });

  it('speaks Hebrew with Hebrew crossing names', async () => {
    window.history.replaceState(null, '', '/?lang=he');
    renderWithApp(<CrossingsBoard />);
    const board = screen.getByRole('region', { name: 'מעברים' });
    await waitFor(() => expect(board).toHaveAttribute('data-state', 'ready'), { timeout: 5000 });
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    for (const header of within(board).getAllByRole('rowheader'))
      expect(within(header.closest('tr')!).getAllByText(HEBREW_STATUS).length).toBeGreaterThan(0);
    expect(
      within(board).getByRole('button', { name: `הצגת פרטי ${isolated('כרם שלום')}` }),
    ).toBeInTheDocument();
    expect(
      within(board).getByRole('button', { name: `הצגת פרטי ${isolated('רפיח')}` }),
    ).toBeInTheDocument();
  });

  it('says in Arabic why a source failed', async () => {
    server.use(sourceFails('crossing-status', 500));
    window.history.replaceState(null, '', '/?lang=ar');
    renderWithApp(<CrossingsBoard />);
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent(/تعذّر تحميل البيانات من .*ردّ المصدر برسالة خطأ \(HTTP 500\)/);
    expect(within(alert).getByRole('button', { name: 'إعادة المحاولة' })).toBeInTheDocument();
  });
});
