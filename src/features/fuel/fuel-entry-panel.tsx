import { ChartPanel } from '../../charts/chart-panel.tsx';
import { fuelEntryChart } from './fuel-entry-chart.ts';
import './fuel-entry.css';

/** Fuel entered by type, each in its own unit (the chart is `fuel-entry-chart.ts`). */
export function FuelEntryPanel() {
  return <ChartPanel spec={fuelEntryChart} />;
}
