import { describe, expect, it } from 'vitest';
import {
  corridorStatusesAt,
  crossingReports,
  eventsAtCrossing,
  gapSeries,
  heldState,
  stateRuns,
  statusHistory,
  statusPerSource,
} from './crossing-page.ts';
import { crossingEmbedOfPath, crossingIdOfPath } from './crossing-paths.ts';
import { DEFAULT_FILTERS } from './filters.ts';
import { rollUpCrossingStatus, rollUpTruckGaps } from './rollup.ts';
import type {
  AidFlow,
  Corridor,
  CorridorStatus,
  CrossingStatus,
  TheatreEvent,
  TruckGaps,
} from './schemas.ts';
import { bucketsFor } from './series.ts';
import type { Verification } from './vocabulary.ts';

const ZONE = 'Asia/Gaza';
const provenance = (
  sourceId: string,
  verification: Verification = 'reported',
  reportedAt = '2026-03-10T08:00:00+02:00',
) => ({
  sourceId,
  reportedAt,
  verification,
});

const status = (
  sourceId: string,
  at: string,
  state: CrossingStatus['status'],
  verification: Verification = 'reported',
): CrossingStatus => ({
  crossingId: 'ks',
  at,
  status: state,
  observersPresent: null,
  provenance: provenance(sourceId, verification, at),
});

const gaps = (
  sourceId: string,
  date: string,
  waiting: number | undefined,
  intercepted?: number,
  verification: Verification = 'reported',
): TruckGaps => ({
  date,
  crossingId: 'ks',
  ...(waiting !== undefined ? { waiting } : {}),
  ...(intercepted !== undefined ? { intercepted } : {}),
  provenance: provenance(sourceId, verification),
});

describe('status history per source', () => {
  const range = { from: '2026-03-02', to: '2026-03-08' };
  const now = Date.parse('2026-03-20T00:00:00Z');
  // Authority: open all week. UN: open, then closed from Thursday 5 March at 00:00 local.
  const observations = [
    status('authority', '2026-03-01T06:00:00+02:00', 'open'),
    status('un', '2026-03-01T06:00:00+02:00', 'open', 'verified'),
    status('un', '2026-03-05T00:00:00+02:00', 'closed', 'verified'),
  ];
  const rows = rollUpCrossingStatus(observations, range, 'day', ZONE, now);
  const buckets = bucketsFor(range, 'day');

  it('keeps each source in its own lane and marks the days they disagree', () => {
    const history = statusHistory(rows, buckets, DEFAULT_FILTERS);
    expect(history.lanes.map((l) => `${l.sourceId}/${l.verification}`)).toEqual([
      'authority/reported',
      'un/verified',
    ]);
    expect(history.lanes[0]!.cells.map((c) => c?.state)).toEqual(Array(7).fill('open'));
    expect(history.lanes[1]!.cells.map((c) => c?.state)).toEqual([
      'open',
      'open',
      'open',
      'closed',
      'closed',
      'closed',
      'closed',
    ]);
    expect(history.disagree).toEqual([false, false, false, true, true, true, true]);
    expect(history.disagreements.map((d) => d.bucket.from)).toEqual([
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
    ]);
    const first = history.disagreements[0]!;
    expect(first.states).toEqual([
      { sourceId: 'authority', verification: 'reported', state: 'open', share: 1 },
      { sourceId: 'un', verification: 'verified', state: 'closed', share: 1 },
    ]);
  });

  it('the verification filter drops a level, and with it the disagreement', () => {
    const history = statusHistory(rows, buckets, { verification: ['reported'] });
    expect(history.lanes).toHaveLength(1);
    expect(history.disagreements).toEqual([]);
  });

  it('runs of equal states become spans; a day without a report breaks a run', () => {
    expect(
      stateRuns([
        { state: 'open', share: 1 },
        { state: 'open', share: 0.8 },
        null,
        { state: 'open', share: 1 },
        { state: 'closed', share: 0.6 },
      ]),
    ).toEqual([
      { state: 'open', first: 0, last: 1 },
      { state: 'open', first: 3, last: 3 },
      { state: 'closed', first: 4, last: 4 },
    ]);
  });

  it('the state held longest wins a bucket; unreported time is no state', () => {
    expect(
      heldState({ open: 0.3, restricted: 0.45, closed: 0, unknown: 0, unreported: 0.25 }),
    ).toEqual({ state: 'restricted', share: 0.45 });
    expect(
      heldState({ open: 0, restricted: 0, closed: 0, unknown: 0, unreported: 1 }),
    ).toBeUndefined();
  });

  it('the status now is each source’s latest report, side by side', () => {
    const now = statusPerSource(observations, 'ks', new Date('2026-03-06T12:00:00Z'));
    expect(now.map((r) => [r.provenance.sourceId, r.status])).toEqual([
      ['authority', 'open'],
      ['un', 'closed'],
    ]);
    // Before the UN's closure was reported, both said open.
    const earlier = statusPerSource(observations, 'ks', new Date('2026-03-03T12:00:00Z'));
    expect(earlier.map((r) => r.status)).toEqual(['open', 'open']);
  });
});

describe('trucks waiting and intercepted', () => {
  const range = { from: '2026-03-02', to: '2026-03-15' }; // two ISO weeks, Monday to Sunday

  it('never sums waiting trucks over days: a week shows its last reported day', () => {
    const records = [
      gaps('un', '2026-03-02', 300, 4),
      gaps('un', '2026-03-03', 320, 1),
      gaps('un', '2026-03-06', 280, 2),
      gaps('un', '2026-03-09', 150),
    ];
    const rows = rollUpTruckGaps(records, range, 'week');
    const [un] = gapSeries(rows, bucketsFor(range, 'week'), DEFAULT_FILTERS);
    expect(un!.waitingLast).toEqual([280, 150]);
    expect(un!.waitingMax).toEqual([320, 150]);
    // Intercepted trucks are a flow: the week's are added up.
    expect(un!.intercepted).toEqual([7, null]);
    expect(un!.reported).toEqual([3, 1]);
  });

  it('merges a source’s verification levels by the latest day, never by adding them', () => {
    const records = [
      gaps('un', '2026-03-02', 300, undefined, 'verified'),
      gaps('un', '2026-03-05', 90, undefined, 'reported'),
      gaps('un', '2026-03-04', 500, undefined, 'verified'),
    ];
    const rows = rollUpTruckGaps(records, range, 'week');
    expect(rows).toHaveLength(2); // one row per level, as roll-ups always are
    const [un] = gapSeries(rows, bucketsFor(range, 'week'), DEFAULT_FILTERS);
    expect(un!.waitingLast[0]).toBe(90); // Thursday's figure, the week's last reported day
    expect(un!.waitingMax[0]).toBe(500);
    expect(un!.reported[0]).toBe(3);
  });

  it('keeps two sources apart: each its own series, never a total', () => {
    const records = [gaps('authority', '2026-03-02', 40, 0), gaps('un', '2026-03-02', 310, 6)];
    const rows = rollUpTruckGaps(records, range, 'day');
    const series = gapSeries(rows, bucketsFor(range, 'day'), DEFAULT_FILTERS);
    expect(series.map((s) => [s.sourceId, s.waitingLast[0], s.intercepted[0]])).toEqual([
      ['authority', 40, 0],
      ['un', 310, 6],
    ]);
    expect(series.every((s) => s.waitingLast[0] !== 350)).toBe(true);
  });

  it('follows the verification filter', () => {
    const rows = rollUpTruckGaps(
      [gaps('un', '2026-03-02', 300, 1, 'verified'), gaps('un', '2026-03-02', 350, 2, 'disputed')],
      range,
      'day',
    );
    const [un] = gapSeries(rows, bucketsFor(range, 'day'), { verification: ['verified'] });
    expect(un!.waitingLast[0]).toBe(300);
    expect(un!.intercepted[0]).toBe(1);
  });
});

describe('reports, corridors and events of a crossing', () => {
  const flow: AidFlow = {
    date: '2026-03-09',
    crossingId: 'ks',
    commodity: 'food',
    stage: 'entered',
    trucks: 40,
    provenance: {
      ...provenance('authority', 'verified', '2026-03-10T07:00:00+02:00'),
      verifiedBy: 'Observer mission',
      method: 'Counted at screening',
    },
  };
  const observed = status('un', '2026-03-10T09:00:00+02:00', 'restricted');
  const gap = gaps('un', '2026-03-09', 120, 3);
  const elsewhere: AidFlow = { ...flow, crossingId: 'rafah' };

  it('lists every report about this crossing, newest report first, none merged', () => {
    const reports = crossingReports(
      'ks',
      { statuses: [observed], flows: [flow, elsewhere, flow], gaps: [gap] },
      DEFAULT_FILTERS,
    );
    // Reported at 09:00, 08:00 and 07:00; the duplicate flow record is one report.
    expect(reports.map((r) => r.kind)).toEqual(['status', 'truck-gaps', 'aid-flow']);
    expect(reports[2]!.record.provenance.verifiedBy).toBe('Observer mission');
  });

  it('the verification filter applies to reports, not the overview’s crossing filter', () => {
    const reports = crossingReports(
      'ks',
      { statuses: [observed], flows: [flow], gaps: [gap] },
      { ...DEFAULT_FILTERS, crossings: ['rafah'], verification: ['verified'] },
    );
    expect(reports.map((r) => r.kind)).toEqual(['aid-flow']);
  });

  it('gives each corridor its latest report per source', () => {
    const corridor = { id: 'rashid', names: { en: 'Al-Rashid' } } as Corridor;
    const report = (sourceId: string, at: string, start: string): CorridorStatus => ({
      corridorId: 'rashid',
      at,
      status: 'open',
      windows: [{ start, end: '20:00' }],
      provenance: provenance(sourceId, 'reported', at),
    });
    const [entry] = corridorStatusesAt(
      [corridor],
      [
        report('un', '2026-03-08T06:00:00+02:00', '09:00'),
        report('un', '2026-03-09T06:00:00+02:00', '10:00'),
        report('authority', '2026-03-09T05:00:00+02:00', '08:00'),
        report('un', '2026-03-12T06:00:00+02:00', '11:00'),
      ],
      new Date('2026-03-10T00:00:00Z'),
    );
    expect(entry!.reports.map((r) => [r.provenance.sourceId, r.windows[0]!.start])).toEqual([
      ['authority', '08:00'],
      ['un', '10:00'],
    ]);
  });

  it('keeps the events that name the crossing, latest first', () => {
    const event = (id: string, start: string, crossingIds: string[]): TheatreEvent => ({
      id,
      kind: 'closure',
      start,
      areaIds: [],
      crossingIds,
      title: id,
      description: '',
      provenance: provenance('un'),
    });
    expect(
      eventsAtCrossing(
        [
          event('a', '2026-03-01T00:00:00Z', ['ks']),
          event('b', '2026-03-05T00:00:00Z', ['rafah']),
          event('c', '2026-03-07T00:00:00Z', ['rafah', 'ks']),
        ],
        'ks',
      ).map((e) => e.id),
    ).toEqual(['c', 'a']);
  });
});

describe('paths of crossing pages', () => {
  it('reads the id of /crossings/<id>, decoded, and nothing else', () => {
    expect(crossingIdOfPath('/crossings/kerem-shalom')).toBe('kerem-shalom');
    expect(crossingIdOfPath('/crossings/kerem-shalom/')).toBe('kerem-shalom');
    expect(crossingIdOfPath('/crossings/%3Cimg%20src%3Dx%3E')).toBe('<img src=x>');
    expect(crossingIdOfPath('/crossings/%E0%A4%A')).toBe('%E0%A4%A');
    expect(crossingIdOfPath('/crossings/')).toBeUndefined();
    expect(crossingIdOfPath('/crossings/a/b')).toBeUndefined();
    expect(crossingIdOfPath('/data')).toBeUndefined();
  });

  it('reads /embed/crossing/<id>/<chart> and leaves other embeds alone', () => {
    expect(crossingEmbedOfPath('crossing/kerem-shalom/crossing-trucks')).toEqual({
      crossingId: 'kerem-shalom',
      chartId: 'crossing-trucks',
    });
    expect(crossingEmbedOfPath('aid-flow')).toBeUndefined();
    expect(crossingEmbedOfPath('crossing/kerem-shalom')).toBeUndefined();
  });
});
