/**
 * All three catalogs at once, for tests and tools (the catalog checks, the browser tests' search
 * for English left on a page). The app itself loads Arabic and Hebrew only for their readers
 * (`loadCatalog` in translate.ts); importing this module makes all three available to
 * translators at once.
 */
import { ar } from './ar.ts';
import type { Catalog } from './en.ts';
import { en } from './en.ts';
import { he } from './he.ts';
import { provideCatalog, type Locale } from './translate.ts';

export const catalogs: Record<Locale, Catalog> = { en, ar, he };

provideCatalog('ar', ar);
provideCatalog('he', he);
