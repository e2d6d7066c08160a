import { Suspense, type CSSProperties } from 'react';
import { ChartPlaceholder } from '../ui/chart/chart-frame.tsx';
import { LazyRankedBars, LazyTimeChart, LazyTimeline } from '../ui/chart/lazy.tsx';
import { useBoxSize, usePrefersReducedMotion } from '../ui/chart/use-chart-size.ts';
import { multiplesColumns } from '../ui/chart/wall-chart.ts';
import { useEmbeddedChart } from '../ui/export/export-context.tsx';
import { useI18n } from '../ui/i18n/context.tsx';
import { usePresentation, useRemPx } from '../ui/presentation.tsx';
import type { ChartModel, Drawn, SmallMultiple } from './chart-spec.ts';
import type { LineSpec, Row, TimeChartProps } from '../ui/chart/time-chart.tsx';
import { seriesColour } from '../ui/chart/palette.ts';

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
  // Lines over the same days: one chart, a line per multiple named at its end, reads from
  // across a room where a grid of stamp-sized plots does not.
  const merged = mergeLineMultiples(items);
  if (merged)
    return (
      <Suspense fallback={null}>
        <LazyTimeChart {...merged} width={width} height={height} animate={animate} label={label} />
      </Suspense>
    );
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

/**
 * Small multiples of lines as one chart: the same days, each multiple's lines in its own colour
 * and named at their end (never colour alone). Undefined where that would not be the same
 * picture: bars, a multiple without data (the grid says "no report" for it), other days.
 */
export function mergeLineMultiples(
  items: readonly SmallMultiple[],
): Drawn<TimeChartProps> | undefined {
  const first = items[0]?.chart;
  if (!first || items.some((i) => i.empty || (i.chart.bars?.length ?? 0) > 0)) return undefined;
  const keys = first.rows.map((r) => r.key);
  if (items.some((i) => i.chart.rows.length !== keys.length)) return undefined;
  if (items.some((i) => i.chart.rows.some((r, k) => r.key !== keys[k]))) return undefined;
  const keyOf = (a: number, dataKey: string) => `m${a}-${dataKey}`;
  const rows: Row[] = keys.map((key, k) => {
    const row: Row = { key };
    items.forEach((item, a) => {
      for (const l of item.chart.lines ?? [])
        row[keyOf(a, l.dataKey)] = item.chart.rows[k]![l.dataKey] ?? null;
    });
    return row;
  });
  const lines: LineSpec[] = items.flatMap((item, a) => {
    const own = item.chart.lines ?? [];
    return own.map((l) => ({
      ...l,
      dataKey: keyOf(a, l.dataKey),
      name: own.length > 1 ? `${item.title} — ${l.name}` : item.title,
      colour: seriesColour(a),
      endName: item.title,
    }));
  });
  const bands = [
    ...new Map(items.flatMap((i) => i.chart.bands ?? []).map((b) => [b.id, b])).values(),
  ];
  return {
    ...first,
    rows,
    lines,
    bands,
    compact: false,
    describe: (key: string) => {
      const parts = items.map((i) => ({ title: i.title, d: i.chart.describe(key) }));
      const found = parts.find((p) => p.d);
      if (!found) return undefined;
      return {
        title: found.d!.title,
        lines: parts.flatMap((p) =>
          (p.d?.lines ?? []).map((l) => ({ ...l, label: `${p.title}: ${l.label}` })),
        ),
      };
    },
  };
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
