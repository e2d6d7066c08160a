/**
 * The README beside the CSV in "Download data" (as Our World in Data ships one): what the file
 * is, for which days, from whom under which licence and how verified, how its numbers are
 * rounded, and the link back to the view. Plain UTF-8 text in the reader's language.
 */
import type { ChartTable, SourceCredit } from '../chart/chart-model.ts';
import { periodLabel } from '../chart/time-labels.ts';
import { formatDateTime, formatZone } from '../format.ts';
import { dataReadmeWords } from '../i18n/pages/data-readme.ts';
import { provideWords, type Translate } from '../i18n/translate.ts';

// The README's words come with this (lazily loaded) module, not with the first page.
provideWords(dataReadmeWords);

export interface ReadmeInput {
  title: string;
  subtitle: string;
  range: { from: string; to: string };
  /** The link's days are fixed (from/to) rather than a moving window. */
  pinned: boolean;
  asOf: Date;
  timeZone: string;
  synthetic: boolean;
  sources: readonly SourceCredit[];
  notes: readonly string[];
  table: ChartTable;
  /** Decimals of each column's numbers, as the CSV writes them (index 0: the row header). */
  decimals: readonly number[];
  csvName: string;
  link: string;
  now: Date;
}

export function dataReadme(input: ReadmeInput, t: Translate, locale: string): string {
  const { table } = input;
  const lines: string[] = [input.title];
  if (input.subtitle) lines.push(input.subtitle);
  lines.push('');
  if (input.synthetic) lines.push(t('readme.synthetic'), '');
  lines.push(
    t('readme.period', { period: periodLabel(input.range, t, locale) }),
    t(input.pinned ? 'readme.pinned' : 'readme.moving'),
    t('readme.asOf', {
      asOf: formatDateTime(input.asOf, locale, input.timeZone),
      zone: formatZone(input.timeZone, locale, input.asOf),
    }),
    t('readme.downloaded', { when: formatDateTime(input.now, locale, input.timeZone) }),
    '',
    t('readme.sources'),
    ...input.sources.map(
      (s) =>
        `- ${t('readme.source', {
          name: s.name,
          licence: s.licence ?? t('readme.noLicence'),
          verification: s.verification,
        })}`,
    ),
  );
  if (input.notes.length) lines.push('', t('readme.notes'), ...input.notes.map((n) => `- ${n}`));
  const numeric = table.columns.map((c, i) => ({ c, i })).filter(({ c, i }) => i > 0 && c.numeric);
  if (numeric.length) {
    lines.push('', t('readme.columns', { file: input.csvName }));
    for (const { c, i } of numeric) {
      const column = c.unit ? `${c.label} (${c.unit})` : c.label;
      const count = input.decimals[i] ?? 0;
      lines.push(
        `- ${count === 0 ? t('readme.column.whole', { column }) : t('readme.column.decimals', { column, count })}`,
      );
    }
  }
  lines.push('', t('readme.link'), input.link, '', t('readme.project', { project: t('app.name') }));
  // CRLF: Notepad and every other reader show it as lines.
  return `${lines.join('\r\n')}\r\n`;
}
