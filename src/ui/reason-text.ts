import { isReasonCode, type Reason, type ReasonCode } from '../domain/reasons.ts';
import type { DataIssue } from '../domain/validate.ts';
import { formatLongDay } from './format.ts';
import { LOCALES, type Locale, type MessageKey, type Translate } from './i18n/translate.ts';

/**
 * The catalog key of a reason code. Typed as a MessageKey, so a code of reasons.ts without an
 * entry `reason.<code>` in en.ts (and so in ar.ts and he.ts, which must have every key of en.ts)
 * is a type error here.
 */
export function reasonKey(code: ReasonCode): MessageKey {
  return `reason.${code}`;
}

/**
 * The app's own bounds (theatre-local days, YYYY-MM-DD), written as dates of the reader's language.
 * The record's day (`day`) stays as given: it is what the reader finds in the record.
 */
const BOUNDS = new Set(['earliest', 'latest']);

/** Bidi controls (embeddings, overrides, isolates, marks) and right-to-left letters. */
const NEEDS_ISOLATION =
  /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\p{Script=Arabic}\p{Script=Hebrew}]/u;

/**
 * A data value as a parameter. Right-to-left translators isolate every text parameter; in a
 * left-to-right language a value with right-to-left letters or bidi controls (a cell carrying
 * U+202E) is isolated here, so it cannot reorder the sentence around it.
 */
function data(value: string, locale: Locale): string {
  return LOCALES[locale] === 'ltr' && NEEDS_ISOLATION.test(value) ? `\u2068${value}\u2069` : value;
}

/** One reason in the reader's language: "field: what is wrong". */
export function reasonInWords(reason: Reason, t: Translate, locale: Locale): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reason.params ?? {}) as [string, unknown][]) {
    if (typeof value === 'number') params[name] = value;
    else if (typeof value === 'string')
      params[name] = BOUNDS.has(name) ? formatLongDay(value, locale) : data(value, locale);
  }
  let text = t(reasonKey(reason.code), params);
  if (typeof params.point === 'number') text = t('reason.atPoint', { point: params.point, text });
  if (reason.field) text = t('reason.inField', { field: data(reason.field, locale), text });
  return text;
}

/**
 * Why a record was rejected, in the reader's language: each of its reasons worded through the
 * catalogs, in order. An issue without coded reasons (kept from an older version, or a code this
 * version does not know) is given in the English it was stored with.
 */
export function reasonText(
  issue: Pick<DataIssue, 'reason' | 'reasons'>,
  t: Translate,
  locale: Locale,
): string {
  const reasons: unknown = (issue as Partial<DataIssue>).reasons;
  if (!Array.isArray(reasons) || reasons.length === 0) return issue.reason;
  if (!reasons.every((r: Reason | undefined) => isReasonCode(r?.code))) return issue.reason;
  return (reasons as Reason[]).map((r) => reasonInWords(r, t, locale)).join(t('reason.separator'));
}

/** `reasonText` for many issues, each worded once (searching thousands of issues per keystroke). */
export function reasonTexts(t: Translate, locale: Locale): (issue: DataIssue) => string {
  const words = new WeakMap<DataIssue, string>();
  return (issue) => {
    let text = words.get(issue);
    if (text === undefined) words.set(issue, (text = reasonText(issue, t, locale)));
    return text;
  };
}
