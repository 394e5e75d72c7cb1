/**
 * An .xlsx/.xlsm package unzipped by us, in the shape SheetJS's public `XLSX.parse_zip` reads
 * (`{ files: { [path]: { name, type, content } } }`), so SheetJS parses the XML without first
 * re-reading the zip in JavaScript (its byte-by-byte central directory walk, a path search per
 * entry) — inspectZip has already walked the archive and bounded it.
 *
 * Invariant: a package is only handed over when SheetJS's own unzip would see exactly the same
 * parts with the same bytes: one end-of-central-directory record and no archive comment, no zip64,
 * no encryption, no data descriptors, methods 0/8 only, local and central headers agreeing on
 * name and sizes, ASCII names without a leading "/" or "//", no duplicate names. Every entry is
 * inflated (natively, from its data to the end of its deflate stream, as SheetJS does), so a
 * broken entry fails the read exactly as before. Otherwise the answer is undefined and the caller
 * gives SheetJS the bytes (`XLSX.read`).
 */
import * as zlib from "node:zlib";
import type { ZipEntryInfo } from "./inspectZip";
import type { ReadLimits } from "./readLimits";
import { WorkbookReadError } from "./workbookReadError";

export interface SheetJsZipFile {
  name: string;
  /** 2: a file, as SheetJS's own container marks them. */
  type: number;
  content: Buffer;
}

export type SheetJsZipFiles = Record<string, SheetJsZipFile>;

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

function asciiName(buf: Buffer, start: number, length: number): string | undefined {
  for (let i = start; i < start + length; i++) if (buf[i] >= 0x80) return undefined;
  return buf.toString("latin1", start, start + length);
}

/** The parts of the package, or undefined when SheetJS must unzip it itself (see the invariant). */
export function sheetJsPackage(
  buf: Buffer,
  entries: ZipEntryInfo[],
  fileName: string,
  limits: ReadLimits,
): SheetJsZipFiles | undefined {
  // SheetJS takes the last EOCD signature in the file; with no comment that is the record itself.
  const eocd = buf.length - 22;
  if (eocd < 0 || buf.lastIndexOf(EOCD) !== eocd) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  if (count !== buf.readUInt16LE(eocd + 8) || count !== entries.length || count === 0xffff) return undefined;
  const files: SheetJsZipFiles = Object.create(null) as SheetJsZipFiles;
  for (const e of entries) {
    const at = e.localHeaderOffset;
    const flags = buf.readUInt16LE(at + 6);
    const method = buf.readUInt16LE(at + 8);
    const csz = buf.readUInt32LE(at + 18);
    const usz = buf.readUInt32LE(at + 22);
    const nameLen = buf.readUInt16LE(at + 26);
    const extraLen = buf.readUInt16LE(at + 28);
    if (flags & 0x2049 || method !== e.method || (method !== 0 && method !== 8)) return undefined;
    if (csz !== e.compressedSize || usz !== e.inflatedSize || csz === 0xffffffff || usz === 0xffffffff)
      return undefined;
    const name = asciiName(buf, at + 30, nameLen);
    if (name === undefined || name !== e.name || name.startsWith("/") || name.includes("//") || name in files)
      return undefined;
    const start = at + 30 + nameLen + extraLen;
    if (start > buf.length) return undefined;
    let content: Buffer;
    if (method === 0) content = buf.subarray(start, start + csz);
    else {
      try {
        content = zlib.inflateRawSync(buf.subarray(start), { maxOutputLength: limits.maxInflatedBytes });
      } catch {
        throw new WorkbookReadError("corrupt", fileName);
      }
    }
    files[name] = { name, type: 2, content };
  }
  return files;
}
