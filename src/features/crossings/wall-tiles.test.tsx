import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setUpMockApi } from '../../../test/msw.ts';
import { renderWithApp } from '../../../test/render.tsx';
import { PresentationProvider } from '../../ui/presentation.tsx';
import type { BoardRow } from './board-model.ts';
import { CrossingTiles } from './wall-tiles.tsx';
import { numberedSources, tilePage } from './wall-tiles-model.ts';

setUpMockApi();

describe('The crossings as wall tiles', () => {
  it('gives every crossing a tile with its status word, and numbers each source in a key', async () => {
    renderWithApp(
      <PresentationProvider value="wall">
        <CrossingTiles />
      </PresentationProvider>,
    );
    const section = screen.getByRole('region', { name: 'Crossings' });
    await waitFor(() => expect(section).toHaveAttribute('data-state', 'ready'), { timeout: 5000 });
    const tiles = section.querySelectorAll<HTMLElement>('li[data-crossing]');
    expect(tiles.length).toBeGreaterThanOrEqual(7);
    for (const tile of tiles) {
      expect(within(tile).getByText(/^(Open|Restricted|Closed|Unknown)$/)).toBeInTheDocument();
      expect(tile).toHaveTextContent(/Last report|No report/);
      // Figures per source and stage, never added across sources: 'Entered' once per source.
      expect(within(tile).getAllByText('Entered').length).toBeGreaterThanOrEqual(2);
    }
    const key = section.querySelector<HTMLElement>('.tile--key')!;
    const names = within(key)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(names).toEqual([
      expect.stringMatching(/^1 Border Authority \(synthetic\)$/),
      expect.stringMatching(/^2 UN Monitoring Mechanism \(synthetic\)$/),
    ]);
    // Nothing to press on a wall.
    expect(within(section).queryAllByRole('button')).toHaveLength(0);
    expect(section).toHaveTextContent(/rejected and (is|are) not shown/);
  });
});

describe('tilePage', () => {
  it('holds up to seven crossings and the key on one page', () => {
    expect(tilePage(7, 0)).toEqual({ from: 0, to: 7, count: 1, columns: 4 });
    expect(tilePage(3, 5)).toEqual({ from: 0, to: 3, count: 1, columns: 4 });
    expect(tilePage(2, 0).columns).toBe(3);
  });
  it('splits more crossings evenly over pages that take turns, none left out', () => {
    const pages = [0, 1, 2].map((beat) => tilePage(12, beat));
    expect(pages.map((p) => [p.from, p.to])).toEqual([
      [0, 6],
      [6, 12],
      [0, 6],
    ]);
    expect(pages[0]!.count).toBe(2);
    const fifteen = [0, 1, 2].map((beat) => tilePage(15, beat));
    expect(fifteen.map((p) => p.to - p.from)).toEqual([5, 5, 5]);
    expect(fifteen.at(-1)!.to).toBe(15);
  });
  it('has one empty page for no crossings', () => {
    expect(tilePage(0, 3)).toMatchObject({ from: 0, to: 0, count: 1 });
  });
});

describe('numberedSources', () => {
  const status = (latest?: string, ...others: string[]) =>
    ({
      status: {
        latest: latest ? { provenance: { sourceId: latest } } : undefined,
        disagreements: others.map((sourceId) => ({ provenance: { sourceId } })),
      },
    }) as unknown as BoardRow;
  it('numbers the truck sources in column order, then sources that only report a status', () => {
    const groups = [
      { sourceId: 'border', columns: [] },
      { sourceId: 'un', columns: [] },
    ];
    expect(numberedSources(groups, [status('un', 'ngo'), status('cogat'), status()])).toEqual([
      'border',
      'un',
      'cogat',
      'ngo',
    ]);
  });
});
