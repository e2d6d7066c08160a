import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react';
import { useTheatre } from '../../data/queries.ts';
import { useActiveSource } from '../../data/source-context.tsx';
import { maxAgeOf, type WallOptions, type WallPanelId } from '../../data/wall-config.ts';
import { navigate } from '../../lib/url-state.ts';
import { useNow } from '../../lib/use-now.ts';
import { formatAge, formatDateTime, formatTime, formatZone } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n/context.tsx';
import { isolated } from '../../ui/i18n/isolate.tsx';
import { useHealthStore, useSourceHealth, type HealthStore } from './use-source-health.ts';
import {
  useControlsVisible,
  useKeptQueries,
  useRefreshLoop,
  useRotation,
  useScheduledReload,
  useWallOptions,
  useWallQueryDefaults,
} from './use-wall-runtime.ts';
import { freshness, PANEL_DATASETS, panelUpdatedAt } from './wall-model.ts';
import './wall.css';

/** A panel the wall can show; built by the app, which may import every feature. */
export interface WallPanel {
  id: WallPanelId;
  title: string;
  render: () => ReactNode;
}

/**
 * The wall display (/wall): a kiosk for a TV that runs unattended for days. Panels rotate (or
 * share one screen); a clock in the theatre's zone; the age of every panel's data, marked stale
 * past its limit; refresh on a beat, on visibility and on reconnection; during an outage the
 * last good data stay with a banner saying since when the source is unreachable. No control is
 * on screen (or focusable) until the mouse moves.
 */
export function WallView({ panels }: { panels: readonly WallPanel[] }) {
  const wall = useWallOptions();
  useEffect(() => {
    // Whole-page settings: no scroll bars, type sized to the screen (see wall.css).
    const root = document.documentElement;
    root.classList.add('wall-mode');
    // Screens well past 1080p (4K) get the 1080p layout zoomed as a whole, so that charts
    // drawn in pixels grow with the type instead of staying small in a large frame.
    const fit = () => {
      const factor = Math.min(window.innerWidth / 1920, window.innerHeight / 1080);
      root.style.zoom = factor >= 1.25 ? String(factor) : '';
      root.style.fontSize = factor >= 1.25 ? '24px' : '';
    };
    fit();
    window.addEventListener('resize', fit);
    return () => {
      window.removeEventListener('resize', fit);
      root.classList.remove('wall-mode');
      root.style.zoom = '';
      root.style.fontSize = '';
    };
  }, []);
  if (!wall.options) return <div className="wall wall--dark" />;
  const messages = [...wall.problems];
  return (
    <WallScreen
      panels={panels}
      options={wall.options}
      problems={messages}
      notices={wall.notices}
      configUnreadable={wall.configUnreadable}
    />
  );
}

function WallScreen({
  panels,
  options,
  problems,
  notices,
  configUnreadable,
}: {
  panels: readonly WallPanel[];
  options: WallOptions;
  problems: string[];
  notices: ReturnType<typeof useWallOptions>['notices'];
  configUnreadable: boolean;
}) {
  const { t, locale } = useI18n();
  const shown = useMemo(
    () =>
      options.panels.flatMap((id) => {
        const panel = panels.find((p) => p.id === id);
        return panel ? [panel] : [];
      }),
    [options.panels, panels],
  );
  const rotate = options.layout === 'rotate' && shown.length > 1;
  const { adapter, source } = useActiveSource();
  // Before any query of the panels is created, so that they have the wall's defaults.
  useWallQueryDefaults(options.refreshSeconds, shown.length * options.rotateSeconds);
  useRefreshLoop(options.refreshSeconds);
  useKeptQueries(adapter.sourceId, shown.length * options.rotateSeconds);
  useScheduledReload(options.reloadAt);
  const [paused, setPaused] = useState(false);
  const controls = useControlsVisible(options.controls);
  const rotation = useRotation(rotate ? shown.length : 1, options.rotateSeconds, paused);
  const store = useHealthStore();
  const theatre = useTheatre();
  const timeZone = theatre.data?.theatre.timeZone ?? 'UTC';
  const synthetic =
    adapter.describe().synthetic ||
    (theatre.data?.theatre.sources.some((s) => s.synthetic) ?? false);
  const current = shown[rotation.index];
  const ageProps = { store, timeZone, options };

  const ignored = [
    ...(configUnreadable ? [t('wall.configUnreadable')] : []),
    ...(problems.length ? [t('wall.configProblems', { problems: problems.join('; ') })] : []),
    ...notices.map((n) => t(`wall.notice.${n.problem}`, { param: n.param, value: n.value })),
  ];

  return (
    <div
      className={`wall wall--${options.theme}`}
      data-controls={controls ? 'shown' : 'hidden'}
      data-layout={rotate ? 'rotate' : 'grid'}
      lang={locale}
    >
      <header className="wall__bar">
        <h1 className="visually-hidden">{t('wall.title')}</h1>
        <p className="wall__name">{t('app.name')}</p>
        {rotate && current ? (
          <p className="wall__current" data-panel={current.id}>
            <span className="wall__current-title">{current.title}</span>{' '}
            <span className="wall__count">
              {t('wall.panelOf', { index: rotation.index + 1, count: shown.length })}
            </span>
            {paused ? <span className="wall__paused"> · {t('wall.paused')}</span> : null}
          </p>
        ) : null}
        <WallClock timeZone={timeZone} />
        {/* Fixed over the stage; in the banner so that it sits in a landmark. */}
        {controls ? (
          <div className="wall__controls" role="toolbar" aria-label={t('wall.controls')}>
            {rotate ? (
              <>
                <button type="button" onClick={() => setPaused((p) => !p)}>
                  {paused ? t('wall.resume') : t('wall.pause')}
                </button>
                <button type="button" onClick={rotation.next}>
                  {t('wall.next')}
                </button>
              </>
            ) : null}
            <button type="button" onClick={() => navigate('/')}>
              {t('wall.exit')}
            </button>
          </div>
        ) : null}
      </header>
      <OutageBanner store={store} sourceName={source.name} timeZone={timeZone} />
      {/* Inert: panels keep their own controls, but nothing in them can be focused or clicked. */}
      <main className="wall__stage" inert>
        {rotate && current ? (
          <div className="wall__slot" key={current.id} data-panel={current.id}>
            <Stage panel={current} />
          </div>
        ) : (
          <div className="wall__grid" style={gridStyle(shown.length)}>
            {shown.map((panel) => (
              <div className="wall__cell" key={panel.id} data-panel={panel.id}>
                <PanelAge panel={panel} {...ageProps} />
                <Stage panel={panel} />
              </div>
            ))}
          </div>
        )}
      </main>
      <footer className="wall__foot">
        {rotate ? (
          <ul className="wall__ages" aria-label={t('wall.ages')}>
            {shown.map((panel) => (
              <li key={panel.id} aria-current={panel === current ? 'true' : undefined}>
                <PanelAge panel={panel} withTitle {...ageProps} />
              </li>
            ))}
          </ul>
        ) : null}
        {synthetic ? (
          <p className="wall__synthetic" role="note">
            {t('synthetic.notice')}
          </p>
        ) : null}
        {ignored.length ? <p className="wall__ignored">{ignored.join(' · ')}</p> : null}
        {rotate ? (
          <div className="wall__progress" aria-hidden="true">
            <div
              key={rotation.step}
              className="wall__progress-fill"
              style={{
                animationDuration: `${options.rotateSeconds}s`,
                animationPlayState: paused ? 'paused' : 'running',
              }}
            />
          </div>
        ) : null}
      </footer>
    </div>
  );
}

/** Columns and rows for the all-in-one layout: as square a grid as the panels allow. */
function gridStyle(count: number): CSSProperties {
  const cols = count <= 1 ? 1 : count <= 4 ? 2 : 3;
  return { '--wall-cols': cols, '--wall-rows': Math.ceil(count / cols) } as CSSProperties;
}

/** One panel, re-rendered only when the panel changes (not on every tick of the wall). */
const Stage = memo(function Stage({ panel }: { panel: WallPanel }) {
  return <FitToStage>{panel.render()}</FitToStage>;
});

/**
 * Shrinks a panel taller or wider than its slot so that it fits without scroll bars; the
 * transform does not change layout size, so measuring it cannot loop.
 */
function FitToStage({ children }: { children: ReactNode }) {
  const outer = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  useLayoutEffect(() => {
    const o = outer.current;
    const i = inner.current;
    if (!o || !i || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      const s = Math.min(1, o.clientHeight / i.scrollHeight, o.clientWidth / i.scrollWidth);
      // Below about half size text is unreadable across a room: clip instead.
      setScale(Number.isFinite(s) && s > 0 ? Math.max(0.55, Math.round(s * 100) / 100) : 1);
    };
    const observer = new ResizeObserver(fit);
    observer.observe(o);
    observer.observe(i);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={outer} className="wall__fit">
      <div
        ref={inner}
        className="wall__fit-inner"
        style={scale < 1 ? { transform: `scale(${scale})` } : undefined}
      >
        {children}
      </div>
    </div>
  );
}

function WallClock({ timeZone }: { timeZone: string }) {
  const { t, locale } = useI18n();
  const now = useNow(1000);
  return (
    <p className="wall__clock">
      <time dateTime={now.toISOString()} className="wall__time">
        {formatTime(now, locale, timeZone)}
      </time>{' '}
      <span className="wall__zone">
        {t('wall.zone', { zone: formatZone(timeZone, locale, now) })}
      </span>
    </p>
  );
}

/** "14:05" today, "25 Nov 2026, 14:05" on another day. */
function when(instant: number, now: Date, locale: string, timeZone: string) {
  return +now - instant < 12 * 3600_000
    ? formatTime(instant, locale, timeZone)
    : formatDateTime(instant, locale, timeZone);
}

/** The age of one panel's data, in words, marked stale (word and colour) past its limit. */
function PanelAge({
  panel,
  store,
  timeZone,
  options,
  withTitle = false,
}: {
  panel: WallPanel;
  store: HealthStore;
  timeZone: string;
  options: WallOptions;
  withTitle?: boolean;
}) {
  const { t, locale } = useI18n();
  const health = useSourceHealth(store);
  const tick = useNow(5000);
  const updatedAt = panelUpdatedAt(PANEL_DATASETS[panel.id], health.updatedAt);
  // The tick may be older than a fetch that just landed: never say "in 1 second".
  const now = updatedAt !== undefined && updatedAt > +tick ? new Date(updatedAt) : tick;
  const limit = maxAgeOf(options, panel.id);
  const state = freshness(updatedAt, +now, limit);
  const text =
    updatedAt === undefined
      ? t('wall.age.none')
      : t(state === 'stale' ? 'wall.age.stale' : 'wall.age.fresh', {
          time: when(updatedAt, now, locale, timeZone),
          age: formatAge(updatedAt, now, locale),
          limit,
        });
  return (
    <p
      className={`wall__age wall__age--${state}`}
      data-age={state}
      data-panel={panel.id}
      data-updated-at={updatedAt}
    >
      {withTitle ? <span className="wall__age-title">{panel.title}</span> : null}
      <span className="wall__age-mark" aria-hidden="true" />
      <span className="wall__age-text">{text}</span>
    </p>
  );
}

/** "Source X unreachable since 14:05 — showing data from 13:55", while every attempt fails. */
function OutageBanner({
  store,
  sourceName,
  timeZone,
}: {
  store: HealthStore;
  sourceName: string;
  timeZone: string;
}) {
  const { t, locale } = useI18n();
  const health = useSourceHealth(store);
  const now = useNow(30_000);
  if (health.failingSince === undefined) return null;
  const since = when(health.failingSince, now, locale, timeZone);
  return (
    <div className="wall__outage" role="alert">
      <p className="wall__outage-text">
        {health.lastSuccessAt === undefined
          ? isolated(t, 'wall.outage.noData', { source: sourceName }, { since })
          : isolated(
              t,
              'wall.outage',
              { source: sourceName },
              { since, from: when(health.lastSuccessAt, now, locale, timeZone) },
            )}
      </p>
      <p className="wall__outage-detail">
        {t('wall.outage.retrying')}
        {health.lastError ? (
          <>
            {' ('}
            <bdi>{health.lastError}</bdi>)
          </>
        ) : null}
      </p>
    </div>
  );
}
