import { lazy } from 'react';

/**
 * Chart bodies, loaded on first use: Recharts (with d3) is ~120 KB gzip and must stay out of
 * the initial chunk. Wrap each in <Suspense fallback={<ChartPlaceholder …/>}>.
 */
export const LazyTimeChart = lazy(() =>
  import('./time-chart.tsx').then((m) => ({ default: m.TimeChart })),
);
export const LazyRankedBars = lazy(() =>
  import('./ranked-bars.tsx').then((m) => ({ default: m.RankedBars })),
);
export const LazyTimeline = lazy(() =>
  import('./timeline-chart.tsx').then((m) => ({ default: m.TimelineChart })),
);
