import { lazy, Suspense, type ComponentType } from 'react';
import { useViewState } from '../data/view-state.ts';
import { EmbedProvider } from '../ui/export/export-context.tsx';
import { useI18n } from '../ui/i18n/context.tsx';

const panel = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const AidFlow = panel(() => import('../features/aid-flow/aid-flow-panel.tsx'), 'AidFlowPanel');
const Hospitals = panel(
  () => import('../features/hospitals/hospitals-panel.tsx'),
  'HospitalsPanel',
);
const Utilities = panel(
  () => import('../features/utilities/utilities-panel.tsx'),
  'UtilitiesPanel',
);
const Events = panel(() => import('../features/events/events-panel.tsx'), 'EventsPanel');
const MapPanel = lazy(() => import('../features/map/map-panel.tsx'));

/** Chart ids (the frames' data-chart) and the panel that draws each. */
const EMBEDDABLE: Record<string, ComponentType | 'map'> = {
  'aid-flow': AidFlow,
  'hospitals-functionality': Hospitals,
  'hospitals-beds': Hospitals,
  'hospitals-fuel': Hospitals,
  'utilities-water': Utilities,
  'utilities-power': Utilities,
  'utilities-telecom': Utilities,
  events: Events,
  map: 'map',
};

/**
 * /embed/<chart>?<same parameters as the overview>: one chart alone with its full caption, for
 * an iframe. No header or footer; the chart fills the frame's width.
 */
export function Embed({ path }: { path: string }) {
  const { t } = useI18n();
  const chartId = safeDecode(path.replace(/\/+$/, ''));
  const { asOf } = useViewState();
  const Chart = Object.hasOwn(EMBEDDABLE, chartId) ? EMBEDDABLE[chartId] : undefined;
  return (
    <main id="main" className="embed-page" data-embed={chartId}>
      {/* The frame is a page of its own: its outline starts here, the chart's heading below. */}
      <h1 className="visually-hidden">{t('app.name')}</h1>
      {Chart === undefined ? (
        <p role="alert">{t('export.embed.unknown', { id: chartId })}</p>
      ) : (
        <EmbedProvider value={chartId}>
          <Suspense fallback={<p className="panel__loading">{t('chart.loadingChart')}</p>}>
            {Chart === 'map' ? <MapPanel asOf={asOf} /> : <Chart />}
          </Suspense>
        </EmbedProvider>
      )}
    </main>
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
