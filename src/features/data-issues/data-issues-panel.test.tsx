import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setUpMockApi } from '../../../test/msw.ts';
import { renderWithApp } from '../../../test/render.tsx';
import { useDataset } from '../../data/queries.ts';
import { DataIssuesPanel } from './data-issues-panel.tsx';
import { issuesCsvRows, ISSUE_CSV_HEADER } from './issues-model.ts';
import { toCsv } from '../../domain/csv.ts';

setUpMockApi();

/** Loads a week of aid flow, as a panel of the overview would. */
function Loader() {
  useDataset('aid-flow', { from: '2025-03-01', to: '2025-03-31' });
  return null;
}

const panel = () => screen.getByRole('region', { name: 'Data issues' });

describe('Data issues', () => {
  it('lists the records a source sent that were rejected, with source, position, field and reason; filterable', async () => {
    renderWithApp(
      <>
        <Loader />
        <DataIssuesPanel />
      </>,
    );
    await waitFor(() => expect(within(panel()).getAllByRole('row').length).toBeGreaterThan(1), {
      timeout: 5000,
    });
    const first = within(panel()).getAllByRole('row')[1]!;
    expect(first).toHaveTextContent('Demo scenario (synthetic)');
    expect(first).toHaveTextContent(/Aid flow/);
    expect(first).toHaveTextContent(/Record \d+/);
    const count = within(panel()).getByRole('status').textContent;
    await userEvent.type(
      within(panel()).getByRole('searchbox', { name: 'Search field, reason or record' }),
      'zzzz-nothing',
    );
    await waitFor(() =>
      expect(within(panel()).getByRole('status')).toHaveTextContent('Showing 0 of 0'),
    );
    expect(count).toMatch(/Showing \d+ of \d+/);
    expect(
      within(panel()).getByRole('button', { name: /Download 0 issues as CSV/ }),
    ).toBeDisabled();
  });

  it('downloads issues as CSV with formulas neutralised', () => {
    const csv = toCsv(
      ISSUE_CSV_HEADER,
      issuesCsvRows(
        [
          {
            sourceId: 'f',
            dataset: 'aid-flow',
            position: 4,
            record: 'row:4',
            field: '#date (column A)',
            reason: '“=1+1” is not a date',
            reasons: [],
            raw: { '#date': '=1+1' },
          },
        ],
        () => 'File',
      ),
    );
    expect(csv.split('\r\n')[1]).toBe(
      'f,File,aid-flow,4,row:4,#date (column A),“=1+1” is not a date,"{""#date"":""=1+1""}"',
    );
    expect(toCsv(['a'], [['=1+1']])).toContain("'=1+1");
  });
});
