import type { ReportProblem } from '../../domain/report.ts';
import type { Locale, Translate } from '../../ui/i18n/translate.ts';
import { reasonInWords } from '../../ui/reason-text.ts';

/** The form's label of a problem's field, as the summary names it ("Row 2 — Trucks"). */
export function fieldLabel(field: string, t: Translate): string {
  const row = /^trucks\.(\d+)\.(\w+)$/.exec(field);
  if (row) {
    const [, index, part] = row;
    const label = t(
      part === 'stage'
        ? 'report.trucks.stage'
        : part === 'commodity'
          ? 'report.trucks.commodity'
          : part === 'tonnes'
            ? 'report.trucks.tonnes'
            : 'report.trucks.count',
    );
    return `${t('report.trucks.row', { n: Number(index) + 1 })} — ${label}`;
  }
  switch (field) {
    case 'corridor.corridorId':
      return t('report.corridor');
    case 'corridor.status':
      return t('report.corridor.status');
    case 'corridor.start':
      return t('report.corridor.windowStart');
    case 'corridor.end':
      return t('report.corridor.windowEnd');
    case 'crossingId':
      return t('report.crossing');
    case 'since':
      return t('report.since');
    case 'observersPresent':
      return t('report.observers');
    case 'day':
      return t('report.day');
    case 'note':
      return t('report.note');
    case 'trucks':
      return t('report.trucks.title');
    default:
      return t('report.status');
  }
}

/** What is wrong, in the reader's language, without the field (it is shown beside it). */
export function problemText(problem: ReportProblem, t: Translate, locale: Locale): string {
  return problem.kind === 'form'
    ? t(`report.problem.${problem.code}`)
    : reasonInWords(problem.reason, t, locale);
}
