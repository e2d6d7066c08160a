import { ChartGroup } from '../../charts/chart-panel.tsx';
import { bedsChart } from './beds-chart.ts';
import { fuelChart } from './fuel-chart.ts';
import { functionalityChart } from './functionality-chart.ts';

/** The hospital charts, one file each; the panel only groups them under one heading. */
export const HOSPITAL_CHARTS = [functionalityChart, bedsChart, fuelChart];

/**
 * Hospital capacity: facilities by functionality over time, beds available against occupied,
 * and each facility's fuel stock against a critical threshold.
 */
export function HospitalsPanel() {
  return (
    <ChartGroup
      title="hospitals.title"
      subtitle="hospitals.subtitle"
      className="hospitals"
      specs={HOSPITAL_CHARTS}
    />
  );
}
