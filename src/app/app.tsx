import { Fragment, lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import {
  crossingChartPage,
  crossingEmbedOfPath,
  crossingIdOfPath,
} from '../domain/crossing-paths.ts';
import { PANELS, panelOfChart } from '../domain/panels.ts';
import { ExportScopeFromView } from '../features/export/export-scope.tsx';
import { FilterBar } from '../features/filters/filter-bar.tsx';
import { chartOfHash } from '../ui/chart-hash.ts';
import { useI18n } from '../ui/i18n/context.tsx';
import { formatKilobytes } from '../ui/format.ts';
import { NARROW_SCREEN, useMediaQuery } from '../ui/use-media-query.ts';
import { useSaveData } from '../ui/use-save-data.ts';
import { WhenVisible } from '../ui/when-visible.tsx';
import { navigate, usePathname } from '../lib/url-state.ts';
import { PANEL_VIEWS } from './registry.tsx';
import { Shell } from './shell.tsx';

const SourcesPage = lazy(() =>
  import('../features/sources/sources-page.tsx').then((m) => ({ default: m.SourcesPage })),
);
const DataIssuesPanel = lazy(() =>
  import('../features/data-issues/data-issues-panel.tsx').then((m) => ({
    default: m.DataIssuesPanel,
  })),
);

// An embed is one chart in someone else's page: its route code loads only there.
const Embed = lazy(() => import('./embed.tsx').then((m) => ({ default: m.Embed })));
const CrossingPage = lazy(() => import('../features/crossing-page/crossing-page.tsx'));
const ComparePage = lazy(() =>
  import('../features/compare/compare-page.tsx').then((m) => ({ default: m.ComparePage })),
);

// Observers' reports: the form, the token and the device's outbox, loaded on /report only.
const ReportPage = lazy(() =>
  import('../features/report/report-page.tsx').then((m) => ({ default: m.ReportPage })),
);

// The wall (its view, its own drawing of some panels) is one chunk, loaded on /wall only.
const Wall = lazy(() => import('./wall-route.tsx').then((m) => ({ default: m.Wall })));

/**
 * A panel loaded when scrolled near or tabbed to, holding its space meanwhile so nothing jumps
 * (WhenVisible also waits for the panel's chunk).
 */
function Deferred({
  label,
  height,
  heavy,
  onRequest,
  eager,
  children,
}: {
  label: string;
  height: string;
  /** Load now, wherever its place is: the page was opened at one of its charts. */
  eager?: boolean;
  /** The map and the charts: loaded once their place is on screen, not ahead of it. */
  heavy: boolean;
  onRequest?: string;
  children: ReactNode;
}) {
  return (
    <WhenVisible
      minBlockSize={height}
      label={label}
      onRequest={onRequest}
      ahead={heavy ? '0px' : undefined}
      eager={eager}
    >
      {children}
    </WhenVisible>
  );
}

/**
 * Routes: / the overview, /crossings/<id> a crossing's page, /compare sources compared, /data
 * sources and data issues, /report observers' reports (for a writable source), /wall the kiosk, /embed/<chart> (and /embed/crossing/<id>/<chart>)
 * one chart.
 */
export function App({ rejectedSource }: { rejectedSource?: string }) {
  const pathname = usePathname();
  useLandOnChart(pathname);
  // The wall is a kiosk: no header, picker or footer around it.
  if (pathname === '/wall') return <Wall />;
  // /embed/<chart>: one chart alone for an iframe, without the shell around it.
  if (pathname.startsWith('/embed/')) {
    const path = pathname.slice('/embed/'.length);
    const crossing = crossingEmbedOfPath(path);
    return (
      <ExportScopeFromView page={crossing ? crossingChartPage(crossing.crossingId) : undefined}>
        <Suspense fallback={null}>
          <Embed path={path} />
        </Suspense>
      </ExportScopeFromView>
    );
  }
  const crossingId = crossingIdOfPath(pathname);
  return (
    <Shell rejectedSource={rejectedSource}>
      {pathname === '/' ? (
        <ExportScopeFromView>
          <Overview />
        </ExportScopeFromView>
      ) : pathname === '/data' ? (
        <DataPage />
      ) : crossingId !== undefined ? (
        <ExportScopeFromView page={crossingChartPage(crossingId)}>
          <Suspense fallback={null}>
            <CrossingPage crossingId={crossingId} filters={<FilterBar />} />
          </Suspense>
        </ExportScopeFromView>
      ) : pathname === '/report' ? (
        <Suspense fallback={null}>
          <ReportPage />
        </Suspense>
      ) : pathname === '/compare' ? (
        <ExportScopeFromView>
          <Suspense fallback={null}>
            <ComparePage />
          </Suspense>
        </ExportScopeFromView>
      ) : (
        <NotFound path={pathname} />
      )}
    </Shell>
  );
}

/**
 * The overview. On a phone the crossings answer comes first and the filters after it, folded;
 * when the reader saves data (or is on 2G), the map and the charts wait for a button press.
 */
function Overview() {
  const { t, locale } = useI18n();
  const phone = useMediaQuery(NARROW_SCREEN);
  const saveData = useSaveData();
  // The panel of the chart a link points at (#chart-<id>) loads at once: the page lands on it.
  const [linked] = useState(() => {
    const chart = chartOfHash(window.location.hash);
    return chart === undefined ? undefined : panelOfChart(chart);
  });
  const [first, ...rest] = PANELS.map(({ id }) => {
    const view = PANEL_VIEWS[id];
    const label = t(view.title);
    return view.height ? (
      <Deferred
        key={id}
        label={label}
        height={view.height}
        heavy={Boolean(view.heavyKB)}
        eager={id === linked}
        onRequest={
          id !== linked && saveData && view.heavyKB
            ? t('deferred.load', { panel: label, size: formatKilobytes(view.heavyKB, locale) })
            : undefined
        }
      >
        {view.render()}
      </Deferred>
    ) : (
      <Fragment key={id}>{view.render()}</Fragment>
    );
  });
  const notice = saveData ? (
    <p key="save-data" className="notice save-data-notice" role="note">
      {t('deferred.saveData')}
    </p>
  ) : null;
  return (
    <>
      <h1 className="visually-hidden">{t('app.name')}</h1>
      <div className="overview">
        {phone ? (
          <>
            {first}
            <FilterBar collapsed />
            {notice}
          </>
        ) : (
          <>
            <FilterBar />
            {notice}
            {first}
          </>
        )}
        {rest}
      </div>
    </>
  );
}

/**
 * A page opened at a chart (`#chart-<id>`, the links "Copy link" hands out) lands on it once it
 * has rendered (see ui/land-on-chart.ts, loaded only then). Not when going back or forward: the
 * browser restores where the reader was.
 */
function useLandOnChart(pathname: string): void {
  useEffect(() => {
    const hash = window.location.hash;
    if (chartOfHash(hash) === undefined) return;
    const entry = performance.getEntriesByType?.('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    if (entry?.type === 'back_forward') return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import('../ui/land-on-chart.ts').then(({ landOnChart }) => {
      if (!cancelled) stop = landOnChart(hash);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [pathname]);
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
