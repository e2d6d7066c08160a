import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RejectedRecords, SourceErrorNotice } from '../panel.tsx';
import { I18nProvider } from './context.tsx';
import { eachIsolated, isolate, isolated } from './isolate.tsx';
import { createTranslator } from './translate.ts';
import { openTables } from '../../../test/render.tsx';
import { describeReasons, reason } from '../../domain/reasons.ts';

const t = createTranslator('en');
const RLO = '\u202E';

describe('isolated', () => {
  it('puts each data parameter in a <bdi>, and leaves the app’s words and numbers plain', () => {
    const { container } = render(
      <p>{isolated(t, 'source.rejected', { source: `${RLO}Evil Source` }, { count: 1200 })}</p>,
    );
    expect(container.textContent).toBe(
      `1,200 records from ${RLO}Evil Source were rejected and are not shown.`,
    );
    expect([...container.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual([
      `${RLO}Evil Source`,
    ]);
  });

  it('keeps data that looks like a placeholder or a marker as text', () => {
    const { container } = render(
      <p>
        {isolated(
          t,
          'crossings.disagree',
          { source: '{status} \uE0000\uE001' },
          { status: 'Open' },
        )}
      </p>,
    );
    expect(container.textContent).toBe('{status} 0 reports: Open');
    expect(container.querySelector('bdi')?.textContent).toBe('{status} 0');
  });

  it('isolates each item of a list in plain text (FSI … PDI)', () => {
    expect(isolate('a')).toBe('\u2068a\u2069');
    expect(eachIsolated([`${RLO}x`, 'y'], ', ')).toBe(`\u2068${RLO}x\u2069, \u2068y\u2069`);
  });
});

describe('data text in notices', () => {
  it('a rejected record’s source and reason, and a failing source’s name, sit in <bdi>', () => {
    render(
      <I18nProvider>
        <RejectedRecords
          issues={[
            {
              sourceId: 'evil',
              dataset: 'aid-flow',
              position: 0,
              record: 'row:1',
              field: 'date',
              reason: describeReasons([reason('unreadable-date', { value: `${RLO}2025` })]),
              reasons: [reason('unreadable-date', { value: `${RLO}2025` })],
              raw: {},
            },
          ]}
          sourceName={() => `${RLO}Evil Source`}
        />
        <SourceErrorNotice
          message={isolated(t, 'source.error', { source: `${RLO}Evil`, detail: 'timed out' })}
          onRetry={() => undefined}
        />
      </I18nProvider>,
    );
    openTables(document.body);
    const isolatedTexts = [...document.querySelectorAll('bdi')].map((b) => b.textContent);
    expect(isolatedTexts).toEqual(
      expect.arrayContaining([
        `${RLO}Evil Source`,
        // The cell's text is isolated within the reason too: its override ends with it.
        `“\u2068${RLO}2025\u2069” is not a date (write it as YYYY-MM-DD)`,
        `${RLO}Evil`,
        'timed out',
      ]),
    );
    // Nothing of the app's own wording is inside an isolate.
    expect(isolatedTexts.join(' ')).not.toMatch(/rejected|Could not load/);
    expect(screen.getByRole('alert').textContent).toContain(`Could not load data from ${RLO}Evil`);
  });
});
