import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openTables } from '../../test/render.tsx';
import { REASON_CODES, reason, describeReasons } from '../domain/reasons.ts';
import type { DataIssue } from '../domain/validate.ts';
import { I18nProvider } from './i18n/context.tsx';
import { catalogs } from './i18n/all-catalogs.ts';
import { createTranslator, type Locale } from './i18n/translate.ts';
import { RejectedRecords } from './panel.tsx';
import { reasonKey, reasonText } from './reason-text.ts';

const flow = {
  date: '2025-03-01',
  crossingId: 'kerem-shalom',
  commodity: 'food',
  stage: 'entered',
};

describe('reasons in the reader’s language', () => {
  it('every reason code has a catalog entry in English, Arabic and Hebrew', () => {
    for (const locale of ['en', 'ar', 'he'] as const)
      for (const code of REASON_CODES)
        expect(catalogs[locale][reasonKey(code)], `${locale} ${code}`).toBeDefined();
  });

  it('falls back to the stored English for an issue without coded reasons', () => {
    const t = createTranslator('ar');
    const old = { reason: 'trucks: must not be negative' } as DataIssue;
    expect(reasonText(old, t, 'ar')).toBe('trucks: must not be negative');
    const unknown = { reason: 'x', reasons: [{ code: 'gone' }] } as unknown as DataIssue;
    expect(reasonText(unknown, t, 'ar')).toBe('x');
  });

  it.each<[Locale, string]>([
    ['ar', 'الحقل \u2068trucks\u2069: \u2068يجب ألا يكون سالباً\u2069'],
    ['he', 'השדה \u2068trucks\u2069: \u2068אסור שיהיה שלילי\u2069'],
  ])('the rejected records of a panel give the reason in %s', (locale, expected) => {
    const reasons = [reason('negative', undefined, 'trucks')];
    const issue: DataIssue = {
      sourceId: 'demo',
      dataset: 'aid-flow',
      position: 3,
      record: 'id:f-1',
      field: 'trucks',
      reason: describeReasons(reasons),
      reasons,
      raw: { ...flow, trucks: -1 },
    };
    const { container } = render(
      <I18nProvider locale={locale}>
        <RejectedRecords issues={[issue]} sourceName={() => 'Demo'} />
      </I18nProvider>,
    );
    openTables(container);
    const cell = within(screen.getByTestId('rejected-records')).getByText(
      (_, element) => element?.tagName === 'BDI' && element.textContent === expected,
    );
    expect(cell).toBeInTheDocument();
    expect(container.textContent).not.toContain('must not be negative');
  });
});
