/**
 * Hidden rows and columns of .xlsx/.xlsm sheets, read from the sheet XML already inflated (by us,
 * sheetJsPackage, or by SheetJS with `bookFiles`), so the read can skip SheetJS's `cellStyles`, which parses every style, fill, font,
 * border and theme and costs ≈15 % of the whole read only to tell us which rows are hidden.
 *
 * Invariant: for every sheet it answers, the indexes equal what SheetJS gives with `cellStyles`
 * (`!rows[i].hidden`, `!cols[i].hidden`, sorted ascending): a row is the `r` attribute (or the
 * previous row + 1), rows past `sheetRows` are ignored, a row tag with `ht`, `hidden` or
 * `outlineLevel` replaces an earlier one of the same row, a `<col min max>` covers min..max and a
 * later one wins; `hidden` is true for "1" or "true" only. A sheet whose XML does not contain
 * "hidden" at all (nearly every workbook) costs one native byte search. When a parsed sheet's part
 * cannot be found, the answer is undefined and the caller reads with `cellStyles` as before.
 */
import type * as XLSX from "xlsx";

export interface HiddenRowsCols {
  rows?: number[];
  cols?: number[];
}

interface ZipFile {
  content?: Uint8Array;
}

const HIDDEN = Buffer.from("hidden");
/** Excel's column count: a `<col max>` beyond it is not a real column (bounds the loop). */
const MAX_COLUMNS = 16384;
const ATTRIBUTE = /([^\s=<>/"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ROW_TAG = /<(?:[\w.-]+:)?row\b[^>]*>/g;
const COL_TAG = /<(?:[\w.-]+:)?col\b[^<>]*>/g;
const SHEET_DATA = /<(?:[\w.-]+:)?sheetData\b/;
const SHEET_DATA_END = /<\/(?:[\w.-]+:)?sheetData>/;
const RELATIONSHIP = /<(?:[\w.-]+:)?Relationship\b[^>]*>/g;

/** Attributes of one tag by local name (namespace prefix dropped), as SheetJS's parsexmltag keys them. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) {
    const full = m[1];
    const value = m[2] ?? m[3] ?? "";
    const local = full.includes(":") ? full.slice(full.indexOf(":") + 1) : full;
    if (full.startsWith("xmlns")) continue;
    out.set(local, value);
    if (!out.has(local.toLowerCase())) out.set(local.toLowerCase(), value);
  }
  return out;
}

const isTrue = (v: string | undefined) => v === "1" || v === "true";

function indexes(flags: boolean[]): number[] | undefined {
  const out: number[] = [];
  for (let i = 0; i < flags.length; i++) if (flags[i]) out.push(i);
  return out.length > 0 ? out : undefined;
}

/** Hidden rows and columns of one sheet's XML (which contains "hidden" somewhere). */
export function hiddenFromSheetXml(xml: string, sheetRows: number): HiddenRowsCols {
  const at = xml.search(SHEET_DATA);
  const head = at >= 0 ? xml.slice(0, at) : xml;
  const end = at >= 0 ? xml.slice(at).search(SHEET_DATA_END) : -1;
  const body = at < 0 ? "" : end < 0 ? xml.slice(at) : xml.slice(at, at + end);
  const cols: boolean[] = [];
  for (const tag of head.match(COL_TAG) ?? []) {
    const a = attributes(tag);
    const min = parseInt(a.get("min") ?? "", 10) - 1;
    const max = parseInt(a.get("max") ?? "", 10) - 1;
    for (let c = min; c <= max && c < MAX_COLUMNS; c++) if (c >= 0) cols[c] = isTrue(a.get("hidden"));
  }
  const rows: boolean[] = [];
  let r = 0;
  for (const tag of body.match(ROW_TAG) ?? []) {
    const a = attributes(tag);
    const given = a.get("r");
    r = given !== undefined ? parseInt(given, 10) : r + 1;
    if (sheetRows && sheetRows < r) continue;
    const hidden = isTrue(a.get("hidden"));
    if (a.get("ht") || hidden || a.get("outlineLevel") !== undefined) {
      if (r >= 1) rows[r - 1] = hidden;
    }
  }
  const out: HiddenRowsCols = {};
  const hr = indexes(rows);
  const hc = indexes(cols);
  if (hr) out.rows = hr;
  if (hc) out.cols = hc;
  return out;
}

function mentionsHidden(content: Uint8Array | undefined): boolean {
  return (
    content !== undefined &&
    Buffer.from(content.buffer, content.byteOffset, content.byteLength).indexOf(HIDDEN) >= 0
  );
}

/** Workbook relationship id → target, from xl/_rels/workbook.xml.rels. */
function workbookRels(files: Record<string, ZipFile>): Map<string, string> {
  const out = new Map<string, string>();
  const content = files["xl/_rels/workbook.xml.rels"]?.content;
  if (!content) return out;
  for (const tag of Buffer.from(content.buffer, content.byteOffset, content.byteLength)
    .toString("utf8")
    .match(RELATIONSHIP) ?? []) {
    const a = attributes(tag);
    const id = a.get("Id");
    const target = a.get("Target");
    if (id && target) out.set(id, target);
  }
  return out;
}

function sheetPart(files: Record<string, ZipFile>, target: string): Uint8Array | undefined {
  const candidates = ["xl/" + target.replace(/[/]?xl\//, ""), target, target.replace(/^\//, "")];
  for (const p of candidates) {
    const c = files[p]?.content;
    if (c) return c;
  }
  return undefined;
}

/**
 * Hidden rows/columns per sheet name for a workbook read with `bookFiles` (or whose parts the
 * caller unzipped itself and passes as `files`), or undefined when some
 * parsed sheet's XML cannot be located (the caller then falls back to a `cellStyles` read).
 */
export function hiddenRowsColsOf(
  wb: XLSX.WorkBook,
  sheetRows: number,
  files: Record<string, ZipFile> | undefined = (wb as { files?: Record<string, ZipFile> }).files,
): Map<string, HiddenRowsCols> | undefined {
  const sheets = wb.Workbook?.Sheets as ({ name?: string; id?: string } | undefined)[] | undefined;
  if (!files || !sheets) return undefined;
  // No part of the package mentions "hidden" (nearly every workbook): nothing is hidden, whatever
  // part a sheet lives in, so the relationships need not even be read.
  if (!Object.keys(files).some((k) => mentionsHidden(files[k]?.content))) return new Map();
  const rels = workbookRels(files);
  const out = new Map<string, HiddenRowsCols>();
  for (const s of sheets) {
    if (!s?.name) continue;
    const target = s.id ? rels.get(s.id) : undefined;
    const content = target ? sheetPart(files, target) : undefined;
    if (!content) {
      // SheetJS found a part we cannot: do not guess, let the caller read styles.
      if (Object.prototype.hasOwnProperty.call(wb.Sheets, s.name) || s.name === "__proto__") return undefined;
      continue;
    }
    const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    if (bytes.indexOf(HIDDEN) < 0) continue;
    const found = hiddenFromSheetXml(bytes.toString("latin1"), sheetRows);
    if (found.rows || found.cols) out.set(s.name, found);
  }
  return out;
}
