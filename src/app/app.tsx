import { lazy, Suspense } from 'react';
import { useViewState } from '../data/view-state.ts';
import { CrossingsBoard } from '../features/crossings/crossings-board.tsx';
import { FilterBar } from '../features/filters/filter-bar.tsx';
import { useI18n } from '../ui/i18n/context.tsx';
import { WhenVisible } from '../ui/when-visible.tsx';
import { navigate, usePathname } from '../lib/url-state.ts';
import { Shell } from './shell.tsx';

// MapLibre is large: the map loads after the first paint, in its own chunk.
const MapPanel = lazy(() => import('../features/map/map-panel.tsx'));

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
        <WhenVisible minBlockSize="36rem" label={t('map.title')}>
          <Suspense fallback={<div className="deferred" style={{ minBlockSize: '36rem' }} />}>
            <MapPanel asOf={asOf} />
          </Suspense>
        </WhenVisible>
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
