import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider, useI18n } from './context.tsx';
import { LanguagePicker } from './language-picker.tsx';
import { chooseLocale, fromBrowserLanguages, STORAGE_KEY } from './locale-choice.ts';

function Probe() {
  const { t, locale, dir } = useI18n();
  return (
    <p data-testid="probe" data-locale={locale} data-dir={dir}>
      {t('status.open')}
    </p>
  );
}

const mount = () =>
  render(
    <I18nProvider>
      <LanguagePicker />
      <Probe />
    </I18nProvider>,
  );

afterEach(() => {
  window.localStorage.clear();
  vi.restoreAllMocks();
  document.documentElement.lang = '';
  document.documentElement.dir = '';
});

describe('choosing the language', () => {
  it('?lang beats the stored choice, which beats the browser, which beats English', () => {
    expect(chooseLocale('he', 'ar', ['en-GB'])).toBe('he');
    expect(chooseLocale(null, 'ar', ['he-IL'])).toBe('ar');
    expect(chooseLocale(null, null, ['fr-FR', 'ar-EG', 'he'])).toBe('ar');
    expect(chooseLocale(null, null, ['fr-FR', 'de'])).toBe('en');
  });

  it('skips values that are not a language the UI speaks, without failing', () => {
    expect(chooseLocale('xx', 'he', [])).toBe('he');
    expect(chooseLocale('<script>', '__proto__', ['toString'])).toBe('en');
    expect(chooseLocale('AR', null, [])).toBe('en');
    expect(fromBrowserLanguages(['iw-IL'])).toBe('he');
  });

  it('follows ?lang= and sets <html lang dir>', () => {
    window.history.replaceState(null, '', '/?lang=ar');
    mount();
    expect(screen.getByTestId('probe')).toHaveTextContent('مفتوح');
    expect(document.documentElement).toHaveAttribute('lang', 'ar');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(document.title).toBe('مرصد الوصول الإنساني');
  });

  it('uses the stored choice without ?lang, and the browser language on a first visit', () => {
    window.localStorage.setItem(STORAGE_KEY, 'he');
    const first = mount();
    expect(screen.getByTestId('probe')).toHaveTextContent('פתוח');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    first.unmount();

    window.localStorage.clear();
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['ar-PS', 'en']);
    mount();
    expect(screen.getByTestId('probe')).toHaveAttribute('data-locale', 'ar');
  });

  it('an unknown ?lang falls back to English, left to right', () => {
    window.history.replaceState(null, '', '/?lang=klingon');
    mount();
    expect(screen.getByTestId('probe')).toHaveTextContent('Open');
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
  });

  it('the picker names each language in itself, switches, keeps ?lang and stores the choice', async () => {
    mount();
    const picker = screen.getByRole('combobox', { name: 'Language' });
    const options = screen.getAllByRole('option');
    expect(options.map((o) => [o.textContent, o.getAttribute('lang')])).toEqual([
      ['English', 'en'],
      ['العربية', 'ar'],
      ['עברית', 'he'],
    ]);
    await userEvent.selectOptions(picker, 'he');
    expect(screen.getByTestId('probe')).toHaveTextContent('פתוח');
    expect(new URLSearchParams(window.location.search).get('lang')).toBe('he');
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe('he');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(screen.getByRole('combobox', { name: 'שפה' })).toHaveValue('he');
  });

  it('still works when storage throws (a third-party frame)', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    mount();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'ar');
    expect(screen.getByTestId('probe')).toHaveTextContent('مفتوح');
  });
});
