import { describe, expect, it } from 'vitest';
import {
  choice,
  list,
  optionSearch,
  parseOptions,
  toggled,
  writeOptions,
} from './chart-options.ts';

const SPEC = {
  stack: choice(['commodity', 'crossing'], 'commodity'),
  measure: choice(['trucks', 'tonnes'], 'trucks'),
  stages: list(['offered', 'entered', 'collected'], ['entered', 'collected']),
};
const parse = (search: string) => parseOptions('aid', SPEC, new URLSearchParams(search));

describe('chart options in the URL', () => {
  it('reads namespaced options, defaults for the rest', () => {
    expect(parse('aid.stack=crossing&aid.measure=tonnes&stack=x').values).toEqual({
      stack: 'crossing',
      measure: 'tonnes',
      stages: ['entered', 'collected'],
    });
  });

  it('keeps a list in the order of its choices, without repeats', () => {
    expect(parse('aid.stages=collected,offered,collected').values.stages).toEqual([
      'offered',
      'collected',
    ]);
  });

  it('ignores unknown values with a notice and falls back to the default', () => {
    const { values, notices } = parse('aid.measure=litres&aid.stages=nope');
    expect(values.measure).toBe('trucks');
    expect(values.stages).toEqual(['entered', 'collected']);
    expect(notices).toEqual([
      { param: 'aid.measure', value: 'litres', problem: 'unknown-value' },
      { param: 'aid.stages', value: 'nope', problem: 'unknown-value' },
    ]);
    // Two values for a single choice: neither wins.
    expect(parse('aid.stack=commodity,crossing').values.stack).toBe('commodity');
  });

  it('writes only what differs from the defaults, leaving other parameters alone', () => {
    const params = new URLSearchParams('range=90d&aid.measure=tonnes&map.measure=power');
    const out = writeOptions(
      'aid',
      SPEC,
      { stack: 'crossing', measure: 'trucks', stages: ['collected', 'entered'] },
      params,
    );
    expect(out.toString()).toBe('range=90d&map.measure=power&aid.stack=crossing');
    expect(parse(out.toString()).values.stack).toBe('crossing');
  });

  it('follows only its own parameters', () => {
    expect(optionSearch('aid', SPEC, '?range=7d&map.measure=power&aid.stack=crossing')).toBe(
      'aid.stack=crossing',
    );
  });

  it('writes an empty list as none only where nothing may be chosen', () => {
    const layers = {
      layers: list(['crossings', 'areas'], ['crossings', 'areas'], { allowNone: true }),
    };
    const out = writeOptions('map', layers, { layers: [] }, new URLSearchParams());
    expect(out.toString()).toBe('map.layers=none');
    expect(parseOptions('map', layers, out).values.layers).toEqual([]);
    expect(toggled(layers.layers, ['areas'], 'areas')).toEqual([]);
    expect(
      writeOptions('aid', SPEC, { ...parse('').values, stages: [] }, out).has('aid.stages'),
    ).toBe(false);
  });

  it('never toggles a list empty', () => {
    expect(toggled(SPEC.stages, ['entered'], 'entered')).toEqual(['entered']);
    expect(toggled(SPEC.stages, ['collected'], 'offered')).toEqual(['offered', 'collected']);
  });
});
