import { describe, expect, it } from 'vitest';
import type { Band } from '../../domain/series.ts';
import { drawnBands } from './recharts-parts.tsx';

const day = (i: number) => `2025-01-${String(i + 1).padStart(2, '0')}`;
const band = (kind: string, x1: number, x2: number, id = `${kind}-${x1}`): Band => ({
  id,
  kind,
  title: id,
  sourceId: 's',
  x1: day(x1),
  x2: day(x2),
  from: day(x1),
  to: day(x2),
});
const index = (key: string) => Number(key.slice(8)) - 1;

describe('drawnBands', () => {
  it('keeps every band of a kind with few, even where they touch or overlap', () => {
    const phases = [band('ceasefire-phase', 0, 5), band('ceasefire-phase', 5, 9)];
    expect(drawnBands(phases, index)).toEqual(phases);
  });

  it('merges overlapping and touching bands of a numerous kind into areas', () => {
    const closures = Array.from({ length: 25 }, (_, i) => band('closure', i, i + 1));
    closures.push(band('closure', 28, 29));
    const drawn = drawnBands([...closures, band('pause', 3, 4)], index);
    expect(drawn.filter((b) => b.kind === 'closure').map((b) => [b.x1, b.x2])).toEqual([
      [day(0), day(25)],
      [day(28), day(29)],
    ]);
    expect(drawn.filter((b) => b.kind === 'pause')).toHaveLength(1);
  });
});
