import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sourceReturns } from '../../../mocks/overrides.ts';
import { setUpMockApi } from '../../../test/msw.ts';
import { openTables, renderWithApp } from '../../../test/render.tsx';
import { shiftDay, startOfTheatreDay, theatreDay } from '../../domain/time.ts';
import CrossingPage, { CrossingEmbed } from './crossing-page.tsx';

const server = setUpMockApi();
const ZONE = 'Asia/Gaza';
const today = () => theatreDay(Date.now(), ZONE);
/** The start of a theatre day some days ago (never an hour of today). */
const dayStart = (daysAgo: number) =>
  startOfTheatreDay(shiftDay(today(), -daysAgo), ZONE).toISOString();

const provenance = (sourceId: string, reportedAt: string, extra: object = {}) => ({
  sourceId,
  reportedAt,
  verification: 'reported',
  ...extra,
});

/** The authority says open all along; the UN says closed from three days ago. */
function disagreeingStatuses() {
  const status = (sourceId: string, daysAgo: number, state: string, extra: object = {}) => ({
    crossingId: 'kerem-shalom',
    at: dayStart(daysAgo),
    status: state,
    observersPresent: null,
    provenance: provenance(sourceId, dayStart(daysAgo), extra),
  });
  return [
    status('border-authority', 6, 'open'),
    status('un-monitor', 6, 'open'),
    status('un-monitor', 3, 'closed', {
      verifiedBy: 'Joint observer team',
      method: 'Seen at the gate by two observers',
    }),
  ];
}

function gapRecords() {
  const gaps = (sourceId: string, daysAgo: number, waiting: number, intercepted: number) => ({
    date: shiftDay(today(), -daysAgo),
    crossingId: 'kerem-shalom',
    waiting,
    intercepted,
    provenance: provenance(sourceId, dayStart(daysAgo - 1)),
  });
  return [
    gaps('un-monitor', 2, 300, 4),
    gaps('un-monitor', 1, 280, 2),
    gaps('border-authority', 1, 40, 0),
  ];
}

const section = (name: string | RegExp) => screen.getByRole('region', { name });
const ready = (name: string | RegExp) =>
  waitFor(() => expect(section(name)).toHaveAttribute('data-state', 'ready'), { timeout: 8000 });

describe('Crossing page', () => {
  it('names the crossing with its other names, what it passes and its target', async () => {
    renderWithApp(<CrossingPage crossingId="kerem-shalom" />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Kerem Shalom' }, { timeout: 8000 }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Also called/)).toHaveTextContent(/Karem Abu Salem/);
    expect(screen.getByText(/Israel/)).toBeInTheDocument();
    expect(screen.getByText(/trucks a day|none stated/)).toBeInTheDocument();
  });

  it('shows each source’s status side by side, and the days they disagree', async () => {
    server.use(sourceReturns('crossing-status', disagreeingStatuses()));
    renderWithApp(<CrossingPage crossingId="kerem-shalom" />);
    await ready('Status now, per source');
    const now = section('Status now, per source');
    expect(within(now).getByText(/The sources disagree/)).toBeInTheDocument();
    expect(within(now).getByText('Open')).toBeInTheDocument();
    expect(within(now).getByText('Closed')).toBeInTheDocument();

    // The timeline's table: one column per source and level, and a verdict per day.
    await ready('Status history by source');
    const history = section('Status history by source');
    const table = within(openTables(history)).getByRole('table');
    expect(
      within(table).getByRole('columnheader', {
        name: /Border Authority \(synthetic\) \(reported/,
      }),
    ).toBeInTheDocument();
    expect(within(table).getAllByText('disagree').length).toBeGreaterThanOrEqual(3);
    expect(within(table).getAllByText('agree').length).toBeGreaterThan(0);

    // The days they disagree, newest first, each source's state in words.
    await ready('Days the sources disagree');
    const days = within(section('Days the sources disagree')).getByRole('table');
    const rows = within(days).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row).toHaveTextContent(/Open/);
      expect(row).toHaveTextContent(/Closed/);
    }
  });

  it('draws waiting and intercepted trucks per source, never added together', async () => {
    server.use(sourceReturns('truck-gaps', gapRecords()));
    renderWithApp(<CrossingPage crossingId="kerem-shalom" />);
    await ready('Trucks waiting and intercepted');
    const gaps = section('Trucks waiting and intercepted');
    const table = within(openTables(gaps)).getByRole('table');
    const text = table.textContent ?? '';
    expect(text).toContain('280');
    expect(text).toContain('40');
    // Neither the two sources' waiting trucks (320) nor two days of one source (580) are summed.
    expect(text).not.toContain('320');
    expect(text).not.toContain('580');
    expect(within(table).getAllByText('UN Monitoring Mechanism (synthetic)').length).toBe(2);
    expect(within(table).getAllByText('Border Authority (synthetic)').length).toBe(1);
  });

  it('lists the latest reports with publisher, verification, who verified and how', async () => {
    server.use(
      sourceReturns('crossing-status', disagreeingStatuses()),
      sourceReturns('truck-gaps', gapRecords()),
      sourceReturns('aid-flow', []),
    );
    renderWithApp(<CrossingPage crossingId="kerem-shalom" />);
    await ready('Latest reports');
    const table = within(section('Latest reports')).getByRole('table');
    const row = within(table).getByText('Joint observer team').closest('tr')!;
    expect(row).toHaveTextContent('UN Monitoring Mechanism (synthetic)');
    expect(row).toHaveTextContent('Seen at the gate by two observers');
    expect(row).toHaveTextContent(/Closed/);
    expect(row).toHaveTextContent(/reported/);
    // Newest report first: yesterday's gaps (reported today) before the status of 3 days ago.
    const kinds = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.getAttribute('data-kind'));
    expect(kinds.slice(0, 3)).toEqual(['truck-gaps', 'truck-gaps', 'truck-gaps']);
    expect(kinds).toContain('status');
  });

  it('shows long report lists a part at a time', async () => {
    renderWithApp(<CrossingPage crossingId="kerem-shalom" />);
    await ready('Latest reports');
    const reports = section('Latest reports');
    const count = () => within(reports).getAllByRole('row').length - 1;
    expect(count()).toBe(15);
    await userEvent.click(within(reports).getByRole('button', { name: /Show 15 more/ }));
    expect(count()).toBe(30);
  });

  it('an unknown id is named as text, with a way back; never as markup', async () => {
    renderWithApp(<CrossingPage crossingId={'<img src=x onerror=alert(1)>'} />);
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 });
    expect(alert).toHaveTextContent('No crossing with the id “<img src=x onerror=alert(1)>”');
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Unknown crossing' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /All crossings/ })).toHaveAttribute('href', '/');
    expect(screen.getByRole('link', { name: 'Kerem Shalom' })).toHaveAttribute(
      'href',
      '/crossings/kerem-shalom',
    );
  });

  it('links keep the reader’s query', async () => {
    window.history.replaceState(
      null,
      '',
      '/crossings/kerem-shalom?range=90d&verification=verified&lang=en',
    );
    renderWithApp(<CrossingPage crossingId="kerem-shalom" />);
    await ready('Latest reports');
    expect(screen.getByRole('link', { name: 'Rafah' })).toHaveAttribute(
      'href',
      '/crossings/rafah?range=90d&verification=verified&lang=en',
    );
    expect(screen.getByRole('link', { name: /All crossings/ })).toHaveAttribute(
      'href',
      '/?range=90d&verification=verified&lang=en',
    );
  });

  it('embeds one chart alone, and says so for an unknown chart', async () => {
    const { unmount } = renderWithApp(
      <CrossingEmbed crossingId="kerem-shalom" chartId="crossing-trucks" />,
    );
    await ready('Trucks by stage and source');
    expect(screen.queryByRole('region', { name: 'Status history by source' })).toBeNull();
    unmount();
    renderWithApp(<CrossingEmbed crossingId="kerem-shalom" chartId="nope" />);
    expect(screen.getByRole('alert')).toHaveTextContent('nope');
  });
});
