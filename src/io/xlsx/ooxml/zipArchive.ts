/**
 * Minimal zip reading and writing with node:zlib, for post-processing the .xlsx files SheetJS
 * writes (and for building test archives). Not a general zip library: no zip64 writing, no
 * encryption, names stored as UTF-8.
 *
 * Invariant: writeZip(readZip(b)) holds the same entries, names and bytes in the same order; every
 * entry written carries its true CRC-32 and sizes in both the local header and the central directory.
 */
import * as zlib from "node:zlib";
import { defaultReadLimits } from "../readLimits";
import { inspectZip } from "../inspectZip";

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** An entry to write: text parts may stay strings until they are packed (encoded as UTF-8 then). */
export interface PackagePart {
  name: string;
  data: Buffer | string;
}

/** Entries in archive order. Bounded by the reader's limits (the archive may come from outside). */
export function readZip(buf: Buffer, fileName = "archive.zip"): ZipEntry[] {
  const infos = inspectZip(buf, fileName, defaultReadLimits);
  return infos.map((e) => {
    const nameLen = buf.readUInt16LE(e.localHeaderOffset + 26);
    const extraLen = buf.readUInt16LE(e.localHeaderOffset + 28);
    const start = e.localHeaderOffset + 30 + nameLen + extraLen;
    const raw = buf.subarray(start, start + e.compressedSize);
    const data = e.method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw);
    return { name: e.name, data };
  });
}

export interface RawZipEntry {
  name: string;
  /** Bytes as stored (already deflated when method is 8). */
  stored: Buffer;
  method: 0 | 8;
  crc: number;
  inflatedSize: number;
  /** Sizes to declare instead of the true ones (only test fixtures lie). */
  declaredInflatedSize?: number;
  declaredCompressedSize?: number;
  flags?: number;
}

export function deflateEntry(name: string, data: Buffer, level = 6): RawZipEntry {
  const deflated = zlib.deflateRawSync(data, { level });
  const store = deflated.length >= data.length;
  return {
    name,
    stored: store ? data : deflated,
    method: store ? 0 : 8,
    crc: zlib.crc32(data),
    inflatedSize: data.length,
  };
}

export function writeZip(entries: readonly PackagePart[], level = 6): Buffer {
  return writeRawZip(
    entries.map((e) =>
      deflateEntry(e.name, typeof e.data === "string" ? Buffer.from(e.data, "utf8") : e.data, level),
    ),
  );
}

const DOS_DATE_1980 = 0x0021; // 1980-01-01: fixed, so the same content gives the same bytes.

/**
 * The run of fields a local header and its central-directory record share, in the same order:
 * flags, method, time (0), date, CRC, compressed and inflated sizes, name length.
 */
function writeSharedFields(
  buf: Buffer,
  at: number,
  f: { flags: number; method: number; crc: number; csz: number; usz: number; nameLength: number },
): void {
  buf.writeUInt16LE(f.flags, at);
  buf.writeUInt16LE(f.method, at + 2);
  buf.writeUInt16LE(0, at + 4);
  buf.writeUInt16LE(DOS_DATE_1980, at + 6);
  buf.writeUInt32LE(f.crc >>> 0, at + 8);
  buf.writeUInt32LE(f.csz >>> 0, at + 12);
  buf.writeUInt32LE(f.usz >>> 0, at + 16);
  buf.writeUInt16LE(f.nameLength, at + 20);
}

export function writeRawZip(entries: RawZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const csz = e.declaredCompressedSize ?? e.stored.length;
    const usz = e.declaredInflatedSize ?? e.inflatedSize;
    const flags = (e.flags ?? 0) | 0x0800; // UTF-8 names
    const common = { flags, method: e.method, crc: e.crc, csz, usz, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    writeSharedFields(local, 6, common); // extra field length (28) stays 0
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4); // version made by
    cd.writeUInt16LE(20, 6); // version needed
    writeSharedFields(cd, 8, common);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, name, e.stored);
    central.push(cd, name);
    offset += 30 + name.length + e.stored.length;
  }
  const cdBuf = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cdBuf, eocd]);
}
