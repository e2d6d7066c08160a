import { isLocale, type Locale } from './translate.ts';

/** The key of the reader's own choice in localStorage. */
export const STORAGE_KEY = 'access-monitor.lang';

/** The first of the browser's languages the UI speaks ('ar-EG' → ar, old 'iw' → he), if any. */
export function fromBrowserLanguages(languages: readonly string[]): Locale | undefined {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    const locale = primary === 'iw' ? 'he' : primary;
    if (isLocale(locale)) return locale;
  }
  return undefined;
}

/**
 * The language to show: ?lang= in the address (a shared link speaks its reader's language), else
 * the choice stored on this device, else the browser's first supported language, else English.
 * A value that is not a language the UI speaks is skipped, never an error.
 */
export function chooseLocale(
  param: string | null,
  stored: string | null,
  languages: readonly string[],
): Locale {
  if (isLocale(param)) return param;
  if (isLocale(stored)) return stored;
  return fromBrowserLanguages(languages) ?? 'en';
}

/** The stored choice; storage throws in some third-party frames and private modes. */
export function readStoredLocale(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Nowhere to keep it: the choice still holds through ?lang= for this visit.
  }
}

export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}
