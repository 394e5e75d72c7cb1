/**
 * Files → WorkbookGrids. .xlsx, .xlsm, .xlsb, .xls, .ods and SpreadsheetML/HTML go through SheetJS;
 * .csv/.tsv/.txt is read as text by our own parser (every cell a string).
 *
 * Invariant: readWorkbookBuffer either returns grids or throws a WorkbookReadError with a code and a
 * one-line bilingual message — never another exception — and it never hands SheetJS a file it has
 * not first bounded: size, zip central directory (declared and, where it matters, real inflated
 * sizes), an estimate of the cell count for large sheets, and the row count (sheetRows).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as XLSX from "xlsx";
import "./sheetJsZlib";
import type { WorkbookGrids } from "../../domain/sheet/grid";
import { hiddenRowsColsOf, type HiddenRowsCols } from "./hiddenRowsCols";
import { inflateZipEntry, inspectZip, type ZipEntryInfo } from "./inspectZip";
import { odsRepeatedCellCount } from "./odsRepeatedCells";
import { sheetJsPackage, type SheetJsZipFiles } from "./sheetJsPackage";
import { resolveLimits, type ReadLimits } from "./readLimits";
import { WorkbookReadError } from "./workbookReadError";
import { partName, zipPackageKind } from "./zipPackageKind";
import {
  checkOleStreamNames,
  csvWorkbookGrids,
  detectWorkbookKind,
  gridsOfSheetJsWorkbook,
  sheetJsReadError as mapSheetJsError,
  sheetJsReadOptions as readOptions,
} from "./workbookBytesToGrids";

/**
 * Count cells before SheetJS builds an object per cell: a million cells cost SheetJS seconds and
 * hundreds of megabytes. OpenDocument sheets are counted whatever their size, since a few hundred
 * bytes of repeat attributes can ask for 10^18 cells; large OOXML packages are counted by their cell
 * tags (small workbooks skip this: no double inflate).
 */
function checkCellEstimate(buf: Buffer, entries: ZipEntryInfo[], fileName: string, limits: ReadLimits): void {
  const tooMany = () => new WorkbookReadError("too-many-cells", fileName, { limit: limits.maxCells });
  const content = entries.find((e) => partName(e.name) === "content.xml");
  if (content) {
    const xml = inflateZipEntry(buf, content, fileName, limits.maxInflatedBytes).toString("utf8");
    if (odsRepeatedCellCount(xml, limits.maxCells) > limits.maxCells) throw tooMany();
    return;
  }
  // Every XML part, not only xl/worksheets/: a package may keep its sheets anywhere (minimal_package.xlsx
  // has sheet1.xml at the root). "<c " is a cell only in SpreadsheetML; charts and drawings use prefixes.
  const sheets = entries.filter((e) => /\.xml$/i.test(partName(e.name)));
  const declared = sheets.reduce((s, e) => s + e.inflatedSize, 0);
  if (declared <= limits.maxCells * 16) return;
  let cells = 0;
  for (const e of sheets) {
    cells += countCellTags(inflateZipEntry(buf, e, fileName, limits.maxInflatedBytes), "<c");
    if (cells > limits.maxCells) throw tooMany();
  }
}

/** A flat OpenDocument file (.fods) repeats cells the same way as content.xml. */
function checkMarkupRepeats(buf: Buffer, fileName: string, limits: ReadLimits): void {
  if (odsRepeatedCellCount(buf.toString("utf8"), limits.maxCells) > limits.maxCells)
    throw new WorkbookReadError("too-many-cells", fileName, { limit: limits.maxCells });
}

function countCellTags(xml: Buffer, tag: string): number {
  let n = 0;
  let i = xml.indexOf(tag);
  while (i >= 0) {
    const next = xml[i + tag.length];
    // "<c " "<c>" "<c/>" but not "<col" or "<cfRule".
    if (next === 0x20 || next === 0x3e || next === 0x2f) n++;
    i = xml.indexOf(tag, i + tag.length);
  }
  return n;
}

function checkOle(buf: Buffer, fileName: string): void {
  let cfb: ReturnType<typeof XLSX.CFB.read>;
  try {
    cfb = XLSX.CFB.read(buf, { type: "buffer" });
  } catch {
    throw new WorkbookReadError("corrupt", fileName);
  }
  checkOleStreamNames(cfb.FullPaths, fileName);
}

function sheetJsRead(
  buf: Buffer,
  fileName: string,
  limits: ReadLimits,
  extra: XLSX.ParsingOptions,
): XLSX.WorkBook {
  try {
    return quietly(() => XLSX.read(buf, readOptions(limits, extra)));
  } catch (e) {
    throw mapSheetJsError(e, fileName);
  }
}

/**
 * SheetJS writes "ODS number format may be incorrect: …" to stderr for conditional number formats
 * it approximates; the user can do nothing about it and it buries the real messages. The read is
 * synchronous, so nothing else can write while console.error is filtered.
 */
function quietly<T>(read: () => T): T {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("ODS number format may be incorrect")) return;
    original(...args);
  };
  try {
    return read();
  } finally {
    console.error = original;
  }
}

/** SheetJS's public entry for a package already unzipped (`XLSX.read` unzips, then calls it). */
const parseZip = (
  XLSX as unknown as { parse_zip(zip: { files: SheetJsZipFiles }, opts: XLSX.ParsingOptions): XLSX.WorkBook }
).parse_zip;

function sheetJsParsePackage(files: SheetJsZipFiles, fileName: string, limits: ReadLimits): XLSX.WorkBook {
  try {
    return quietly(() => parseZip({ files }, readOptions(limits, {})));
  } catch (e) {
    throw mapSheetJsError(e, fileName);
  }
}

/**
 * An .xlsx/.xlsm package is unzipped by us (sheetJsPackage, when SheetJS's unzip would see the
 * same parts) and parsed by SheetJS, without its `cellStyles` (≈15 % of the read, used only for
 * hidden rows/columns): those come from the inflated sheet XML (hiddenRowsCols). Other formats,
 * and a package whose sheet parts we cannot locate, are read by `XLSX.read` with `cellStyles`.
 */
function readSheetJsWorkbook(
  buf: Buffer,
  fileName: string,
  limits: ReadLimits,
  entries: ZipEntryInfo[] | undefined,
): { wb: XLSX.WorkBook; hidden?: Map<string, HiddenRowsCols> } {
  const xmlPackage =
    entries !== undefined && entries.some((e) => e.name.replace(/^\//, "") === "xl/workbook.xml");
  const files = xmlPackage ? sheetJsPackage(buf, entries, fileName, limits) : undefined;
  if (files) {
    const wb = sheetJsParsePackage(files, fileName, limits);
    if (!limits.readHidden) return { wb };
    const hidden = hiddenRowsColsOf(wb, limits.maxRows + 1, files);
    if (hidden) return { wb, hidden };
    return { wb: sheetJsRead(buf, fileName, limits, { cellStyles: true }) };
  }
  if (!limits.readHidden) return { wb: sheetJsRead(buf, fileName, limits, {}) };
  if (xmlPackage) {
    const wb = sheetJsRead(buf, fileName, limits, { bookFiles: true });
    const hidden = hiddenRowsColsOf(wb, limits.maxRows + 1);
    if (hidden) {
      // The inflated parts are not needed any more; do not keep them alive with the workbook.
      delete (wb as { files?: unknown }).files;
      delete (wb as { keys?: unknown }).keys;
      delete (wb as { cfb?: unknown }).cfb;
      return { wb, hidden };
    }
  }
  return { wb: sheetJsRead(buf, fileName, limits, { cellStyles: true }) };
}

function readWithSheetJs(
  buf: Buffer,
  fileName: string,
  limits: ReadLimits,
  entries?: ZipEntryInfo[],
): WorkbookGrids {
  const { wb, hidden } = readSheetJsWorkbook(buf, fileName, limits, entries);
  return gridsOfSheetJsWorkbook(wb, fileName, limits, hidden);
}

export function readWorkbookBuffer(
  data: Uint8Array,
  fileName: string,
  limits?: Partial<ReadLimits>,
): WorkbookGrids {
  const lim = resolveLimits(limits);
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length === 0) throw new WorkbookReadError("empty", fileName);
  if (buf.length > lim.maxFileBytes) {
    throw new WorkbookReadError("too-large", fileName, { size: buf.length, limit: lim.maxFileBytes });
  }
  try {
    const kind = detectWorkbookKind(buf, fileName);
    if (kind === "text") return csvWorkbookGrids(buf, fileName, lim);
    let entries: ZipEntryInfo[] | undefined;
    if (kind === "zip") {
      entries = inspectZip(buf, fileName, lim);
      zipPackageKind(buf, entries, fileName);
      checkCellEstimate(buf, entries, fileName, lim);
    } else if (kind === "ole") {
      checkOle(buf, fileName);
    } else {
      checkMarkupRepeats(buf, fileName, lim);
    }
    return readWithSheetJs(buf, fileName, lim, entries);
  } catch (e) {
    throw mapSheetJsError(e, fileName);
  }
}

export function readWorkbookFile(filePath: string, limits?: Partial<ReadLimits>): WorkbookGrids {
  const lim = resolveLimits(limits);
  const name = path.basename(filePath);
  let buf: Buffer;
  try {
    const st = fs.statSync(filePath);
    if (!st.isFile()) throw new WorkbookReadError("io-error", name, { reason: "not a file" });
    if (st.size > lim.maxFileBytes) {
      throw new WorkbookReadError("too-large", name, { size: st.size, limit: lim.maxFileBytes });
    }
    buf = fs.readFileSync(filePath);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookReadError("not-found", name);
    throw new WorkbookReadError("io-error", name, { reason: code ?? "?" });
  }
  return readWorkbookBuffer(buf, name, lim);
}
