/** What of the English interface is left on an Arabic or Hebrew page (shared by the tests). */
import type { Page } from 'playwright-core';
import type { MessageKey } from '../../src/ui/i18n/en.ts';
import { catalogs } from '../../src/ui/i18n/all-catalogs.ts';

const en = catalogs.en;

/**
 * Every whole English message that is not also the translation (formats such as "ISO 8601" and
 * ranges such as "25–50 %" read the same in all three): none may be on an Arabic or Hebrew page.
 */
export function englishMessages(locale: 'ar' | 'he'): string[] {
  const forms = (entry: unknown) =>
    typeof entry === 'string' ? [entry] : Object.values(entry as Record<string, string>);
  return (Object.keys(en) as MessageKey[])
    .flatMap((key) => {
      const mine = new Set(forms(catalogs[locale][key]));
      return forms(en[key]).filter((text) => !mine.has(text));
    })
    .filter((text) => !/\{\w+\}/.test(text) && text.length > 3);
}

/** Text nodes, aria-labels, titles and placeholders of the page, trimmed. */
export const pageTexts = (page: Page) =>
  page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      if (text) texts.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]'))
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    texts.push(document.title);
    return texts;
  });
