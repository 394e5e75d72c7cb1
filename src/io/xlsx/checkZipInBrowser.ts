/**
 * The browser's counterpart of inspectZip (which needs node:zlib): before SheetJS sees a zip, list
 * its central directory and inflate every deflated entry with the platform's own inflater
 * (DecompressionStream), bounded. SheetJS's pure-JS inflater loops forever on some corrupt deflate
 * data (test/fixtures/bad/corrupt-zip.xlsx froze the tab) and inflates bombs without a bound.
 * Invariant: it resolves with the entry names and the package's kind only when every entry inflated cleanly within
 * limits.maxInflatedBytes in total (and large sheets hold at most limits.maxCells cells); otherwise
 * it rejects with the same WorkbookReadError codes as
 * the Node reader (corrupt, encrypted, zip-bomb).
 */
import { odsRepeatedCellCount } from "./odsRepeatedCells";
import type { ReadLimits } from "./readLimits";
import { WorkbookReadError } from "./workbookReadError";
import {
  MAX_SMALL_PART_BYTES,
  packageKindOfParts,
  partName,
  SMALL_PARTS,
  type ZipPackageKind,
} from "./zipPackageParts";

const EOCD_SIG = 0x06054b50;
const CD_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_ENTRIES = 20_000;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  inflatedSize: number;
  offset: number;
  encrypted: boolean;
}

function listEntries(bytes: Uint8Array, fileName: string, limits: ReadLimits): Entry[] {
  const corrupt = () => new WorkbookReadError("corrupt", fileName);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (p: number) => view.getUint16(p, true);
  const u32 = (p: number) => view.getUint32(p, true);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (u32(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const count = u16(eocd + 10);
  const cdSize = u32(eocd + 12);
  const cdOffset = u32(eocd + 16);
  // Zip64 archives are not what a commune saves; the Node reader handles them, here they are refused.
  if (cdOffset === 0xffffffff || count === 0xffff) throw corrupt();
  if (count > MAX_ENTRIES) throw new WorkbookReadError("zip-bomb", fileName, { inflated: 0 });
  if (cdOffset + cdSize > bytes.length) throw corrupt();
  const decoder = new TextDecoder("utf-8");
  const entries: Entry[] = [];
  let declared = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(p) !== CD_SIG) throw corrupt();
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    const commentLen = u16(p + 32);
    if (p + 46 + nameLen + extraLen > bytes.length) throw corrupt();
    const e: Entry = {
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: u16(p + 10),
      compressedSize: u32(p + 20),
      inflatedSize: u32(p + 24),
      offset: u32(p + 42),
      encrypted: (u16(p + 8) & 0x41) !== 0,
    };
    if (e.offset + 30 > bytes.length || u32(e.offset) !== LOCAL_SIG) throw corrupt();
    declared += e.inflatedSize;
    const ratio = e.inflatedSize / Math.max(1, e.compressedSize);
    if (e.inflatedSize > limits.ratioFloorBytes && ratio > limits.maxRatio)
      throw new WorkbookReadError("zip-bomb", fileName, { inflated: declared });
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (declared > limits.maxInflatedBytes)
    throw new WorkbookReadError("zip-bomb", fileName, { inflated: declared });
  if (entries.some((x) => x.encrypted)) throw new WorkbookReadError("encrypted", fileName);
  return entries;
}

/** Counts "<c " "<c>" "<c/>" (or ODS's "<table:table-cell") across chunk boundaries. */
class CellTagCounter {
  count = 0;
  private carry = new Uint8Array(0);
  constructor(private readonly tag: Uint8Array) {}
  add(chunk: Uint8Array): void {
    const data = new Uint8Array(this.carry.length + chunk.length);
    data.set(this.carry);
    data.set(chunk, this.carry.length);
    const t = this.tag;
    const last = data.length - t.length - 1;
    for (let i = data.indexOf(t[0]); i >= 0 && i <= last; i = data.indexOf(t[0], i + 1)) {
      let k = 1;
      while (k < t.length && data[i + k] === t[k]) k++;
      const next = data[i + t.length];
      if (k === t.length && (next === 0x20 || next === 0x3e || next === 0x2f)) this.count++;
    }
    this.carry = data.subarray(Math.max(0, last + 1));
  }
}

/** Inflates one raw deflate stream, giving up past `budget` bytes; returns the bytes produced. */
async function inflatedLength(
  data: Uint8Array,
  budget: number,
  cells?: CellTagCounter,
  keep?: Uint8Array[],
): Promise<number> {
  // slice(): a copy on a plain ArrayBuffer, which Blob needs.
  const stream = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return total;
    total += value.byteLength;
    cells?.add(value);
    keep?.push(value);
    if (total > budget) {
      await reader.cancel();
      return total;
    }
  }
}

export interface CheckedZip {
  /** Entry names as the archive writes them. */
  names: string[];
  /** What the package is, found through its own relationships (zipPackageParts). */
  kind: ZipPackageKind;
}

/**
 * A sound zip's entry names and kind (see the invariant above). `onProgress` hears the share of
 * the archive's bytes checked so far, for a progress bar on large files.
 */
export async function checkZipInBrowser(
  bytes: Uint8Array,
  fileName: string,
  limits: ReadLimits,
  onProgress?: (done: number) => void,
): Promise<CheckedZip> {
  const entries = listEntries(bytes, fileName, limits);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // As the Node reader does: only when the sheets are large, count their cells before SheetJS
  // builds an object per cell (a million cells cost it minutes in a browser). Every XML part counts,
  // not only xl/worksheets/: a package may keep its sheets anywhere (minimal_package.xlsx).
  const isSheet = (e: Entry) => /\.xml$/i.test(partName(e.name));
  const sheetBytes = entries.filter(isSheet).reduce((n, e) => n + e.inflatedSize, 0);
  const countCells = sheetBytes > limits.maxCells * 16;
  const encoder = new TextEncoder();
  const small = new Map<string, string>();
  const decoder = new TextDecoder("utf-8");
  let cells = 0;
  let used = 0;
  let checked = 0;
  for (const e of entries) {
    const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
    if (start > bytes.length) throw new WorkbookReadError("corrupt", fileName);
    const part = partName(e.name);
    const isContent = part === "content.xml";
    const keep =
      isContent || (SMALL_PARTS.includes(part) && e.inflatedSize <= MAX_SMALL_PART_BYTES) ? [] : undefined;
    checked += e.compressedSize;
    onProgress?.(Math.min(1, checked / Math.max(1, bytes.length)));
    if (e.method !== 8) {
      used += Math.min(e.compressedSize, bytes.length - start);
      if (keep) small.set(part, decoder.decode(bytes.subarray(start, start + e.compressedSize)));
      if (isContent) checkOdsRepeats(small.get(part) ?? "", fileName, limits);
      continue;
    }
    const budget = limits.maxInflatedBytes - used;
    const counter =
      countCells && isSheet(e)
        ? new CellTagCounter(encoder.encode(part === "content.xml" ? "<table:table-cell" : "<c"))
        : undefined;
    let n: number;
    try {
      n = await inflatedLength(bytes.subarray(start, start + e.compressedSize), budget, counter, keep);
    } catch {
      throw new WorkbookReadError("corrupt", fileName);
    }
    cells += counter?.count ?? 0;
    if (cells > limits.maxCells)
      throw new WorkbookReadError("too-many-cells", fileName, { limit: limits.maxCells });
    if (n > budget)
      throw new WorkbookReadError("zip-bomb", fileName, { inflated: limits.maxInflatedBytes + 1 });
    used += n;
    if (keep) small.set(part, decoder.decode(concat(keep)));
    if (isContent) checkOdsRepeats(small.get(part) ?? "", fileName, limits);
  }
  const parts = new Set(entries.filter((e) => !e.name.endsWith("/")).map((e) => partName(e.name)));
  const kind = packageKindOfParts(parts, (p) => small.get(p), fileName);
  return { names: entries.map((e) => e.name), kind };
}

/**
 * As the Node reader does: OpenDocument repeats are counted whatever the part's size, since a few
 * hundred bytes of repeat attributes can ask for 10^18 cells.
 */
function checkOdsRepeats(xml: string, fileName: string, limits: ReadLimits): void {
  if (odsRepeatedCellCount(xml, limits.maxCells) > limits.maxCells)
    throw new WorkbookReadError("too-many-cells", fileName, { limit: limits.maxCells });
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
