import { queryOptions } from '@tanstack/react-query';
import { z } from '../domain/zod.ts';
import { PANEL_IDS } from '../domain/panels.ts';

/**
 * Options of the wall display (/wall), from the `wall` block of config.json and from the URL.
 * The wall must never show an error page: a bad option is listed as a problem and its default
 * used; a bad URL parameter is ignored with a notice. A URL may only choose among the panels the
 * operator configured.
 */
export const WALL_PANEL_IDS = PANEL_IDS;
export type WallPanelId = (typeof WALL_PANEL_IDS)[number];

export const WALL_LAYOUTS = ['rotate', 'grid'] as const;
export const WALL_THEMES = ['dark', 'light'] as const;
export const WALL_CONTROLS = ['on-mouse', 'never'] as const;

const panelId = z.enum(WALL_PANEL_IDS, { error: `must be one of: ${WALL_PANEL_IDS.join(', ')}` });
const minutes = z
  .number()
  .positive('must be more than 0')
  .max(7 * 24 * 60);
// Fractions allowed: soak tests rotate every half second.
const seconds = z
  .number({ error: 'must be a number of seconds' })
  .min(0.2, 'must be at least 0.2')
  .max(3600, 'must be at most 3600 (an hour)');
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Each option on its own, so that one bad option costs only itself. */
const FIELDS = {
  /** The panels shown, in order. */
  panels: z
    .array(panelId)
    .min(1, 'must list at least one panel')
    .refine((l) => new Set(l).size === l.length, 'lists a panel twice'),
  /** Rotate one panel at a time, or show them all at once. */
  layout: z.enum(WALL_LAYOUTS, { error: `must be one of: ${WALL_LAYOUTS.join(', ')}` }),
  rotateSeconds: seconds,
  refreshSeconds: seconds,
  /**
   * A panel is marked stale once its newest report is older than this (its last fetch, where
   * the source gives no report times, and for events): one limit for all, or per panel (others:
   * DEFAULT_MAX_AGES).
   */
  maxAgeMinutes: z.union([minutes, z.partialRecord(panelId, minutes)], {
    error: 'must be a number of minutes, or an object of minutes per panel',
  }),
  /** A full reload every day at this local time (a guard against leaks), or null for none. */
  reloadAt: z.union([z.string().regex(HHMM, 'must be a time like "04:00", or null'), z.null()], {
    error: 'must be a time like "04:00", or null',
  }),
  theme: z.enum(WALL_THEMES, { error: `must be one of: ${WALL_THEMES.join(', ')}` }),
  /** 'on-mouse': pause / next / exit appear while the mouse moves; 'never': no controls at all. */
  controls: z.enum(WALL_CONTROLS, { error: `must be one of: ${WALL_CONTROLS.join(', ')}` }),
};

export interface WallOptions {
  panels: WallPanelId[];
  layout: (typeof WALL_LAYOUTS)[number];
  rotateSeconds: number;
  refreshSeconds: number;
  maxAgeMinutes: number | Partial<Record<WallPanelId, number>>;
  reloadAt: string | null;
  theme: (typeof WALL_THEMES)[number];
  controls: (typeof WALL_CONTROLS)[number];
}

/**
 * Panels an operator adds to the wall by listing them (`wall.panels`): the wall's default
 * rotation stays the one briefing rooms set up around before issue 14 added these.
 */
const OPT_IN_ON_WALL: readonly WallPanelId[] = ['movements', 'fuel-entry'];

export const WALL_DEFAULTS: WallOptions = {
  panels: WALL_PANEL_IDS.filter((id) => !OPT_IN_ON_WALL.includes(id)),
  layout: 'rotate',
  rotateSeconds: 30,
  refreshSeconds: 60,
  maxAgeMinutes: {},
  reloadAt: '04:00',
  theme: 'dark',
  controls: 'on-mouse',
};

/**
 * How old a panel's newest report may be, in minutes, by how often such reports come: crossing
 * status several times a day (a day without one is news), daily counts published the next day
 * (a day and a half), hospital and utility assessments every day or two. Events are judged by
 * their last fetch: a quiet week has no new event, and its data are not old for that.
 */
export const DEFAULT_MAX_AGES: Record<WallPanelId, number> = {
  board: 24 * 60,
  headline: 24 * 60,
  map: 24 * 60,
  'aid-flow': 36 * 60,
  hospitals: 48 * 60,
  utilities: 48 * 60,
  movements: 48 * 60,
  'fuel-entry': 48 * 60,
  events: 4 * 60,
};

/** The age limit of one panel's data, in minutes. */
export function maxAgeOf(options: WallOptions, panel: WallPanelId): number {
  const m = options.maxAgeMinutes;
  return typeof m === 'number' ? m : (m[panel] ?? DEFAULT_MAX_AGES[panel]);
}

/**
 * The wall options in a parsed config.json (the whole file; only `wall` is read). Never throws:
 * `problems` lists every option that was wrong, each replaced by its default.
 */
export function parseWallConfig(json: unknown): { options: WallOptions; problems: string[] } {
  const raw = (json as { wall?: unknown } | null)?.wall;
  const options: WallOptions = { ...WALL_DEFAULTS, panels: [...WALL_DEFAULTS.panels] };
  if (raw === undefined || raw === null) return { options, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw))
    return { options, problems: ['wall: must be an object of options'] };
  const problems: string[] = [];
  const given = raw as Record<string, unknown>;
  for (const [key, value] of Object.entries(given)) {
    const schema = FIELDS[key as keyof typeof FIELDS] as z.ZodType | undefined;
    if (!schema) {
      problems.push(`wall.${key}: is not an option (${Object.keys(FIELDS).join(', ')})`);
      continue;
    }
    const result = schema.safeParse(value);
    if (result.success) Object.assign(options, { [key]: result.data });
    else
      problems.push(
        ...result.error.issues.map(
          (i) => `wall.${[key, ...i.path.map(String)].join('.')}: ${i.message}`,
        ),
      );
  }
  return { options, problems };
}

/** A URL parameter the wall ignored, and why (for the catalog: wall.notice.<problem>). */
export interface WallNotice {
  param: string;
  value: string;
  problem: 'unknown-value' | 'not-configured' | 'out-of-range';
}

/**
 * The options after the URL's parameters:
 * `?panels=board,map&layout=grid&rotate=20&refresh=30&maxAge=10&reload=off&theme=light&controls=never`.
 * `panels` may only pick (and order) panels the configuration lists.
 */
export function applyWallParams(
  options: WallOptions,
  params: URLSearchParams,
): { options: WallOptions; notices: WallNotice[] } {
  const notices: WallNotice[] = [];
  const next: WallOptions = { ...options };

  const panels = params.get('panels');
  if (panels !== null) {
    const chosen: WallPanelId[] = [];
    for (const v of panels
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (!(WALL_PANEL_IDS as readonly string[]).includes(v))
        notices.push({ param: 'panels', value: v, problem: 'unknown-value' });
      else if (!options.panels.includes(v as WallPanelId))
        notices.push({ param: 'panels', value: v, problem: 'not-configured' });
      else if (!chosen.includes(v as WallPanelId)) chosen.push(v as WallPanelId);
    }
    if (chosen.length) next.panels = chosen;
  }

  const seconds = (param: string, key: 'rotateSeconds' | 'refreshSeconds') => {
    const v = params.get(param);
    if (v === null) return;
    const parsed = FIELDS[key].safeParse(Number(v));
    if (v.trim() !== '' && parsed.success) next[key] = parsed.data;
    else notices.push({ param, value: v, problem: 'out-of-range' });
  };
  seconds('rotate', 'rotateSeconds');
  seconds('refresh', 'refreshSeconds');

  const maxAge = params.get('maxAge');
  if (maxAge !== null) {
    const parsed = minutes.safeParse(Number(maxAge));
    if (maxAge.trim() !== '' && parsed.success) next.maxAgeMinutes = parsed.data;
    else notices.push({ param: 'maxAge', value: maxAge, problem: 'out-of-range' });
  }

  const reload = params.get('reload');
  if (reload !== null) {
    if (reload === 'off') next.reloadAt = null;
    else if (HHMM.test(reload)) next.reloadAt = reload;
    else notices.push({ param: 'reload', value: reload, problem: 'unknown-value' });
  }

  const choice = <K extends 'layout' | 'theme' | 'controls'>(
    param: string,
    key: K,
    allowed: readonly WallOptions[K][],
  ) => {
    const v = params.get(param);
    if (v === null) return;
    if ((allowed as readonly string[]).includes(v)) next[key] = v as WallOptions[K];
    else notices.push({ param, value: v, problem: 'unknown-value' });
  };
  choice('layout', 'layout', WALL_LAYOUTS);
  choice('theme', 'theme', WALL_THEMES);
  choice('controls', 'controls', WALL_CONTROLS);

  return { options: next, notices };
}

/**
 * config.json read again for its `wall` block (the app's config parser keeps only sources).
 * Read once: the wall keeps working on these options through an outage.
 */
export const wallConfigQuery = (url = '/config.json', fetchImpl: typeof fetch = fetch) =>
  queryOptions({
    queryKey: ['wall-config', url],
    queryFn: async ({ signal }) => {
      const response = await fetchImpl(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.any([signal, AbortSignal.timeout(10_000)]),
      });
      if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
      return parseWallConfig(await response.json());
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry: 3,
  });
