import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  applyWallParams,
  wallConfigQuery,
  WALL_DEFAULTS,
  type WallNotice,
  type WallOptions,
} from '../../data/wall-config.ts';
import { subscribeToUrl } from '../../lib/url-state.ts';
import { createQueryKeeper } from './query-keeper.ts';
import { msUntilLocalTime, wallRetryDelay } from './wall-model.ts';

/** The wall's options: config.json's `wall` block, then the URL's parameters. */
export function useWallOptions(): {
  options: WallOptions | undefined;
  problems: string[];
  notices: WallNotice[];
  configUnreadable: boolean;
} {
  const config = useQuery(wallConfigQuery());
  const search = useSyncExternalStore(
    subscribeToUrl,
    () => window.location.search,
    () => '',
  );
  return useMemo(() => {
    // Until config.json is read (a few ms) nothing is shown; if it cannot be, the defaults are.
    const base = config.data?.options ?? (config.isError ? WALL_DEFAULTS : undefined);
    if (!base) return { options: undefined, problems: [], notices: [], configUnreadable: false };
    const { options, notices } = applyWallParams(base, new URLSearchParams(search));
    return {
      options,
      problems: config.data?.problems ?? [],
      notices,
      configUnreadable: config.isError,
    };
  }, [config.data, config.isError, search]);
}

function wallQueryDefaults(client: QueryClient, refreshMs: number, cycleMs: number) {
  client.setQueryDefaults(['source'], {
    // The wall never gives up: a failed refetch keeps the last good data on screen and is
    // retried with backoff until the source answers again. Queries never settle in error, so
    // panels never swap their data for an error message. An attempt that timed out has waited
    // the source's whole timeoutMs already: the next one follows it closely.
    retry: true,
    retryDelay: (attempt: number, error: unknown) => wallRetryDelay(attempt, error, refreshMs),
    // Panels rotated away keep their data for longer than a rotation cycle (no spinner when
    // they come back); data of earlier days' keys are dropped after that.
    gcTime: Math.max(10 * 60_000, 2 * cycleMs),
    // The wall refreshes on visibility and reconnection itself (see useRefreshLoop).
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/**
 * Query defaults for every query of a source while the wall is shown. Applied during render
 * (idempotent) so that the panels' first queries already have them; removed on leaving.
 */
export function useWallQueryDefaults(refreshSeconds: number, cycleSeconds: number) {
  const client = useQueryClient();
  const refreshMs = refreshSeconds * 1000;
  const cycleMs = cycleSeconds * 1000;
  useMemo(() => wallQueryDefaults(client, refreshMs, cycleMs), [client, refreshMs, cycleMs]);
  useEffect(() => {
    wallQueryDefaults(client, refreshMs, cycleMs);
    return () => client.setQueryDefaults(['source'], {});
  }, [client, refreshMs, cycleMs]);
}

/**
 * Keeps every panel's queries active while it is rotated away (see createQueryKeeper), for two
 * rotation cycles after a panel last used them.
 */
export function useKeptQueries(sourceId: string, cycleSeconds: number) {
  const client = useQueryClient();
  const holdMs = 2 * cycleSeconds * 1000;
  useEffect(() => {
    const keeper = createQueryKeeper(client, sourceId, holdMs);
    const timer = setInterval(() => keeper.sweep(), Math.min(holdMs, 60_000));
    return () => {
      clearInterval(timer);
      keeper.dispose();
    };
  }, [client, sourceId, holdMs]);
}

/**
 * Refetch every panel's data (on screen or kept for a rotated-away panel) every
 * `refreshSeconds`, never starting a second request for a query still fetching (a hung request
 * is abandoned by the adapter at the source's timeoutMs, then retried); and at once, abandoning
 * any pending retry, when the tab is shown again or the network comes back.
 */
export function useRefreshLoop(refreshSeconds: number) {
  const client = useQueryClient();
  useEffect(() => {
    const refresh = (cancelRefetch: boolean) =>
      void client.refetchQueries(
        {
          queryKey: ['source'],
          type: 'active',
          // Reference data have their own hour; only observations follow the wall's beat.
          predicate: (q) => q.queryKey[2] !== 'theatre',
        },
        { cancelRefetch, throwOnError: false },
      );
    const timer = setInterval(() => {
      if (!document.hidden) refresh(false);
    }, refreshSeconds * 1000);
    const onVisible = () => {
      if (!document.hidden) refresh(true);
    };
    const onOnline = () => refresh(true);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', onOnline);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', onOnline);
    };
  }, [client, refreshSeconds]);
}

const reloadPage = () => window.location.reload();

/**
 * A full reload every day at `reloadAt` (local time), a guard against leaks in libraries; only
 * when the server answers, so that a reload never trades the last good data for an error page.
 */
export function useScheduledReload(reloadAt: string | null, reload: () => void = reloadPage) {
  useEffect(() => {
    if (!reloadAt) return;
    let timer: ReturnType<typeof setTimeout>;
    let cancelled = false;
    const attempt = async () => {
      try {
        const r = await fetch('/config.json', {
          cache: 'no-store',
          signal: AbortSignal.timeout(10_000),
        });
        if (r.ok && !cancelled) return reload();
      } catch {
        // Unreachable: try again a little later.
      }
      if (!cancelled) timer = setTimeout(() => void attempt(), 5 * 60_000);
    };
    timer = setTimeout(() => void attempt(), msUntilLocalTime(reloadAt, new Date()));
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [reloadAt, reload]);
}

/**
 * Which panel is shown; the next one after `seconds`, unless paused. `step` counts every change.
 * A next panel whose data are not in yet (`isReady`) is waited for, up to another `seconds`, so
 * that the room does not see it empty; after that it is shown as it is.
 */
export function useRotation(
  count: number,
  seconds: number,
  paused: boolean,
  isReady: (index: number) => boolean = () => true,
) {
  const [state, setState] = useState({ index: 0, step: 0 });
  const ready = useRef(isReady);
  useEffect(() => {
    ready.current = isReady;
  });
  const next = useCallback(
    () => setState((s) => ({ index: (s.index + 1) % Math.max(1, count), step: s.step + 1 })),
    [count],
  );
  useEffect(() => {
    if (paused || count < 2) return;
    const due = Date.now() + seconds * 1000;
    let timer: ReturnType<typeof setTimeout>;
    const advance = () => {
      const waited = Date.now() - due;
      if (ready.current((state.index + 1) % count) || waited >= seconds * 1000) next();
      else timer = setTimeout(advance, 500);
    };
    timer = setTimeout(advance, seconds * 1000);
    return () => clearTimeout(timer);
  }, [state.step, state.index, paused, count, seconds, next]);
  return { index: state.index % Math.max(1, count), step: state.step, next };
}

/** True while the mouse has moved in the last `hideAfterMs`; always false with 'never'. */
export function useControlsVisible(mode: WallOptions['controls'], hideAfterMs = 3000) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (mode === 'never') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      setVisible(true);
      clearTimeout(timer);
      timer = setTimeout(() => setVisible(false), hideAfterMs);
    };
    window.addEventListener('mousemove', show, { passive: true });
    window.addEventListener('pointerdown', show, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('mousemove', show);
      window.removeEventListener('pointerdown', show);
    };
  }, [mode, hideAfterMs]);
  return mode !== 'never' && visible;
}
