import { TableError } from './ingest.ts';

/** How to fix a file that is not CSV text, said once for every message. */
export const SAVE_AS_CSV =
  'save the sheet as “CSV UTF-8 (Comma delimited)” (Excel: File › Save As; LibreOffice: Text CSV, character set Unicode (UTF-8))';

/** Bytes looked at before the encoding is chosen (a BOM, a file signature, a NUL pattern). */
const SNIFF = 1024;

type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * Turns the bytes of a table, arriving in chunks, into text. The encoding is chosen from the
 * first bytes: a UTF-8 or UTF-16 byte-order mark (dropped), else UTF-16 told by its NUL bytes
 * (ASCII text in UTF-16 has a zero byte in every other place), else UTF-8. Decoding is strict:
 * a byte that is not UTF-8 (a Windows-1252 “é”) stops the file with a TableError naming the
 * line and how to save the file as UTF-8, rather than reading on with U+FFFD in place of
 * letters. A character split between two chunks is decoded whole. Nothing is returned until
 * `sniffBytes` have come (or the end).
 */
export function createDecoder(sniffBytes = SNIFF) {
  let head: Uint8Array | undefined = new Uint8Array(0);
  let decoder: TextDecoder | undefined;
  let encoding: TextEncoding = 'utf-8';
  let lineBreaks = 0;

  function start(sample: Uint8Array) {
    encoding = chooseEncoding(sample);
    decoder = new TextDecoder(encoding, { fatal: true });
  }

  function decode(bytes: Uint8Array | undefined, stream: boolean): string {
    try {
      const text = decoder!.decode(bytes, { stream });
      if (bytes && encoding === 'utf-8') lineBreaks += countLineBreaks(bytes, bytes.length);
      return text;
    } catch {
      throw new TableError(
        encoding === 'utf-8'
          ? notUtf8(bytes ?? new Uint8Array(0), lineBreaks)
          : `is not valid ${encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} text (it has half a character); ${SAVE_AS_CSV}`,
      );
    }
  }

  return {
    /** Adds bytes; returns the text they complete. Throws TableError for what is not text. */
    push(bytes: Uint8Array): string {
      if (head) {
        head = concat(head, bytes);
        if (head.length < sniffBytes) return '';
        [bytes, head] = [head, undefined];
        start(bytes);
      }
      return decode(bytes, true);
    },
    /** The text left when the bytes have ended. */
    end(): string {
      let text = '';
      if (head) {
        start(head);
        text = decode(head, true);
        head = undefined;
      }
      return text + decode(undefined, false);
    },
  };
}

/** Signatures of files people drop by mistake, and what to call them. */
const SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'is an Excel workbook (.xlsx) or another zip archive'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'is an old Excel workbook (.xls)'],
  [[0x25, 0x50, 0x44, 0x46], 'is a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'is a PNG image'],
  [[0xff, 0xd8, 0xff], 'is a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'is a GIF image'],
  [[0x1f, 0x8b], 'is a compressed (gzip) file'],
];

function chooseEncoding(b: Uint8Array): TextEncoding {
  const starts = (sig: readonly number[]) => sig.every((byte, i) => b[i] === byte);
  if (starts([0xef, 0xbb, 0xbf])) return 'utf-8';
  if (starts([0xff, 0xfe])) return 'utf-16le';
  if (starts([0xfe, 0xff])) return 'utf-16be';
  for (const [sig, what] of SIGNATURES)
    if (starts(sig)) throw new TableError(`${what}, not a CSV file: ${SAVE_AS_CSV}`);
  const pairs = Math.floor(Math.min(b.length, SNIFF) / 2);
  let zeroEven = 0;
  let zeroOdd = 0;
  let control = 0;
  for (let i = 0; i < pairs * 2; i++) {
    if (b[i] === 0) {
      if (i % 2) zeroOdd++;
      else zeroEven++;
    } else if (b[i]! < 32 && b[i] !== 9 && b[i] !== 10 && b[i] !== 13) control++;
  }
  // ASCII letters, digits and separators in UTF-16 put a zero on one side of each pair.
  if (zeroOdd > 0 && zeroOdd >= pairs / 4 && zeroEven * 10 <= zeroOdd) return 'utf-16le';
  if (zeroEven > 0 && zeroEven >= pairs / 4 && zeroOdd * 10 <= zeroEven) return 'utf-16be';
  if (zeroEven + zeroOdd > 0 || control > pairs / 10)
    throw new TableError(`is not a CSV file (it contains binary data): ${SAVE_AS_CSV}`);
  return 'utf-8';
}

/** The message for bytes that are not UTF-8, naming the line and the first bad byte. */
function notUtf8(bytes: Uint8Array, linesBefore: number): string {
  const at = firstInvalidUtf8(bytes);
  const line = linesBefore + countLineBreaks(bytes, at) + 1;
  const byte = bytes[at];
  const shown =
    byte === undefined
      ? 'ends in the middle of a character'
      : `has the byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} (“${new TextDecoder('windows-1252').decode(bytes.subarray(at, at + 1))}” in Windows-1252)`;
  return `is not UTF-8 text: line ${line} ${shown}, so it was probably saved in an older encoding such as Windows-1252; ${SAVE_AS_CSV}`;
}

/** Where the first byte that cannot start or continue a UTF-8 character is (or the end). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length && (b[i]! & 0xc0) === 0x80) i++; // the tail of a character begun earlier
  while (i < b.length) {
    const c = b[i]!;
    const more =
      c < 0x80
        ? 0
        : c >= 0xc2 && c < 0xe0
          ? 1
          : c >= 0xe0 && c < 0xf0
            ? 2
            : c < 0xf5 && c >= 0xf0
              ? 3
              : -1;
    if (more < 0) return i;
    for (let k = 1; k <= more && i + k < b.length; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += more + 1;
  }
  return b.length;
}

/** Line breaks (LF, CRLF or a lone CR) in the first `end` bytes; a CRLF split across chunks may count twice. */
function countLineBreaks(b: Uint8Array, end: number): number {
  let n = 0;
  for (let i = b.indexOf(10); i >= 0 && i < end; i = b.indexOf(10, i + 1)) n++;
  for (let i = b.indexOf(13); i >= 0 && i < end; i = b.indexOf(13, i + 1)) if (b[i + 1] !== 10) n++;
  return n;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
