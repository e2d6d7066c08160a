import { useI18n } from './context.tsx';
import { isLocale, LANGUAGE_NAMES, LOCALES } from './translate.ts';

/** Header control: each language named in itself, so a reader finds theirs in any UI language. */
export function LanguagePicker() {
  const { t, locale, setLocale } = useI18n();
  return (
    <label className="language-picker">
      <span>{t('language.label')}</span>
      <select
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) setLocale(e.target.value);
        }}
      >
        {Object.keys(LOCALES)
          .filter(isLocale)
          .map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
      </select>
    </label>
  );
}
