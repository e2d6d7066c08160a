import { Suspense, type CSSProperties } from 'react';
import { ChartPlaceholder } from '../ui/chart/chart-frame.tsx';
import { LazyRankedBars, LazyTimeChart, LazyTimeline } from '../ui/chart/lazy.tsx';
import { useBoxSize, usePrefersReducedMotion } from '../ui/chart/use-chart-size.ts';
import { multiplesColumns } from '../ui/chart/wall-chart.ts';
import { useEmbeddedChart } from '../ui/export/export-context.tsx';
import { useI18n } from '../ui/i18n/context.tsx';
import { usePresentation, useRemPx } from '../ui/presentation.tsx';
import type { ChartModel, SmallMultiple } from './chart-spec.ts';

/**
 * The model's plot through its renderer, loaded lazily (Recharts stays out of the first chunk).
 * On the wall, `height` is the room the frame left it: the plot (or its grid of small
 * multiples) fills exactly that.
 */
export function ChartPlot({
  model,
  width,
  height,
  label,
}: {
  model: ChartModel;
  width: number;
  height?: number;
  label: string;
}) {
  const { t } = useI18n();
  const embedded = useEmbeddedChart() !== null;
  const wall = usePresentation() === 'wall';
  const animate = !usePrefersReducedMotion();
  const { plot } = model;
  // Under the chart's heading: h4 on the overview (panel h2, chart h3), h3 alone on an embed.
  const AreaHeading = embedded ? 'h3' : 'h4';
  const placeholder = <ChartPlaceholder height={height ?? model.height} />;
  if (wall && height === undefined) return null;
  if (plot.kind === 'multiples' && wall)
    return (
      <WallMultiples
        items={plot.items}
        width={width}
        height={height!}
        label={label}
        animate={animate}
      />
    );
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
  const sized = height === undefined ? {} : { height };
  return (
    <Suspense fallback={placeholder}>
      {plot.kind === 'time' ? (
        <LazyTimeChart {...plot.chart} {...sized} width={width} animate={animate} label={label} />
      ) : plot.kind === 'ranked' ? (
        <LazyRankedBars {...plot.chart} {...sized} width={width} animate={animate} label={label} />
      ) : (
        <LazyTimeline {...plot.chart} {...sized} width={width} animate={animate} label={label} />
      )}
    </Suspense>
  );
}

/**
 * Small multiples on the wall: a grid that fills the plot's box (as many columns as give the
 * largest plots), each multiple drawn at the size its cell leaves under its title.
 */
function WallMultiples({
  items,
  width,
  height,
  label,
  animate,
}: {
  items: readonly SmallMultiple[];
  width: number;
  height: number;
  label: string;
  animate: boolean;
}) {
  const rem = useRemPx();
  const gap = rem * 0.75;
  // Each cell spends about 7rem across (value axis, latest figure) and 4rem down (title, dates).
  const columns = multiplesColumns(items.length, width, height, gap, [7 * rem, 4 * rem]);
  const rows = Math.ceil(items.length / columns);
  const style = {
    gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
    gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))`,
    gap: `${gap}px`,
  } satisfies CSSProperties;
  return (
    <div className="small-multiples small-multiples--wall" style={style}>
      {items.map((item) => (
        <WallMultiple key={item.id} item={item} label={label} animate={animate} />
      ))}
    </div>
  );
}

function WallMultiple({
  item,
  label,
  animate,
}: {
  item: SmallMultiple;
  label: string;
  animate: boolean;
}) {
  const { t } = useI18n();
  const [ref, box] = useBoxSize<HTMLDivElement>(true);
  return (
    <div className="small-multiples__item">
      <h4 className="small-multiples__title">{item.title}</h4>
      {item.empty ? (
        <p className="muted">{t('chart.noReport')}</p>
      ) : (
        <div ref={ref} className="small-multiples__plot">
          {box && box.width > 0 && box.height > 0 ? (
            <Suspense fallback={null}>
              <LazyTimeChart
                {...item.chart}
                width={box.width}
                height={box.height}
                animate={animate}
                label={`${label}: ${item.title}`}
              />
            </Suspense>
          ) : null}
        </div>
      )}
    </div>
  );
}
