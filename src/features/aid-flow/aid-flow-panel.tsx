import { ChartPanel } from '../../charts/chart-panel.tsx';
import { aidFlowChart } from './aid-flow-chart.ts';
import './aid-flow.css';

/** The aid-flow chart in its panel (the chart itself is `aid-flow-chart.ts`). */
export function AidFlowPanel() {
  return <ChartPanel spec={aidFlowChart} />;
}
