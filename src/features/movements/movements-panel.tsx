import { ChartPanel } from '../../charts/chart-panel.tsx';
import { movementsChart } from './movements-chart.ts';
import './movements.css';

/** Humanitarian movement requests by outcome, week by week (the chart is `movements-chart.ts`). */
export function MovementsPanel() {
  return <ChartPanel spec={movementsChart} />;
}
