import { Suspense } from 'react';
import { ChartPlaceholder } from '../ui/chart/chart-frame.tsx';
import { LazyRankedBars, LazyTimeChart, LazyTimeline } from '../ui/chart/lazy.tsx';
import { usePrefersReducedMotion } from '../ui/chart/use-chart-size.ts';
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
  const animate = !usePrefersReducedMotion();
  const { plot } = model;
  const placeholder = <ChartPlaceholder height={model.height} />;
  if (plot.kind === 'multiples')
    return (
      <div className="small-multiples">
        {plot.items.map((item) => (
          <div key={item.id}>
            <h4 className="small-multiples__title">{item.title}</h4>
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
