import { describe, expect, it } from 'vitest';
import { applyWallParams, maxAgeOf, parseWallConfig, WALL_DEFAULTS } from './wall-config.ts';

const configured = (wall: unknown) => parseWallConfig({ defaultSource: 'demo', sources: [], wall });

describe('wall options in config.json', () => {
  it('uses the defaults when there is no wall block', () => {
    expect(parseWallConfig({ sources: [] })).toEqual({ options: WALL_DEFAULTS, problems: [] });
  });

  it('reads every option', () => {
    const { options, problems } = configured({
      panels: ['map', 'board'],
      layout: 'grid',
      rotateSeconds: 20,
      refreshSeconds: 45,
      maxAgeMinutes: { map: 30 },
      reloadAt: null,
      theme: 'light',
      controls: 'never',
    });
    expect(problems).toEqual([]);
    expect(options).toEqual({
      panels: ['map', 'board'],
      layout: 'grid',
      rotateSeconds: 20,
      refreshSeconds: 45,
      maxAgeMinutes: { map: 30 },
      reloadAt: null,
      theme: 'light',
      controls: 'never',
    });
    expect(maxAgeOf(options, 'map')).toBe(30);
    expect(maxAgeOf(options, 'board')).toBe(24 * 60);
  });

  it('lists every problem and keeps the defaults of the bad options only', () => {
    const { options, problems } = configured({
      panels: ['board', 'weather'],
      rotateSeconds: 0,
      refreshSeconds: 30,
      reloadAt: '4 am',
      theme: 'neon',
      colour: 'red',
    });
    expect(options.refreshSeconds).toBe(30);
    expect(options.panels).toEqual(WALL_DEFAULTS.panels);
    expect(options.rotateSeconds).toBe(WALL_DEFAULTS.rotateSeconds);
    expect(options.theme).toBe('dark');
    const text = problems.join('\n');
    expect(text).toContain('wall.panels.1: must be one of: board');
    expect(text).toContain('wall.rotateSeconds:');
    expect(text).toContain('wall.reloadAt: must be a time like "04:00", or null');
    expect(text).toContain('wall.theme: must be one of: dark, light');
    expect(text).toContain('wall.colour: is not an option');
    expect(problems).toHaveLength(5);
  });

  it('says so when the block is not an object', () => {
    expect(configured('fast').problems).toEqual(['wall: must be an object of options']);
  });
});

describe('wall options in the URL', () => {
  const base = {
    ...WALL_DEFAULTS,
    panels: ['board', 'map', 'events'] as const,
  } as typeof WALL_DEFAULTS;
  const apply = (query: string) => applyWallParams(base, new URLSearchParams(query));

  it('chooses and orders panels among the configured ones only', () => {
    const { options, notices } = apply('panels=map,weather,hospitals,board,map');
    expect(options.panels).toEqual(['map', 'board']);
    expect(notices).toEqual([
      { param: 'panels', value: 'weather', problem: 'unknown-value' },
      { param: 'panels', value: 'hospitals', problem: 'not-configured' },
    ]);
  });

  it('keeps the configured panels when none in the URL is usable', () => {
    expect(apply('panels=hospitals').options.panels).toEqual(['board', 'map', 'events']);
  });

  it('reads timings, theme, layout, controls and reload', () => {
    const { options, notices } = apply(
      'rotate=20&refresh=5&maxAge=2&theme=light&layout=grid&controls=never&reload=off',
    );
    expect(notices).toEqual([]);
    expect(options).toMatchObject({
      rotateSeconds: 20,
      refreshSeconds: 5,
      maxAgeMinutes: 2,
      theme: 'light',
      layout: 'grid',
      controls: 'never',
      reloadAt: null,
    });
    expect(apply('reload=03:30').options.reloadAt).toBe('03:30');
  });

  it('ignores bad values with a notice', () => {
    const { options, notices } = apply('rotate=0.1&refresh=&theme=pink&reload=later&maxAge=x');
    expect(options).toMatchObject({ rotateSeconds: 30, refreshSeconds: 60, theme: 'dark' });
    expect(notices.map((n) => `${n.param}:${n.problem}`)).toEqual([
      'rotate:out-of-range',
      'refresh:out-of-range',
      'maxAge:out-of-range',
      'reload:unknown-value',
      'theme:unknown-value',
    ]);
  });
});
