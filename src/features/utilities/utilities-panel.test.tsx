import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sourceFails, sourceReturns } from '../../../mocks/overrides.ts';
import { chartCsvLines, chooseFullRange, isoDays, withExportScope } from '../../../test/export.tsx';
import { setUpMockApi } from '../../../test/msw.ts';
import { openTables, renderWithApp } from '../../../test/render.tsx';
import { UtilitiesPanel } from './utilities-panel.tsx';

const server = setUpMockApi();
const region = (name: string) => screen.getByRole('region', { name });

describe('Utilities', () => {
  it('draws water, power and telecom as small multiples per governorate, with tables', async () => {
    renderWithApp(<UtilitiesPanel />);
    for (const name of ['Water production', 'Power', 'Telecom connectivity'])
      await waitFor(() => expect(region(name)).toHaveAttribute('data-state', 'ready'), {
        timeout: 8000,
      });
    const water = region('Water production');
    expect(within(water).getByRole('heading', { name: 'Khan Younis' })).toBeInTheDocument();
    const table = within(openTables(water)).getByRole('table');
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(20);
    expect(within(table).getByRole('columnheader', { name: 'North Gaza' })).toBeInTheDocument();
    await waitFor(() => expect(water.querySelectorAll('svg.recharts-surface').length).toBe(5), {
      timeout: 8000,
    });
  });

  it('a missing day is a gap in the table, not a zero; two sources for one area are both labelled', async () => {
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const prov = (sourceId: string) => ({
      sourceId,
      reportedAt: `${day(1)}T20:00:00Z`,
      verification: 'reported',
    });
    server.use(
      sourceReturns('utility-status', [
        {
          date: day(3),
          areaId: 'gaza',
          service: 'power',
          value: 4,
          unit: 'hours/day',
          provenance: prov('un-monitor'),
        },
        {
          date: day(1),
          areaId: 'gaza',
          service: 'power',
          value: 6,
          unit: 'hours/day',
          provenance: prov('un-monitor'),
        },
        {
          date: day(1),
          areaId: 'gaza',
          service: 'power',
          value: 2,
          unit: 'hours/day',
          provenance: prov('wash-cluster'),
        },
        {
          date: day(1),
          areaId: 'gaza',
          service: 'power',
          value: 30,
          unit: 'hours/day',
          provenance: prov('un-monitor'),
        },
      ]),
    );
    renderWithApp(<UtilitiesPanel />);
    await waitFor(() => expect(region('Power')).toHaveAttribute('data-state', 'ready'), {
      timeout: 8000,
    });
    const table = within(openTables(region('Power'))).getByRole('table');
    expect(
      within(table).getByRole('columnheader', {
        name: 'Gaza — UN Monitoring Mechanism (synthetic)',
      }),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole('columnheader', { name: 'Gaza — WASH Cluster (synthetic)' }),
    ).toBeInTheDocument();
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent ?? '');
    expect(rows.filter((r) => /62$/.test(r))).toHaveLength(1); // 6 and 2 side by side, never 8
    expect(rows.some((r) => r.includes('no report'))).toBe(true);
    // 30 hours in a day is rejected by the domain layer and counted.
    expect(within(region('Utilities')).getByTestId('rejected-records')).toHaveTextContent(
      /1 record/,
    );
  });

  it('offers each service over the full range as CSV, every day, never downsampled', async () => {
    renderWithApp(withExportScope(<UtilitiesPanel />));
    const charts = {
      'utilities-water': 'Water production',
      'utilities-power': 'Power',
      'utilities-telecom': 'Telecom connectivity',
    };
    for (const name of Object.values(charts))
      await waitFor(() => expect(region(name)).toHaveAttribute('data-state', 'ready'), {
        timeout: 8000,
      });
    for (const [id, name] of Object.entries(charts)) {
      await chooseFullRange(region(name));
      const shown = await chartCsvLines(id, 'shown');
      const full = await chartCsvLines(id, 'full');
      expect(full.filename).toMatch(/_full\.csv$/);
      expect(full.lines[0]).toBe(shown.lines[0]);
      const days = isoDays(full.lines);
      expect(days[0]).toBe('2025-01-01');
      expect(days.length).toBe(full.lines.length - 1);
      expect(days.length).toBeGreaterThan(isoDays(shown.lines).length);
      // Consecutive days: the full range is not thinned out for drawing.
      const first = Date.parse(days[0]!);
      expect(days.at(-1)).toBe(
        new Date(first + (days.length - 1) * 86_400_000).toISOString().slice(0, 10),
      );
    }
  });

  it('a failing source gives an error naming it', async () => {
    server.use(sourceFails('utility-status'));
    renderWithApp(<UtilitiesPanel />);
    await waitFor(() => expect(region('Utilities')).toHaveAttribute('data-state', 'error'), {
      timeout: 8000,
    });
    expect(within(region('Utilities')).getByRole('alert')).toHaveTextContent(
      'Demo scenario (synthetic)',
    );
  });
});
