/**
 * The host-neutral part of reading a spreadsheet file: bytes → which kind of file it is, the CSV
 * reader (our parser: every cell the string the file holds, so "97,8%" stays 97,8 %), and a parsed
 * SheetJS workbook → WorkbookGrids (settings sheet, "ntm.*" document properties, cell bounds).
 * The Node reader (readWorkbook.ts, which adds the zip/OLE bounds that need node:zlib) and the
 * browser reader (readWorkbookInBrowser.ts) both go through here, so the pane in a browser tab and
 * `ntm validate` get the same grids from the same file.
 * Invariant: no Node built-ins and no SheetJS value import here (the caller passes its SheetJS);
 * every failure is a WorkbookReadError with a code and a bilingual message.
 */
import type * as XLSX from "xlsx";
import type { Grid, WorkbookGrids } from "../../domain/sheet/grid";
import type { HiddenRowsCols } from "./hiddenRowsCols";
import { decodeCsvBytes, parseCsvText } from "./parseCsvText";
import type { ReadLimits } from "./readLimits";
import { sheetToGrid, textRowsToGrid } from "./sheetToGrid";
import { WorkbookReadError } from "./workbookReadError";
import { readSettingsSheet, SETTINGS_SHEET_NAME } from "./workbookSettings";

export type WorkbookKind = "zip" | "ole" | "markup" | "text";

const TEXT_EXTENSIONS = new Set([".csv", ".tsv", ".txt"]);

function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  const utf16 =
    sample.length >= 2 &&
    ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff));
  return utf16 || !sample.includes(0);
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What the bytes are, by their content first and the extension only for plain text. */
export function detectWorkbookKind(bytes: Uint8Array, fileName: string): WorkbookKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5))
    return "zip";
  if (bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b)) return "ole";
  const head = new TextDecoder("utf-8")
    .decode(bytes.subarray(0, 1024))
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
  if (TEXT_EXTENSIONS.has(extensionOf(fileName)) && looksLikeText(bytes)) return "text";
  throw new WorkbookReadError("not-a-spreadsheet", fileName);
}

/** An OLE file (.xls) must hold a workbook stream and must not be an encrypted package. */
export function checkOleStreamNames(fullPaths: string[], fileName: string): void {
  const names = fullPaths.map((p) => p.replace(/\/$/, "").split("/").pop()?.toLowerCase() ?? "");
  if (names.includes("encryptedpackage") || names.includes("encryptioninfo")) {
    throw new WorkbookReadError("encrypted", fileName);
  }
  if (!names.some((n) => n === "workbook" || n === "book"))
    throw new WorkbookReadError("not-a-spreadsheet", fileName);
}

export function tooLongCell(fileName: string, sheet: string, limits: ReadLimits) {
  return (a1: string, length: number): never => {
    throw new WorkbookReadError("invalid-content", fileName, {
      where: sheet ? `${sheet}!${a1}` : a1,
      length,
      limit: limits.maxCellTextLength,
    });
  };
}

/** A .csv/.tsv/.txt file: one sheet of strings, bounded like any workbook. */
export function csvWorkbookGrids(bytes: Uint8Array, fileName: string, limits: ReadLimits): WorkbookGrids {
  const rows = parseCsvText(decodeCsvBytes(bytes));
  let cells = 0;
  for (const r of rows) for (const f of r) if (f !== "") cells++;
  if (cells === 0) throw new WorkbookReadError("empty", fileName);
  if (cells > limits.maxCells || rows.length > limits.maxRows) {
    throw new WorkbookReadError("too-many-cells", fileName, { limit: limits.maxCells });
  }
  return { sheets: [textRowsToGrid(rows, limits.maxCellTextLength, tooLongCell(fileName, "", limits))] };
}

/** The options every SheetJS read of ours uses (`extra` adds cellStyles, bookFiles, type). */
export function sheetJsReadOptions(limits: ReadLimits, extra: XLSX.ParsingOptions): XLSX.ParsingOptions {
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

/** A SheetJS failure as the typed error the hosts show. */
export function sheetJsReadError(e: unknown, fileName: string): WorkbookReadError {
  if (e instanceof WorkbookReadError) return e;
  const msg = String((e as Error)?.message ?? e);
  if (/password|encrypt/i.test(msg)) return new WorkbookReadError("encrypted", fileName);
  if (/unsupported/i.test(msg))
    return new WorkbookReadError("unsupported", fileName, { reason: msg.slice(0, 80) });
  if (e instanceof RangeError) return new WorkbookReadError("too-large", fileName, { size: 0, limit: 0 });
  return new WorkbookReadError("corrupt", fileName);
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

/**
 * A parsed SheetJS workbook → grids. `hidden` holds hidden rows/columns found from the sheet XML
 * when SheetJS parsed without styles; without it they come from SheetJS's own `!rows`/`!cols`.
 */
export function gridsOfSheetJsWorkbook(
  wb: XLSX.WorkBook,
  fileName: string,
  limits: ReadLimits,
  hidden?: Map<string, HiddenRowsCols>,
): WorkbookGrids {
  const counter = { cells: 0 };
  const sheets: Grid[] = [];
  let properties: Record<string, string> | undefined;
  for (const name of wb.SheetNames) {
    const ws = sheetByName(wb, name);
    if (!ws) continue;
    const grid = sheetToGrid(String(name), ws, {
      maxCellTextLength: limits.maxCellTextLength,
      onTooLong: tooLongCell(fileName, String(name), limits),
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
