import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { useViewState } from '../data/view-state.ts';
import { CrossingsBoard } from '../features/crossings/crossings-board.tsx';
import { ExportScopeFromView } from '../features/export/export-scope.tsx';
import { FilterBar } from '../features/filters/filter-bar.tsx';
import { useI18n } from '../ui/i18n/context.tsx';
import { WhenVisible } from '../ui/when-visible.tsx';
import { navigate, usePathname } from '../lib/url-state.ts';
import { Embed } from './embed.tsx';
import { Shell } from './shell.tsx';
import type { WallPanel } from '../features/wall/wall-view.tsx';

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
const HospitalsPanel = lazy(() =>
  import('../features/hospitals/hospitals-panel.tsx').then((m) => ({ default: m.HospitalsPanel })),
);
const UtilitiesPanel = lazy(() =>
  import('../features/utilities/utilities-panel.tsx').then((m) => ({ default: m.UtilitiesPanel })),
);
const EventsPanel = lazy(() =>
  import('../features/events/events-panel.tsx').then((m) => ({ default: m.EventsPanel })),
);

const SourcesPage = lazy(() =>
  import('../features/sources/sources-page.tsx').then((m) => ({ default: m.SourcesPage })),
);
const DataIssuesPanel = lazy(() =>
  import('../features/data-issues/data-issues-panel.tsx').then((m) => ({
    default: m.DataIssuesPanel,
  })),
);

const WallView = lazy(() =>
  import('../features/wall/wall-view.tsx').then((m) => ({ default: m.WallView })),
);

/**
 * A panel loaded when scrolled near or tabbed to, holding its space meanwhile so nothing jumps
 * (WhenVisible also waits for the panel's chunk).
 */
function Deferred({
  label,
  height,
  children,
}: {
  label: string;
  height: string;
  children: ReactNode;
}) {
  return (
    <WhenVisible minBlockSize={height} label={label}>
      {children}
    </WhenVisible>
  );
}

/** Routes: / the overview, /data sources and data issues, /wall the kiosk, /embed/<chart> one chart. */
export function App({ rejectedSource }: { rejectedSource?: string }) {
  const pathname = usePathname();
  // The wall is a kiosk: no header, picker or footer around it.
  if (pathname === '/wall') return <Wall />;
  // /embed/<chart>: one chart alone for an iframe, without the shell around it.
  if (pathname.startsWith('/embed/'))
    return (
      <ExportScopeFromView>
        <Embed path={pathname.slice('/embed/'.length)} />
      </ExportScopeFromView>
    );
  return (
    <Shell rejectedSource={rejectedSource}>
      {pathname === '/' ? (
        <ExportScopeFromView>
          <Overview />
        </ExportScopeFromView>
      ) : pathname === '/data' ? (
        <DataPage />
      ) : (
        <NotFound path={pathname} />
      )}
    </Shell>
  );
}

function Overview() {
  const { t } = useI18n();
  const { asOf } = useViewState();
  return (
    <>
      <h1 className="visually-hidden">{t('app.name')}</h1>
      <div className="overview">
        <FilterBar />
        <CrossingsBoard />
        <Deferred label={t('headline.title')} height="12rem">
          <HeadlinePanel />
        </Deferred>
        <Deferred label={t('map.title')} height="36rem">
          <MapPanel asOf={asOf} />
        </Deferred>
        <Deferred label={t('aidFlow.title')} height="30rem">
          <AidFlowPanel />
        </Deferred>
        <Deferred label={t('hospitals.title')} height="40rem">
          <HospitalsPanel />
        </Deferred>
        <Deferred label={t('utilities.title')} height="40rem">
          <UtilitiesPanel />
        </Deferred>
        <Deferred label={t('events.title')} height="20rem">
          <EventsPanel />
        </Deferred>
      </div>
    </>
  );
}

/** /data: the configured sources, their health, dropped files, and every rejected record. */
function DataPage() {
  const { t } = useI18n();
  return (
    <>
      <h1 className="page-title">{t('sources.page.title')}</h1>
      <div className="overview">
        <Suspense fallback={null}>
          <SourcesPage />
          <DataIssuesPanel />
        </Suspense>
      </div>
    </>
  );
}

/** The map follows "now" (the wall has no date filter); the other panels read the view state. */
function WallMap() {
  const { asOf } = useViewState();
  return <MapPanel asOf={asOf} />;
}

function Wall() {
  const { t } = useI18n();
  const panels = useMemo<WallPanel[]>(() => {
    const lazyPanel = (node: ReactNode) => () => <Suspense fallback={null}>{node}</Suspense>;
    return [
      {
        id: 'board',
        title: t('crossings.title'),
        render: () => <CrossingsBoard variant="compact" />,
      },
      { id: 'headline', title: t('headline.title'), render: lazyPanel(<HeadlinePanel />) },
      { id: 'map', title: t('map.title'), render: lazyPanel(<WallMap />) },
      { id: 'aid-flow', title: t('aidFlow.title'), render: lazyPanel(<AidFlowPanel />) },
      { id: 'hospitals', title: t('hospitals.title'), render: lazyPanel(<HospitalsPanel />) },
      { id: 'utilities', title: t('utilities.title'), render: lazyPanel(<UtilitiesPanel />) },
      { id: 'events', title: t('events.title'), render: lazyPanel(<EventsPanel />) },
    ];
  }, [t]);
  return (
    <Suspense fallback={null}>
      <WallView panels={panels} />
    </Suspense>
  );
}

function NotFound({ path }: { path: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="not-found" className="panel">
      <h1 id="not-found">{t('app.notFound.title')}</h1>
      <p>{t('app.notFound.body', { path })}</p>
      <a
        href="/"
        onClick={(e) => {
          e.preventDefault();
          navigate('/');
        }}
      >
        {t('app.notFound.home')}
      </a>
    </section>
  );
}
