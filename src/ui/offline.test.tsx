import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from './i18n/context.tsx';
import { KeptDataMark, OfflineNotice } from './offline.tsx';
import { Panel } from './panel.tsx';

function goOffline() {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
  act(() => void window.dispatchEvent(new Event('offline')));
}

function goOnline() {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
  act(() => void window.dispatchEvent(new Event('online')));
}

afterEach(() => vi.restoreAllMocks());

const query = (dataUpdatedAt: number, isPending = false) => ({
  isError: false,
  isPending,
  error: null,
  refetch: () => undefined,
  dataUpdatedAt,
});

/** Local "HH:MM" of an instant, as the device's clock shows it. */
const hhmm = (at: number) =>
  new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    at,
  );

describe('Offline marks (issue 13 item 4)', () => {
  it('says once, as a status, that the page is offline, and nothing when online', () => {
    goOffline();
    render(
      <I18nProvider locale="en">
        <OfflineNotice />
      </I18nProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Offline — showing the last data kept on this device.',
    );
    goOnline();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('gives a panel showing kept data the time and age of its oldest answer, offline only', () => {
    const now = Date.now();
    const oldest = now - 3 * 3600_000 - 60_000;
    goOffline();
    render(
      <I18nProvider locale="en">
        <Panel title="Crossings" state="ready" queries={[query(now - 60_000), query(oldest)]}>
          <p>rows</p>
        </Panel>
      </I18nProvider>,
    );
    const mark = screen.getByTestId('kept-mark');
    // The hour and minute of the oldest answer; with the day when it was not today.
    expect(mark.textContent).toMatch(/^As of .+, 3 hours ago — offline$/);
    if (new Date(oldest).getDate() === new Date(now).getDate())
      expect(mark).toHaveTextContent(`As of ${hhmm(oldest)}, 3 hours ago — offline`);
    expect(mark).toHaveAttribute('data-updated-at', String(oldest));
    // Back online the panel is fresh again: no mark.
    goOnline();
    expect(screen.queryByTestId('kept-mark')).toBeNull();
    expect(screen.getByRole('region', { name: 'Crossings' })).toHaveTextContent('rows');
  });

  it('gives the day with the time when the data are from an earlier day', () => {
    goOffline();
    const twoDaysAgo = Date.now() - 2 * 86_400_000;
    render(
      <I18nProvider locale="en">
        <KeptDataMark queries={[query(twoDaysAgo)]} />
      </I18nProvider>,
    );
    const day = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short' }).format(
      twoDaysAgo,
    );
    expect(screen.getByTestId('kept-mark')).toHaveTextContent(`As of ${day}`);
    expect(screen.getByTestId('kept-mark')).toHaveTextContent('2 days ago — offline');
  });

  it('says when nothing was kept for a panel, instead of loading for ever', () => {
    goOffline();
    render(
      <I18nProvider locale="en">
        <KeptDataMark queries={[query(0, true)]} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('kept-mark')).toHaveTextContent(
      'Offline — no data for this view was kept on this device.',
    );
  });

  it('speaks the reader’s language (Arabic)', () => {
    goOffline();
    render(
      <I18nProvider locale="ar">
        <OfflineNotice />
        <KeptDataMark queries={[query(Date.now() - 2 * 3600_000)]} />
      </I18nProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('غير متصل');
    const mark = screen.getByTestId('kept-mark').textContent ?? '';
    expect(mark).toContain('آخر تحديث');
    expect(mark).toContain(
      new Intl.RelativeTimeFormat('ar', { numeric: 'auto' }).format(-2, 'hour'),
    );
  });

  it('puts no mark on a panel that is not told its queries', () => {
    goOffline();
    render(
      <I18nProvider locale="en">
        <Panel title="Sources" state="ready">
          <p>list</p>
        </Panel>
      </I18nProvider>,
    );
    expect(screen.queryByTestId('kept-mark')).toBeNull();
  });
});
