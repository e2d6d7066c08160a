import { describe, expect, it } from 'vitest';
import { createDecoder } from './decode.ts';

/** Decodes bytes given in the chunks listed. */
function decode(...chunks: (string | number[])[]): string {
  const decoder = createDecoder();
  let text = '';
  for (const c of chunks)
    text += decoder.push(typeof c === 'string' ? new TextEncoder().encode(c) : new Uint8Array(c));
  return text + decoder.end();
}

describe('decoding the bytes of a table', () => {
  it('reads tiny files as UTF-8, not as half a UTF-16 character', () => {
    expect(decode('')).toBe('');
    expect(decode('a')).toBe('a');
    expect(decode('#')).toBe('#');
    expect(decode([0xef, 0xbb, 0xbf])).toBe('');
  });

  it('drops one BOM and keeps a second one (it is text)', () => {
    expect(decode([0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0x61])).toBe('\uFEFFa');
    expect(decode([0xff, 0xfe, 0x61, 0])).toBe('a');
    expect(decode([0xfe, 0xff, 0, 0x61])).toBe('a');
  });

  it('tells UTF-16 without a BOM from its zero bytes, Arabic or not', () => {
    const units = (s: string) => [...s].map((c) => c.charCodeAt(0));
    const text = '#date,#loc+name\r\n2025-03-01,كرم أبو سالم\r\n';
    expect(decode(units(text).flatMap((u) => [u & 0xff, u >> 8]))).toBe(text);
    expect(decode(units(text).flatMap((u) => [u >> 8, u & 0xff]))).toBe(text);
  });

  it('names the line of the first byte that is not UTF-8, counted over earlier chunks', () => {
    const lines = 'a,b\r\n'.repeat(300); // 1.5 KB: the bad byte is in a later chunk
    expect(() => decode(lines, 'caf', [0xe9, 0x0a])).toThrow(
      /line 301 has the byte 0xE9 \(“é” in Windows-1252\)/,
    );
    expect(() => decode('a,b\n', [0x63, 0xc3])).toThrow(/line 2 ends in the middle of a character/);
  });

  it('calls NUL-riddled bytes binary, not a text encoding', () => {
    expect(() => decode([1, 2, 3, 0, 0, 0, 0, 7, 0, 9, 0xff, 0])).toThrow(/binary data.*CSV UTF-8/);
  });
});
