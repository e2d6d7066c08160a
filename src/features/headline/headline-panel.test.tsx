import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sourceFails } from '../../../mocks/overrides.ts';
import { setUpMockApi } from '../../../test/msw.ts';
import { renderWithApp } from '../../../test/render.tsx';
import { PresentationProvider } from '../../ui/presentation.tsx';
import { HeadlinePanel } from './headline-panel.tsx';

const server = setUpMockApi();
const panel = () => screen.getByRole('region', { name: 'Headline figures' });
const ready = () =>
  waitFor(() => expect(panel()).toHaveAttribute('data-state', 'ready'), { timeout: 10000 });
const figure = (id: string) => panel().querySelector<HTMLElement>(`[data-figure="${id}"]`)!;

describe('Headline figures', () => {
  it('shows each figure per source with the change against the previous period', async () => {
    renderWithApp(<HeadlinePanel />);
    await ready();
    expect(panel()).not.toHaveClass('headline--wall');
    // Two sources count trucks entered: both shown, each named.
    const entered = figure('entered');
    expect(within(entered).getByText('Border Authority (synthetic)')).toBeInTheDocument();
    expect(within(entered).getByText('UN Monitoring Mechanism (synthetic)')).toBeInTheDocument();
    expect(entered).toHaveTextContent(/of the 600 target/);
    expect(entered).toHaveTextContent(
      /(up|down) .* on the previous period|same as the previous period/,
    );
    expect(figure('open')).toHaveTextContent(/of \d/);
    expect(figure('hospitals')).toHaveTextContent(/Health Cluster \(synthetic\)/);
    expect(figure('water')).toHaveTextContent(/\d+\s?%/);
    expect(figure('power')).toHaveTextContent(/UN Monitoring Mechanism \(synthetic\)/);
  });

  it('a failing dataset names the source; the other figures still show', async () => {
    server.use(sourceFails('aid-flow'));
    renderWithApp(<HeadlinePanel />);
    await ready();
    expect(within(panel()).getByRole('alert')).toHaveTextContent(
      'Could not load data from Demo scenario (synthetic)',
    );
    expect(figure('entered')).toHaveTextContent('Could not be loaded');
    expect(figure('hospitals')).toHaveTextContent(/Health Cluster/);
  });

  it('names every distinct failure, not only the first, once each', async () => {
    server.use(sourceFails('aid-flow', 503), sourceFails('utility-status', 500));
    renderWithApp(<HeadlinePanel />);
    await ready();
    const alerts = within(panel()).getAllByRole('alert');
    // The period and the one before fail alike: one notice per dataset, not per query.
    expect(alerts).toHaveLength(2);
    expect(alerts.map((a) => a.textContent).join(' ')).toMatch(
      /aid-flow.*utility-status|utility-status.*aid-flow/,
    );
  });

  it('on the wall it takes the wall look, every figure still per source, side by side', async () => {
    renderWithApp(
      <PresentationProvider value="wall">
        <HeadlinePanel />
      </PresentationProvider>,
    );
    await ready();
    expect(panel()).toHaveClass('headline', 'headline--wall');
    const entered = figure('entered');
    // One entry per source in the same list (laid out as columns), none summed.
    const sources = within(entered).getAllByRole('listitem');
    expect(sources).toHaveLength(2);
    expect(sources[0]).toHaveTextContent('Border Authority (synthetic)');
    expect(sources[1]).toHaveTextContent('UN Monitoring Mechanism (synthetic)');
    for (const id of ['open', 'entered', 'collected', 'hospitals', 'water', 'power'])
      expect(figure(id).querySelector('.headline__value')).not.toBeNull();
  });
});
