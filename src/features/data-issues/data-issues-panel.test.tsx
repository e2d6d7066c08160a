import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setUpMockApi } from '../../../test/msw.ts';
import { renderWithApp } from '../../../test/render.tsx';
import { useDataset } from '../../data/queries.ts';
import { issuesInCache } from '../../data/source-status.ts';
import { DataIssuesPanel } from './data-issues-panel.tsx';
import { issuesCsvHeader, issuesCsvRows, ISSUE_CSV_HEADER } from './issues-model.ts';
import { toCsv } from '../../domain/csv.ts';
import { describeReasons, reason } from '../../domain/reasons.ts';
import type { DataIssue } from '../../domain/validate.ts';
import { createTranslator } from '../../ui/i18n/translate.ts';
import { reasonText } from '../../ui/reason-text.ts';

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

  it('in Arabic gives each reason in Arabic, finds issues by Arabic words and by English ones', async () => {
    window.history.replaceState(null, '', '/?lang=ar');
    const { queryClient } = renderWithApp(
      <>
        <Loader />
        <DataIssuesPanel />
      </>,
    );
    const arabicPanel = () => screen.getByRole('region', { name: 'مشكلات البيانات' });
    await waitFor(
      () => expect(within(arabicPanel()).getAllByRole('row').length).toBeGreaterThan(1),
      { timeout: 5000 },
    );
    const rows = within(arabicPanel()).getAllByRole('row').slice(1);
    // Column 5 is the reason: Arabic words, no English sentence.
    const reasons = rows.map((row) => row.querySelectorAll('td')[4]!.textContent ?? '');
    for (const text of reasons) {
      expect(text).toMatch(/\p{Script=Arabic}/u);
      expect(text).not.toMatch(/must|is not|needs/);
    }
    const status = () => within(arabicPanel()).getByRole('status').textContent ?? '';
    const all = status();
    const search = within(arabicPanel()).getByRole('searchbox', {
      name: 'البحث في الحقل أو السبب أو السجل',
    });
    // A word of the first reason, as an Arabic reader would type it.
    const word = reasons[0]!.replace(/[\u2066-\u2069]/g, '').match(/\p{Script=Arabic}{4,}/u)![0];
    await userEvent.type(search, word);
    await waitFor(() => expect(status()).not.toBe(all));
    const found = within(arabicPanel()).getAllByRole('row').slice(1);
    expect(found.length).toBeGreaterThan(0);
    for (const row of found) expect(row.querySelectorAll('td')[4]!.textContent).toContain(word);
    // The English reason is searchable too (a colleague's English note, a downloaded CSV).
    const english = issuesInCache(queryClient)[0]!.reason;
    await userEvent.clear(search);
    await userEvent.type(search, english.replace(/[{[]/g, '$&$&')); // { and [ are typed doubled
    await waitFor(() => expect(status()).not.toBe(all));
    expect(within(arabicPanel()).getAllByRole('row').length).toBeGreaterThan(1);
    await userEvent.clear(search);
    await userEvent.type(search, 'zzzz-nothing');
    await waitFor(() => expect(within(arabicPanel()).queryAllByRole('row')).toHaveLength(0));
    window.history.replaceState(null, '', '/');
  });

  it('downloads the reason in the reader’s language beside the English one', () => {
    const reasons = [reason('not-a-real-date', { value: '2025-02-30' })];
    const issue: DataIssue = {
      sourceId: 'f',
      dataset: 'aid-flow',
      position: 4,
      record: 'row:4',
      field: '#date (column A)',
      reason: describeReasons(reasons),
      reasons,
      raw: { '#date': '2025-02-30' },
    };
    const t = createTranslator('ar');
    const local = { language: 'ar', text: (i: DataIssue) => reasonText(i, t, 'ar') };
    const [header, row] = toCsv(
      issuesCsvHeader(local),
      issuesCsvRows([issue], () => 'File', local),
    ).split('\r\n');
    expect(header).toBe(
      'source_id,source,dataset,position,record_id,field,reason,reason_ar,record',
    );
    expect(row).toBe(
      'f,File,aid-flow,4,row:4,#date (column A),“2025-02-30” is not a real date,«2025-02-30» ليس تاريخاً موجوداً في التقويم,"{""#date"":""2025-02-30""}"',
    );
    expect(issuesCsvHeader()).toEqual([...ISSUE_CSV_HEADER]);
  });
});
