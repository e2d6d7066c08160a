import type { SourceInfo } from '../../domain/schemas.ts';
import type { SourceShare } from '../../domain/provenance.ts';
import { VERIFICATIONS } from '../../domain/vocabulary.ts';
import { formatPercent } from '../format.ts';
import type { Translate } from '../i18n/translate.ts';
import type { SourceCredit } from './chart-model.ts';
import { licenceText } from '../licence-text.ts';

/**
 * The source line of a chart: each source that gave the figures shown, its licence, and how far
 * its figures were verified. Publishers come from the theatre; an unknown id is shown as is.
 */
export function sourceCredits(
  shares: readonly SourceShare[],
  publishers: readonly SourceInfo[],
  t: Translate,
  locale: string,
): SourceCredit[] {
  return shares.map((share) => {
    const info = publishers.find((p) => p.id === share.sourceId);
    const verification = VERIFICATIONS.filter((v) => share.verification[v] > 0)
      .map((v) =>
        t('chart.source.share', {
          percent: formatPercent(share.verification[v] / share.records, locale),
          verification: t(`verification.${v}`),
        }),
      )
      .join(', ');
    return {
      name: info?.name ?? share.sourceId,
      licence: licenceText(info?.licence, t),
      synthetic: info?.synthetic,
      verification,
    };
  });
}
