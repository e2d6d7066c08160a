import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoTheatre } from '../../../../test/adapters/theatre.ts';
import { theatreRef } from './open-table.ts';
import { readHxlText } from './read-hxl.ts';

const fixture = (name: string) =>
  readFileSync(resolve(import.meta.dirname, '../../../../test/fixtures/adapters', name));
const theatre = theatreRef(demoTheatre);
const read = (
  text: string | Uint8Array,
  dataset?: 'aid-flow' | 'crossing-status' | 'facility-status',
) => readHxlText(text, theatre, { sourceId: 'file', dataset });

describe('HXL CSV reader', () => {
  it('reads a valid aid-flow file, matching crossings and publishers', async () => {
    const { summary, records, issues } = await read(fixture('aid-flow-valid.csv'));
    expect(issues).toEqual([]);
    expect(summary).toMatchObject({ dataset: 'aid-flow', rowsRead: 5, accepted: 5, hashtagRow: 2 });
    expect(records[0]).toMatchObject({
      date: '2025-03-01',
      crossingId: 'kerem-shalom',
      commodity: 'food',
      stage: 'entered',
      trucks: 120,
      tonnes: 2400,
      provenance: {
        sourceId: 'un-monitoring-mechanism',
        verification: 'verified',
        reportedAt: '2025-02-28T22:00:00.000Z',
      },
    });
    // "Border Authority" is a publisher the theatre knows; the other one is new.
    expect(summary.publishers.map((p) => p.name)).toEqual(['UN Monitoring Mechanism']);
    expect(records[3]).toMatchObject({ provenance: { sourceId: 'border-authority' } });
  });

  it('copes with a quirky file: BOM, title rows, semicolons, Arabic, units, date formats, blank rows', async () => {
    const { summary, records, issues } = await read(fixture('aid-flow-quirky.csv'));
    expect(issues).toEqual([]);
    expect(summary).toMatchObject({ rowsRead: 5, accepted: 5, blankRows: 2, hashtagRow: 4 });
    expect(records.map((r) => (r as { crossingId: string }).crossingId)).toEqual([
      'kerem-shalom',
      'kerem-shalom',
      'erez',
      'rafah',
      'kissufim',
    ]);
    expect(records.map((r) => (r as { trucks: number }).trucks)).toEqual([1200, 25, 12, 3, 1234]);
    expect(records.map((r) => (r as { date: string }).date)).toEqual([
      '2025-03-01',
      '2025-03-02',
      '2025-03-03',
      '2025-03-04',
      '2025-03-05',
    ]);
    expect(summary.warnings.join('\n')).toContain('#indicator+num+trucks appears in columns E, H');
  });

  it('rejects each bad row with its row number, column and reason; the good rows load', async () => {
    const { summary, records, issues } = await read(fixture('aid-flow-hostile.csv'));
    expect(records).toHaveLength(2);
    expect(summary.accepted + issues.length).toBe(summary.rowsRead);
    const byRow = Object.fromEntries(issues.map((i) => [i.position, `${i.field}: ${i.reason}`]));
    expect(byRow[4]).toMatch(/#date.*not a real date/);
    expect(byRow[5]).toMatch(/“Atlantis” is not a crossing/);
    expect(byRow[6]).toMatch(/must not be negative/);
    expect(byRow[7]).toMatch(/unit “km”/);
    expect(byRow[8]).toMatch(/“weapons” is not one of food/);
    expect(byRow[9]).toMatch(/implausibly large/);
    expect(byRow[12]).toMatch(/needs at least one of trucks/);
  });

  it('reads crossing status and facility files', async () => {
    const status = await read(fixture('crossing-status-valid.csv'));
    expect(status.issues).toEqual([]);
    expect(status.records).toHaveLength(3);
    expect(status.records[1]).toMatchObject({
      crossingId: 'rafah',
      status: 'closed',
      at: '2025-03-01T07:30:00.000Z',
      observersPresent: false,
    });
    expect(status.records[0]).toMatchObject({
      at: '2025-03-01T06:00:00.000Z',
      hours: { opens: '08:00', closes: '16:00' },
    });
    expect(status.records[2]).toMatchObject({ crossingId: 'erez', status: 'restricted' });
    const facilities = await read(fixture('facilities-valid.csv'));
    expect(facilities.issues).toEqual([]);
    expect(facilities.records).toMatchObject([
      {
        facilityId: 'al-shifa',
        functionality: 'partial',
        bedsAvailable: 120,
        bedsOccupied: 140,
        fuelDays: 2,
      },
      { facilityId: 'nasser', functionality: 'full' },
    ]);
  });

  it.each([
    ['no hashtag row', 'Date,Crossing\n2025-03-01,Rafah\n', /no HXL hashtag row/],
    [
      'a delimiter it does not split on',
      '#date:#loc+name:#indicator+trucks\n2025-03-01:Rafah:4\n',
      /seems to use “:” between columns/,
    ],
    ['HTML', '<!doctype html><html><body>Sign in</body></html>', /HTML or XML page/],
    ['JSON', '{"data": []}', /is JSON/],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]), /not a CSV file/],
    ['nothing', '', /is empty/],
  ])('says clearly what is wrong with %s', async (_label, text, message) => {
    await expect(read(text)).rejects.toThrow(message);
  });

  it('rejects rows dated after theatre-local today + 1 day or before 2000, with the row number', async () => {
    const lines = readFileSync(
      resolve(import.meta.dirname, '../../../../test/fixtures/adapters/aid-flow-valid.csv'),
      'utf8',
    ).split(/\r?\n/);
    // The first data row (row 3) moved to 2099, the second (row 4) to 1970.
    lines[2] = lines[2]!.replace('2025-03-01', '2099-03-01');
    lines[3] = lines[3]!.replace(/\d{4}-\d{2}-\d{2}/, '1970-01-01');
    const { summary, issues } = await read(lines.join('\n'));
    expect(summary.accepted + issues.length).toBe(summary.rowsRead);
    expect(issues.map((i) => i.position)).toEqual([3, 4]);
    expect(issues[0]!.reason).toMatch(/2099-03-01 is in the future/);
    expect(issues[1]!.reason).toMatch(/1970-01-01 is before 2000-01-01/);
  });
});

describe('HXL CSV reader: place names as people write them', () => {
  it('finds crossings by their Arabic and Hebrew names with or without “crossing”, and suggests the nearest for a misspelling', async () => {
    const csv = [
      'Date,Crossing,Trucks',
      '#date,#loc+name,#indicator+trucks+num',
      '2025-03-01,رفح,10',
      '2025-03-01,معبر كرم أبو سالم,20',
      '2025-03-01,מעבר כרם שלום,30',
      '2025-03-01,Kerem Shalom crossing,40',
      '2025-03-01,Kisufim,50',
    ].join('\n');
    const { summary, records, issues } = await read(csv, 'aid-flow');
    expect(summary).toMatchObject({ rowsRead: 5, accepted: 4 });
    expect(records.map((r) => (r as { crossingId: string }).crossingId)).toEqual([
      'rafah',
      'kerem-shalom',
      'kerem-shalom',
      'kerem-shalom',
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.reason).toContain('did you mean “Kissufim”?');
  });
});
