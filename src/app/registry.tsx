import { lazy, type ReactNode } from 'react';
import { useViewState } from '../data/view-state.ts';
import type { PanelId } from '../domain/panels.ts';
import { CrossingsBoard } from '../features/crossings/crossings-board.tsx';
import type { MessageKey } from '../ui/i18n/translate.ts';

// Below the board, panels load when scrolled near, each in its own chunk: a phone on a poor
// connection spends its bandwidth on the crossings first. MapLibre and Recharts never load
// before they are needed.
const MapPanel = lazy(() => import('../features/map/map-panel.tsx'));
const HeadlinePanel = lazy(() =>
  import('../features/headline/headline-panel.tsx').then((m) => ({ default: m.HeadlinePanel })),
);
const AidFlowPanel = lazy(() =>
  import('../features/aid-flow/aid-flow-panel.tsx').then((m) => ({ default: m.AidFlowPanel })),
);
const MovementsPanel = lazy(() =>
  import('../features/movements/movements-panel.tsx').then((m) => ({ default: m.MovementsPanel })),
);
const FuelEntryPanel = lazy(() =>
  import('../features/fuel/fuel-entry-panel.tsx').then((m) => ({ default: m.FuelEntryPanel })),
);
const HospitalsPanel = lazy(() =>
  import('../features/hospitals/hospitals-panel.tsx').then((m) => ({ default: m.HospitalsPanel })),
);
const UtilitiesPanel = lazy(() =>
  import('../features/utilities/utilities-panel.tsx').then((m) => ({ default: m.UtilitiesPanel })),
);
const EventsPanel = lazy(() =>
  import('../features/events/events-panel.tsx').then((m) => ({ default: m.EventsPanel })),
);

/** The map as of the end of the selected period (now by default; the wall has no period). */
function ViewMap() {
  const { asOf } = useViewState();
  return <MapPanel asOf={asOf} />;
}

export interface PanelView {
  title: MessageKey;
  /** Space held on the overview until the panel loads; none: drawn at once (the board). */
  height?: string;
  /** The panel on the overview and in embeds of its charts. */
  render: () => ReactNode;
  /**
   * Heavy panels (the map, the charts): about how many KB (gzip) loading it costs, said on its
   * "load" button when the reader is saving data. Measured on the build of 2026-11-30: the map
   * is MapLibre 285 + its worker 147 + styles and panel 20; a chart panel is Recharts 108 plus
   * the chart frame and export code ~40 (shared: the second chart panel costs much less).
   */
  heavyKB?: number;
}

const CHART_KB = 150;

/**
 * How each panel of `domain/panels.ts` is drawn: its component, title and place holder. The
 * overview, the wall and /embed/<chart> all derive from this and that list; nothing else
 * names a panel.
 */
export const PANEL_VIEWS: Record<PanelId, PanelView> = {
  board: {
    title: 'crossings.title',
    render: () => <CrossingsBoard />,
  },
  headline: { title: 'headline.title', height: '12rem', render: () => <HeadlinePanel /> },
  map: { title: 'map.title', height: '36rem', heavyKB: 460, render: () => <ViewMap /> },
  'aid-flow': {
    title: 'aidFlow.title',
    height: '30rem',
    heavyKB: CHART_KB,
    render: () => <AidFlowPanel />,
  },
  movements: {
    title: 'movements.title',
    height: '30rem',
    heavyKB: CHART_KB,
    render: () => <MovementsPanel />,
  },
  'fuel-entry': {
    title: 'fuelEntry.title',
    height: '24rem',
    heavyKB: CHART_KB,
    render: () => <FuelEntryPanel />,
  },
  hospitals: {
    title: 'hospitals.title',
    height: '40rem',
    heavyKB: CHART_KB,
    render: () => <HospitalsPanel />,
  },
  utilities: {
    title: 'utilities.title',
    height: '40rem',
    heavyKB: CHART_KB,
    render: () => <UtilitiesPanel />,
  },
  events: {
    title: 'events.title',
    height: '20rem',
    heavyKB: CHART_KB,
    render: () => <EventsPanel />,
  },
};
