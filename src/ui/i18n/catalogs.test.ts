import { describe, expect, it } from 'vitest';
import type { MessageKey } from './en.ts';
import { catalogs } from './all-catalogs.ts';
import { createTranslator, LOCALES, type Locale } from './translate.ts';

type Entry = string | Readonly<Partial<Record<Intl.LDMLPluralRule, string>>>;

const forms = (entry: Entry): string[] =>
  typeof entry === 'string' ? [entry] : Object.values(entry).filter((f) => f !== undefined);
const placeholders = (text: string) => new Set(text.match(/\{\w+\}/g) ?? []);
const union = (texts: string[]) => new Set(texts.flatMap((t) => [...placeholders(t)]));

const others = (Object.keys(LOCALES) as Locale[]).filter((l) => l !== 'en');
const en = catalogs.en;
const keys = Object.keys(en) as MessageKey[];

/**
 * Latin words allowed in an Arabic or Hebrew string: file formats, standards, organisations and
 * the file and product names an operator types. Anything else in a run of three Latin words is
 * English left untranslated.
 */
const ALLOWED_LATIN = new Set(
  [
    'HXL',
    'CSV',
    'PNG',
    'SVG',
    'CKAN',
    'REST',
    'API',
    'ISO',
    'OCHA',
    'WHO',
    'UN',
    'HeRAMS',
    'OpenStreetMap',
    'ODbL',
    'geo',
    'maps',
    'config',
    'json',
    'index',
    'html',
    'README',
    'YYYY',
    'MM',
    'DD',
    'date',
    'loc',
    'name',
    'indicator',
    'num',
  ].map((w) => w.toLowerCase()),
);

/** Runs of 3+ Latin-letter words (placeholders removed) that are not all allowed tokens. */
export function englishLeft(text: string): string[] {
  const bare = text.replace(/\{\w+\}/g, ' ');
  const runs = bare.match(/[A-Za-z]+(?:[^A-Za-z\p{L}]+[A-Za-z]+){2,}/gu) ?? [];
  return runs.filter((run) =>
    (run.match(/[A-Za-z]+/g) ?? []).some((w) => !ALLOWED_LATIN.has(w.toLowerCase())),
  );
}

describe('catalogs', () => {
  it.each(others)('%s has every key of en and no other', (locale) => {
    expect(Object.keys(catalogs[locale]).sort()).toEqual([...keys].sort());
  });

  it.each(others)('%s keeps the placeholders of every message', (locale) => {
    const problems: string[] = [];
    for (const key of keys) {
      const mine: Entry = catalogs[locale][key];
      const source = union(forms(en[key]));
      if (typeof mine === 'string') {
        const got = placeholders(mine);
        if ([...source].sort().join() !== [...got].sort().join())
          problems.push(`${key}: ${[...got].join()} ≠ ${[...source].join()}`);
        continue;
      }
      for (const [category, text] of Object.entries(mine)) {
        const got = placeholders(text);
        // A form may say its number in words ("سجلان"): {count} alone may be left out.
        const missing = [...source].filter((p) => p !== '{count}' && !got.has(p));
        const extra = [...got].filter((p) => !source.has(p));
        if (missing.length || extra.length)
          problems.push(`${key}.${category}: missing ${missing.join()} extra ${extra.join()}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(Object.keys(LOCALES) as Locale[])(
    '%s gives every plural entry each form its Intl.PluralRules can select',
    (locale) => {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const problems: string[] = [];
      for (const key of keys) {
        const entry: Entry = catalogs[locale][key];
        const enIsPlural = typeof en[key] !== 'string';
        if (typeof entry === 'string') {
          if (enIsPlural) problems.push(`${key} is plural in en, a plain string here`);
          continue;
        }
        for (const category of categories)
          if (entry[category] === undefined) problems.push(`${key} lacks ${category}`);
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(others)('%s leaves nothing in English (names and units aside)', (locale) => {
    const left = keys.flatMap((key) =>
      forms(catalogs[locale][key])
        .flatMap(englishLeft)
        .map((run) => `${key}: ${run}`),
    );
    expect(left).toEqual([]);
  });

  it('Arabic and Hebrew strings with Latin words are written in their own script', () => {
    const script = { ar: /\p{Script=Arabic}/u, he: /\p{Script=Hebrew}/u } as const;
    for (const locale of others) {
      const latinOnly = keys.filter((key) =>
        forms(catalogs[locale][key]).some(
          (text) =>
            /[A-Za-z]{4,}/.test(text.replace(/\{\w+\}/g, '')) &&
            !script[locale as 'ar' | 'he'].test(text),
        ),
      );
      expect(latinOnly, locale).toEqual([]);
    }
  });

  it('catches English left in a translation', () => {
    expect(englishLeft('تحميل Loading the chart')).toEqual(['Loading the chart']);
    expect(englishLeft('اختيار ملف HXL CSV')).toEqual([]);
    expect(englishLeft('{count} records were rejected')).toEqual(['records were rejected']);
  });
});

describe('plurals and numbers', () => {
  it('Arabic picks each of its six forms by count', () => {
    const t = createTranslator('ar');
    const say = (count: number) => t('sources.rows.blank', { count });
    expect(say(0)).toBe('(لم يُتخطَّ أي صف فارغ)');
    expect(say(1)).toBe('(تم تخطي صف فارغ واحد)');
    expect(say(2)).toBe('(تم تخطي صفين فارغين)');
    expect(say(3)).toBe('(تم تخطي 3 صفوف فارغة)');
    expect(say(11)).toBe('(تم تخطي 11 صفاً فارغاً)');
    expect(say(100)).toBe('(تم تخطي 100 صف فارغ)');
  });

  it('Hebrew picks one, two and other', () => {
    const t = createTranslator('he');
    expect(t('filters.selected', { count: 1 })).toBe('פריט אחד נבחר');
    expect(t('filters.selected', { count: 2 })).toBe('שני פריטים נבחרו');
    expect(t('filters.selected', { count: 12 })).toBe('12 נבחרו');
  });

  it('Arabic figures use Western digits, like the exported CSV', () => {
    const t = createTranslator('ar');
    expect(t('sources.rows.counts', { read: 1234, accepted: 1200, rejected: 34 })).toBe(
      'قُرئ 1,234: قُبل 1,200 ورُفض 34',
    );
  });

  it('isolates text parameters for bidi in right-to-left languages only', () => {
    const params = { source: 'Demo scenario (synthetic)', detail: 'HTTP 500' };
    expect(createTranslator('ar')('source.error', params)).toBe(
      'تعذّر تحميل البيانات من \u2068Demo scenario (synthetic)\u2069: \u2068HTTP 500\u2069',
    );
    expect(createTranslator('he')('crossings.since', { time: '06:39' })).toBe(
      'מאז \u206806:39\u2069',
    );
    expect(createTranslator('en')('source.error', params)).toBe(
      'Could not load data from Demo scenario (synthetic): HTTP 500',
    );
  });

  it('a parameter made of isolated parts reads in its own direction, not left to right', () => {
    // A period is two isolated dates joined by a dash; FSI would skip them and lay it out LTR.
    const ar = createTranslator('ar');
    const period = ar('chart.period', { from: 'الأربعاء، 2 سبتمبر', to: 'الاثنين، 30 نوفمبر' });
    const when = ar('export.when', { period, asOf: '30 نوفمبر', zone: 'Asia/Gaza' });
    expect(when).toContain(`\u2067${period}\u2069`);
    const he = createTranslator('he');
    const mixed = he('chart.period', { from: 'Sep 2', to: 'Nov 30' });
    expect(he('export.when', { period: mixed, asOf: 'x', zone: 'y' })).toContain(
      `\u2066${mixed}\u2069`,
    );
  });

  it('a category missing from an entry falls back to other', () => {
    // en gives one/other only: Arabic rules would ask for "few" of an English entry.
    const t = createTranslator('en');
    expect(t('filters.selected', { count: 3 })).toBe('3 selected');
  });
});
