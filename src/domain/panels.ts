import type { Dataset } from './vocabulary.ts';

/**
 * Every panel of the overview and the wall, in their order, with the datasets it draws and the
 * charts it holds (their ids are `data-chart`, `#chart-<id>` and `/embed/<id>`). The one list
 * the overview, the wall and its options, embeds and exports derive from; `app/registry.tsx`
 * gives each panel its component, and TypeScript makes it give one to every panel here.
 */
export const PANELS = [
  { id: 'board', datasets: ['crossing-status', 'aid-flow'], charts: [] },
  {
    id: 'headline',
    datasets: ['crossing-status', 'aid-flow', 'facility-status', 'utility-status'],
    charts: [],
  },
  {
    id: 'map',
    datasets: ['crossing-status', 'corridor-status', 'facility-status', 'utility-status'],
    charts: ['map'],
  },
  { id: 'aid-flow', datasets: ['aid-flow'], charts: ['aid-flow'] },
  { id: 'movements', datasets: ['movements'], charts: ['movements'] },
  { id: 'fuel-entry', datasets: ['fuel-entry'], charts: ['fuel-entry'] },
  {
    id: 'hospitals',
    datasets: ['facility-status'],
    charts: ['hospitals-functionality', 'hospitals-beds', 'hospitals-fuel'],
  },
  {
    id: 'utilities',
    datasets: ['utility-status'],
    charts: ['utilities-water', 'utilities-power', 'utilities-telecom'],
  },
  { id: 'events', datasets: ['events'], charts: ['events'] },
] as const satisfies readonly {
  id: string;
  datasets: readonly Dataset[];
  charts: readonly string[];
}[];

/**
 * Charts drawn on a page of their own rather than in a panel of the overview, by page: they
 * embed too (`/embed/<id>` draws that page's charts with the same parameters, showing that one).
 */
export const PAGE_CHARTS = {
  compare: ['compare-series', 'compare-difference', 'compare-disagreements'],
} as const satisfies Record<string, readonly string[]>;
export type ChartPage = keyof typeof PAGE_CHARTS;

/** The page that draws a chart that belongs to no panel, or undefined. */
export function pageOfChart(chartId: string): ChartPage | undefined {
  return (Object.keys(PAGE_CHARTS) as ChartPage[]).find((page) =>
    (PAGE_CHARTS[page] as readonly string[]).includes(chartId),
  );
}

export type PanelId = (typeof PANELS)[number]['id'];
export type ChartId = (typeof PANELS)[number]['charts'][number];

export const PANEL_IDS = PANELS.map((p) => p.id) as [PanelId, ...PanelId[]];
export const CHART_IDS: readonly ChartId[] = PANELS.flatMap((p) => p.charts);

/** The panel that draws a chart, or undefined for an id no panel has. */
export function panelOfChart(chartId: string): PanelId | undefined {
  return PANELS.find((p) => (p.charts as readonly string[]).includes(chartId))?.id;
}

/** The datasets each panel draws, by panel id. */
export function datasetsByPanel(): Record<PanelId, readonly Dataset[]> {
  const out = {} as Record<PanelId, readonly Dataset[]>;
  for (const p of PANELS) out[p.id] = p.datasets;
  return out;
}
