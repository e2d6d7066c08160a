/**
 * Text for exported images: made safe for XML and wrapped to a width. Pure, so that the SVG
 * builder lays out the same in jsdom and in the browser; a real measurer can be passed in.
 */

/** Width in px of `text` at `size` px; `bold` for headings. */
export type MeasureText = (text: string, size: number, bold: boolean) => number;

/**
 * A conservative estimate for Noto Sans (average advance ~0.56 em, bold ~0.6 em; Arabic a
 * little narrower): wrapping errs on the side of one word too few per line, never overflow.
 */
export const estimateText: MeasureText = (text, size, bold) => {
  let em = 0;
  for (const ch of text) {
    if (ch === ' ') em += 0.26;
    else if (/[iIl.,:;'’|!()[\]·]/.test(ch)) em += 0.3;
    else if (/[mwMW@%]/.test(ch)) em += 0.9;
    else if (/[A-Z0-9]/.test(ch)) em += 0.64;
    else em += 0.56;
  }
  return em * size * (bold ? 1.08 : 1);
};

// Characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/FFFF) and lone surrogates.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as one clean line: no characters XML cannot hold, whitespace runs collapsed. */
export function cleanText(text: string): string {
  return text.replace(NOT_XML, '').replace(/\s+/g, ' ').trim();
}

/**
 * Greedy word wrap to `width`, at most `maxLines` lines; the last line ends in "…" when text
 * was cut. A word longer than a line is broken where it must be (URLs, ids, hostile input).
 */
export function wrapText(
  text: string,
  width: number,
  size: number,
  options: { bold?: boolean; maxLines?: number; measure?: MeasureText } = {},
): string[] {
  const { bold = false, maxLines = Infinity, measure = estimateText } = options;
  const fits = (s: string) => measure(s, size, bold) <= width;
  const lines: string[] = [];
  let line = '';
  const words = cleanText(text).split(' ').filter(Boolean);
  for (let word of words) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    // Break a word that alone is wider than the line.
    while (!fits(word)) {
      let cut = 1;
      const chars = [...word];
      while (cut < chars.length && fits(chars.slice(0, cut + 1).join(''))) cut++;
      lines.push(chars.slice(0, cut).join(''));
      word = chars.slice(cut).join('');
    }
    line = word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && !fits(`${last}…`)) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

/** Arabic script in here (the SVG then needs the Arabic font). */
export const hasArabic = (text: string) =>
  /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/.test(text);

/** Hebrew script in here (the SVG then needs the Hebrew font). */
export const hasHebrew = (text: string) => /[\u0590-\u05FF\uFB1D-\uFB4F]/.test(text);
