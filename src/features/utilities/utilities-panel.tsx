import { ChartGroup } from '../../charts/chart-panel.tsx';
import { powerChart, telecomChart, waterChart } from './service-chart.ts';

export const UTILITY_CHARTS = [waterChart, powerChart, telecomChart];

/**
 * Utilities: water as % of the pre-crisis supply, hours of power a day and telecom
 * connectivity, as small multiples per governorate on a shared scale.
 */
export function UtilitiesPanel() {
  return (
    <ChartGroup
      title="utilities.title"
      subtitle="utilities.subtitle"
      className="utilities"
      specs={UTILITY_CHARTS}
    />
  );
}
