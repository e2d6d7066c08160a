/**
 * A small ZIP writer, STORE only (no compression): enough to hand a CSV and its README over as
 * one download without a dependency. PKWARE APPNOTE 6.3: a local header before each file, then
 * the central directory and its end record; names in UTF-8 (general-purpose flag bit 11).
 * No ZIP64: more than 65 535 files or 4 GiB is refused with a clear error.
 */

export interface ZipEntry {
  /** A path inside the archive, "/" separated; no leading "/" and no "..". */
  name: string;
  data: Uint8Array | string;
  /** The file's modification time (local time, as ZIP stores it); default now. */
  modified?: Date;
}

const UTF8_NAMES = 0x0800;
const VERSION = 20; // 2.0: the minimum readers expect for any archive with folders
const MAX_U32 = 0xffff_ffff;

let table: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) as ZIP uses it. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb8_8320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffff_ffff;
  for (const byte of bytes) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffff_ffff) >>> 0;
}

/** MS-DOS time and date: 2-second steps, years 1980–2107 (clamped). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, date.getFullYear()));
  const early = date.getFullYear() < 1980;
  return {
    time: early
      ? 0
      : (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: early
      ? (1 << 5) | 1
      : ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

function checkName(name: string): void {
  if (
    name === '' ||
    name.startsWith('/') ||
    name.includes('\\') ||
    name.split('/').some((part) => part === '..' || part === '.') ||
    [...name].some((c) => c.charCodeAt(0) < 0x20)
  )
    throw new Error(`Not a safe file name inside a ZIP: ${JSON.stringify(name)}`);
}

/** The archive's bytes, files in the order given. */
export function zipStore(entries: readonly ZipEntry[]): Uint8Array<ArrayBuffer> {
  if (entries.length > 0xffff) throw new Error('Too many files for a ZIP without ZIP64');
  const encoder = new TextEncoder();
  const seen = new Set<string>();
  const files = entries.map((entry) => {
    checkName(entry.name);
    if (seen.has(entry.name)) throw new Error(`The same name twice in a ZIP: ${entry.name}`);
    seen.add(entry.name);
    const name = encoder.encode(entry.name);
    const data = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data;
    if (data.length > MAX_U32) throw new Error(`Too large for a ZIP without ZIP64: ${entry.name}`);
    if (name.length > 0xffff) throw new Error('A file name too long for a ZIP');
    return { name, data, crc: crc32(data), when: dosDateTime(entry.modified ?? new Date()) };
  });

  const localSize = files.reduce((sum, f) => sum + 30 + f.name.length + f.data.length, 0);
  const centralSize = files.reduce((sum, f) => sum + 46 + f.name.length, 0);
  if (localSize + centralSize + 22 > MAX_U32) throw new Error('Too large for a ZIP without ZIP64');
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (value: number) => {
    view.setUint16(at, value, true);
    at += 2;
  };
  const u32 = (value: number) => {
    view.setUint32(at, value >>> 0, true);
    at += 4;
  };
  const bytes = (value: Uint8Array) => {
    out.set(value, at);
    at += value.length;
  };

  const offsets: number[] = [];
  for (const f of files) {
    offsets.push(at);
    u32(0x0403_4b50); // local file header
    u16(VERSION);
    u16(UTF8_NAMES);
    u16(0); // stored
    u16(f.when.time);
    u16(f.when.date);
    u32(f.crc);
    u32(f.data.length); // compressed size = size (stored)
    u32(f.data.length);
    u16(f.name.length);
    u16(0); // no extra field
    bytes(f.name);
    bytes(f.data);
  }
  const centralStart = at;
  files.forEach((f, i) => {
    u32(0x0201_4b50); // central directory header
    u16(VERSION); // made by: MS-DOS attributes, version 2.0
    u16(VERSION);
    u16(UTF8_NAMES);
    u16(0);
    u16(f.when.time);
    u16(f.when.date);
    u32(f.crc);
    u32(f.data.length);
    u32(f.data.length);
    u16(f.name.length);
    u16(0); // extra
    u16(0); // comment
    u16(0); // disk number
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[i]!);
    bytes(f.name);
  });
  const centralLength = at - centralStart;
  u32(0x0605_4b50); // end of central directory
  u16(0);
  u16(0);
  u16(files.length);
  u16(files.length);
  u32(centralLength);
  u32(centralStart);
  u16(0); // no comment
  return out;
}
