import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandMarker, bandNumbers, layoutBandLabels, type PlacedBandLabel } from './band-labels.ts';

/** 6 px a character: a stand-in for the canvas measure. */
const measure = (text: string) => text.length * 6;
const overlaps = (a: PlacedBandLabel, b: PlacedBandLabel) =>
  a.lane === b.lane && a.x < b.x + b.width && b.x < a.x + a.width;

const labels = (...starts: number[]) =>
  starts.map((start, i) => ({
    id: `b${i + 1}`,
    start,
    text: `Cease-fire phase ${i + 1}`,
    marker: bandMarker(i + 1),
  }));

describe('band labels', () => {
  it('put a label that would overlap the one before on the next row', () => {
    const placed = layoutBandLabels(labels(0, 40), {
      plotWidth: 600,
      measure,
      maxLanes: 3,
      gap: 6,
    });
    expect(placed.map((p) => [p.id, p.lane, p.abbreviated])).toEqual([
      ['b1', 0, false],
      ['b2', 1, false],
    ]);
  });

  it('abbreviate to the numbered marker when no row is free, and keep apart ones whole', () => {
    // Label 2 whole would run past the plot's end, so it slides back over label 1: a marker.
    const crowded = layoutBandLabels(labels(0, 150), {
      plotWidth: 200,
      measure,
      maxLanes: 1,
      gap: 6,
    });
    expect(crowded.map((p) => [p.text, p.abbreviated])).toEqual([
      ['Cease-fire phase 1', false],
      ['[2]', true],
    ]);
    // No room even for a marker: left out (the notes still list it), never drawn over another.
    const placed = layoutBandLabels(labels(0, 20, 300), {
      plotWidth: 600,
      measure,
      maxLanes: 1,
      gap: 6,
    });
    expect(placed.map((p) => p.text)).toEqual(['Cease-fire phase 1', 'Cease-fire phase 3']);
  });

  it('slide a label at the plot’s end inwards, and abbreviate one wider than the plot', () => {
    const [end] = layoutBandLabels(labels(590), { plotWidth: 600, measure, maxLanes: 3, gap: 6 });
    expect(end!.x + end!.width).toBeLessThanOrEqual(600);
    const [narrow] = layoutBandLabels(labels(0), { plotWidth: 60, measure, maxLanes: 3, gap: 6 });
    expect(narrow).toMatchObject({ text: '[1]', abbreviated: true });
  });

  it('on the wall, leave out what does not fit rather than abbreviate', () => {
    const placed = layoutBandLabels(labels(0, 20), {
      plotWidth: 600,
      measure,
      maxLanes: 1,
      gap: 6,
      abbreviate: false,
    });
    expect(placed.map((p) => p.id)).toEqual(['b1']);
  });

  it('never overlap, never leave the plot, never use more rows than given', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            start: fc.integer({ min: 0, max: 1280 }),
            len: fc.integer({ min: 1, max: 60 }),
          }),
          { maxLength: 30 },
        ),
        fc.integer({ min: 120, max: 1280 }),
        fc.integer({ min: 1, max: 3 }),
        (raw, plotWidth, maxLanes) => {
          const input = raw.map((r, i) => ({
            id: `b${i}`,
            start: Math.min(r.start, plotWidth),
            text: 'x'.repeat(r.len),
            marker: bandMarker(i + 1),
          }));
          const placed = layoutBandLabels(input, { plotWidth, measure, maxLanes, gap: 4 });
          for (const p of placed) {
            expect(p.x).toBeGreaterThanOrEqual(0);
            expect(p.x + p.width).toBeLessThanOrEqual(plotWidth);
            expect(p.lane).toBeLessThan(maxLanes);
            const source = input.find((l) => l.id === p.id)!;
            expect(p.text).toBe(p.abbreviated ? source.marker : source.text);
          }
          for (let i = 0; i < placed.length; i++)
            for (let j = i + 1; j < placed.length; j++)
              expect(overlaps(placed[i]!, placed[j]!)).toBe(false);
        },
      ),
    );
  });

  it('number bands once each, in order of first appearance, as the notes do', () => {
    expect([...bandNumbers([{ id: 'a' }, { id: 'b' }, { id: 'a' }, { id: 'c' }])]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });
});
