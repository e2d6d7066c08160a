import type { Band } from '../domain/series.ts';
import type { LegendEntry } from '../ui/chart/chart-model.ts';
import { bandMarker } from '../ui/chart/band-labels.ts';
import { BAND_STYLE } from '../ui/chart/palette.ts';
import { formatDay } from '../ui/format.ts';
import type { Translate } from '../ui/i18n/translate.ts';

const BAND_KINDS = ['pause', 'ceasefire-phase'] as const;

/** One legend entry per kind of band drawn. */
export function bandLegend(bands: readonly Band[], t: Translate): LegendEntry[] {
  return BAND_KINDS.filter((k) => bands.some((b) => b.kind === k)).map((k) => ({
    label: t(`chart.band.${k}`),
    colour: BAND_STYLE[k]!.colour,
    shape: 'band' as const,
  }));
}

/**
 * One note per band (each event once, however many multiples draw it): what, when, who says,
 * numbered as the chart numbers its bands, so a label abbreviated to its marker ("[2]") for
 * want of room has its full text here.
 */
export function bandNotes(
  bands: readonly Band[],
  t: Translate,
  locale: string,
  sourceName: (sourceId: string) => string,
): string[] {
  return [...new Map(bands.map((b) => [b.id, b])).values()].map((b, i) =>
    t('chart.note.band', {
      marker: bandMarker(i + 1),
      kind: t(`chart.band.${b.kind as 'pause'}`),
      title: b.title,
      from: formatDay(b.from, locale),
      to: b.to ? formatDay(b.to, locale) : t('chart.ongoing'),
      source: sourceName(b.sourceId),
    }),
  );
}
