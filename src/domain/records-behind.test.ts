import { describe, expect, it } from 'vitest';
import { recordsBehind, summariseVerification } from './provenance.ts';

const rec = (
  date: string,
  sourceId: string,
  verification: 'verified' | 'reported',
  extra: Record<string, unknown> = {},
  reportedAt = `${date}T18:00:00Z`,
) => ({
  date,
  crossingId: 'ks',
  stage: 'entered',
  trucks: 10,
  ...extra,
  provenance: {
    sourceId,
    verification,
    reportedAt,
    ...(verification === 'verified' ? { verifiedBy: 'Observer mission' } : {}),
  },
});

describe('records behind a figure', () => {
  const records = [
    rec('2025-03-01', 'a', 'verified'),
    rec('2025-03-02', 'a', 'reported'),
    rec('2025-03-02', 'b', 'verified'),
    rec('2025-03-03', 'a', 'verified', { stage: 'collected' }),
    rec('2025-03-03', 'a', 'verified', { crossingId: 'erez' }),
    rec('2025-03-09', 'a', 'verified'),
  ];

  it("keeps only the figure's source, days, values and levels, newest report first", () => {
    const got = recordsBehind(
      records,
      {
        dataset: 'aid-flow',
        from: '2025-03-01',
        to: '2025-03-07',
        sourceId: 'a',
        match: { stage: 'entered' },
        oneOf: { crossingId: ['ks'] },
      },
      'Asia/Gaza',
    );
    expect(got.map((r) => r.date)).toEqual(['2025-03-02', '2025-03-01']);
    const verified = recordsBehind(
      records,
      {
        dataset: 'aid-flow',
        from: '2025-03-01',
        to: '2025-03-07',
        sourceId: 'a',
        verification: ['verified'],
      },
      'Asia/Gaza',
    );
    expect(verified).toHaveLength(3);
    expect(verified.every((r) => r.provenance.verification === 'verified')).toBe(true);
  });

  it('places instants on the theatre-local day', () => {
    const status = {
      crossingId: 'ks',
      at: '2025-03-01T23:30:00Z',
      status: 'open',
      provenance: {
        sourceId: 'a',
        verification: 'reported' as const,
        reportedAt: '2025-03-01T23:30:00Z',
      },
    };
    // 23:30 UTC is 01:30 on 2 March in Gaza.
    expect(
      recordsBehind(
        [status],
        { dataset: 'crossing-status', from: '2025-03-02', to: '2025-03-02', sourceId: 'a' },
        'Asia/Gaza',
      ),
    ).toHaveLength(1);
    expect(
      recordsBehind(
        [status],
        { dataset: 'crossing-status', from: '2025-03-01', to: '2025-03-01', sourceId: 'a' },
        'Asia/Gaza',
      ),
    ).toHaveLength(0);
  });

  it('summarises levels, who verified and the latest report', () => {
    const s = summariseVerification(records.filter((r) => r.provenance.sourceId === 'a'));
    expect(s.records).toBe(5);
    expect(s.levels).toEqual({ verified: 4, reported: 1, disputed: 0, unverified: 0 });
    expect(s.verifiedBy).toEqual([{ who: 'Observer mission', records: 4 }]);
    expect(s.latestReport).toBe('2025-03-09T18:00:00Z');
  });
});
