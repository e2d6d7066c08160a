import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, zipStore } from './zip.ts';

const text = (s: string) => new TextEncoder().encode(s);

/** Reads a STORE-only archive back from its central directory, checking every field we write. */
function readBack(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  const centralSize = view.getUint32(end + 12, true);
  const centralStart = view.getUint32(end + 16, true);
  expect(centralStart + centralSize).toBe(end);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const out: { name: string; data: Uint8Array; crc: number }[] = [];
  let at = centralStart;
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    expect(view.getUint16(at + 8, true) & 0x0800).toBe(0x0800);
    expect(view.getUint16(at + 10, true)).toBe(0); // stored
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    expect(view.getUint32(local + 14, true)).toBe(crc);
    const localName = view.getUint16(local + 26, true);
    const start = local + 30 + localName + view.getUint16(local + 28, true);
    out.push({ name, data: zip.subarray(start, start + size), crc });
    at += 46 + nameLength;
  }
  return out;
}

describe('crc32', () => {
  it('gives the standard check values', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
    expect(crc32(text('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });
});

describe('zipStore', () => {
  const entries = [
    { name: 'aid-flow_2023-10-01_2026-11-29.csv', data: '\uFEFFDay,Trucks\r\n2025-01-01,12\r\n' },
    { name: 'README.txt', data: 'تدفق المساعدات — זרימת סיוע — Aid flow\n' },
    { name: 'data/empty.bin', data: new Uint8Array() },
    { name: 'data/bytes.bin', data: Uint8Array.from({ length: 300 }, (_, i) => i & 0xff) },
  ];
  const modified = new Date(2026, 10, 29, 13, 45, 58);
  const zip = zipStore(entries.map((e) => ({ ...e, modified })));

  it('holds every file, its UTF-8 name and its bytes, with the right CRC', () => {
    const files = readBack(zip);
    expect(files.map((f) => f.name)).toEqual(entries.map((e) => e.name));
    files.forEach((f, i) => {
      const want = entries[i]!.data;
      const bytes = typeof want === 'string' ? text(want) : want;
      expect([...f.data]).toEqual([...bytes]);
      expect(f.crc).toBe(crc32(bytes));
    });
  });

  it('is read and verified by the system unzip and by Python', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    try {
      const path = join(dir, 'test.zip');
      writeFileSync(path, zip);
      let checked = 0;
      if (spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0) {
        const out = execFileSync('unzip', ['-t', path], { encoding: 'utf8' });
        expect(out).toMatch(/No errors detected/);
        checked++;
      }
      if (spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0) {
        const script =
          'import sys,zipfile,json\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n' +
          'print(json.dumps([[i.filename,i.file_size,list(i.date_time)] for i in z.infolist()]))';
        const listed = JSON.parse(
          execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }),
        );
        expect(listed.map((l: unknown[]) => l[0])).toEqual(entries.map((e) => e.name));
        expect(listed[0][2]).toEqual([2026, 11, 29, 13, 45, 58]);
        checked++;
      }
      // The machine should have at least one of them; say so rather than pass silently.
      expect(checked, 'neither unzip nor python3 found to check the archive').toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses names that would escape or clash', () => {
    for (const name of ['', '/etc/passwd', '../up.txt', 'a/../../b', 'a\\b', 'bad\u0000name'])
      expect(() => zipStore([{ name, data: 'x' }])).toThrow(/Not a safe file name/);
    expect(() =>
      zipStore([
        { name: 'a.txt', data: 'x' },
        { name: 'a.txt', data: 'y' },
      ]),
    ).toThrow(/same name twice/);
  });

  it('an empty archive is just the end record', () => {
    expect([...zipStore([])]).toEqual([0x50, 0x4b, 5, 6, ...new Array(18).fill(0)]);
  });
});
