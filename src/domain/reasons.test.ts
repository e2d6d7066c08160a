// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createScenario } from '../../mocks/scenario/index.ts';
import { dateBounds } from './date-bounds.ts';
import { checkPositionsInTheatre } from './geo.ts';
import { describeReasons, REASON_CODES, type Reason } from './reasons.ts';
import { aidFlowRollupSchema } from './rollup-schemas.ts';
import { pointSchema, theatreSchema } from './schemas.ts';
import { validateDataset, validateRecords } from './validate.ts';
import { DATASETS } from './vocabulary.ts';

const ZONE = 'Asia/Gaza';
const NOW = Date.parse('2025-07-01T00:00:00Z');
const dates = { bounds: dateBounds(NOW, ZONE), timeZone: ZONE };
const provenance = { sourceId: 'un', reportedAt: '2025-03-02T09:00:00Z', verification: 'verified' };
const flow = {
  date: '2025-03-01',
  crossingId: 'kerem-shalom',
  commodity: 'food',
  stage: 'entered',
  trucks: 120,
  provenance,
};

/** The reasons of one record that must be rejected. */
function reasonsOf(dataset: (typeof DATASETS)[number], record: unknown): Reason[] {
  const { rejected } = validateDataset(dataset, [record], { sourceId: 's', dates });
  expect(rejected).toHaveLength(1);
  return rejected[0]!.reasons;
}

describe('reasons of rejected records', () => {
  it.each<[string, unknown, Reason[]]>([
    [
      'a missing field',
      { ...flow, crossingId: undefined },
      [{ code: 'required', field: 'crossingId' }],
    ],
    [
      'text for a number',
      { ...flow, trucks: '120' },
      [{ code: 'expected-number', field: 'trucks' }],
    ],
    ['infinity', { ...flow, trucks: Infinity }, [{ code: 'not-finite', field: 'trucks' }]],
    ['a negative count', { ...flow, trucks: -3 }, [{ code: 'negative', field: 'trucks' }]],
    [
      'an absurd count',
      { ...flow, trucks: 90_000 },
      [{ code: 'implausibly-large', params: { limit: 5000 }, field: 'trucks' }],
    ],
    ['an impossible day', { ...flow, date: '2025-02-30' }, [{ code: 'not-a-date', field: 'date' }]],
    [
      'a local time without zone',
      { ...flow, provenance: { ...provenance, reportedAt: '2025-03-02T09:00:00' } },
      [{ code: 'not-a-datetime', field: 'provenance.reportedAt' }],
    ],
    [
      'a word outside the vocabulary',
      { ...flow, stage: 'screened' },
      [{ code: 'not-one-of', params: { values: 'entered, collected, delivered' }, field: 'stage' }],
    ],
    [
      'an empty id',
      { ...flow, provenance: { ...provenance, sourceId: '  ' } },
      [{ code: 'empty', field: 'provenance.sourceId' }],
    ],
    [
      'an id too long',
      { ...flow, crossingId: 'x'.repeat(81) },
      [{ code: 'too-long', params: { count: 80 }, field: 'crossingId' }],
    ],
    ['no measure', { ...flow, trucks: undefined }, [{ code: 'needs-a-measure' }]],
    ['not an object', 'kerem-shalom', [{ code: 'expected-object' }]],
    [
      'two problems at once, in order',
      { ...flow, trucks: -1, commodity: 'arms' },
      [
        {
          code: 'not-one-of',
          params: { values: 'food, health, wash, shelter, fuel, nutrition, other' },
          field: 'commodity',
        },
        { code: 'negative', field: 'trucks' },
      ],
    ],
    [
      'a day in the future',
      { ...flow, date: '2099-01-01' },
      [
        {
          code: 'in-the-future',
          params: { day: '2099-01-01', latest: '2025-07-02' },
          field: 'date',
        },
      ],
    ],
    [
      'a day before the earliest',
      { ...flow, date: '1970-01-01' },
      [
        {
          code: 'before-earliest',
          params: { day: '1970-01-01', earliest: '2000-01-01' },
          field: 'date',
        },
      ],
    ],
  ])('aid flow: %s', (_label, record, expected) => {
    expect(reasonsOf('aid-flow', record)).toEqual(expected);
  });

  it('names the refinements of each dataset by their code', () => {
    const facility = {
      facilityId: 'nasser',
      date: '2025-03-01',
      functionality: 'none',
      provenance,
    };
    expect(reasonsOf('facility-status', { ...facility, bedsOccupied: 4 })).toEqual([
      { code: 'beds-in-closed-facility' },
    ]);
    const utility = {
      date: '2025-03-01',
      service: 'telecom',
      value: 140,
      unit: 'percent',
      provenance,
    };
    expect(reasonsOf('utility-status', utility)).toEqual([{ code: 'percent-over-100' }]);
    expect(reasonsOf('utility-status', { ...utility, unit: 'hours/day', value: 30 })).toEqual([
      { code: 'hours-over-24' },
    ]);
    const event = {
      id: 'p1',
      kind: 'pause',
      start: '2025-03-01T10:00:00+02:00',
      end: '2025-02-28T10:00:00+02:00',
      title: 'Pause',
      provenance,
    };
    expect(reasonsOf('events', event)).toEqual([{ code: 'end-before-start' }]);
    expect(reasonsOf('events', { ...event, end: '2027-01-01T10:00:00+02:00' })).toEqual([
      {
        code: 'too-far-ahead',
        params: { day: '2027-01-01', latest: '2026-07-02', count: 366 },
        field: 'end',
      },
    ]);
    const status = { crossingId: 'rafah', at: '2025-03-01T08:00:00Z', status: 'open', provenance };
    expect(
      reasonsOf('crossing-status', { ...status, hours: { opens: '25:00', closes: '16:00' } }),
    ).toEqual([{ code: 'not-a-time', field: 'hours.opens' }]);
    expect(reasonsOf('crossing-status', { ...status, observersPresent: 'yes' })).toEqual([
      { code: 'expected-boolean', field: 'observersPresent' },
    ]);
  });

  it('words places, theatres and roll-up rows by code too', () => {
    const strict = validateRecords(
      pointSchema,
      [
        { lat: 31.3, lon: 34.4, alt: 2 },
        { lat: 91, lon: 34.4 },
      ],
      {
        sourceId: 's',
        dataset: 'theatre',
      },
    );
    expect(strict.rejected.map((r) => r.reasons)).toEqual([
      [{ code: 'unknown-fields', params: { keys: 'alt' } }],
      [{ code: 'too-big', params: { limit: 90 }, field: 'lat' }],
    ]);
    const theatre = theatreSchema.pick({ bbox: true, timeZone: true });
    const header = validateRecords(
      theatre,
      [{ bbox: [34.6, 31.2, 34.2, 31.6], timeZone: 'Mars/Olympus' }],
      {
        sourceId: 's',
        dataset: 'theatre',
      },
    );
    expect(header.rejected[0]!.reasons).toEqual([
      { code: 'bbox-order', field: 'bbox' },
      { code: 'not-a-time-zone', field: 'timeZone' },
    ]);
    const row = {
      bucket: '2025-03-01',
      to: '2025-02-28',
      days: 7,
      sourceId: 'un',
      verification: 'verified',
      records: 3,
      daysReported: 2,
      dayMask: 7,
      stage: 'entered',
    };
    const rollup = validateRecords(
      aidFlowRollupSchema,
      [row, { ...row, to: '2025-03-07', days: 1.5 }],
      {
        sourceId: 's',
        dataset: 'aid-flow',
      },
    );
    expect(rollup.rejected.map((r) => r.reasons)).toEqual([
      [
        { code: 'to-before-bucket', field: 'to' },
        { code: 'mask-count-mismatch', params: { count: 3, reported: 2 }, field: 'dayMask' },
      ],
      [{ code: 'expected-whole-number', field: 'days' }],
    ]);
    expect(rollup.rejected[0]!.reason).toBe(
      'to: is before the bucket; dayMask: marks 3 days but daysReported is 2',
    );
    const line = checkPositionsInTheatre(
      [
        [34.3, 31.3],
        [31.4, 34.4],
      ],
      [34.2, 31.2, 34.6, 31.6],
    );
    expect(!line.ok && line.reason).toEqual({
      code: 'coords-swapped',
      params: { lat: '34.4', lon: '31.4', point: 2 },
    });
  });

  it('words the English reason from the codes, field first, problems joined in order', () => {
    const { rejected } = validateDataset(
      'aid-flow',
      [{ ...flow, trucks: -1, date: '2025-13-01' }],
      {
        sourceId: 's',
        dates,
      },
    );
    expect(rejected[0]!.reason).toBe(
      'date: must be a date as YYYY-MM-DD; trucks: must not be negative',
    );
    expect(rejected[0]!.reason).toBe(describeReasons(rejected[0]!.reasons));
  });

  it('every invalid record of the demo scenario has a named reason, not the fallback', () => {
    const scenario = createScenario({
      start: '2025-01-01',
      end: '2025-06-30',
      now: '2025-07-01T00:00:00Z',
    });
    const codes = new Set<string>();
    for (const dataset of DATASETS) {
      const items = scenario.records(dataset, { from: '2025-01-01', to: '2025-06-30' });
      for (const issue of validateDataset(dataset, items, { sourceId: 'demo', dates }).rejected) {
        expect(issue.reasons.length).toBeGreaterThan(0);
        for (const r of issue.reasons) codes.add(r.code);
      }
    }
    expect(codes.size).toBeGreaterThan(1);
    expect([...codes].every((code) => REASON_CODES.includes(code as never))).toBe(true);
    expect(codes.has('invalid')).toBe(false);
  });
});
