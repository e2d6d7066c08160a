import { describe, expect, it } from 'vitest';
import { createCsvStream } from './csv-stream.ts';

/** Rows read from text given in the pieces listed, the delimiter chosen after the first. */
function rows(...pieces: string[]): string[][] {
  const csv = createCsvStream(pieces[0]!.length);
  return [...pieces.flatMap((p) => csv.push(p)), ...csv.end()];
}
const HEAD = '#date,#loc\r\n';

describe('CSV rows across pieces', () => {
  it('a CRLF split between pieces is one line end; a CRLF then an LF is a blank row', () => {
    expect(rows(HEAD, 'a,b\r', '\nc,d')).toEqual([
      ['#date', '#loc'],
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(rows(HEAD, 'a,b\r\n', '\nc,d')).toEqual([
      ['#date', '#loc'],
      ['a', 'b'],
      [''],
      ['c', 'd'],
    ]);
    expect(rows(HEAD, 'a,b\r', '\r\nc,d\r')).toEqual([
      ['#date', '#loc'],
      ['a', 'b'],
      [''],
      ['c', 'd'],
    ]);
  });

  it('a quoted cell keeps its line breaks as written, whatever the pieces', () => {
    expect(rows(HEAD, '"x\r', '\ny",z\r', 'p,"q\r', '"\n')).toEqual([
      ['#date', '#loc'],
      ['x\r\ny', 'z'],
      ['p', 'q\r'],
    ]);
  });

  it('a quote inside a cell that does not begin with one is text, also at a piece boundary', () => {
    expect(rows(HEAD, '12', '" pipe,b\r', 'c,d')).toEqual([
      ['#date', '#loc'],
      ['12" pipe', 'b'],
      ['c', 'd'],
    ]);
  });
});
