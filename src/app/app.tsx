import { lazy, Suspense, type ReactNode } from 'react';
import { useViewState } from '../data/view-state.ts';
import { CrossingsBoard } from '../features/crossings/crossings-board.tsx';
import { FilterBar } from '../features/filters/filter-bar.tsx';
import { useI18n } from '../ui/i18n/context.tsx';
import { WhenVisible } from '../ui/when-visible.tsx';
import { navigate, usePathname } from '../lib/url-state.ts';
import { Shell } from './shell.tsx';

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

/** A panel loaded when scrolled near, holding its space meanwhile so nothing jumps. */
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
      <Suspense fallback={<div className="deferred" style={{ minBlockSize: height }} />}>
        {children}
      </Suspense>
    </WhenVisible>
  );
}

/** Routes: the overview now; /wall, /embed/… and /data follow in later issues. */
export function App({ rejectedSource }: { rejectedSource?: string }) {
  const pathname = usePathname();
  return (
    <Shell rejectedSource={rejectedSource}>
      {pathname === '/' ? <Overview /> : <NotFound path={pathname} />}
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
