import { useId, type ReactNode } from 'react';
import { PANELS } from '../domain/panels.ts';
import { useI18n } from '../ui/i18n/context.tsx';
import { Panel } from '../ui/panel.tsx';
import { usePathname } from '../lib/url-state.ts';
import { BootMessage } from './config-error.tsx';
import { PANEL_VIEWS } from './registry.tsx';
import { AppHeader } from './shell.tsx';

/** The wall and embeds are drawn without the shell (see App). */
const bare = (pathname: string) => pathname === '/wall' || pathname.startsWith('/embed/');

/**
 * What the page shows before a source is mounted: the header on routes that have one, then
 * `children` (the waiting page, or the configuration error).
 */
export function BootFrame({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  if (bare(pathname)) return children;
  return (
    <>
      <AppHeader />
      {children}
    </>
  );
}

/**
 * Painted at once, while config.json (and for the demo the mock API) is on its way: the shell,
 * the page's heading, and each panel's place held at the size the app holds it, so that nothing
 * jumps when the app takes over. Nothing here reads a source.
 */
export function PendingShell() {
  const { t } = useI18n();
  const pathname = usePathname();
  const filtersId = useId();
  if (bare(pathname))
    return (
      <main id="main">
        <BootMessage />
      </main>
    );
  return (
    <BootFrame>
      <main id="main" tabIndex={-1} aria-busy="true">
        {pathname === '/' ? (
          <>
            <h1 className="visually-hidden">{t('app.name')}</h1>
            <div className="overview">
              <section className="filter-bar filter-bar--pending" aria-labelledby={filtersId}>
                <h2 id={filtersId} className="filter-bar__title">
                  {t('filters.title')}
                </h2>
              </section>
              {PANELS.map(({ id }) => {
                const view = PANEL_VIEWS[id];
                return view.height ? (
                  <div key={id} className="when-visible">
                    <section className="deferred" style={{ minBlockSize: view.height }}>
                      <h2 className="deferred__title">{t(view.title)}</h2>
                    </section>
                  </div>
                ) : (
                  // The board: drawn at once by the app, holding the screen while it loads.
                  <Panel key={id} title={t(view.title)} state="loading" className="crossings-board">
                    <BootMessage />
                  </Panel>
                );
              })}
            </div>
          </>
        ) : (
          <>
            {pathname === '/data' ? (
              <h1 className="page-title">{t('sources.page.title')}</h1>
            ) : pathname === '/compare' ? (
              <h1 className="page-title">{t('compare.page.title')}</h1>
            ) : null}
            <BootMessage />
          </>
        )}
      </main>
    </BootFrame>
  );
}
