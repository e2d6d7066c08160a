import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { sourceFails } from '../../../mocks/overrides.ts';
import { setUpMockApi } from '../../../test/msw.ts';
import { renderWithApp } from '../../../test/render.tsx';
import { useDataset } from '../../data/queries.ts';
import { useViewState } from '../../data/view-state.ts';
import { WallView, type WallPanel } from './wall-view.tsx';

const server = setUpMockApi();

function EventsCount() {
  const { range } = useViewState();
  const events = useDataset('events', range);
  return (
    <section aria-label="Events">
      {events.data ? `${events.data.records.length} events` : 'Loading'}
    </section>
  );
}

const panels: WallPanel[] = [
  {
    id: 'board',
    title: 'Crossings',
    render: () => <section aria-label="Crossings">Board</section>,
  },
  { id: 'events', title: 'Events', render: () => <EventsCount /> },
];

function openWall(query: string, wall: unknown = { panels: ['board', 'events'] }) {
  server.use(http.get('/config.json', () => HttpResponse.json({ sources: [], wall })));
  window.history.replaceState(null, '', `/wall${query}`);
  return renderWithApp(<WallView panels={panels} />);
}

const focusable = (root: HTMLElement) =>
  [
    ...root.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex]'),
  ].filter((el) => !el.closest('[inert]'));

describe('Wall display', () => {
  it('shows no control until the mouse moves, then pause, next and exit', async () => {
    const { container } = openWall('?rotate=600');
    await screen.findByRole('region', { name: 'Crossings' });
    expect(focusable(container)).toEqual([]);
    expect(container.querySelector('.wall')).toHaveAttribute('data-controls', 'hidden');

    fireEvent.mouseMove(window);
    const toolbar = await screen.findByRole('toolbar', { name: 'Wall display controls' });
    expect(
      within(toolbar)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Pause rotation', 'Next panel', 'Exit wall display']);
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Next panel' }));
    expect(await screen.findByRole('region', { name: 'Events' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Crossings' })).toBeNull();
  });

  it('has no controls at all with controls=never', async () => {
    const { container } = openWall('?controls=never');
    await screen.findByRole('region', { name: 'Crossings' });
    fireEvent.mouseMove(window);
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(screen.queryByRole('toolbar')).toBeNull();
    expect(focusable(container)).toEqual([]);
  });

  it('rotates at the configured interval and says which ignored URL values', async () => {
    openWall('?rotate=1&panels=board,events,weather');
    await screen.findByRole('region', { name: 'Crossings' });
    expect(screen.getByText(/panels=weather \(unknown value\)/)).toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'Events' }, { timeout: 3000 }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'Crossings' }, { timeout: 3000 }),
    ).toBeInTheDocument();
  });

  it('keeps the last good data through an outage, with a banner, and recovers by itself', async () => {
    openWall('?panels=events&refresh=1');
    const section = await screen.findByRole('region', { name: 'Events' });
    await waitFor(() => expect(section).toHaveTextContent(/\d+ events/), { timeout: 8000 });
    const shown = section.textContent;
    expect(screen.getByText(/^Data from \d\d:\d\d/)).toBeInTheDocument();

    server.use(sourceFails('events'));
    const banner = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(banner).toHaveTextContent(
      /Source Demo scenario \(synthetic\) unreachable since \d\d:\d\d — showing data from \d\d:\d\d/,
    );
    expect(screen.getByRole('region', { name: 'Events' })).toHaveTextContent(shown!);

    server.resetHandlers();
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull(), { timeout: 6000 });
    expect(screen.getByRole('region', { name: 'Events' })).toHaveTextContent(shown!);
  }, 20_000);
});
