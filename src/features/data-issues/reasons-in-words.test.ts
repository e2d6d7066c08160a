// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { demoTheatre } from '../../../test/adapters/theatre.ts';
import { theatreRef } from '../../data/adapters/hxl/open-table.ts';
import { readHxlText } from '../../data/adapters/hxl/read-hxl.ts';
import { dateBounds } from '../../domain/date-bounds.ts';
import type { Reason } from '../../domain/reasons.ts';
import { validateDataset, type DataIssue } from '../../domain/validate.ts';
import { createTranslator } from '../../ui/i18n/translate.ts';
import { reasonText } from '../../ui/reason-text.ts';

const ZONE = 'Asia/Gaza';
const dates = { bounds: dateBounds(Date.parse('2025-07-01T00:00:00Z'), ZONE), timeZone: ZONE };
const provenance = { sourceId: 'un', reportedAt: '2025-03-02T09:00:00Z', verification: 'verified' };
const flow = {
  date: '2025-03-01',
  crossingId: 'kerem-shalom',
  commodity: 'food',
  stage: 'entered',
  trucks: 120,
  provenance,
};

/** Records a careless or hostile source might send, each rejected for a different reason. */
const HOSTILE_JSON: unknown[] = [
  { ...flow, trucks: '120' },
  { ...flow, crossingId: undefined },
  { ...flow, date: '2025-02-30' },
  { ...flow, date: '2099-01-01' },
  { ...flow, trucks: -4, tonnes: 250_000 },
  { ...flow, stage: 'screened' },
  { ...flow, trucks: undefined },
  { ...flow, provenance: { ...provenance, reportedAt: '2025-03-02 09:00' } },
  'كرم أبو سالم',
];

/** A crossing-status sheet as people fill it in. */
const HOSTILE_SHEET = [
  'Date,Crossing,Status,Observers,Trucks',
  '#date,#loc+name,#status,#meta+observers,#indicator+num+trucks',
  '2025-02-30,Rafah,open,yes,',
  '2025-03-01,Rafah,open,yes?,',
  '2025-03-01,Rafah,half-open,no,',
  '2025-03-01,Atlantis,open,no,',
  '2025-03-01,Rafah,open,12,5,',
  '2025-03-01 25:10,Rafah,open,no,',
].join('\n');

const AID_SHEET = [
  'Date,Crossing,Trucks',
  '#date,#loc+name,#indicator+num+trucks',
  '2025-03-01,Rafah,"12,5 km"',
  '2025-03-01,Rafah,12 boxes',
  '1 Foo 2025,Rafah,5',
].join('\n');

async function hostileIssues(): Promise<DataIssue[]> {
  const json = validateDataset('aid-flow', HOSTILE_JSON, { sourceId: 's', dates }).rejected;
  const theatre = theatreRef(demoTheatre);
  const sheet = await readHxlText(HOSTILE_SHEET, theatre, {
    sourceId: 'file',
    dataset: 'crossing-status',
  });
  const aid = await readHxlText(AID_SHEET, theatre, { sourceId: 'file', dataset: 'aid-flow' });
  return [...json, ...sheet.issues, ...aid.issues];
}

/** The texts that are data in a reason (cells, field names, values): shown as given. */
function dataOf(reasons: readonly Reason[]): string[] {
  return reasons.flatMap((r) => [
    ...(r.field ? [r.field] : []),
    ...Object.values(r.params ?? {}).filter((v): v is string => typeof v === 'string'),
  ]);
}

/** Latin words a catalog may keep in Arabic and Hebrew (formats, standards, hashtags). */
const KEPT_LATIN = /YYYY-MM-DD|HH:MM|\d{4}-\d\d-\d\dT[\d:]+Z|#loc|HXL|IANA|URL|bbox|daysReported/g;

describe('reasons of hostile records and sheets, in Arabic and Hebrew', () => {
  it('words hostile records and sheet cells by code, and in Arabic and Hebrew uses no English', async () => {
    const issues = await hostileIssues();
    const codes = issues.flatMap((i) => i.reasons.map((r) => r.code));
    expect(codes).toEqual(
      expect.arrayContaining([
        'expected-number',
        'required',
        'not-a-date',
        'in-the-future',
        'negative',
        'implausibly-large',
        'not-one-of',
        'needs-a-measure',
        'not-a-datetime',
        'expected-object',
        'not-a-real-date',
        'not-yes-no',
        'unknown-word',
        'unknown-crossing',
        'impossible-time',
        'unit-not-allowed',
        'unreadable-date',
      ]),
    );
    expect(codes).not.toContain('invalid');
    for (const locale of ['ar', 'he'] as const) {
      const t = createTranslator(locale);
      const script = locale === 'ar' ? /\p{Script=Arabic}/u : /\p{Script=Hebrew}/u;
      for (const issue of issues) {
        const text = reasonText(issue, t, locale);
        expect(text, issue.reason).toMatch(script);
        let rest = text.replace(/[\u2066-\u2069]/g, '');
        for (const value of dataOf(issue.reasons)) rest = rest.split(value).join(' ');
        expect(rest.replace(KEPT_LATIN, ' '), `${locale}: ${text}`).not.toMatch(/[A-Za-z]/);
      }
    }
  });

  it('keeps the data as given, with the app’s words around it', async () => {
    const issues = await hostileIssues();
    const ar = createTranslator('ar');
    const he = createTranslator('he');
    const cell = issues.find((i) => i.reasons[0]?.code === 'not-yes-no')!;
    expect(reasonText(cell, ar, 'ar')).toBe('«\u2068yes?\u2069» ليس «نعم» أو «لا»');
    expect(reasonText(cell, he, 'he')).toBe('„\u2068yes?\u2069” אינו „כן” או „לא”');
    const real = issues.find((i) => i.reasons[0]?.code === 'not-a-real-date')!;
    expect(reasonText(real, ar, 'ar')).toBe(
      '«\u20682025-02-30\u2069» ليس تاريخاً موجوداً في التقويم',
    );
    const two = issues.find((i) => i.reasons.length === 2 && i.reasons[0]?.code === 'negative')!;
    expect(reasonText(two, ar, 'ar')).toBe(
      // The field is data; the sentence after it is isolated as a whole (it is a parameter).
      'الحقل \u2068trucks\u2069: \u2068يجب ألا يكون سالباً\u2069؛ الحقل \u2068tonnes\u2069: \u2068كبير إلى حد غير معقول (يتجاوز 100,000)\u2069',
    );
    // The record's day as given; the app's bound a date of the reader's language.
    const future = issues.find((i) => i.reasons[0]?.code === 'in-the-future')!;
    expect(reasonText(future, ar, 'ar')).toContain(
      'تاريخ \u20682099-01-01\u2069 في المستقبل (بعد \u20682 يوليو 2025\u2069',
    );
    expect(reasonText(future, he, 'he')).toContain('(אחרי \u20682 ביולי 2025\u2069');
    expect(future.reason).toContain('2099-01-01 is in the future (after 2025-07-02');
  });

  it('in English says what the English reason says', async () => {
    const en = createTranslator('en');
    for (const issue of await hostileIssues()) {
      // Numbers are grouped on screen (100,000) and days written out: compare the rest.
      const plain = (s: string) => s.replace(/(\d),(\d)/g, '$1$2');
      if (issue.reasons.some((r) => r.code === 'in-the-future')) continue;
      expect(plain(reasonText(issue, en, 'en'))).toBe(plain(issue.reason));
    }
  });
});
