import { describe, expect, it } from 'vitest';
import { demoTheatre } from '../../../../test/adapters/theatre.ts';
import { theatreRef } from './open-table.ts';
import { readHxlStream, readHxlText } from './read-hxl.ts';

/** Files as people really save them (issue 10, item 1): line ends, title rows, encodings. */
const theatre = theatreRef(demoTheatre);
const read = (input: string | Uint8Array) =>
  readHxlText(input, theatre, { sourceId: 'file', dataset: 'aid-flow' });

const HEAD = ['Date,Crossing,Trucks,Note', '#date,#loc+name,#indicator+num+trucks,#meta+note'];
/** n data rows, each naming its own truck count so merged or lost rows show. */
const dataRows = (n: number, sep = ',') =>
  Array.from({ length: n }, (_, i) => ['2025-03-01', 'Rafah', String(i + 1), 'ok'].join(sep));
const trucks = (records: unknown[]) => records.map((r) => (r as { trucks: number }).trucks);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = (bom ? '\uFEFF' : '') + text;
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (order === 'le' ? 0 : 1)] = u & 0xff;
    out[2 * i + (order === 'le' ? 1 : 0)] = u >> 8;
  }
  return out;
}

const utf8Bom = (text: string) =>
  new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);

describe('line ends', () => {
  it('an LF file with one CRLF inside a quoted cell reads every row, the CRLF kept in its cell', async () => {
    const rows = dataRows(5);
    rows[2] = '2025-03-01,Rafah,3,"held\r\nat the gate"';
    const { summary, records, issues } = await read(`${[...HEAD, ...rows].join('\n')}\n`);
    expect(issues).toEqual([]);
    expect(summary).toMatchObject({ rowsRead: 5, accepted: 5, hashtagRow: 2 });
    expect(trucks(records)).toEqual(range(5));
  });

  it('mixed CRLF and LF rows are never merged: 12 rows read as 12', async () => {
    const lines = [...HEAD, ...dataRows(12)];
    const text = lines.map((l, i) => l + (i % 3 === 0 ? '\n' : '\r\n')).join('');
    const { summary, records } = await read(text);
    expect(summary).toMatchObject({ rowsRead: 12, accepted: 12 });
    expect(trucks(records)).toEqual(range(12));
  });

  it('old Mac files (CR alone) and a mix of all three', async () => {
    const lines = [...HEAD, ...dataRows(9)];
    expect(trucks((await read(lines.join('\r'))).records)).toEqual(range(9));
    const ends = ['\r', '\n', '\r\n'];
    const mixed = lines.map((l, i) => l + ends[i % 3]).join('');
    expect(trucks((await read(mixed)).records)).toEqual(range(9));
  });
});

describe('title rows above the headers', () => {
  it.each([
    ['a title beginning with #', '#GazaAid weekly figures'],
    ['a title that is one hashtag, padded by Excel', '#GazaAid;;;'],
    ['a quoted title holding a line break', '"#GazaAid\nweekly; provisional"'],
  ])('%s does not break a semicolon-separated file', async (_label, title) => {
    const lines = [title, ...HEAD.map((l) => l.replaceAll(',', ';')), ...dataRows(4, ';')];
    const { summary, records, issues } = await read(`${lines.join('\r\n')}\r\n`);
    expect(issues).toEqual([]);
    expect(summary).toMatchObject({ rowsRead: 4, accepted: 4, hashtagRow: 3 });
    expect(trucks(records)).toEqual(range(4));
  });
});

describe('messages', () => {
  it('a quote never closed does not swallow the rows after it in silence', async () => {
    const rows = dataRows(6);
    rows[1] = '2025-03-01,Rafah,2,"held at the gate';
    const error = String(await read(`${[...HEAD, ...rows].join('\n')}\n`).catch((e: unknown) => e));
    expect(error).toMatch(
      /row 4 opens a quote that is never closed \(“"held at the gate”\), so the 4 lines after it/,
    );
  });

  it('a hashtag row quoted whole in a semicolon file is not told to use semicolons', async () => {
    const text = '"#date;#loc+name;#indicator+trucks"\n2025-03-01;Rafah;4\n';
    const error = String(await read(text).catch((e: unknown) => e));
    expect(error).toMatch(/separated by “;” but it was read as one cell/);
    expect(error).not.toMatch(/save it as .*semicolon/);
  });
});

describe('encodings', () => {
  const excelUnicodeText = `${[...HEAD, ...dataRows(3)].join('\r\n').replaceAll(',', '\t')}\r\n`;

  it.each([
    ['UTF-16 LE with BOM (Excel “Unicode Text”)', utf16(excelUnicodeText, 'le')],
    ['UTF-16 BE with BOM', utf16(excelUnicodeText, 'be')],
    ['UTF-16 LE without BOM', utf16(excelUnicodeText, 'le', false)],
    ['UTF-16 BE without BOM', utf16(excelUnicodeText, 'be', false)],
  ])('reads %s', async (_label, bytes) => {
    const { summary, records } = await read(bytes);
    expect(summary).toMatchObject({ rowsRead: 3, accepted: 3 });
    expect(trucks(records)).toEqual(range(3));
  });

  it('reads byte by byte: UTF-16 code units, CRLF and a BOM split between chunks, Arabic kept', async () => {
    const text = `${HEAD.join('\r\n')}\r\n2025-03-01,كرم أبو سالم,7,ok\r\n2025-03-02,Rafah,8,ok\r\n`;
    for (const bytes of [utf16(text, 'le'), utf16(text, 'be'), utf8Bom(text)]) {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i++) controller.enqueue(bytes.subarray(i, i + 1));
          controller.close();
        },
      });
      const records: unknown[] = [];
      const summary = await readHxlStream(
        stream,
        bytes.length,
        theatre,
        { sourceId: 'file', dataset: 'aid-flow' },
        (batch) => records.push(...batch.records),
      );
      expect(summary).toMatchObject({ rowsRead: 2, accepted: 2, blankRows: 0 });
      expect(records).toMatchObject([{ crossingId: 'kerem-shalom', trucks: 7 }, { trucks: 8 }]);
    }
  });

  it('names the encoding of a Windows-1252 file and says how to save it as UTF-8', async () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode(`${HEAD.join('\n')}\n2025-03-01,Rafah,4,caf`),
      0xe9,
      0x0a,
    ]);
    await expect(read(latin1)).rejects.toThrow(/not UTF-8 .*line 3.*Windows-1252.*CSV UTF-8/s);
  });

  it.each([
    ['an Excel workbook (.xlsx)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0], /Excel workbook/],
    ['an old Excel workbook (.xls)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], /Excel/],
    ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], /image/],
    ['a PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], /PDF/],
  ])('says what %s looks like and how to save it as CSV', async (_label, bytes, kind) => {
    const error = await read(new Uint8Array([...bytes, ...new Uint8Array(64)])).catch(
      (e: unknown) => e,
    );
    expect(String(error)).toMatch(kind);
    expect(String(error)).toMatch(/CSV UTF-8/);
  });
});
