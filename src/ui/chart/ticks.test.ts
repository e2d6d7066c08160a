import { describe, expect, it, vi } from 'vitest';
import { labelWidth, pickTicks } from './ticks.ts';

describe('pickTicks', () => {
  it('keeps the last label and, from the first on, every label clear of the one before', () => {
    // 10 buckets of 20 px, labels 30 px wide and 10 px apart at least; the last one first.
    expect(pickTicks(10, 200, () => 30, 10)).toEqual([0, 3, 5, 9]);
  });

  it('labels every bucket when there is room, and none of an empty axis', () => {
    expect(pickTicks(4, 400, () => 30, 10)).toEqual([0, 1, 2, 3]);
    expect(pickTicks(0, 400, () => 30, 10)).toEqual([]);
  });

  it('slides the first label inwards rather than dropping it', () => {
    // Centre at 5 px, 30 px wide: it would overhang the axis start by 10 px.
    expect(pickTicks(20, 200, () => 30, 10)[0]).toBe(0);
  });

  it('does not measure labels that start inside the one before', () => {
    const measured: number[] = [];
    pickTicks(1000, 500, (i) => (measured.push(i), 40), 16);
    expect(measured.length).toBeLessThan(500);
  });
});

describe('labelWidth', () => {
  it('answers undefined where no canvas can measure, so Recharts measures instead', () => {
    expect(labelWidth('Jan 2025', 11)).toBeUndefined();
  });
});

describe('labels at the size they are drawn', () => {
  it('measures with the font size asked, not the first one used', async () => {
    const fonts: string[] = [];
    class FakeCanvas {
      getContext() {
        return {
          font: '',
          measureText(this: { font: string }, text: string) {
            fonts.push(this.font);
            return { width: text.length * 0.6 * parseFloat(this.font) };
          },
        };
      }
    }
    vi.stubGlobal('OffscreenCanvas', FakeCanvas);
    vi.resetModules();
    const fresh = await import('./ticks.ts');
    expect(fresh.labelWidth('Nov 30', 11)).toBeCloseTo(39.6);
    expect(fresh.labelWidth('Nov 30', 24)).toBeCloseTo(86.4);
    expect(fresh.labelWidth('Nov 30', 11)).toBeCloseTo(39.6);
    expect(fonts.map((f) => parseFloat(f))).toEqual([11, 24, 11]);
    vi.unstubAllGlobals();
  });

  it('shows fewer x labels when they are drawn at 1rem on the wall, none closer than 2rem', () => {
    const format = (i: number) => `Nov ${i + 1}`;
    const width = (size: number) => (i: number) => format(i).length * 0.6 * size;
    const page = pickTicks(30, 1500, width(11), 16);
    const wall = pickTicks(30, 1500, width(24), 48);
    expect(wall.length).toBeLessThan(page.length);
    expect(wall.length).toBeGreaterThanOrEqual(2);
    const band = 1500 / 30;
    for (let k = 1; k < wall.length; k++) {
      const [a, b] = [wall[k - 1]!, wall[k]!];
      const gap = (b - a) * band - (width(24)(a) + width(24)(b)) / 2;
      expect(gap).toBeGreaterThanOrEqual(48 - 1e-9);
    }
  });
});
