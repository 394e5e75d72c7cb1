/**
 * Looks at a zip's central directory before anything inflates it, and refuses archives that would
 * cost absurd memory: SheetJS inflates every entry eagerly and without a bound, and it inflates
 * from the entry's start to the end of the deflate stream, whatever sizes the headers declare.
 *
 * Invariant: when inspectZip returns, the real inflated size of every deflated entry is at most
 * limits.maxInflatedBytes in total. Declared sizes are checked first (cheap); when the bytes
 * present could inflate past the budget (deflate expands at most ~1032:1), the entry is really
 * inflated with a bounded output to check it, which only happens for files over ~250 KB.
 */
import * as zlib from "node:zlib";
import type { ReadLimits } from "./readLimits";
import { WorkbookReadError } from "./workbookReadError";

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  inflatedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CD_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_DEFLATE_RATIO = 1032;
const MAX_ENTRIES = 20_000;

function findEocd(buf: Buffer): number {
  // The comment after the EOCD record is at most 65,535 bytes.
  const stop = Math.max(0, buf.length - 22 - 65_535);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) return i;
  }
  return -1;
}

function readZip64Extra(extra: Buffer, e: { usz: number; csz: number; off: number }): void {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const take = (): number => {
        if (q + 8 > p + 4 + size) return -1;
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (e.usz === 0xffffffff) e.usz = take();
      if (e.csz === 0xffffffff) e.csz = take();
      if (e.off === 0xffffffff) e.off = take();
      return;
    }
    p += 4 + size;
  }
}

/** Lists the entries of a zip; throws WorkbookReadError for corrupt, encrypted and bomb archives. */
export function inspectZip(buf: Buffer, fileName: string, limits: ReadLimits): ZipEntryInfo[] {
  const corrupt = () => new WorkbookReadError("corrupt", fileName);
  const eocd = findEocd(buf);
  if (eocd < 0) throw corrupt();
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== ZIP64_LOCATOR_SIG) throw corrupt();
    const z64 = Number(buf.readBigUInt64LE(loc + 8));
    if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== ZIP64_EOCD_SIG) throw corrupt();
    count = Number(buf.readBigUInt64LE(z64 + 32));
    cdSize = Number(buf.readBigUInt64LE(z64 + 40));
    cdOffset = Number(buf.readBigUInt64LE(z64 + 48));
  }
  if (count > MAX_ENTRIES) throw new WorkbookReadError("zip-bomb", fileName, { inflated: 0 });
  if (cdOffset + cdSize > buf.length) throw corrupt();

  const entries: ZipEntryInfo[] = [];
  let declaredTotal = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CD_SIG) throw corrupt();
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const e = { csz: buf.readUInt32LE(p + 20), usz: buf.readUInt32LE(p + 24), off: buf.readUInt32LE(p + 42) };
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen + extraLen > buf.length) throw corrupt();
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    readZip64Extra(buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), e);
    if (e.csz < 0 || e.usz < 0 || e.off < 0) throw corrupt();
    if (e.off + 30 > buf.length || buf.readUInt32LE(e.off) !== LOCAL_SIG) throw corrupt();
    entries.push({
      name,
      method,
      compressedSize: e.csz,
      inflatedSize: e.usz,
      localHeaderOffset: e.off,
      encrypted: (flags & 0x41) !== 0,
    });
    declaredTotal += e.usz;
    const ratio = e.usz / Math.max(1, e.csz);
    if (e.usz > limits.ratioFloorBytes && ratio > limits.maxRatio) {
      throw new WorkbookReadError("zip-bomb", fileName, { inflated: declaredTotal });
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (declaredTotal > limits.maxInflatedBytes) {
    throw new WorkbookReadError("zip-bomb", fileName, { inflated: declaredTotal });
  }
  if (entries.some((x) => x.encrypted)) throw new WorkbookReadError("encrypted", fileName);
  verifyRealInflatedSizes(buf, fileName, entries, limits);
  return entries;
}

/** Headers can lie; where the bytes present could exceed the budget, inflate with a bound to see. */
function verifyRealInflatedSizes(
  buf: Buffer,
  fileName: string,
  entries: ZipEntryInfo[],
  limits: ReadLimits,
): void {
  let used = 0;
  for (const e of entries) {
    const nameLen = buf.readUInt16LE(e.localHeaderOffset + 26);
    const extraLen = buf.readUInt16LE(e.localHeaderOffset + 28);
    const start = e.localHeaderOffset + 30 + nameLen + extraLen;
    if (start > buf.length) throw new WorkbookReadError("corrupt", fileName);
    if (e.method !== 8) {
      used += Math.min(e.compressedSize, buf.length - start);
      continue;
    }
    const budget = limits.maxInflatedBytes - used;
    if ((buf.length - start) * MAX_DEFLATE_RATIO <= budget) {
      used += Math.min(e.inflatedSize, budget);
      continue;
    }
    try {
      // Inflate like SheetJS does: from the entry's start to the end of its deflate stream.
      used += zlib.inflateRawSync(buf.subarray(start), { maxOutputLength: Math.max(1, budget) }).length;
    } catch (err) {
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
        throw new WorkbookReadError("zip-bomb", fileName, { inflated: limits.maxInflatedBytes + 1 });
      }
      throw new WorkbookReadError("corrupt", fileName);
    }
  }
}

/** One entry's bytes, inflated from its data to the end of its deflate stream (as SheetJS does). */
export function inflateZipEntry(buf: Buffer, e: ZipEntryInfo, fileName: string, maxBytes: number): Buffer {
  const nameLen = buf.readUInt16LE(e.localHeaderOffset + 26);
  const extraLen = buf.readUInt16LE(e.localHeaderOffset + 28);
  const start = e.localHeaderOffset + 30 + nameLen + extraLen;
  if (e.method === 0) return buf.subarray(start, start + e.compressedSize);
  try {
    return zlib.inflateRawSync(buf.subarray(start), { maxOutputLength: Math.max(1, maxBytes) });
  } catch {
    throw new WorkbookReadError("corrupt", fileName);
  }
}
