import type { Commodity, CrossingState, Functionality, Stage } from '../../domain/vocabulary.ts';

/**
 * Okabe–Ito: eight colours told apart by people with any common colour-vision deficiency.
 * Colour never carries meaning alone: every series also has a label, and stages and
 * functionality levels have a pattern as well.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

/** For series with no fixed meaning (crossings, governorates, sources), in this order. */
export const SERIES_COLOURS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.skyBlue,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
];

export const seriesColour = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length]!;

export const COMMODITY_COLOURS: Record<Commodity, string> = {
  food: OKABE_ITO.orange,
  health: OKABE_ITO.vermillion,
  wash: OKABE_ITO.skyBlue,
  shelter: OKABE_ITO.reddishPurple,
  fuel: OKABE_ITO.black,
  nutrition: OKABE_ITO.bluishGreen,
  other: OKABE_ITO.yellow,
};

/** Fill patterns: stages of the aid chain and functionality levels are told apart by these too. */
export type FillPattern = 'solid' | 'hatch' | 'dots' | 'cross';

export const STAGE_PATTERNS: Record<Stage, FillPattern> = {
  entered: 'solid',
  collected: 'hatch',
  delivered: 'dots',
};

export const FUNCTIONALITY_STYLE: Record<Functionality, { colour: string; pattern: FillPattern }> =
  {
    full: { colour: OKABE_ITO.bluishGreen, pattern: 'solid' },
    partial: { colour: OKABE_ITO.orange, pattern: 'hatch' },
    none: { colour: OKABE_ITO.vermillion, pattern: 'cross' },
    unknown: { colour: '#8a8a8a', pattern: 'dots' },
  };

/** Bands for pauses and cease-fire phases, drawn behind the data. */
export const BAND_STYLE: Record<
  string,
  { colour: string; opacity: number; pattern?: FillPattern }
> = {
  pause: { colour: OKABE_ITO.skyBlue, opacity: 0.18 },
  'ceasefire-phase': { colour: OKABE_ITO.bluishGreen, opacity: 0.14 },
  // Days whose rows were partly rejected: hatched, so the mark is not told by colour alone.
  incomplete: { colour: OKABE_ITO.vermillion, opacity: 0.55, pattern: 'hatch' },
};

/** Reference lines: target and baseline, told apart by dash as well as colour. */
export const REFERENCE_STYLE = {
  target: { colour: OKABE_ITO.black, dash: '6 3' },
  baseline: { colour: '#5f6b7a', dash: '2 3' },
  critical: { colour: OKABE_ITO.vermillion, dash: '4 2' },
} as const;

/** A stable id for an SVG pattern of a colour (ids must not contain '#'). */
export const patternId = (pattern: FillPattern, colour: string) =>
  `am-${pattern}-${colour.replace('#', '').toLowerCase()}`;

/** What to put in `fill` for a colour and pattern. */
export const fillFor = (colour: string, pattern: FillPattern) =>
  pattern === 'solid' ? colour : `url(#${patternId(pattern, colour)})`;

/**
 * Crossing states on charts: the colours of the status badges and the shapes of STATE_SHAPES
 * (circle, triangle, square, diamond), so a state reads the same on the board and a timeline.
 */
export const STATE_STYLE: Record<
  CrossingState,
  { colour: string; shape: 'circle' | 'triangle' | 'square' | 'diamond' }
> = {
  open: { colour: OKABE_ITO.bluishGreen, shape: 'circle' },
  restricted: { colour: OKABE_ITO.orange, shape: 'triangle' },
  closed: { colour: OKABE_ITO.vermillion, shape: 'square' },
  unknown: { colour: '#8a8a8a', shape: 'diamond' },
};

/** Stages on line charts: told apart by dash as well as by name. */
export const STAGE_DASHES: Record<Stage, string> = {
  entered: '',
  collected: '6 3',
  delivered: '2 2',
};
