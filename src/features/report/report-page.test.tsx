import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { setUpMockApi } from '../../../test/msw.ts';
import { renderWithApp } from '../../../test/render.tsx';
import { parseConfig } from '../../data/config.ts';
import { toTheatreLocal } from '../../domain/report.ts';
import { ReportPage } from './report-page.tsx';

const server = setUpMockApi();
// Saving goes through IndexedDB and the mock API: on two busy cores that can take over a second.
configure({ asyncUtilTimeout: 5000 });
const TOKEN = 'amt_field-token-0123456789';

/** A fresh config per test: the page's outbox is one per config (and per device). */
const fieldConfig = () =>
  parseConfig({
    defaultSource: 'field',
    sources: [
      {
        id: 'field',
        name: 'Field monitors',
        adapter: 'rest',
        url: '/api/v1',
        writable: true,
        timeoutMs: 2000,
      },
    ],
  });

interface Seen {
  url: string;
  authorization: string | null;
  key: string | null;
  body: { crossingStatus: unknown[]; aidFlow: unknown[]; corridorStatus: unknown[] };
}

function reportsAnswer(seen: Seen[], answer: () => Response) {
  return http.post('/api/v1/reports', async ({ request }) => {
    seen.push({
      url: request.url,
      authorization: request.headers.get('authorization'),
      key: request.headers.get('idempotency-key'),
      body: (await request.json()) as Seen['body'],
    });
    return answer();
  });
}

const accepted = () =>
  HttpResponse.json(
    { data: { reportId: 'r1', receivedAt: new Date().toISOString(), records: [] } },
    { status: 201 },
  );

beforeEach(() => {
  // A new device for each test: an empty outbox and no token.
  globalThis.indexedDB = new IDBFactory();
  localStorage.clear();
});

async function openPage() {
  const view = renderWithApp(<ReportPage />, fieldConfig());
  await screen.findByRole('combobox', { name: 'Crossing' }, { timeout: 15_000 });
  return view;
}

const form = () => screen.getByRole('form', { name: 'New report' });
const counts = () => screen.getByTestId('outbox-counts');

async function keepToken(user: ReturnType<typeof userEvent.setup>) {
  const field = screen.getByLabelText('Access token for Field monitors');
  expect(field).toHaveAttribute('type', 'password');
  await user.type(field, TOKEN);
  await user.click(screen.getByRole('button', { name: 'Keep the token' }));
  await screen.findByText(
    'A token for Field monitors is kept on this device.',
    {},
    { timeout: 15_000 },
  );
}

describe('the report page', () => {
  it('lists every problem beside its field, in the reader’s words, before saving anything', async () => {
    const seen: Seen[] = [];
    server.use(reportsAnswer(seen, accepted));
    const user = userEvent.setup();
    await openPage();
    await user.click(within(form()).getByRole('button', { name: 'Save and send' }));
    const summary = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(summary).toHaveTextContent('2 things to fix before the report is saved:');
    expect(summary).toHaveTextContent('Crossing: is required');
    expect(summary).toHaveTextContent(
      'Status of the crossing: Report a status, or add at least one row of trucks.',
    );
    const crossing = screen.getByRole('combobox', { name: 'Crossing' });
    expect(crossing).toHaveAttribute('aria-invalid', 'true');
    expect(crossing).toHaveAccessibleDescription('is required');

    await user.selectOptions(crossing, 'kerem-shalom');
    await user.click(screen.getByRole('radio', { name: 'Closed' }));
    // Two hours ahead in theatre time, whatever the time of day.
    fireEvent.change(screen.getByLabelText('Since when'), {
      target: { value: toTheatreLocal(new Date(Date.now() + 2 * 3600_000), 'Asia/Gaza') },
    });
    await user.click(screen.getByRole('button', { name: 'Add a row of trucks' }));
    await user.click(screen.getByRole('button', { name: 'Add a row of trucks' }));
    await user.type(screen.getAllByRole('spinbutton', { name: 'Trucks' })[0]!, '2.5');
    await user.click(within(form()).getByRole('button', { name: 'Save and send' }));

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('4 things to fix'));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'Since when: This time has not come yet: give a time that has passed.',
    );
    expect(alert).toHaveTextContent('Row 1 — Trucks: must be a whole number');
    expect(alert).toHaveTextContent(
      'Row 2 — Commodity: This stage and commodity are already in another row',
    );
    expect(alert).toHaveTextContent(
      'Row 2 — Trucks: needs at least one of trucks, tonnes or litres',
    );
    expect(screen.getByLabelText('Since when')).toHaveAccessibleDescription(
      /This time has not come yet/,
    );
    // Nothing was saved or sent, and what was typed is still there.
    expect(counts()).toHaveTextContent('Queued 0 · Sent 0 · Failed 0');
    expect(seen).toHaveLength(0);
    expect(crossing).toHaveValue('kerem-shalom');
  });

  it('words the problems in Arabic for an Arabic reader', async () => {
    window.history.replaceState(null, '', '/report?lang=ar');
    const user = userEvent.setup();
    renderWithApp(<ReportPage />, fieldConfig());
    const crossing = await screen.findByRole('combobox', { name: 'المعبر' }, { timeout: 15_000 });
    expect(within(crossing).getByRole('option', { name: 'كرم أبو سالم' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'حفظ وإرسال' }));
    expect(await screen.findByRole('alert', {}, { timeout: 15_000 })).toHaveTextContent(
      'أمران يلزم تصحيحهما',
    );
  });

  it('saves a report on the device, sends it with the token in a header only, and counts it sent', async () => {
    const seen: Seen[] = [];
    server.use(reportsAnswer(seen, accepted));
    const user = userEvent.setup();
    await openPage();
    await keepToken(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Crossing' }), 'kerem-shalom');
    await user.click(screen.getByRole('radio', { name: 'Restricted' }));
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Independent observers present' }),
      'yes',
    );
    await user.click(screen.getByRole('button', { name: 'Add a row of trucks' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Trucks' }), '42');
    await user.type(screen.getByRole('textbox', { name: 'Note (optional)' }), 'Queue of 60 trucks');
    await user.click(within(form()).getByRole('button', { name: 'Save and send' }));

    await waitFor(() => expect(counts()).toHaveTextContent('Queued 0 · Sent 1 · Failed 0'));
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(new URL(request!.url).pathname).toBe('/api/v1/reports');
    expect(request!.url).not.toContain(TOKEN);
    expect(window.location.href).not.toContain(TOKEN);
    expect(request!.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request!.body.crossingStatus).toEqual([
      expect.objectContaining({
        crossingId: 'kerem-shalom',
        status: 'restricted',
        observersPresent: true,
        note: 'Queue of 60 trucks',
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000\+0[23]:00$/),
      }),
    ]);
    expect(request!.body.aidFlow).toEqual([
      expect.objectContaining({
        crossingId: 'kerem-shalom',
        stage: 'entered',
        commodity: 'food',
        trucks: 42,
      }),
    ]);
    const item = screen.getByTestId('outbox-report');
    expect(item).toHaveTextContent('Kerem Shalom');
    expect(item).toHaveTextContent('Sent');
    // The form is ready for the next report at the same crossing.
    expect(screen.getByRole('combobox', { name: 'Crossing' })).toHaveValue('kerem-shalom');
    expect(screen.getByRole('textbox', { name: 'Note (optional)' })).toHaveValue('');
  });

  it('keeps a refused report as failed with the server’s problems until the observer discards it', async () => {
    server.use(
      reportsAnswer([], () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Invalid report',
            status: 422,
            errors: [{ path: 'crossingStatus.0.at', message: 'is before the crossing existed' }],
          },
          { status: 422, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    const user = userEvent.setup();
    await openPage();
    await keepToken(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Crossing' }), 'kerem-shalom');
    await user.click(screen.getByRole('radio', { name: 'Open' }));
    await user.click(within(form()).getByRole('button', { name: 'Save and send' }));

    await waitFor(() => expect(counts()).toHaveTextContent('Queued 0 · Sent 0 · Failed 1'));
    const item = screen.getByTestId('outbox-report');
    expect(item).toHaveTextContent('The server refused the report:');
    expect(item).toHaveTextContent('crossingStatus.0.at: is before the crossing existed');
    await user.click(within(item).getByRole('button', { name: 'Discard' }));
    await user.click(within(item).getByRole('button', { name: 'Discard this report for good' }));
    await waitFor(() => expect(counts()).toHaveTextContent('Queued 0 · Sent 0 · Failed 0'));
    expect(screen.getByText('No reports on this device yet.')).toBeInTheDocument();
  });

  it('queues a report until a token is kept, then sends it', async () => {
    const seen: Seen[] = [];
    server.use(reportsAnswer(seen, accepted));
    const user = userEvent.setup();
    await openPage();
    expect(
      screen.getByText(
        'Reports are saved on this device, but none can be sent until a token is kept.',
      ),
    ).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Crossing' }), 'rafah');
    await user.click(screen.getByRole('radio', { name: 'Closed' }));
    await user.click(within(form()).getByRole('button', { name: 'Save and send' }));
    await waitFor(() => expect(counts()).toHaveTextContent('Queued 1 · Sent 0 · Failed 0'), {
      timeout: 10_000,
    });
    await waitFor(
      () => expect(screen.getByTestId('outbox-report')).toHaveTextContent('Waiting for a token.'),
      { timeout: 10_000 },
    );
    expect(seen).toHaveLength(0);

    await keepToken(user);
    await waitFor(() => expect(counts()).toHaveTextContent('Queued 0 · Sent 1 · Failed 0'), {
      timeout: 10_000,
    });
    expect(seen).toHaveLength(1);
  });

  it('forgets a token the server refuses (401) and asks for it again', async () => {
    server.use(
      reportsAnswer([], () =>
        HttpResponse.json({ title: 'Unknown token', status: 401 }, { status: 401 }),
      ),
    );
    const user = userEvent.setup();
    await openPage();
    await keepToken(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Crossing' }), 'rafah');
    await user.click(screen.getByRole('radio', { name: 'Open' }));
    await user.click(within(form()).getByRole('button', { name: 'Save and send' }));
    await waitFor(() => expect(counts()).toHaveTextContent('Failed 1'));
    expect(screen.getByTestId('outbox-report')).toHaveTextContent(
      'The server did not accept the token.',
    );
    expect(
      await screen.findByLabelText('Access token for Field monitors', {}, { timeout: 15_000 }),
    ).toHaveValue('');
    expect(localStorage.length).toBe(0);
  });

  it('reports a corridor’s status and movement window on its own', async () => {
    const seen: Seen[] = [];
    server.use(reportsAnswer(seen, accepted));
    const user = userEvent.setup();
    await openPage();
    await keepToken(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Corridor' }), 'salah-al-din');
    const corridorStatus = screen.getByRole('group', { name: 'Status of the corridor' });
    await user.click(within(corridorStatus).getByRole('radio', { name: 'Restricted' }));
    fireEvent.change(screen.getByLabelText('Movement allowed from'), {
      target: { value: '10:00' },
    });
    await user.click(within(form()).getByRole('button', { name: 'Save and send' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Until: is required');
    fireEvent.change(screen.getByLabelText('Until'), { target: { value: '16:30' } });
    await user.click(within(form()).getByRole('button', { name: 'Save and send' }));
    await waitFor(() => expect(counts()).toHaveTextContent('Queued 0 · Sent 1 · Failed 0'));
    expect(seen[0]!.body.crossingStatus).toEqual([]);
    expect(seen[0]!.body.corridorStatus).toEqual([
      expect.objectContaining({
        corridorId: 'salah-al-din',
        status: 'restricted',
        windows: [{ start: '10:00', end: '16:30' }],
      }),
    ]);
  });

  it('lets the observer choose among writable sources, each with its own token', async () => {
    const config = parseConfig({
      defaultSource: 'field',
      sources: [
        { id: 'field', name: 'Field monitors', adapter: 'rest', url: '/api/v1', writable: true },
        { id: 'second', name: 'Second network', adapter: 'rest', url: '/api/v1', writable: true },
        { id: 'read-only', name: 'Read only', adapter: 'rest', url: '/api/v1' },
      ],
    });
    const user = userEvent.setup();
    renderWithApp(<ReportPage />, config);
    const choice = await screen.findByRole('combobox', { name: 'Send reports to' });
    expect(
      within(choice)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Field monitors', 'Second network']);
    await keepToken(user);
    await user.selectOptions(choice, 'second');
    expect(screen.getByLabelText('Access token for Second network')).toHaveValue('');
  });
});
