import { intlLocale } from '../format.ts';
import { en, type Catalog, type MessageKey, type PluralForms } from './en.ts';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Languages the UI can speak and their writing direction. */
export const LOCALES = { en: 'ltr', ar: 'rtl', he: 'rtl' } as const satisfies Record<
  string,
  'ltr' | 'rtl'
>;
export type Locale = keyof typeof LOCALES;

/**
 * The catalogs loaded so far. English is in the page's first chunk (it is also every other
 * catalog's fallback); Arabic and Hebrew are chunks of their own, loaded for the reader who
 * reads them (`loadCatalog`), so an English page does not download ~50 KB of both. All three
 * at once, for tests and tools: `all-catalogs.ts`.
 */
const loaded: Partial<Record<Locale, Catalog>> = { en };
const loading = new Map<Locale, Promise<void>>();
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<Catalog>> = {
  ar: () => import('./ar.ts').then((m) => m.ar),
  he: () => import('./he.ts').then((m) => m.he),
};

/** Whether `locale`'s catalog is here (a translator for it then speaks it). */
export function catalogLoaded(locale: Locale): boolean {
  return loaded[locale] !== undefined;
}

/** Loads `locale`'s catalog once; a failed load may be tried again. */
export function loadCatalog(locale: Locale): Promise<void> {
  if (locale === 'en' || loaded[locale]) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = LOADERS[locale]().then(
      (catalog) => {
        loaded[locale] = catalog;
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

type Entry = string | PluralForms;
/**
 * The words of pages and panels that load on demand (the crossing page, sources compared, the
 * movements and fuel panels, the details of "who says so?"): in every language, in the page's
 * own chunk, so the first page load does not carry them. A page's module gives them here when
 * it is evaluated, before anything of it renders.
 */
const pageWords: Record<Locale, Record<string, Entry>> = { en: {}, ar: {}, he: {} };

/** All three languages' words of one page, each with exactly the English keys. */
export interface PageWords<E extends Record<string, Entry>> {
  en: E;
  ar: { readonly [K in keyof E]: Entry };
  he: { readonly [K in keyof E]: Entry };
}

/** Declares a page's words (their keys are typed from the English). */
export function definePageWords<const E extends Record<string, Entry>>(
  words: PageWords<E>,
): PageWords<E> {
  return words;
}

/** Makes a page's words known to every translator (called at the top of the page's module). */
export function provideWords(words: PageWords<Record<string, Entry>>): void {
  for (const locale of Object.keys(pageWords) as Locale[])
    Object.assign(pageWords[locale], words[locale]);
}

/** Makes a catalog known without loading it (tests and tools that import all three). */
export function provideCatalog(locale: Locale, catalog: Catalog): void {
  loaded[locale] = catalog;
}

/** Each language named in itself, for the picker. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ar: 'العربية', he: 'עברית' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}

/**
 * The form of a plural entry for a category. A catalog may leave out a category whose wording is
 * the same as another's: zero falls back to many/other, two to few/other, and so on — `other` is
 * always there.
 */
function pluralForm(entry: PluralForms, category: Intl.LDMLPluralRule): string {
  return entry[category] ?? entry.other;
}

/** Isolates (left-to-right, right-to-left, first-strong) … pop: a run of text laid out on its own. */
const LRI = '\u2066';
const RLI = '\u2067';
const FSI = '\u2068';
const PDI = '\u2069';

const LETTER = /\p{L}/u;
const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/**
 * A parameter between FSI and PDI; one that holds isolates of its own is isolated in the
 * direction of its first letter, looking inside them. FSI would not do there: it skips nested
 * isolates, so "⁨Wed 2 Sep⁩ – ⁨Mon 30 Nov⁩" (a period made of two isolated dates) would be laid
 * out left to right and read backwards in an Arabic sentence.
 */
function isolateParam(text: string): string {
  if (!/[\u2066-\u2068]/.test(text)) return `${FSI}${text}${PDI}`;
  const letter = LETTER.exec(text)?.[0];
  const open = letter === undefined ? FSI : RTL_LETTER.test(letter) ? RLI : LRI;
  return `${open}${text}${PDI}`;
}

/**
 * A translator over one catalog. Numbers in parameters are formatted with the locale's
 * Intl.NumberFormat so that every figure in a sentence is localised the same way. In a
 * right-to-left language every text parameter — a source name, a place, a time — is
 * bidi-isolated, so that "Demo scenario (synthetic)" or "06:39, 29 Nov" inside an Arabic
 * sentence keeps its own order and does not scramble the punctuation around it.
 */
function lookUp(catalog: Catalog, locale: Locale, key: MessageKey): Entry {
  const core = catalog as Record<string, Entry | undefined>;
  const english = en as Record<string, Entry | undefined>;
  // A key no catalog has (a page's words not given yet) shows as itself: a bug to see, not hide.
  return core[key] ?? pageWords[locale][key] ?? english[key] ?? pageWords.en[key] ?? key;
}

export function createTranslator(locale: Locale): Translate {
  // A catalog not loaded yet speaks English (the provider waits for it; see context.tsx).
  const catalog = loaded[locale] ?? en;
  const tag = intlLocale(locale);
  const plural = new Intl.PluralRules(tag);
  const numbers = new Intl.NumberFormat(tag);
  const isolate = LOCALES[locale] === 'rtl' ? isolateParam : String;
  return (key, params = {}) => {
    const entry = lookUp(catalog, locale, key);
    const template =
      typeof entry === 'string'
        ? entry
        : pluralForm(entry, plural.select(Number(params.count ?? 0)));
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : isolate(value);
    });
  };
}
