import { ChartPanel } from '../../charts/chart-panel.tsx';
import { eventsChart } from './events-chart.ts';

/** The events timeline in its panel (the chart itself is `events-chart.ts`). */
export function EventsPanel() {
  return <ChartPanel spec={eventsChart} />;
}
