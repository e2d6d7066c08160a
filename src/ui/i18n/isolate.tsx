import type { ReactNode } from 'react';
import type { MessageKey, MessageParams, Translate } from './translate.ts';

/** Private-use markers around a parameter's index: never in a catalog, and stripped from data. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKED = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

/**
 * A message whose data parameters (names, notes, reasons from a source) each sit in a <bdi>: a
 * right-to-left name, or one carrying U+202E, cannot reorder the sentence around it. `plain`
 * holds the app's own words and numbers (formatted by the translator as usual).
 */
export function isolated(
  t: Translate,
  key: MessageKey,
  data: Record<string, string>,
  plain: MessageParams = {},
): ReactNode[] {
  const texts: string[] = [];
  const marked: MessageParams = { ...plain };
  for (const [name, value] of Object.entries(data)) {
    marked[name] = `${OPEN}${texts.length}${CLOSE}`;
    texts.push(value.replace(/[\uE000\uE001]/g, ''));
  }
  // split() with a capture group: text, index, text, index, …, text.
  return t(key, marked)
    .split(MARKED)
    .map((part, i) => (i % 2 === 0 ? part : <bdi key={i}>{texts[Number(part)]}</bdi>));
}

/** A data text between FSI and PDI (U+2068, U+2069): the plain-text form of <bdi>. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Data texts joined into one string, each isolated: one cannot reorder the next. */
export function eachIsolated(items: readonly string[], separator: string): string {
  return items.map(isolate).join(separator);
}
