import { describe, expect, it } from 'vitest';
import { CHART_IDS, PANEL_IDS, PANELS, panelOfChart } from '../domain/panels.ts';
import { aidFlowChart } from '../features/aid-flow/aid-flow-chart.ts';
import { eventsChart } from '../features/events/events-chart.ts';
import { HOSPITAL_CHARTS } from '../features/hospitals/hospitals-panel.tsx';
import { UTILITY_CHARTS } from '../features/utilities/utilities-panel.tsx';
import { WALL_PANEL_IDS } from '../data/wall-config.ts';
import { PANEL_DATASETS } from '../features/wall/wall-model.ts';
import { PANEL_VIEWS } from './registry.tsx';

describe('the panel list', () => {
  it('names each chart spec once, under the panel that draws it, with the datasets it reads', () => {
    const specs = {
      'aid-flow': [aidFlowChart],
      events: [eventsChart],
      hospitals: HOSPITAL_CHARTS,
      utilities: UTILITY_CHARTS,
    };
    for (const [panel, list] of Object.entries(specs)) {
      const entry = PANELS.find((p) => p.id === panel)!;
      expect(list.map((s) => s.id)).toEqual(entry.charts);
      for (const spec of list)
        for (const d of spec.datasets) expect(entry.datasets as readonly string[]).toContain(d);
    }
    expect(new Set(CHART_IDS).size).toBe(CHART_IDS.length);
  });

  it('is what the wall, its options and embeds derive from', () => {
    expect(WALL_PANEL_IDS).toEqual(PANEL_IDS);
    expect(Object.keys(PANEL_DATASETS)).toEqual(PANEL_IDS);
    expect(Object.keys(PANEL_VIEWS).sort()).toEqual([...PANEL_IDS].sort());
    expect(panelOfChart('hospitals-beds')).toBe('hospitals');
    expect(panelOfChart('map')).toBe('map');
    // Panels without charts, and anything else, cannot be embedded.
    expect(panelOfChart('board')).toBeUndefined();
    expect(panelOfChart('__proto__')).toBeUndefined();
  });
});
