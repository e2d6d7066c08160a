import { describe, expect, it } from 'vitest';
import { boundsOf, checkInTheatre, checkPositionsInTheatre, type BBox } from './geo.ts';
import { describeReason } from './reasons.ts';

const words = (check: ReturnType<typeof checkInTheatre>) =>
  !check.ok && describeReason(check.reason);

const GAZA: BBox = [34.2, 31.2, 34.6, 31.6];

describe('checkInTheatre', () => {
  it('accepts a point inside the theatre, edges included', () => {
    expect(checkInTheatre({ lat: 31.22, lon: 34.27 }, GAZA)).toEqual({ ok: true });
    expect(checkInTheatre({ lat: 31.2, lon: 34.6 }, GAZA)).toEqual({ ok: true });
  });

  it('detects latitude and longitude given the wrong way round', () => {
    const check = checkInTheatre({ lat: 34.27, lon: 31.22 }, GAZA);
    expect(check).toMatchObject({ ok: false, problem: 'swapped' });
    expect(!check.ok && check.reason).toMatchObject({
      code: 'coords-swapped',
      params: { lat: '34.27', lon: '31.22' },
    });
    expect(words(check)).toMatch(/swapped/);
  });

  it('rejects a point outside the theatre, saying where it is', () => {
    const check = checkInTheatre({ lat: 0, lon: 0 }, GAZA);
    expect(check).toMatchObject({ ok: false, problem: 'outside' });
    expect(words(check)).toBe('lat 0, lon 0 is outside the theatre [34.2, 31.2, 34.6, 31.6]');
  });

  it('rejects coordinates that are not numbers', () => {
    expect(checkInTheatre({ lat: Number.NaN, lon: 34.3 }, GAZA)).toMatchObject({
      problem: 'not-a-number',
    });
    expect(checkInTheatre({ lat: 31.3, lon: Infinity }, GAZA)).toMatchObject({
      problem: 'not-a-number',
    });
  });
});

describe('checkPositionsInTheatre', () => {
  it('accepts a line inside and names the first bad position of one that is not', () => {
    expect(
      checkPositionsInTheatre(
        [
          [34.3, 31.3],
          [34.4, 31.4],
        ],
        GAZA,
      ),
    ).toEqual({ ok: true });
    const check = checkPositionsInTheatre(
      [
        [34.3, 31.3],
        [31.4, 34.4],
        [0, 0],
      ],
      GAZA,
    );
    expect(check).toMatchObject({ ok: false, problem: 'swapped' });
    expect(!check.ok && check.reason).toMatchObject({ params: { point: 2 } });
    expect(words(check)).toMatch(/^position 2: /);
  });
});

describe('boundsOf', () => {
  it('is the smallest box around the positions', () => {
    expect(
      boundsOf([
        [34.3, 31.5],
        [34.2, 31.3],
        [34.4, 31.4],
      ]),
    ).toEqual([34.2, 31.3, 34.4, 31.5]);
    expect(boundsOf([])).toBeUndefined();
  });
});
