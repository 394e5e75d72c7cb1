/**
 * Writes pulled values into an existing .xlsx by editing only the cells it means to, in place:
 * `ntm pull -o EXISTING.xlsx`. Each cell gets what src/domain/sync/pulledCellContent decides
 * (the workbook's own way of writing the value, read back with the cell's number format).
 *
 * Invariants: every part other than the worksheets written into keeps its bytes (shared strings
 * too: written text goes in as an inline string); inside a written worksheet only the written
 * `<c>` elements change (a missing cell or row is inserted in order, with nothing else moved); a
 * written cell keeps its style (`s`); a formula is never overwritten; text is always a string cell,
 * never a formula; a cell holding prose is never emptied or overwritten (listed instead); sheet
 * names and addresses come from the reader's own mapping and are checked again here — an unknown
 * sheet or an address that is not plain A1 is listed, never written.
 */
import type { CellValue } from "../../../domain/sheet/grid";
import { decideCellContent, type CurrentCell } from "../../../domain/sync/pulledCellContent";
import type { PulledCell } from "../../../domain/sync/pulledCells";
import { readZip, writeZip, type PackagePart } from "./zipArchive";
import { escapeXml, tagAttributes, unescapeXml } from "./xmlText";

export interface CellWriteReport {
  /** "Sheet!A1" of cells whose content changed. */
  written: { code: string; sheet: string; cell: string }[];
  /** Cells that already held the value. */
  unchanged: number;
  /** "Sheet!A1" of formula cells whose computed value differs from the server's (left as they are). */
  formulaCells: string[];
  /** "Sheet!A1" of cells holding prose the value cannot replace without losing it (left as they are). */
  proseCells: string[];
  /** Cells that no longer hold what the pull was planned from (left as they are). */
  changed: { code: string; sheet: string; cell: string }[];
  /** Targets that are not a sheet of this workbook or not a plain A1 address. */
  badTargets: { code: string; sheet: string; cell: string }[];
  /** Values too long for a cell (Excel's 32,767 characters) or with characters XML cannot hold. */
  unwritable: { code: string; sheet: string; cell: string }[];
}

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32767;

/** Built-in number formats (ECMA-376 §18.8.30) the reader may care about: percents and dates. */
const BUILTIN_FORMATS: ReadonlyMap<number, string> = new Map([
  [1, "0"],
  [2, "0.00"],
  [3, "#,##0"],
  [4, "#,##0.00"],
  [9, "0%"],
  [10, "0.00%"],
  [11, "0.00E+00"],
  [14, "m/d/yy"],
  [15, "d-mmm-yy"],
  [16, "d-mmm"],
  [17, "mmm-yy"],
  [22, "m/d/yy h:mm"],
  [49, "@"],
]);

const A1 = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;
const MAX_ROW = 1048576;
const MAX_COL = 16384;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parseA1(cell: string): { col: number; row: number } | undefined {
  const m = A1.exec(cell);
  if (!m) return undefined;
  const col = colNumber(m[1]);
  const row = Number(m[2]);
  return col <= MAX_COL && row <= MAX_ROW ? { col, row } : undefined;
}

/** Characters XML 1.0 cannot carry at all. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

class Parts {
  private readonly byName = new Map<string, PackagePart>();
  constructor(readonly list: PackagePart[]) {
    for (const p of list) this.byName.set(p.name, p);
  }
  text(name: string): string | undefined {
    const p = this.byName.get(name);
    if (!p) return undefined;
    return typeof p.data === "string" ? p.data : p.data.toString("utf8");
  }
  set(name: string, xml: string): void {
    const p = this.byName.get(name);
    if (p) p.data = Buffer.from(xml, "utf8");
  }
}

/** Sheet name → worksheet part, through workbook.xml and its relationships. */
function sheetParts(parts: Parts): Map<string, string> {
  const wb = parts.text("xl/workbook.xml") ?? "";
  const rels = parts.text("xl/_rels/workbook.xml.rels") ?? "";
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\s[^>]*>/g) ?? []) {
    const a = tagAttributes(tag);
    const id = a.get("Id");
    const target = a.get("Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const tag of wb.match(/<sheet\s[^>]*>/g) ?? []) {
    const a = tagAttributes(tag);
    const name = a.get("name");
    const target = targets.get(a.get("r:id") ?? "");
    if (name !== undefined && target) out.set(name, target);
  }
  return out;
}

/** The text of each shared string (rich runs joined, phonetic runs left out). */
function sharedStrings(parts: Parts): string[] {
  const xml = parts.text("xl/sharedStrings.xml");
  if (!xml) return [];
  return (xml.match(/<si>[\s\S]*?<\/si>|<si\/>/g) ?? []).map(textOf);
}

function textOf(xml: string): string {
  const bare = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of bare.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += unescapeXml(m[1]);
  return out;
}

/** Style index → number format code. */
function numberFormats(parts: Parts): string[] {
  const xml = parts.text("xl/styles.xml") ?? "";
  const custom = new Map<number, string>();
  for (const tag of xml.match(/<numFmt\s[^>]*>/g) ?? []) {
    const a = tagAttributes(tag);
    custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "General");
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  return (xfs.match(/<xf\b[^>]*>/g) ?? []).map((tag) => {
    const id = Number(tagAttributes(tag).get("numFmtId") ?? 0);
    return custom.get(id) ?? BUILTIN_FORMATS.get(id) ?? "General";
  });
}

interface FoundCell {
  /** Where the `<c>` element starts and ends in the sheet XML. */
  start: number;
  end: number;
  attrs: Map<string, string>;
  current: CurrentCell | undefined;
}

function currentOf(xml: string, attrs: Map<string, string>, strings: string[], z: string): CurrentCell {
  const f = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(xml);
  const v = /<v>([\s\S]*?)<\/v>/.exec(xml)?.[1];
  const t = attrs.get("t") ?? "n";
  let value: CellValue = null;
  if (t === "s") value = v === undefined ? null : (strings[Number(v)] ?? null);
  else if (t === "inlineStr") value = textOf(/<is>([\s\S]*?)<\/is>/.exec(xml)?.[1] ?? "");
  else if (t === "str") value = v === undefined ? null : unescapeXml(v);
  else if (t === "b") value = v === undefined ? null : v.trim() === "1";
  else if (t === "e") value = v === undefined ? null : unescapeXml(v);
  else if (v !== undefined && v.trim() !== "") value = Number(v);
  if (value === "") value = null;
  // A formula cell: shared formulas carry no text on the dependent cells, still formulas.
  return { v: value, ...(f ? { f: unescapeXml(f[1] ?? "") || "(shared)" } : {}), z };
}

/** Finds `<c r="A1" …>` in a worksheet's sheetData (cells are written with their `r` by every writer we read). */
function findCell(
  sheetXml: string,
  cell: string,
  strings: string[],
  formats: string[],
): FoundCell | undefined {
  const re = new RegExp(`<c\\b[^>]*?\\br="${cell}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`, "g");
  const m = re.exec(sheetXml);
  if (!m) return undefined;
  const open = /^<c\b[^>]*?\/?>/.exec(m[0])![0];
  const attrs = tagAttributes(open);
  const z = formats[Number(attrs.get("s") ?? 0)] ?? "General";
  return { start: m.index, end: m.index + m[0].length, attrs, current: currentOf(m[0], attrs, strings, z) };
}

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : "0";
}

/** The `<c>` element for the content, keeping the cell's style and other attributes. */
function cellXml(cell: string, attrs: Map<string, string> | undefined, content: CellValue): string {
  const keep = [...(attrs ?? new Map<string, string>())]
    .filter(([k]) => k !== "r" && k !== "t" && k !== "cm" && k !== "vm")
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");
  const head = `<c r="${cell}"${keep}`;
  if (content === null || content === "") return `${head}/>`;
  if (typeof content === "number") return `${head}><v>${numberText(content)}</v></c>`;
  if (typeof content === "boolean") return `${head} t="b"><v>${content ? 1 : 0}</v></c>`;
  return `${head} t="inlineStr"><is><t xml:space="preserve">${escapeXml(content)}</t></is></c>`;
}

/** Inserts a new cell into its row (creating the row), in column order; returns the new sheet XML. */
function insertCell(sheetXml: string, at: { col: number; row: number }, xml: string): string | undefined {
  const dataOpen = /<sheetData\b[^>]*?(\/?)>/.exec(sheetXml);
  if (!dataOpen) return undefined;
  if (dataOpen[1] === "/")
    return (
      sheetXml.slice(0, dataOpen.index) +
      `<sheetData><row r="${at.row}">${xml}</row></sheetData>` +
      sheetXml.slice(dataOpen.index + dataOpen[0].length)
    );
  const bodyStart = dataOpen.index + dataOpen[0].length;
  const bodyEnd = sheetXml.indexOf("</sheetData>", bodyStart);
  if (bodyEnd < 0) return undefined;
  const rowRe = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;
  rowRe.lastIndex = bodyStart;
  let m: RegExpExecArray | null;
  while ((m = rowRe.exec(sheetXml)) && m.index < bodyEnd) {
    const open = /^<row\b[^>]*?\/?>/.exec(m[0])![0];
    const r = Number(tagAttributes(open).get("r"));
    if (!Number.isFinite(r)) return undefined; // rows without numbers: positions unknown, do not guess
    if (r < at.row) continue;
    if (r > at.row)
      return sheetXml.slice(0, m.index) + `<row r="${at.row}">${xml}</row>` + sheetXml.slice(m.index);
    if (open.endsWith("/>")) {
      const row = `${open.slice(0, -2)}>${xml}</row>`;
      return sheetXml.slice(0, m.index) + row + sheetXml.slice(m.index + m[0].length);
    }
    // Before the first cell of a later column, else at the end of the row.
    const rowEnd = m.index + m[0].length - "</row>".length;
    const cellRe = /<c\b[^>]*?\br="([A-Z]+)\d+"/g;
    cellRe.lastIndex = m.index + open.length;
    let c: RegExpExecArray | null;
    while ((c = cellRe.exec(sheetXml)) && c.index < rowEnd)
      if (colNumber(c[1]) > at.col) return sheetXml.slice(0, c.index) + xml + sheetXml.slice(c.index);
    return sheetXml.slice(0, rowEnd) + xml + sheetXml.slice(rowEnd);
  }
  return sheetXml.slice(0, bodyEnd) + `<row r="${at.row}">${xml}</row>` + sheetXml.slice(bodyEnd);
}

/** Patches the package's cells; the cells' sheets and addresses are the reader's own. */
export function writePulledCellsToParts(
  list: PackagePart[],
  cells: readonly PulledCell[],
): { parts: PackagePart[]; report: CellWriteReport } {
  const parts = new Parts(list);
  const report: CellWriteReport = {
    written: [],
    unchanged: 0,
    formulaCells: [],
    proseCells: [],
    changed: [],
    badTargets: [],
    unwritable: [],
  };
  const sheets = sheetParts(parts);
  const strings = sharedStrings(parts);
  const formats = numberFormats(parts);
  const edited = new Map<string, string>();
  for (const c of cells) {
    if (!c.value) continue;
    const target = { code: c.code, sheet: c.sheet, cell: c.cell };
    const part = sheets.get(c.sheet);
    const at = parseA1(c.cell);
    const xml0 = part ? (edited.get(part) ?? parts.text(part)) : undefined;
    if (!part || !at || xml0 === undefined) {
      report.badTargets.push(target);
      continue;
    }
    const found = findCell(xml0, c.cell, strings, formats);
    const current = found?.current;
    const decision = decideCellContent(c.value, current, c.expect);
    const where = `${c.sheet}!${c.cell}`;
    if (decision.kind === "unchanged") report.unchanged++;
    else if (decision.kind === "formula") report.formulaCells.push(where);
    else if (decision.kind === "changed") report.changed.push(target);
    else if (decision.kind === "prose") report.proseCells.push(where);
    else {
      const content = decision.content;
      if (typeof content === "string" && (content.length > MAX_CELL_TEXT || NOT_XML.test(content))) {
        report.unwritable.push(target);
        continue;
      }
      const xml = cellXml(c.cell, found?.attrs, content);
      const next = found
        ? xml0.slice(0, found.start) + xml + xml0.slice(found.end)
        : content === null || content === ""
          ? xml0
          : insertCell(xml0, at, xml);
      if (next === undefined) {
        report.badTargets.push(target);
        continue;
      }
      edited.set(part, next);
      report.written.push(target);
    }
  }
  for (const [part, xml] of edited) parts.set(part, xml);
  return { parts: parts.list, report };
}

/** The same on .xlsx bytes: the package comes back with only the written worksheets changed. */
export function writePulledCells(
  xlsx: Buffer,
  cells: readonly PulledCell[],
  fileName = "workbook.xlsx",
): { xlsx: Buffer; report: CellWriteReport } {
  const list: PackagePart[] = readZip(xlsx, fileName);
  const { parts, report } = writePulledCellsToParts(list, cells);
  return { xlsx: report.written.length ? writeZip(parts) : xlsx, report };
}
