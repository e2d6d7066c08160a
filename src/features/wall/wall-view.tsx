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
import { PresentationProvider } from '../../ui/presentation.tsx';
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
import {
  formatDuration,
  formatSeconds,
  freshness,
  PANEL_DATASETS,
  panelReportedAt,
  panelUpdatedAt,
} from './wall-model.ts';
import { PanelSlot, panelsToWarm, useReadyPanels } from './warm-up.tsx';
import { wallWords } from '../../ui/i18n/pages/wall.ts';
import { provideWords } from '../../ui/i18n/translate.ts';
import './wall.css';

// The wall's words come with it (see provideWords), not with the first page.
provideWords(wallWords);

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
  // Whole-page settings: no scroll bars, 1rem sized to the screen (see wall.css): 24 px at
  // 1920 × 1080, 48 px at 3840 × 2160, so that a 4K screen is drawn at its own density, not
  // zoomed. Set before the first paint of the panels (they size SVG text from 1rem).
  useState(() => document.documentElement.classList.add('wall-mode'));
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('wall-mode');
    window.dispatchEvent(new Event('resize'));
    return () => root.classList.remove('wall-mode');
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
  const controls = useControlsVisible(options.controls);
  const [paused, setPaused] = useState(false);
  const order = useMemo(() => shown.map((p) => p.id), [shown]);
  const warmed = useReadyPanels(order.join(','));
  const rotation = useRotation(rotate ? shown.length : 1, options.rotateSeconds, paused, (i) =>
    warmed.ready.has(order[i]!),
  );
  const store = useHealthStore();
  const theatre = useTheatre();
  const timeZone = theatre.data?.theatre.timeZone ?? 'UTC';
  const synthetic =
    adapter.describe().synthetic ||
    (theatre.data?.theatre.sources.some((s) => s.synthetic) ?? false);
  const current = shown[rotation.index];
  // A panel once on screen keeps its queries (useKeptQueries): it comes back with its data.
  const markReady = warmed.add;
  const currentId = current?.id;
  useEffect(() => {
    if (currentId) markReady(currentId);
  }, [currentId, markReady]);
  const nextId = order[(rotation.index + 1) % order.length];
  // On the stage: the panel shown, the next one (drawn out of sight, so it comes up drawn) and
  // those still loading before their first showing.
  const drawn = new Set(
    rotate && currentId && nextId
      ? [currentId, nextId, ...panelsToWarm(order, rotation.index, warmed.ready)]
      : [],
  );
  const onStage = shown.filter((p) => drawn.has(p.id));
  const ageProps = { store, timeZone, options, sourceName: source.name };

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
          </p>
        ) : null}
        {rotate && current ? <PanelAge panel={current} brief {...ageProps} /> : null}
        {rotate && current ? (
          <NextPanel
            // A new count for each panel and on resuming, as the rotation's timer restarts.
            key={`${rotation.step}-${paused}`}
            title={shown[(rotation.index + 1) % shown.length]!.title}
            seconds={options.rotateSeconds}
            paused={paused}
            nextReady={nextId !== undefined && warmed.ready.has(nextId)}
          />
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
        <PresentationProvider value="wall">
          {rotate && current ? (
            // Keyed by panel, in rotation order: the next panel's element becomes the shown one.
            onStage.map((panel) => {
              const isShown = panel === current;
              return (
                <PanelSlot
                  key={panel.id}
                  id={panel.id}
                  shown={isShown}
                  onReady={!isShown && !warmed.ready.has(panel.id) ? markReady : undefined}
                >
                  <Stage panel={panel} />
                  {isShown ? <StaleBand panel={panel} {...ageProps} /> : null}
                </PanelSlot>
              );
            })
          ) : (
            <div className="wall__grid" style={gridStyle(shown.length)}>
              {shown.map((panel) => (
                <div className="wall__cell" key={panel.id} data-panel={panel.id}>
                  <PanelAge panel={panel} {...ageProps} />
                  <Stage panel={panel} />
                  <StaleBand panel={panel} {...ageProps} />
                </div>
              ))}
            </div>
          )}
        </PresentationProvider>
      </main>
      <footer className="wall__foot">
        {rotate ? (
          <ul className="wall__ages" aria-label={t('wall.ages')}>
            {shown.map((panel) => (
              <li key={panel.id} aria-current={panel === current ? 'true' : undefined}>
                <PanelAge panel={panel} brief withTitle {...ageProps} />
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
 * The panel's box. Panels draw for the wall (see ui/presentation.tsx) so as to fit it; should
 * one still not (a source with many more crossings or series than a room display was laid out
 * for), it is shrunk as a last resort rather than cut, and says so in `data-scale` (the
 * browser test fails on any scale that brings text under the wall's floor).
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
      setScale(Number.isFinite(s) && s > 0 ? Math.max(0.5, Math.floor(s * 100) / 100) : 1);
    };
    const observer = new ResizeObserver(fit);
    observer.observe(o);
    observer.observe(i);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={outer} className="wall__fit" data-scale={scale}>
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

/**
 * "Next: Map in 12 sec" (or that the rotation is paused), counted down every second from when
 * this panel came up (the component is keyed by the rotation's step).
 */
function NextPanel({
  title,
  seconds: period,
  paused,
  nextReady,
}: {
  title: string;
  seconds: number;
  paused: boolean;
  nextReady: boolean;
}) {
  const { t, locale } = useI18n();
  const [shownAt] = useState(() => Date.now());
  const now = useNow(1000);
  if (paused) return <p className="wall__next wall__paused">{t('wall.paused')}</p>;
  const seconds = Math.max(0, Math.ceil(period - (+now - shownAt) / 1000));
  if (seconds === 0 && !nextReady)
    return (
      <p className="wall__next" data-seconds={0} data-waiting="">
        {isolated(t, 'wall.next.loading', { title })}
      </p>
    );
  return (
    <p className="wall__next" data-seconds={seconds}>
      {isolated(t, 'wall.next.in', { title }, { time: formatSeconds(seconds, locale) })}
    </p>
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

interface AgeProps {
  panel: WallPanel;
  store: HealthStore;
  timeZone: string;
  options: WallOptions;
  sourceName: string;
}

/**
 * How old the panel's data are: its newest report (issue 18, item 15; the fetch time where the
 * source gives no report times), when they were fetched, and whether the newest report is past
 * the panel's limit. A wall refreshed a minute ago may still show last night's reports.
 */
function usePanelAge({ panel, store, options }: AgeProps) {
  const health = useSourceHealth(store);
  const tick = useNow(5000);
  const datasets = PANEL_DATASETS[panel.id];
  const updatedAt = panelUpdatedAt(datasets, health.updatedAt);
  const reportedAt =
    updatedAt === undefined ? undefined : panelReportedAt(datasets, health.reportedAt);
  // The tick may be older than a fetch that just landed: never say "in 1 second".
  const now = updatedAt !== undefined && updatedAt > +tick ? new Date(updatedAt) : tick;
  const limit = maxAgeOf(options, panel.id);
  const dataAt = reportedAt ?? updatedAt;
  return {
    health,
    updatedAt,
    reportedAt,
    dataAt,
    now,
    limit,
    state: freshness(dataAt, +now, limit),
  };
}

/**
 * The age of one panel's data, in words, marked stale (word, shape and colour) past its limit;
 * `brief` (the wall's bar, the footer's list of every panel): the time only, with the panel's
 * name `withTitle`.
 */
function PanelAge({
  brief = false,
  withTitle = false,
  ...props
}: AgeProps & { brief?: boolean; withTitle?: boolean }) {
  const { t, locale } = useI18n();
  const { updatedAt, reportedAt, now, limit, state } = usePanelAge(props);
  const { panel, timeZone } = props;
  const stale = state === 'stale';
  let text: string;
  if (updatedAt === undefined) text = t('wall.age.none');
  else if (reportedAt === undefined) {
    // No report times from the source (or events): the fetch is all the wall can say.
    const time = when(updatedAt, now, locale, timeZone);
    text = brief
      ? t(stale ? 'wall.age.briefStale' : 'wall.age.brief', { time })
      : t(stale ? 'wall.age.stale' : 'wall.age.fresh', {
          time,
          age: formatAge(updatedAt, now, locale),
          limit: formatDuration(limit * 60_000, locale),
        });
  } else {
    const fetched = when(updatedAt, now, locale, timeZone);
    text = withTitle
      ? t(stale ? 'wall.age.listStale' : 'wall.age.list', {
          age: formatAge(reportedAt, now, locale, 'short'),
        })
      : brief
        ? t(stale ? 'wall.age.barStale' : 'wall.age.bar', {
            age: formatAge(reportedAt, now, locale, 'short'),
            fetched,
          })
        : t(stale ? 'wall.age.reportStale' : 'wall.age.report', {
            time: when(reportedAt, now, locale, timeZone),
            age: formatAge(reportedAt, now, locale),
            limit: formatDuration(limit * 60_000, locale),
            fetched,
          });
  }
  return (
    <p
      className={`wall__age wall__age--${state}`}
      data-age={state}
      data-panel={panel.id}
      data-updated-at={updatedAt}
      data-reported-at={reportedAt}
    >
      {withTitle ? <span className="wall__age-title">{panel.title}</span> : null}
      <span className="wall__age-mark" aria-hidden="true" />
      <span className="wall__age-text">{text}</span>
    </p>
  );
}

/**
 * Across a stale panel, a band readable from the door: "Data 3 hours old — source X not
 * answering" (or, while the source answers but these data are not renewed, their limit).
 */
function StaleBand(props: AgeProps) {
  const { t, locale } = useI18n();
  const { health, dataAt, now, limit, state } = usePanelAge(props);
  if (state !== 'stale' || dataAt === undefined) return null;
  const age = formatDuration(+now - dataAt, locale);
  return (
    <div className="wall__stale" data-panel={props.panel.id}>
      <p>
        <span className="wall__stale-mark" aria-hidden="true" />
        {health.failingSince !== undefined
          ? isolated(t, 'wall.stale.failing', { source: props.sourceName }, { age })
          : t('wall.stale.old', { age, limit: formatDuration(limit * 60_000, locale) })}
      </p>
    </div>
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
