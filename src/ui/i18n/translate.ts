import { en, type Catalog, type MessageKey } from './en.ts';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogs: Record<string, Catalog> = { en };

/** Languages the UI can speak and their writing direction. */
export const LOCALES = { en: 'ltr' } as const satisfies Record<string, 'ltr' | 'rtl'>;
export type Locale = keyof typeof LOCALES;

/**
 * A translator over one catalog. Numbers in parameters are formatted with the locale's
 * Intl.NumberFormat so that every figure in a sentence is localised the same way.
 */
export function createTranslator(locale: Locale): Translate {
  const catalog = catalogs[locale] ?? en;
  const plural = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return (key, params = {}) => {
    const entry = catalog[key] ?? en[key];
    const template =
      typeof entry === 'string'
        ? entry
        : entry[plural.select(Number(params.count ?? 0)) === 'one' ? 'one' : 'other'];
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}
