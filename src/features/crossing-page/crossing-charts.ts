import type { AnyChartSpec } from '../../charts/chart-spec.ts';
import { crossingGapsChart } from './gaps-chart.ts';
import { statusHistoryChart } from './status-history-chart.ts';
import { crossingTrucksChart } from './trucks-chart.ts';

/** The charts of a crossing page, in their order; also what /embed/crossing/<id>/<chart> offers. */
export const CROSSING_CHART_IDS = [
  'crossing-status-history',
  'crossing-trucks',
  'crossing-gaps',
] as const;
export type CrossingChartId = (typeof CROSSING_CHART_IDS)[number];

/** The specs of one crossing's charts, by id (made once per crossing: panels memoise on them). */
export function crossingCharts(crossingId: string): Record<CrossingChartId, AnyChartSpec> {
  return {
    'crossing-status-history': statusHistoryChart(crossingId),
    'crossing-trucks': crossingTrucksChart(crossingId),
    'crossing-gaps': crossingGapsChart(crossingId),
  };
}

export const isCrossingChartId = (id: string): id is CrossingChartId =>
  (CROSSING_CHART_IDS as readonly string[]).includes(id);
