import { periodLabel } from '../chart/time-labels.ts';
import { formatDateTime, formatZone } from '../format.ts';
import { useI18n } from '../i18n/context.tsx';
import { useEmbeddedChart, useExportScope } from './export-context.tsx';
import { permalink } from './links.ts';

/**
 * What an embedded chart says besides its own caption: period and as-of time with the zone,
 * the project with a link to the full view, and the synthetic mark above it all. Only on
 * /embed/…: on the overview the page itself says these.
 */
export function EmbedCaption({
  chartId,
  synthetic,
  place,
}: {
  chartId: string;
  synthetic: boolean;
  place: 'top' | 'bottom';
}) {
  const { t, locale } = useI18n();
  const scope = useExportScope();
  const embedded = useEmbeddedChart();
  if (embedded !== chartId || !scope) return null;
  const isSynthetic = synthetic || scope.synthetic;
  if (place === 'top')
    return isSynthetic ? (
      <p className="embed-synthetic" role="note" data-synthetic="true">
        {t('export.synthetic')}
      </p>
    ) : null;
  return (
    <div className="embed-caption">
      <p>
        {t('export.when', {
          period: periodLabel(scope.range, t, locale),
          asOf: formatDateTime(scope.asOf, locale, scope.timeZone),
          zone: formatZone(scope.timeZone, locale, scope.asOf),
        })}
      </p>
      <p>
        <a href={permalink(chartId, undefined, scope.page)} target="_blank" rel="noopener">
          {t('export.embed.viewFull', { project: t('app.name') })}
        </a>
      </p>
    </div>
  );
}
