import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoTheatreJson } from '../../test/adapters/theatre.ts';
import { setUpMockApi } from '../../test/msw.ts';
import { renderWithApp } from '../../test/render.tsx';
import { ckanConfig } from '../../test/adapters/ckan.ts';
import { parseConfig } from '../data/config.ts';
import { useDataset } from '../data/queries.ts';
import { shiftDay } from '../domain/time.ts';
import { DataIssuesPanel } from '../features/data-issues/data-issues-panel.tsx';
import { SourcesPanel } from '../features/sources/sources-panel.tsx';

const server = setUpMockApi();

const provenance = {
  sourceId: 'feed',
  reportedAt: '2025-03-01T08:00:00Z',
  verification: 'reported',
};
/** Per day: one good aid-flow record and two bad ones (negative trucks), all different. */
function day(date: string, d: number) {
  const flow = (trucks: number) => ({
    date,
    crossingId: 'rafah',
    commodity: 'food',
    stage: 'entered',
    trucks,
    provenance,
  });
  return [flow(d + 1), flow(-(d * 10 + 1)), flow(-(d * 10 + 2))];
}

/** Two panels asking for overlapping ranges, as the overview does. */
function Loaders() {
  useDataset('aid-flow', { from: '2025-03-01', to: '2025-03-30' });
  useDataset('aid-flow', { from: '2025-03-24', to: '2025-03-30' });
  useDataset('aid-flow', { from: '2025-03-15', to: '2025-04-09' });
  return null;
}

describe('/data: Sources and Data issues agree with what the source sent', () => {
  it('counts and lists every record of a REST source once, however many queries fetched it', async () => {
    const json = (data: unknown) => HttpResponse.json({ data });
    server.use(
      http.get('https://api.example.org/v1/theatre', () => json(demoTheatreJson)),
      http.get('https://api.example.org/v1/health', () => json({ ok: true })),
      http.get('https://api.example.org/v1/aid-flow', ({ request }) => {
        const url = new URL(request.url);
        const from = url.searchParams.get('from')!;
        const to = url.searchParams.get('to')!;
        const data = [];
        for (let d = 0; d < 40; d++) {
          const date = shiftDay('2025-03-01', d);
          if (date >= from && date <= to) data.push(...day(date, d));
        }
        return json(data);
      }),
    );
    const config = parseConfig({
      defaultSource: 'feed',
      sources: [{ id: 'feed', name: 'Feed', adapter: 'rest', url: 'https://api.example.org/v1' }],
    });
    renderWithApp(
      <>
        <Loaders />
        <SourcesPanel />
        <DataIssuesPanel />
      </>,
      config,
    );
    // 40 days were fetched in all: 40 good records, 80 bad ones.
    await waitFor(
      () =>
        expect(screen.getByTestId('source-rows')).toHaveTextContent(
          '120 read: 40 accepted, 80 rejected',
        ),
      { timeout: 5000 },
    );
    const issues = screen.getByRole('region', { name: 'Data issues' });
    await waitFor(() =>
      expect(within(issues).getByRole('status')).toHaveTextContent('(80 in all)'),
    );
  });

  it('shows a CKAN source read to its end, and says the portal’s total was wrong', async () => {
    const rows = Array.from({ length: 121 }, (_, i) => ({
      _id: i + 1,
      '#date': `2025-03-${String((i % 28) + 1).padStart(2, '0')}`,
      '#loc+name': i % 20 === 7 ? 'Narnia' : 'Rafah',
      '#item+type': 'food',
      '#indicator+num+trucks': i + 1,
    }));
    server.use(
      http.get('https://data.example.org/theatre.json', () =>
        HttpResponse.json({ data: demoTheatreJson }),
      ),
      http.get('https://data.example.org/api/3/action/datastore_search', ({ request }) => {
        const url = new URL(request.url);
        const offset = Number(url.searchParams.get('offset'));
        const limit = Number(url.searchParams.get('limit'));
        return HttpResponse.json({
          success: true,
          result: {
            fields: Object.keys(rows[0]!).map((id) => ({ id })),
            records: rows.slice(offset, offset + limit),
            total: 49,
            // Past the end, and on every page, as CKAN does; only a cache-buster changes.
            _links: { next: `${url.pathname}${url.search}&_=${Math.random()}` },
          },
        });
      }),
    );
    const config = ckanConfig({ dataset: 'aid-flow', pageSize: 10 });
    renderWithApp(
      <>
        <SourcesPanel />
        <DataIssuesPanel />
      </>,
      config,
    );
    await waitFor(
      () =>
        expect(screen.getByTestId('source-rows')).toHaveTextContent(
          '121 read: 115 accepted, 6 rejected',
        ),
      { timeout: 5000 },
    );
    expect(screen.getByRole('region', { name: 'Sources' })).toHaveTextContent(
      'HDX crossings: the portal said it holds 49 rows, but 121 rows were read, to the end of the table; all are kept',
    );
    const issues = screen.getByRole('region', { name: 'Data issues' });
    await waitFor(() => expect(within(issues).getByRole('status')).toHaveTextContent('(6 in all)'));
  });
});
