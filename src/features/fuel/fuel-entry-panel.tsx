import { fuelEntryWords } from '../../ui/i18n/pages/fuel-entry.ts';
import { provideWords } from '../../ui/i18n/translate.ts';
import { ChartPanel } from '../../charts/chart-panel.tsx';
import { fuelEntryChart } from './fuel-entry-chart.ts';
import './fuel-entry.css';

// The panel's words come with it (see provideWords), before anything of it renders.
provideWords(fuelEntryWords);

/** Fuel entered by type, each in its own unit (the chart is `fuel-entry-chart.ts`). */
export function FuelEntryPanel() {
  return <ChartPanel spec={fuelEntryChart} />;
}
