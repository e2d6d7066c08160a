import { movementsWords } from '../../ui/i18n/pages/movements.ts';
import { provideWords } from '../../ui/i18n/translate.ts';
import { ChartPanel } from '../../charts/chart-panel.tsx';
import { movementsChart } from './movements-chart.ts';
import './movements.css';

// The panel's words come with it (see provideWords), before anything of it renders.
provideWords(movementsWords);

/** Humanitarian movement requests by outcome, week by week (the chart is `movements-chart.ts`). */
export function MovementsPanel() {
  return <ChartPanel spec={movementsChart} />;
}
