import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FeatureCollection } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScenario } from '../../../mocks/scenario/index.ts';
import { sourceReturns, theatreReturns } from '../../../mocks/overrides.ts';
import { setUpMockApi } from '../../../test/msw.ts';
import { openTables, renderWithApp } from '../../../test/render.tsx';
import { useSearchParam } from '../../lib/url-state.ts';
import { PresentationProvider } from '../../ui/presentation.tsx';
import { fakeMapFactory } from './fake-map.ts';
import { LAYER_IDS, SOURCES } from './layers.ts';
import { MapPanel } from './map-panel.tsx';

const server = setUpMockApi();

const panel = () => screen.getByRole('region', { name: 'Map' });
const ready = () =>
  waitFor(() => expect(panel()).toHaveAttribute('data-state', 'ready'), { timeout: 5000 });
const ids = (fc: FeatureCollection | undefined) =>
  fc?.features.map((f) => f.properties?.id as string) ?? [];

/** What the crossings board does with the selection: read and write ?crossing=. */
function BoardStandIn() {
  const [crossing, setCrossing] = useSearchParam('crossing');
  return (
    <div>
      <output aria-label="board selection">{crossing ?? 'none'}</output>
      <button type="button" onClick={() => setCrossing('rafah')}>
        board selects Rafah
      </button>
    </div>
  );
}

type TheatreJson = {
  crossings: {
    id: string;
    names: Record<string, string>;
    location: { lat: number; lon: number };
  }[];
} & Record<string, unknown>;
const demoTheatre = () => structuredClone(createScenario().theatre) as TheatreJson;

describe('Map panel', () => {
  it('builds its sources and layers from the data, and is ready once the map is idle', async () => {
    const { create, maps } = fakeMapFactory();
    renderWithApp(<MapPanel createMap={create} />);
    expect(panel()).toHaveAttribute('aria-busy', 'true');
    await ready();
    const map = maps[0]!;
    const theatre = demoTheatre();
    expect(ids(map.data.get(SOURCES.crossings))).toEqual(theatre.crossings.map((c) => c.id));
    expect(map.data.get(SOURCES.corridors)!.features.length).toBeGreaterThanOrEqual(3);
    expect(map.data.get(SOURCES.facilities)!.features.length).toBeGreaterThanOrEqual(15);
    expect(map.data.get(SOURCES.areas)!.features.length).toBe(5);
    for (const f of map.data.get(SOURCES.crossings)!.features)
      expect(['open', 'restricted', 'closed', 'unknown']).toContain(f.properties?.state);
    // The style is offline: a basemap from the app, fonts given, no glyph server, no tiles.
    expect(map.style.glyphs).toBeUndefined();
    expect(map.style.sources[SOURCES.basemap]).toMatchObject({
      type: 'geojson',
      data: expect.stringMatching(/\/basemap\/theatre\.geojson$/),
    });
    expect(map.style.layers.map((l) => l.id)).toEqual(
      expect.arrayContaining(Object.values(LAYER_IDS)),
    );
    // Every place is reachable without a mouse, and the legend explains the symbols.
    const list = within(panel()).getByRole('navigation', { name: 'Places on the map' });
    expect(within(list).getByRole('button', { name: 'Kerem Shalom' })).toBeInTheDocument();
    // Each crossing of the list links to its page, with the reader's query.
    expect(within(list).getByRole('link', { name: 'Crossing page: Kerem Shalom' })).toHaveAttribute(
      'href',
      `/crossings/kerem-shalom${window.location.search}`,
    );
    // And so does its details box once chosen.
    await userEvent.click(within(list).getByRole('button', { name: 'Kerem Shalom' }));
    const details = panel().querySelector<HTMLElement>('.map-details')!;
    expect(
      within(details).getByRole('link', { name: 'Crossing page: Kerem Shalom' }),
    ).toHaveAttribute('href', expect.stringMatching(/^\/crossings\/kerem-shalom/));
    expect(within(panel()).getByRole('group', { name: 'Legend' })).toHaveTextContent(
      /Open.*Restricted.*Closed.*Unknown/,
    );
  });

  it('layer toggles hide and show layers', async () => {
    const { create, maps } = fakeMapFactory();
    renderWithApp(<MapPanel createMap={create} />);
    await ready();
    await userEvent.click(within(panel()).getByRole('checkbox', { name: 'Health facilities' }));
    expect(maps[0]!.visibility.get(LAYER_IDS.facilities)).toBe(false);
    expect(maps[0]!.visibility.get(LAYER_IDS.crossings)).toBe(true);
  });

  it('takes its layers and measure from the URL and writes them there, so links reproduce them', async () => {
    window.history.replaceState(null, '', '/?map.layers=crossings,areas&map.measure=power');
    const { create, maps } = fakeMapFactory();
    renderWithApp(<MapPanel createMap={create} />);
    await ready();
    const map = maps[0]!;
    expect(map.visibility.get(LAYER_IDS.facilities)).toBe(false);
    expect(map.visibility.get(LAYER_IDS.crossings)).toBe(true);
    expect(within(panel()).getByRole('combobox', { name: /Shade governorates/ })).toHaveValue(
      'power',
    );
    await userEvent.click(within(panel()).getByRole('checkbox', { name: 'Crossings' }));
    await userEvent.selectOptions(
      within(panel()).getByRole('combobox', { name: /Shade governorates/ }),
      'telecom',
    );
    const params = new URLSearchParams(window.location.search);
    expect(params.get('map.layers')).toBe('areas');
    expect(params.get('map.measure')).toBe('telecom');
    expect(map.visibility.get(LAYER_IDS.crossings)).toBe(false);
  });

  it('shares the crossing selection with the board through the URL, both ways', async () => {
    const { create, maps } = fakeMapFactory();
    renderWithApp(
      <>
        <BoardStandIn />
        <MapPanel createMap={create} />
      </>,
    );
    await ready();
    const map = maps[0]!;
    // Map → board: a click on a crossing selects it in the URL and shows its details as text.
    act(() => map.emit('click', { key: 'crossing:kerem-shalom', id: 'kerem-shalom' }));
    expect(new URLSearchParams(window.location.search).get('crossing')).toBe('kerem-shalom');
    expect(screen.getByRole('status', { name: 'board selection' })).toHaveTextContent(
      'kerem-shalom',
    );
    const details = within(panel()).getByRole('region', { name: /Details/ });
    expect(details).toHaveTextContent('Kerem Shalom');
    // The other community's name is in the details.
    expect(details).toHaveTextContent('Karem Abu Salem');
    expect(map.filters.get(LAYER_IDS.selection)).toEqual([
      '==',
      ['get', 'key'],
      'crossing:kerem-shalom',
    ]);
    // Board → map: the map follows and moves to it.
    const fitted = map.fitted.length;
    await userEvent.click(screen.getByRole('button', { name: 'board selects Rafah' }));
    expect(map.filters.get(LAYER_IDS.selection)).toEqual(['==', ['get', 'key'], 'crossing:rafah']);
    expect(map.fitted.length).toBe(fitted + 1);
    expect(panel().querySelector('[data-key="crossing:rafah"]')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // Keyboard: choosing from the list selects and moves the map.
    within(panel()).getByRole('button', { name: 'Erez' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(new URLSearchParams(window.location.search).get('crossing')).toBe('erez');
    // Reset view clears the selection.
    await userEvent.click(within(panel()).getByRole('button', { name: 'Reset view' }));
    expect(new URLSearchParams(window.location.search).get('crossing')).toBeNull();
  });

  it('hovering shows details as text', async () => {
    const { create, maps } = fakeMapFactory();
    renderWithApp(<MapPanel createMap={create} />);
    await ready();
    act(() => maps[0]!.emit('move', { key: 'facility:al-shifa' }));
    const facility = maps[0]!.data
      .get(SOURCES.facilities)!
      .features.find((f) => f.properties?.id === 'al-shifa');
    expect(facility).toBeDefined();
    expect(within(panel()).getByRole('region', { name: /Details/ })).toHaveTextContent(
      /Under the pointer.*Al-Shifa/,
    );
  });

  it('leaves off, counts and reports places with impossible coordinates; markup in a name stays text', async () => {
    const theatre = demoTheatre();
    const markup = '<img src=x onerror="window.__xss=1">Kerem';
    theatre.crossings[0]!.names = { en: markup };
    theatre.crossings[1]!.location = { lat: 34.26, lon: 31.25 }; // swapped
    theatre.crossings[2]!.location = { lat: 40.1, lon: 30.2 }; // far away
    server.use(theatreReturns(theatre));
    const { create, maps } = fakeMapFactory();
    renderWithApp(<MapPanel createMap={create} />);
    await ready();
    const drawn = ids(maps[0]!.data.get(SOURCES.crossings));
    expect(drawn).not.toContain(theatre.crossings[1]!.id);
    expect(drawn).not.toContain(theatre.crossings[2]!.id);
    expect(drawn).toHaveLength(theatre.crossings.length - 2);
    const rejected = openTables(within(panel()).getByTestId('rejected-records'));
    const leftOff = within(rejected)
      .getAllByRole('row')
      .filter((row) => /left off the map/.test(row.textContent ?? ''));
    expect(leftOff).toHaveLength(2);
    expect(leftOff[0]).toHaveTextContent(`crossings[1].location`);
    expect(leftOff[0]).toHaveTextContent('latitude and longitude look swapped');
    expect(leftOff[1]).toHaveTextContent('outside the theatre');
    expect(rejected).toHaveTextContent(/\d+ records from .* were rejected/);
    expect(within(panel()).getByRole('button', { name: markup })).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('shades governorates by the chosen measure', async () => {
    const day = new Date().toISOString().slice(0, 10);
    const provenance = {
      sourceId: 'utility-board',
      reportedAt: new Date().toISOString(),
      verification: 'reported',
    };
    server.use(
      sourceReturns('utility-status', [
        {
          date: day,
          areaId: 'gaza',
          service: 'water',
          value: 20,
          unit: 'm3/day',
          baseline: 100,
          provenance,
        },
        {
          date: day,
          areaId: 'rafah',
          service: 'power',
          value: 12,
          unit: 'hours/day',
          baseline: 16,
          provenance,
        },
      ]),
    );
    const { create, maps } = fakeMapFactory();
    renderWithApp(<MapPanel createMap={create} />);
    await ready();
    const band = (id: string) =>
      maps[0]!.data.get(SOURCES.areas)!.features.find((f) => f.properties?.id === id)?.properties
        ?.band;
    expect(band('gaza')).toBe(0);
    expect(band('rafah')).toBe(-1);
    await userEvent.selectOptions(
      within(panel()).getByRole('combobox', { name: 'Shade governorates by' }),
      'power',
    );
    await waitFor(() => expect(band('rafah')).toBe(3));
    expect(within(panel()).getByRole('group', { name: 'Legend' })).toHaveTextContent(
      'Power, % of pre-crisis supply',
    );
  });

  it('says so when the map cannot be drawn, and keeps the list', async () => {
    renderWithApp(
      <MapPanel createMap={() => Promise.reject(new Error('WebGL is not available'))} />,
    );
    await waitFor(() => expect(panel()).toHaveAttribute('data-state', 'error'), { timeout: 5000 });
    expect(within(panel()).getByRole('alert')).toHaveTextContent('WebGL is not available');
    expect(within(panel()).getByRole('button', { name: 'Kerem Shalom' })).toBeInTheDocument();
  });

  it('tears the map down on unmount', async () => {
    const { create, maps } = fakeMapFactory();
    const { unmount } = renderWithApp(<MapPanel createMap={create} />);
    await ready();
    expect(window.__accessMonitorMap?.map).toBe(maps[0]);
    unmount();
    expect(maps[0]!.removed).toBe(true);
    expect(window.__accessMonitorMap).toBeUndefined();
  });

  describe('on the wall', () => {
    afterEach(() => {
      document.documentElement.style.fontSize = '';
      vi.restoreAllMocks();
    });

    it('draws for distance from the rem, holds the camera on the crossings, drops what is clicked', async () => {
      // The wall's 1rem at 1920 × 1080, and a laid-out map container.
      document.documentElement.style.fontSize = '24px';
      vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(900);
      vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(760);
      const { create, maps } = fakeMapFactory();
      renderWithApp(
        <PresentationProvider value="wall">
          <MapPanel createMap={create} />
        </PresentationProvider>,
      );
      await ready();
      expect(panel()).toHaveClass('map-panel', 'map-panel--wall');
      const map = maps[0]!;
      const crossings = map.style.layers.find((l) => l.id === LAYER_IDS.crossings)!;
      expect(crossings.layout).toMatchObject({ 'text-size': 24, 'icon-size': 2 });
      // Fitted to the crossings (not the whole theatre), with room for their names.
      const theatre = demoTheatre();
      const lons = theatre.crossings.map((c) => c.location.lon);
      const lats = theatre.crossings.map((c) => c.location.lat);
      await waitFor(() => expect(map.fitted.length).toBeGreaterThan(0));
      expect(map.fitted.at(-1)).toEqual([
        Math.min(...lons),
        Math.min(...lats),
        Math.max(...lons),
        Math.max(...lats),
      ]);
      expect(map.fitOptions.at(-1)).toMatchObject({
        animate: false,
        padding: { top: 48, bottom: 48, left: 192, right: 192 },
      });
      // Nobody points or clicks at a wall: no toolbar, details, place list or export.
      expect(within(panel()).queryByRole('checkbox')).toBeNull();
      expect(within(panel()).queryByRole('navigation', { name: 'Places on the map' })).toBeNull();
      expect(panel().querySelector('.map-details')).toBeNull();
      expect(within(panel()).queryByRole('button')).toBeNull();
      // The legend, the basemap's attribution and the sources stay, beside the map.
      const side = panel().querySelector<HTMLElement>('.map-side')!;
      expect(within(side).getByRole('group', { name: 'Legend' })).toBeInTheDocument();
      expect(side).toHaveTextContent(/OpenStreetMap contributors/);
      expect(side).toHaveTextContent(/Source: .*Border Authority/);
    });

    it('the page keeps its controls, list and a map fitted by MapLibre alone', async () => {
      const { create, maps } = fakeMapFactory();
      renderWithApp(<MapPanel createMap={create} />);
      await ready();
      expect(panel()).not.toHaveClass('map-panel--wall');
      expect(maps[0]!.fitted).toEqual([]);
      const crossings = maps[0]!.style.layers.find((l) => l.id === LAYER_IDS.crossings)!;
      expect(crossings.layout).toMatchObject({ 'text-size': 12, 'icon-size': 1 });
      expect(within(panel()).getByRole('navigation', { name: 'Places on the map' })).toBeVisible();
    });
  });
});
