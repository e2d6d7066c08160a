import { act, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { setUpMockApi } from '../../test/msw.ts';
import { start } from './start.tsx';

const server = setUpMockApi();

/** The shipped demo source, but served by msw/node: no service worker to start in jsdom. */
const CONFIG = {
  defaultSource: 'demo',
  sources: [{ id: 'demo', name: 'Demo scenario (synthetic)', adapter: 'rest', url: '/api/v1' }],
};

/** config.json held back until `release()`: the moment between first paint and the config. */
function slowConfig(body: object = CONFIG) {
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  server.use(
    http.get('/config.json', async () => {
      await arrived;
      return HttpResponse.json(body);
    }),
  );
  return release;
}

let root: Root | undefined;
afterEach(async () => {
  await act(async () => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

/** Starts the app; `started` settles once config.json has been answered. */
function startApp(): { started: Promise<void> } {
  const container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
  let started!: Promise<void>;
  act(() => {
    started = start(root!);
  });
  return { started };
}

describe('First paint (issue 12 item 5)', () => {
  it('shows the shell while config.json is still on its way, then the app in it', async () => {
    const release = slowConfig();
    const { started } = startApp();

    // Nothing from the source yet, but the page is there: header, heading, main, panel places.
    expect(screen.getByRole('navigation', { name: 'Pages' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Access Monitor' })).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(within(main).getByRole('status')).toHaveTextContent('Loading configuration…');
    for (const name of ['Filters', 'Crossings', 'Headline figures', 'Map', 'Events'])
      expect(within(main).getByRole('heading', { level: 2, name })).toBeInTheDocument();
    expect(within(main).getByRole('region', { name: 'Crossings' })).toHaveAttribute(
      'aria-busy',
      'true',
    );

    await act(async () => {
      release();
      await started;
    });
    // The app has taken over: the source is named, the filters can be used.
    expect(await screen.findByRole('group', { name: /period/i })).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toHaveTextContent('Demo scenario (synthetic)');
    expect(screen.getAllByRole('main')).toHaveLength(1);
    expect(screen.queryByText('Loading configuration…')).not.toBeInTheDocument();
  });

  it('still says clearly what is wrong with config.json, under the same header', async () => {
    const release = slowConfig({ sources: 'none' });
    const { started } = startApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Access Monitor' })).toBeInTheDocument();

    await act(async () => {
      release();
      await started;
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The dashboard is not configured correctly');
    expect(alert).toHaveTextContent(/sources/);
    expect(screen.getByRole('navigation', { name: 'Pages' })).toBeInTheDocument();
    expect(screen.getAllByRole('main')).toHaveLength(1);
  });
});
