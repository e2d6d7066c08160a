/**
 * Where the labels of event bands (cease-fire phases, pauses) go so that none overlaps another:
 * each label starts at its band's left edge (slid inwards if it would leave the plot) on the
 * first row ("lane") where it clears the labels already placed; a label with no free lane, or
 * wider than the plot, is abbreviated to its numbered marker ("[2]"), whose full text is the
 * chart's note of the same number; a marker with no room either is left out (the notes and the
 * legend still name the band). Pure: widths come from the caller (the charts' canvas measure).
 */

export interface BandLabelInput {
  id: string;
  /** Left edge of the band, in px from the plot's left edge. */
  start: number;
  text: string;
  /** The short form, e.g. "[2]": the same number as the band's note. */
  marker: string;
}

export interface PlacedBandLabel {
  id: string;
  text: string;
  abbreviated: boolean;
  lane: number;
  /** Left edge of the text, in px from the plot's left edge, and its width. */
  x: number;
  width: number;
}

export interface BandLabelLayout {
  plotWidth: number;
  measure: (text: string) => number;
  /** Rows available above one another at the plot's top. */
  maxLanes: number;
  /** Space kept between two labels of a lane, and from a band's edge. */
  gap: number;
  /** False on the wall: a label that does not fit whole is left out, never abbreviated. */
  abbreviate?: boolean;
}

/** Every band label placed on a lane, abbreviated or left out: none overlaps another. */
export function layoutBandLabels(
  labels: readonly BandLabelInput[],
  { plotWidth, measure, maxLanes, gap, abbreviate = true }: BandLabelLayout,
): PlacedBandLabel[] {
  const laneEnds: number[] = [];
  const out: PlacedBandLabel[] = [];
  const place = (start: number, width: number): { x: number; lane: number } | undefined => {
    if (width > plotWidth) return undefined;
    const x = Math.max(0, Math.min(start + gap / 2, plotWidth - width));
    for (let lane = 0; lane < maxLanes; lane++) {
      const end = laneEnds[lane];
      if (end === undefined || x >= end + gap) return { x, lane };
    }
    return undefined;
  };
  const sorted = [...labels].filter((l) => l.text !== '').sort((a, b) => a.start - b.start);
  for (const l of sorted) {
    const full = measure(l.text);
    let spot = place(l.start, full);
    let text = l.text;
    let width = full;
    if (!spot && abbreviate) {
      width = measure(l.marker);
      text = l.marker;
      spot = place(l.start, width);
    }
    if (!spot) continue;
    laneEnds[spot.lane] = spot.x + width;
    out.push({ id: l.id, text, abbreviated: text !== l.text, lane: spot.lane, x: spot.x, width });
  }
  return out;
}

/** The marker of the n-th band (from 1), as in the chart's notes. */
export const bandMarker = (n: number) => `[${n}]`;

/** Each band's number: its order among the distinct bands, as the notes list them. */
export function bandNumbers(bands: readonly { id: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of bands) if (!out.has(b.id)) out.set(b.id, out.size + 1);
  return out;
}
