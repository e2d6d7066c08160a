import { VERIFICATIONS, type Verification } from '../domain/vocabulary.ts';
import type { Translate } from './i18n/translate.ts';

/**
 * The verification filter, said in every caption and export: a chart of verified figures only
 * must not travel as if it were the whole count.
 */
export function verificationNote(levels: readonly Verification[], t: Translate): string[] {
  if (levels.length === 0 || levels.length === VERIFICATIONS.length) return [];
  if (levels.length === 1 && levels[0] === 'verified') return [t('chart.note.verifiedOnly')];
  return [
    t('chart.note.verification', {
      levels: VERIFICATIONS.filter((v) => levels.includes(v))
        .map((v) => t(`verification.${v}`))
        .join(', '),
    }),
  ];
}
