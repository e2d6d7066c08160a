import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { expect } from 'vitest';
import { ExportScopeProvider, type ExportScope } from '../src/ui/export/export-context.tsx';

/** What the view would give every export menu; full-range CSVs read the coverage (the demo's days). */
const scope: ExportScope = {
  range: { from: '2025-01-01', to: '2025-01-31' },
  asOf: new Date('2025-01-31T12:00:00Z'),
  timeZone: 'Asia/Gaza',
  synthetic: true,
  coverage: { from: '2025-01-01', to: new Date().toISOString().slice(0, 10) },
};

/** A panel inside an export scope, so that its charts get their "Download or share" menus. */
export const withExportScope = (ui: ReactElement) => (
  <ExportScopeProvider value={scope}>{ui}</ExportScopeProvider>
);

/** Open a chart's export menu and choose "Full range": the menu offers it only with a fullTable. */
export async function chooseFullRange(region: HTMLElement) {
  await userEvent.click(within(region).getByText('Download or share'));
  const rows = within(region).getByRole('combobox', { name: 'CSV rows' });
  await userEvent.selectOptions(rows, 'full');
  expect(rows).toHaveValue('full');
}

/** A chart's CSV through the export menu's test hook: file name and lines (header first). */
export async function chartCsvLines(chartId: string, rows: 'shown' | 'full') {
  await waitFor(() => expect(window.__accessMonitorExport).toBeDefined());
  const result = await window.__accessMonitorExport!(chartId, 'csv', { rows });
  const text = await blobText(result.blob);
  return {
    filename: result.filename,
    lines: text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n$/, '')
      .split('\r\n'),
  };
}

/** ISO days at the start of data lines (the first column of a dated table). */
export const isoDays = (lines: readonly string[]) =>
  lines
    .slice(1)
    .map((l) => /^\d{4}-\d{2}-\d{2}/.exec(l)?.[0])
    .filter((d): d is string => d !== undefined);

function blobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable blob'));
    reader.readAsText(blob);
  });
}
