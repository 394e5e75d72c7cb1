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
import type { Grid, WorkbookGrids } from "../../domain/sheet/grid";
import { hiddenRowsColsOf, type HiddenRowsCols } from "./hiddenRowsCols";
import { inflateZipEntry, inspectZip, type ZipEntryInfo } from "./inspectZip";
import { odsRepeatedCellCount } from "./odsRepeatedCells";
import { sheetJsPackage, type SheetJsZipFiles } from "./sheetJsPackage";
import { decodeCsvBytes, parseCsvText } from "./parseCsvText";
import { resolveLimits, type ReadLimits } from "./readLimits";
import { sheetToGrid, textRowsToGrid } from "./sheetToGrid";
import { WorkbookReadError } from "./workbookReadError";
import { readSettingsSheet, SETTINGS_SHEET_NAME } from "./workbookSettings";
import { partName, zipPackageKind } from "./zipPackageKind";

type Kind = "zip" | "ole" | "markup" | "text";

const TEXT_EXTENSIONS = new Set([".csv", ".tsv", ".txt"]);

function detectKind(buf: Buffer, fileName: string): Kind {
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 3 || buf[2] === 5)) return "zip";
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1)
    return "ole";
  const head = buf
    .subarray(0, 1024)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (
    head.startsWith("<?xml") ||
    head.startsWith("<html") ||
    head.startsWith("<!doctype html") ||
    head.startsWith("<table")
  ) {
    return "markup";
  }
  const ext = path.extname(fileName).toLowerCase();
  if (TEXT_EXTENSIONS.has(ext) && looksLikeText(buf)) return "text";
  throw new WorkbookReadError("not-a-spreadsheet", fileName);
}

function looksLikeText(buf: Buffer): boolean {
  const sample = buf.subarray(0, 8192);
  const utf16 =
    sample.length >= 2 &&
    ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff));
  return utf16 || !sample.includes(0);
}

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
  const names = cfb.FullPaths.map((p: string) => p.replace(/\/$/, "").split("/").pop()?.toLowerCase() ?? "");
  if (names.includes("encryptedpackage") || names.includes("encryptioninfo")) {
    throw new WorkbookReadError("encrypted", fileName);
  }
  if (!names.some((n: string) => n === "workbook" || n === "book"))
    throw new WorkbookReadError("not-a-spreadsheet", fileName);
}

function mapSheetJsError(e: unknown, fileName: string): WorkbookReadError {
  if (e instanceof WorkbookReadError) return e;
  const msg = String((e as Error)?.message ?? e);
  if (/password|encrypt/i.test(msg)) return new WorkbookReadError("encrypted", fileName);
  if (/unsupported/i.test(msg))
    return new WorkbookReadError("unsupported", fileName, { reason: msg.slice(0, 80) });
  if (e instanceof RangeError) return new WorkbookReadError("too-large", fileName, { size: 0, limit: 0 });
  return new WorkbookReadError("corrupt", fileName);
}

function tooLong(fileName: string, sheet: string, limits: ReadLimits) {
  return (a1: string, length: number): never => {
    throw new WorkbookReadError("invalid-content", fileName, {
      where: sheet ? `${sheet}!${a1}` : a1,
      length,
      limit: limits.maxCellTextLength,
    });
  };
}

/**
 * SheetJS stores sheets in a plain object, so a sheet named "__proto__" becomes that object's
 * prototype (harmless to everything else, but not an own property): fetch it from there.
 */
function sheetByName(wb: XLSX.WorkBook, name: string): XLSX.WorkSheet | undefined {
  if (Object.prototype.hasOwnProperty.call(wb.Sheets, name)) return wb.Sheets[name];
  if (name !== "__proto__") return undefined;
  const proto = Object.getPrototypeOf(wb.Sheets) as XLSX.WorkSheet | null;
  return proto && proto !== Object.prototype && "!ref" in proto ? proto : undefined;
}

function readOptions(limits: ReadLimits, extra: XLSX.ParsingOptions): XLSX.ParsingOptions {
  return {
    type: "buffer",
    dense: true,
    cellFormula: true,
    cellNF: true,
    cellHTML: false,
    sheetRows: limits.maxRows + 1,
    ...extra,
  };
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
  const counter = { cells: 0 };
  const sheets: Grid[] = [];
  let properties: Record<string, string> | undefined;
  for (const name of wb.SheetNames) {
    const ws = sheetByName(wb, name);
    if (!ws) continue;
    const grid = sheetToGrid(String(name), ws, {
      maxCellTextLength: limits.maxCellTextLength,
      onTooLong: tooLong(fileName, String(name), limits),
      counter,
      ...(hidden ? { hidden: hidden.get(String(name)) ?? {} } : {}),
    });
    if (grid.rowCount > limits.maxRows || counter.cells > limits.maxCells) {
      throw new WorkbookReadError("too-many-cells", fileName, {
        limit: limits.maxCells,
        sheet: String(name),
      });
    }
    if (name === SETTINGS_SHEET_NAME) properties = { ...(properties ?? {}), ...readSettingsSheet(grid) };
    else sheets.push(grid);
  }
  properties = mergeCustomProperties(wb, properties);
  if (counter.cells === 0) throw new WorkbookReadError("empty", fileName);
  return properties ? { sheets, properties } : { sheets };
}

/** Custom document properties named "ntm.*" (written by our templates) join the settings sheet's. */
function mergeCustomProperties(
  wb: XLSX.WorkBook,
  props?: Record<string, string>,
): Record<string, string> | undefined {
  const custom = (wb as { Custprops?: Record<string, unknown> }).Custprops;
  if (!custom) return props;
  const out: Record<string, string> = props ?? {};
  for (const key of Object.keys(custom)) {
    if (!key.startsWith("ntm.") || key in out) continue;
    out[key] = String(custom[key]);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function readCsv(buf: Buffer, fileName: string, limits: ReadLimits): WorkbookGrids {
  const rows = parseCsvText(decodeCsvBytes(buf));
  let cells = 0;
  for (const r of rows) for (const f of r) if (f !== "") cells++;
  if (cells === 0) throw new WorkbookReadError("empty", fileName);
  if (cells > limits.maxCells || rows.length > limits.maxRows) {
    throw new WorkbookReadError("too-many-cells", fileName, { limit: limits.maxCells });
  }
  return { sheets: [textRowsToGrid(rows, limits.maxCellTextLength, tooLong(fileName, "", limits))] };
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
    const kind = detectKind(buf, fileName);
    if (kind === "text") return readCsv(buf, fileName, lim);
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
