/**
 * All three catalogs at once, for tests and tools (the catalog checks, the browser tests' search
 * for English left on a page). The app itself loads Arabic and Hebrew only for their readers
 * (`loadCatalog` in translate.ts); importing this module makes all three available to
 * translators at once.
 */
import { ar } from './ar.ts';
import type { Catalog, MessageKey, PluralForms } from './en.ts';
import { en } from './en.ts';
import { he } from './he.ts';
import { ALL_PAGE_WORDS } from './pages/all.ts';
import { provideCatalog, provideWords, type Locale } from './translate.ts';

/** Each language's whole catalog: the core and every page's words. */
export type FullCatalog = { readonly [K in MessageKey]: string | PluralForms };

const pages = (locale: Locale) => Object.assign({}, ...ALL_PAGE_WORDS.map((w) => w[locale]));

export const catalogs: Record<Locale, FullCatalog> = {
  en: { ...en, ...pages('en') },
  ar: { ...ar, ...pages('ar') },
  he: { ...he, ...pages('he') },
};

provideCatalog('ar', ar satisfies Catalog);
provideCatalog('he', he satisfies Catalog);
for (const words of ALL_PAGE_WORDS) provideWords(words);
