import { CROSSING_STATES, FUNCTIONALITIES, type Service } from '../../domain/vocabulary.ts';
import type { Translate } from '../../ui/i18n/translate.ts';
import { STATE_SHAPES } from '../../ui/status-symbol.tsx';
import type { LegendEntry } from './export-image.ts';
import {
  BAND_COLOURS,
  BASEMAP_COLOURS,
  FUNCTIONALITY_STATE,
  NO_DATA_COLOUR,
  STATE_COLOURS,
} from './layers.ts';

/** The legend as data: drawn as DOM here and into exported images by export-image.ts. */
export function legendEntries(t: Translate, service: Service): LegendEntry[] {
  return [
    { kind: 'heading', label: t('map.legend.crossings') },
    ...CROSSING_STATES.map((s): LegendEntry => ({
      kind: 'shape',
      shape: s,
      colour: STATE_COLOURS[s],
      label: t(`status.${s}`),
    })),
    { kind: 'heading', label: t('map.legend.corridors') },
    ...CROSSING_STATES.map((s): LegendEntry => ({
      kind: 'line',
      colour: STATE_COLOURS[s],
      label: t(`status.${s}`),
    })),
    { kind: 'dashed', colour: STATE_COLOURS.unknown, label: t('map.legend.corridorOutside') },
    { kind: 'heading', label: t('map.legend.facilities') },
    ...FUNCTIONALITIES.map((f): LegendEntry => {
      const state = FUNCTIONALITY_STATE[f];
      return {
        kind: 'facility',
        shape: state,
        colour: STATE_COLOURS[state],
        label: t(`map.functionality.${f}`),
      };
    }),
    { kind: 'heading', label: t('map.legend.areas', { measure: t(`map.measure.${service}`) }) },
    ...BAND_COLOURS.map((colour, i): LegendEntry => ({
      kind: 'swatch',
      colour,
      label: t(`map.band.${i as 0 | 1 | 2 | 3}`),
    })),
    { kind: 'swatch', colour: NO_DATA_COLOUR, label: t('map.legend.noData') },
    { kind: 'heading', label: t('map.legend.basemap') },
    { kind: 'dashed', colour: BASEMAP_COLOURS.border, label: t('map.legend.border') },
    { kind: 'line', colour: BASEMAP_COLOURS.road, label: t('map.legend.road') },
  ];
}

/** The legend: every symbol on the map with its word, grouped under headings. */
export function Legend({ entries, title }: { entries: readonly LegendEntry[]; title: string }) {
  const groups: { heading: string; entries: LegendEntry[] }[] = [];
  for (const entry of entries) {
    if (entry.kind === 'heading') groups.push({ heading: entry.label, entries: [] });
    else groups.at(-1)?.entries.push(entry);
  }
  return (
    <div className="map-legend" role="group" aria-label={title}>
      <h3 className="map-legend__title">{title}</h3>
      {groups.map((group) => (
        <div key={group.heading} className="map-legend__group">
          <h4 className="map-legend__heading">{group.heading}</h4>
          <ul className="map-legend__list">
            {group.entries.map((entry) => (
              <li
                key={`${entry.kind}-${entry.label}-${entry.colour ?? ''}`}
                className="map-legend__item"
              >
                <LegendMark entry={entry} />
                <span>{entry.label}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

export function LegendMark({ entry }: { entry: Pick<LegendEntry, 'kind' | 'colour' | 'shape'> }) {
  const colour = entry.colour ?? STATE_COLOURS.unknown;
  return (
    <svg className="map-legend__mark" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {entry.kind === 'shape' || entry.kind === 'facility' ? (
        <>
          <path
            d={STATE_SHAPES[entry.shape ?? 'unknown']}
            fill={colour}
            stroke="#1a1a1a"
            strokeWidth={0.8}
          />
          {entry.kind === 'facility' ? (
            <path d="M6.9 5h2.2v2.4h2.4v2.2H9.1V12H6.9V9.6H4.5V7.4h2.4z" fill="#fff" />
          ) : null}
        </>
      ) : entry.kind === 'swatch' ? (
        <rect x="1" y="1" width="14" height="14" fill={colour} stroke="#7a6a55" />
      ) : (
        <line
          x1="0"
          y1="8"
          x2="16"
          y2="8"
          stroke={colour}
          strokeWidth={4}
          strokeDasharray={entry.kind === 'dashed' ? '3 3' : undefined}
        />
      )}
    </svg>
  );
}
