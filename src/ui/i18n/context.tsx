import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useState,
  type ReactNode,
} from 'react';
import { useSearchParam } from '../../lib/url-state.ts';
import { browserLanguages, chooseLocale, readStoredLocale, storeLocale } from './locale-choice.ts';
import {
  catalogLoaded,
  createTranslator,
  loadCatalog,
  LOCALES,
  type Locale,
  type Translate,
} from './translate.ts';

interface I18n {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  t: Translate;
  /** Switch language: kept in the address (?lang=) and on this device. */
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

/** The language the page opens in: ?lang=, the stored choice, the browser's, else English. */
export function initialLocale(): Locale {
  const param = new URLSearchParams(window.location.search).get('lang');
  return chooseLocale(param, readStoredLocale(), browserLanguages());
}

/**
 * The language of everything below. Without a `locale` prop it follows ?lang=, the stored
 * choice or the browser (see chooseLocale), and sets <html lang dir> to match. A language whose
 * catalog is not loaded yet is loaded first: meanwhile the page stays in the language it was
 * in, never half in one and half in another (start.tsx loads the first one before painting).
 */
export function I18nProvider({ locale, children }: { locale?: Locale; children: ReactNode }) {
  const [param, setParam] = useSearchParam('lang');
  const chosen = locale ?? chooseLocale(param, readStoredLocale(), browserLanguages());
  const [, catalogArrived] = useReducer((n: number) => n + 1, 0);
  const ready = catalogLoaded(chosen);
  useEffect(() => {
    if (!ready) void loadCatalog(chosen).then(catalogArrived, catalogArrived);
  }, [chosen, ready]);
  // The last language shown whose catalog was here: kept while the next one loads.
  const [previous, setPrevious] = useState<Locale>(ready ? chosen : 'en');
  if (ready && previous !== chosen) setPrevious(chosen);
  const shown = ready ? chosen : previous;
  const value = useMemo<I18n>(
    () => ({
      locale: shown,
      dir: LOCALES[shown],
      t: createTranslator(shown),
      setLocale: (next) => {
        storeLocale(next);
        setParam(next);
      },
    }),
    [shown, setParam],
  );
  const { t } = value;
  useEffect(() => {
    document.documentElement.lang = shown;
    document.documentElement.dir = LOCALES[shown];
    // The tab and bookmark name, which index.html can only give in English.
    document.title = t('app.name');
  }, [shown, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an <I18nProvider> above it');
  return value;
}
