import { describe, expect, it } from 'vitest';
import { newestReport } from './provenance.ts';

describe('newestReport', () => {
  const at = (reportedAt: unknown) => ({ provenance: { reportedAt } });

  it('is the latest instant, as written, whatever the zones', () => {
    expect(
      newestReport([
        at('2025-03-02T06:10:00+02:00'), // 04:10Z
        at('2025-03-02T05:00:00Z'),
        at('2025-03-01T23:00:00-03:00'), // 02:00Z
      ]),
    ).toBe('2025-03-02T05:00:00Z');
  });

  it('skips records without a readable report time, and says nothing of none', () => {
    expect(newestReport([at('soon'), at(12), {}, null, at('2025-03-02T06:10:00+02:00')])).toBe(
      '2025-03-02T06:10:00+02:00',
    );
    expect(newestReport([])).toBeUndefined();
    expect(newestReport([at('soon')])).toBeUndefined();
  });
});
