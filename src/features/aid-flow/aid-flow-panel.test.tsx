import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sourceFails, sourceReturns, theatreReturns } from '../../../mocks/overrides.ts';
import { createScenario } from '../../../mocks/scenario/index.ts';
import { theatreDay } from '../../domain/time.ts';
import { chartCsvLines, chooseFullRange, isoDays, withExportScope } from '../../../test/export.tsx';
import { setUpMockApi } from '../../../test/msw.ts';
import { openTables, renderWithApp } from '../../../test/render.tsx';
// A test of two panels side by side: the one place a feature's test renders another feature.
// eslint-disable-next-line import-x/no-restricted-paths
import { HospitalsPanel } from '../hospitals/hospitals-panel.tsx';
import { AidFlowPanel } from './aid-flow-panel.tsx';

const server = setUpMockApi();

const panel = () => screen.getByRole('region', { name: 'Aid flow' });
const ready = () =>
  waitFor(() => expect(panel()).toHaveAttribute('data-state', 'ready'), { timeout: 8000 });

describe('Aid flow chart', () => {
  it('draws trucks per day with the mock API, and its table alternative has rows', async () => {
    renderWithApp(<AidFlowPanel />);
    expect(panel()).toHaveAttribute('data-chart', 'aid-flow');
    await ready();
    expect(within(panel()).getByText(/trucks per day by commodity/)).toBeInTheDocument();
    const table = within(openTables(panel())).getByRole('table', {
      name: /Aid flow in trucks per day/,
    });
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(20);
    // Both sources that count trucks entered are named, side by side.
    expect(
      within(table).getAllByText('Entered — Border Authority (synthetic)').length,
    ).toBeGreaterThan(0);
    expect(
      within(table).getAllByText('Entered — UN Monitoring Mechanism (synthetic)').length,
    ).toBeGreaterThan(0);
    // The chart itself is drawn (Recharts, loaded lazily) with its reference lines.
    await waitFor(() => expect(panel().querySelector('svg.recharts-surface')).not.toBeNull(), {
      timeout: 8000,
    });
    expect(within(panel()).getAllByText('Agreed target: 600 a day').length).toBeGreaterThan(0);
    expect(panel().querySelector('.chart__source')).toHaveTextContent(
      /Border Authority \(synthetic\) \(CC BY 4.0/,
    );
  });

  it('switches to tonnes and to stacking by crossing', async () => {
    renderWithApp(<AidFlowPanel />);
    await ready();
    await userEvent.click(within(panel()).getByRole('radio', { name: 'crossing' }));
    await userEvent.click(within(panel()).getByRole('radio', { name: 'Tonnes' }));
    expect(within(panel()).getByText(/tonnes per day by crossing/)).toBeInTheDocument();
    // Stacking by crossing asks for rows by crossing: the table follows when they arrive.
    expect(
      await within(openTables(panel())).findByRole(
        'columnheader',
        { name: 'Kerem Shalom' },
        { timeout: 8000 },
      ),
    ).toBeInTheDocument();
    expect(within(panel()).getByText(/Fuel is counted in litres/)).toBeInTheDocument();
    // The choice is in the URL, so Copy link and Copy embed code reproduce it.
    const params = new URLSearchParams(window.location.search);
    expect(params.get('aid.stack')).toBe('crossing');
    expect(params.get('aid.measure')).toBe('tonnes');
  });

  it('opens on the options a link asks for, and says what it ignored', async () => {
    window.history.replaceState(null, '', '/?aid.stack=crossing&aid.measure=tonnes&aid.stages=x');
    renderWithApp(<AidFlowPanel />);
    await ready();
    expect(within(panel()).getByText(/tonnes per day by crossing/)).toBeInTheDocument();
    expect(within(panel()).getByRole('radio', { name: 'crossing' })).toBeChecked();
    expect(within(panel()).getByRole('checkbox', { name: 'Entered' })).toBeChecked();
    expect(within(panel()).getByText(/aid\.stages=x/)).toBeInTheDocument();
  });

  it('a failing source gives an error naming it while another panel still renders', async () => {
    server.use(sourceFails('aid-flow', 503));
    renderWithApp(
      <>
        <AidFlowPanel />
        <HospitalsPanel />
      </>,
    );
    const alert = await within(panel()).findByRole('alert', {}, { timeout: 8000 });
    expect(alert).toHaveTextContent('Could not load data from Demo scenario (synthetic)');
    expect(panel()).toHaveAttribute('data-state', 'error');
    const beds = () => screen.getByRole('region', { name: 'Beds available and occupied' });
    await waitFor(() => expect(beds()).toHaveAttribute('data-state', 'ready'), { timeout: 8000 });
    expect(within(openTables(beds())).getAllByRole('row').length).toBeGreaterThan(5);
  });

  it('two sources that disagree are both shown and labelled, never summed', async () => {
    const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const prov = (sourceId: string) => ({
      sourceId,
      reportedAt: `${day}T20:00:00Z`,
      verification: 'reported',
    });
    server.use(
      sourceReturns('aid-flow', [
        {
          date: day,
          crossingId: 'kerem-shalom',
          commodity: 'food',
          stage: 'entered',
          trucks: 300,
          provenance: prov('border-authority'),
        },
        {
          date: day,
          crossingId: 'kerem-shalom',
          commodity: 'food',
          stage: 'entered',
          trucks: 180,
          provenance: prov('un-monitor'),
        },
        {
          date: day,
          crossingId: 'kerem-shalom',
          commodity: 'food',
          stage: 'entered',
          trucks: -5,
          provenance: prov('un-monitor'),
        },
      ]),
    );
    renderWithApp(<AidFlowPanel />);
    await ready();
    const table = within(openTables(panel())).getByRole('table', { name: /Aid flow/ });
    const rowsOfDay = within(table)
      .getAllByRole('row')
      .filter((r) => /300|180/.test(r.textContent ?? ''));
    expect(rowsOfDay.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/Entered — Border Authority \(synthetic\).*300/),
      expect.stringMatching(/Entered — UN Monitoring Mechanism \(synthetic\).*180/),
    ]);
    expect(within(panel()).queryByText('480')).toBeNull();
    // The negative count is rejected by the domain layer and counted.
    expect(within(panel()).getByTestId('rejected-records')).toHaveTextContent(
      /1 record from Demo scenario/,
    );
  });

  it('rejects rows dated 2099 and 1970, and its full-range CSV runs from the data to today', async () => {
    const today = theatreDay(Date.now(), 'Asia/Gaza');
    const theatre = createScenario().theatre as Record<string, unknown>;
    // A source that claims a coverage of 130 years and sends a row at each end of it.
    server.use(theatreReturns({ ...theatre, coverage: { from: '1970-01-01', to: '2099-12-31' } }));
    const flow = (date: string) => ({
      date,
      crossingId: 'kerem-shalom',
      commodity: 'food',
      stage: 'entered',
      trucks: 120,
      provenance: {
        sourceId: 'border-authority',
        reportedAt: `${today}T00:00:00Z`,
        verification: 'reported',
      },
    });
    const first = `${Number(today.slice(0, 4)) - 1}${today.slice(4, 8)}01`;
    server.use(
      sourceReturns('aid-flow', [flow(first), flow(today), flow('2099-06-30'), flow('1970-01-01')]),
    );
    window.history.replaceState(null, '', '/?range=all');
    renderWithApp(withExportScope(<AidFlowPanel />));
    await ready();
    // The chart reads a roll-up of the range asked for, cut at the date bounds (2000 to
    // today): the rows of 1970 and 2099 are in no bucket of it. (Raw answers that carry them
    // are rejected with the bound they broke: src/domain/date-bounds.test.ts, the board.)
    expect(within(panel()).queryByText(/2099/)).toBeNull();
    await chooseFullRange(panel());
    const days = isoDays((await chartCsvLines('aid-flow', 'full')).lines);
    expect(days.length).toBeGreaterThan(300);
    expect([...days].sort()[0]).toBe(first);
    expect([...days].sort().at(-1)! <= today).toBe(true);
  });

  it('says how many valid roll-up rows a source sent for days it was not asked about', async () => {
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    const flow = (date: string) => ({
      date,
      crossingId: 'kerem-shalom',
      commodity: 'food',
      stage: 'entered',
      trucks: 100,
      provenance: {
        sourceId: 'border-authority',
        reportedAt: `${date}T20:00:00Z`,
        verification: 'reported',
      },
    });
    server.use(
      sourceReturns('aid-flow', [flow(day(2)), flow(day(200)), flow(day(300))], {
        ignoresRange: true,
      }),
    );
    renderWithApp(<AidFlowPanel />);
    await ready();
    expect(within(panel()).getByTestId('records-outside-range')).toHaveTextContent(
      '2 records from Demo scenario (synthetic) were for days or crossings not asked for and are not used.',
    );
  });
});
