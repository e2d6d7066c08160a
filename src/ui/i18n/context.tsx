import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useSearchParam } from '../../lib/url-state.ts';
import { browserLanguages, chooseLocale, readStoredLocale, storeLocale } from './locale-choice.ts';
import { createTranslator, LOCALES, type Locale, type Translate } from './translate.ts';

interface I18n {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  t: Translate;
  /** Switch language: kept in the address (?lang=) and on this device. */
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * The language of everything below. Without a `locale` prop it follows ?lang=, the stored
 * choice or the browser (see chooseLocale), and sets <html lang dir> to match.
 */
export function I18nProvider({ locale, children }: { locale?: Locale; children: ReactNode }) {
  const [param, setParam] = useSearchParam('lang');
  const chosen = locale ?? chooseLocale(param, readStoredLocale(), browserLanguages());
  const value = useMemo<I18n>(
    () => ({
      locale: chosen,
      dir: LOCALES[chosen],
      t: createTranslator(chosen),
      setLocale: (next) => {
        storeLocale(next);
        setParam(next);
      },
    }),
    [chosen, setParam],
  );
  const { t } = value;
  useEffect(() => {
    document.documentElement.lang = chosen;
    document.documentElement.dir = LOCALES[chosen];
    // The tab and bookmark name, which index.html can only give in English.
    document.title = t('app.name');
  }, [chosen, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an <I18nProvider> above it');
  return value;
}
