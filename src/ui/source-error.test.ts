import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createTranslator, type Locale } from './i18n/translate.ts';
import { sourceErrorMessage as asNode } from './source-error.ts';

/** The message as markup: the source's name and the detail each in a <bdi>. */
const markup = (error: unknown, source: string, locale: Locale) =>
  renderToStaticMarkup(
    createElement('p', null, asNode(error, source, createTranslator(locale), locale)),
  );
/** The message as the reader sees it, <bdi> elements dropped. */
const sourceErrorMessage = (error: unknown, source: string, _t: unknown, locale: Locale) =>
  markup(error, source, locale)
    .replace(/<\/?(p|bdi)>/g, '')
    .replace(/&amp;/g, '&');

/** The shape of data/contract.ts's SourceError, which ui/ reads without importing it. */
const sourceError = (kind: string, detail: string, status?: number) =>
  Object.assign(new Error(`Demo: ${detail}`), { kind, detail, status });

const I = (text: string) => `\u2068${text}\u2069`;

describe('sourceErrorMessage', () => {
  it('keeps the adapter’s English sentence in English', () => {
    expect(
      sourceErrorMessage(
        sourceError('http', 'answered HTTP 500', 500),
        'Demo',
        createTranslator('en'),
        'en',
      ),
    ).toBe('Could not load data from Demo: answered HTTP 500');
  });

  it('says the kind of failure in Arabic and Hebrew, keeping the technical words', () => {
    expect(
      sourceErrorMessage(
        sourceError('http', 'answered HTTP 503', 503),
        'Demo',
        createTranslator('ar'),
        'ar',
      ),
    ).toBe(
      `تعذّر تحميل البيانات من ${I('Demo')}: ${I(`${I('ردّ المصدر برسالة خطأ (HTTP 503)')}. التفاصيل التقنية: ${I('answered HTTP 503')}`)}`,
    );
    const he = sourceErrorMessage(
      sourceError('timeout', 'did not answer within 8 s (its time limit)'),
      'Demo',
      createTranslator('he'),
      'he',
    );
    expect(he).toContain('המקור לא השיב בתוך מגבלת הזמן שלו');
    expect(he).toContain('did not answer within 8 s');
  });

  it('isolates the source’s name and the detail as data', () => {
    expect(markup(sourceError('http', 'answered HTTP 500', 500), 'Demo', 'en')).toBe(
      '<p>Could not load data from <bdi>Demo</bdi>: <bdi>answered HTTP 500</bdi></p>',
    );
  });

  it('an error of unknown shape keeps its message', () => {
    expect(sourceErrorMessage(new Error('Demo: boom'), 'Demo', createTranslator('he'), 'he')).toBe(
      `לא ניתן היה לטעון נתונים מ-${I('Demo')}: ${I('boom')}`,
    );
  });
});
