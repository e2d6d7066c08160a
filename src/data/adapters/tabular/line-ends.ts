const OUT = 0; // between cells, or in a cell that does not begin with a quote
const QUOTED = 1; // in a cell that began with a quote
const AFTER_QUOTE = 2; // just after a quote in a quoted cell: `""`, the cell's end, or text
const AFTER_QUOTE_SPACE = 3; // spaces after that quote: the cell's end if a separator follows

/**
 * Rewrites each line end outside quoted cells (CRLF, LF or a lone CR, mixed as they come) as
 * LF, so that papaparse, which splits rows on one newline for the whole text, never merges or
 * splits rows of a file that mixes them; line breaks inside quoted cells are left as they are.
 *
 * Quotes are read as papaparse reads them, so both agree on what is quoted: a quote opens a
 * cell only as its first character; in a quoted cell `""` is a quote, and a quote ends the cell
 * only when the delimiter or a line end follows (spaces between allowed), else it is text.
 * Streaming: the text may come in pieces cut anywhere, a CR ending one piece and an LF starting
 * the next are one line end.
 */
export function createLineEnds(delimiter: string) {
  const token = /["\r]/g;
  let state = OUT;
  let fieldStart = true; // the next character outside quotes begins a cell
  let dropLF = false; // the last piece ended with a CR: an LF now is its CRLF's second half

  return {
    push(text: string): string {
      const n = text.length;
      if (n === 0) return text;
      const parts: string[] = [];
      let from = 0;
      let i = 0;
      if (dropLF && text[0] === '\n') from = i = 1;
      dropLF = false;
      const lineEnd = (k: number) => {
        state = OUT;
        if (text[k] === '\n') return (i = k + 1);
        parts.push(text.slice(from, k), '\n');
        if (text[k + 1] === '\n') i = k + 2;
        else dropLF = (i = k + 1) === n; // the LF of this CR may start the next piece
        return (from = i);
      };
      while (i < n) {
        if (state === OUT) {
          token.lastIndex = i;
          const k = token.exec(text)?.index ?? -1;
          if (k < 0) break;
          if (text[k] === '\r') {
            lineEnd(k);
            continue;
          }
          const before = k === 0 ? undefined : text[k - 1];
          if (before === undefined ? fieldStart : isBoundary(before, delimiter)) state = QUOTED;
          i = k + 1;
        } else if (state === QUOTED) {
          const k = text.indexOf('"', i);
          if (k < 0) break;
          state = AFTER_QUOTE;
          i = k + 1;
        } else {
          const c = text[i]!;
          if (c === '"') {
            // `""` in a quoted cell is one quote; after spaces, a quote is another candidate end.
            if (state === AFTER_QUOTE) i++;
            state = QUOTED;
          } else if (c === delimiter) {
            state = OUT;
            i++;
          } else if (c === '\r' || c === '\n') lineEnd(i);
          else if (/\s/.test(c)) {
            state = AFTER_QUOTE_SPACE;
            i++;
          } else state = QUOTED;
        }
      }
      fieldStart = isBoundary(text[n - 1]!, delimiter);
      if (from === 0) return text;
      parts.push(text.slice(from));
      return parts.join('');
    },
    /** True when the text so far ends between rows or cells, not inside a quoted cell. */
    get outsideQuotes(): boolean {
      return state === OUT;
    },
  };
}

function isBoundary(c: string, delimiter: string): boolean {
  return c === delimiter || c === '\n' || c === '\r';
}
