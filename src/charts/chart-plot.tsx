import { Suspense } from 'react';
import { ChartPlaceholder } from '../ui/chart/chart-frame.tsx';
import { LazyRankedBars, LazyTimeChart, LazyTimeline } from '../ui/chart/lazy.tsx';
import { usePrefersReducedMotion } from '../ui/chart/use-chart-size.ts';
import { useEmbeddedChart } from '../ui/export/export-context.tsx';
import { useI18n } from '../ui/i18n/context.tsx';
import type { ChartModel } from './chart-spec.ts';

/** The model's plot through its renderer, loaded lazily (Recharts stays out of the first chunk). */
export function ChartPlot({
  model,
  width,
  label,
}: {
  model: ChartModel;
  width: number;
  label: string;
}) {
  const { t } = useI18n();
  const embedded = useEmbeddedChart() !== null;
  const animate = !usePrefersReducedMotion();
  const { plot } = model;
  // Under the chart's heading: h4 on the overview (panel h2, chart h3), h3 alone on an embed.
  const AreaHeading = embedded ? 'h3' : 'h4';
  const placeholder = <ChartPlaceholder height={model.height} />;
  if (plot.kind === 'multiples')
    return (
      <div className="small-multiples">
        {plot.items.map((item) => (
          <div key={item.id}>
            <AreaHeading className="small-multiples__title">{item.title}</AreaHeading>
            {item.empty ? (
              <p className="muted">{t('chart.noReport')}</p>
            ) : (
              <Suspense fallback={placeholder}>
                <LazyTimeChart
                  {...item.chart}
                  width={plot.columnWidth}
                  animate={animate}
                  label={`${label}: ${item.title}`}
                />
              </Suspense>
            )}
          </div>
        ))}
      </div>
    );
  return (
    <Suspense fallback={placeholder}>
      {plot.kind === 'time' ? (
        <LazyTimeChart {...plot.chart} width={width} animate={animate} label={label} />
      ) : plot.kind === 'ranked' ? (
        <LazyRankedBars {...plot.chart} width={width} animate={animate} label={label} />
      ) : (
        <LazyTimeline {...plot.chart} width={width} animate={animate} label={label} />
      )}
    </Suspense>
  );
}
