import { describe, expect, it } from 'vitest';
import type { AidFlow, Crossing, CrossingStatus } from '../../domain/schemas.ts';
import { buildBoardRows } from './board-model.ts';
import {
  phoneColumns,
  phoneFigure,
  reportedWhen,
  sinceWhen,
  sourceReports,
  sourceStatuses,
} from './phone-model.ts';

const ZONE = 'Asia/Gaza';
// 10:00 in Gaza (UTC+2) on 2025-03-05: "today" for the theatre is 2025-03-05.
const NOW = new Date('2025-03-05T08:00:00Z');

const crossing = (id: string): Crossing => ({
  id,
  names: { en: id, ar: id, he: id },
  aliases: [],
  location: { lat: 31.3, lon: 34.3 },
  passes: ['goods'],
  border: 'Israel–Gaza',
});

const flow = (
  crossingId: string,
  date: string,
  sourceId: string,
  stage: AidFlow['stage'],
  trucks: number,
  commodity: AidFlow['commodity'] = 'food',
  verification: AidFlow['provenance']['verification'] = 'reported',
): AidFlow => ({
  date,
  crossingId,
  commodity,
  stage,
  trucks,
  provenance: { sourceId, reportedAt: `${date}T18:00:00Z`, verification },
});

const status = (
  crossingId: string,
  at: string,
  state: CrossingStatus['status'],
): CrossingStatus => ({
  crossingId,
  at,
  status: state,
  observersPresent: null,
  provenance: { sourceId: 'border', reportedAt: at, verification: 'reported' },
});

describe('the phone answer of a crossing', () => {
  const flows = [
    // Border authority: entered, last reported yesterday (food + fuel that day).
    flow('a', '2025-03-03', 'border', 'entered', 40),
    flow('a', '2025-03-04', 'border', 'entered', 30),
    flow('a', '2025-03-04', 'border', 'entered', 12, 'fuel'),
    // UN: entered and collected, last reported today; one record only verified.
    flow('a', '2025-03-05', 'un', 'entered', 25, 'food', 'verified'),
    flow('a', '2025-03-05', 'un', 'collected', 18, 'food', 'verified'),
    flow('a', '2025-03-05', 'un', 'delivered', 9, 'food', 'verified'),
    // Crossing b: only the UN collected, three days ago.
    flow('b', '2025-03-02', 'un', 'collected', 7),
  ];
  const statuses = [
    status('a', '2025-03-01T06:00:00Z', 'closed'),
    status('a', '2025-03-05T05:30:00Z', 'open'),
    status('b', '2025-03-03T07:15:00Z', 'restricted'),
  ];
  const rows = buildBoardRows([crossing('a'), crossing('b')], statuses, flows, NOW, ZONE);
  const [a, b] = rows as [(typeof rows)[0], (typeof rows)[0]];

  it('has one column per source and stage, grouped by source, entered before collected', () => {
    expect(phoneColumns(rows).map((g) => [g.sourceId, g.columns.map((c) => c.stage)])).toEqual([
      ['border', ['entered']],
      ['un', ['entered', 'collected']],
    ]);
  });

  it("gives each source's trucks on its own last reported day, never added across sources", () => {
    const columns = phoneColumns(rows).flatMap((g) => g.columns);
    const figures = columns.map((c) => phoneFigure(a, c, '2025-03-05'));
    expect(figures).toEqual([
      // 30 food + 12 fuel on the border authority's last day; not the UN's 25 added in.
      { trucks: 42, day: '2025-03-04', today: false, verification: 'reported' },
      { trucks: 25, day: '2025-03-05', today: true, verification: 'verified' },
      { trucks: 18, day: '2025-03-05', today: true, verification: 'verified' },
    ]);
  });

  it('has no figure where a source reported nothing for that crossing this week', () => {
    const columns = phoneColumns(rows).flatMap((g) => g.columns);
    expect(columns.map((c) => phoneFigure(b, c, '2025-03-05'))).toEqual([
      undefined,
      undefined,
      { trucks: 7, day: '2025-03-02', today: false, verification: 'reported' },
    ]);
  });

  it('says since when by the time alone on the same theatre day, else with the day', () => {
    expect(sinceWhen(a, NOW, ZONE)).toEqual({ at: '2025-03-05T05:30:00Z', sameDay: true });
    expect(sinceWhen(b, NOW, ZONE)).toEqual({ at: '2025-03-03T07:15:00Z', sameDay: false });
    // 23:30 UTC on the 4th is already the 5th in Gaza: the theatre's day decides.
    const late = buildBoardRows(
      [crossing('c')],
      [status('c', '2025-03-04T23:30:00Z', 'closed')],
      [],
      NOW,
      ZONE,
    )[0]!;
    expect(sinceWhen(late, NOW, ZONE)?.sameDay).toBe(true);
  });

  it('has no columns and no "since" when nothing was reported', () => {
    const empty = buildBoardRows([crossing('d')], [], [], NOW, ZONE);
    expect(phoneColumns(empty)).toEqual([]);
    expect(sinceWhen(empty[0]!, NOW, ZONE)).toBeUndefined();
  });
});

describe('who says what, and when (issue 18 item 7)', () => {
  const by = (
    sourceId: string,
    crossingId: string,
    at: string,
    state: CrossingStatus['status'],
  ): CrossingStatus => ({
    ...status(crossingId, at, state),
    provenance: { sourceId, reportedAt: at, verification: 'reported' },
  });
  const statuses = [
    by('un', 'k', '2025-03-03T16:00:00Z', 'open'), // the UN's older report
    by('un', 'k', '2025-03-04T16:00:00Z', 'open'), // yesterday 18:00 in Gaza: the UN's latest
    by('border', 'k', '2025-03-05T04:10:00Z', 'restricted'), // 06:10 today: in force
    by('border', 'k', '2025-03-05T09:00:00Z', 'closed'), // after now: not yet known
    by('un', 'other', '2025-03-05T05:00:00Z', 'closed'), // another crossing
  ];
  const flows = [
    flow('k', '2025-03-04', 'border', 'entered', 51),
    flow('k', '2025-03-02', 'un', 'entered', 49, 'food', 'verified'),
    flow('k', '2025-03-02', 'un', 'collected', 29, 'food', 'verified'),
    flow('k', '2025-03-01', 'un', 'collected', 5, 'food', 'verified'),
    flow('k', '2025-03-05', 'trucker', 'entered', 3),
  ];
  const [k] = buildBoardRows([crossing('k')], statuses, flows, NOW, ZONE);

  it("keeps each source's latest status up to now, the one in force first", () => {
    expect(k!.statusBySource.map((s) => [s.provenance.sourceId, s.at])).toEqual([
      ['border', '2025-03-05T04:10:00Z'],
      ['un', '2025-03-04T16:00:00Z'],
    ]);
    expect(k!.status.state).toBe('restricted');
  });

  it('names the source and the theatre day of every status, agreeing or not', () => {
    expect(sourceStatuses(k!, NOW, ZONE)).toEqual([
      {
        sourceId: 'border',
        report: statuses[2],
        when: { at: '2025-03-05T04:10:00Z', daysAgo: 0 },
        inForce: true,
        agrees: true,
      },
      {
        sourceId: 'un',
        report: statuses[1],
        when: { at: '2025-03-04T16:00:00Z', daysAgo: 1 },
        inForce: false,
        agrees: false,
      },
    ]);
    // 23:30 UTC on the 3rd is the 4th in Gaza: yesterday, not two days ago.
    expect(reportedWhen('2025-03-03T23:30:00Z', NOW, ZONE).daysAgo).toBe(1);
    expect(reportedWhen('2025-02-26T10:00:00Z', NOW, ZONE).daysAgo).toBe(7);
  });

  it("puts each source's last reported day side by side, each with its own day", () => {
    expect(
      sourceReports(k!, NOW, ZONE).map((r) => [
        r.sourceId,
        r.status?.report.status,
        r.figures.map((f) => [f.stage, f.figure.trucks, f.figure.day, f.figure.verification]),
      ]),
    ).toEqual([
      ['border', 'restricted', [['entered', 51, '2025-03-04', 'reported']]],
      [
        'un',
        'open',
        [
          ['entered', 49, '2025-03-02', 'verified'],
          // The UN's last collected day is the 2nd: the 1st's 5 trucks are not added in.
          ['collected', 29, '2025-03-02', 'verified'],
        ],
      ],
      // A source with trucks and no status still stands beside the others.
      ['trucker', undefined, [['entered', 3, '2025-03-05', 'reported']]],
    ]);
  });

  it('has no sources when nothing was reported', () => {
    const [empty] = buildBoardRows([crossing('e')], [], [], NOW, ZONE);
    expect(empty!.statusBySource).toEqual([]);
    expect(sourceReports(empty!, NOW, ZONE)).toEqual([]);
  });
});
