/**
 * Writes sheets of SheetJS cell objects (t/v/f/z; row-major, with widths, merges, auto-filter) as
 * an .xlsx package directly, string by string. `XLSX.write` spends ≈0.5 s on a 2,000-commune summary
 * (≈200,000 cells); this writer does the same cells in a fraction of that, and the summary needs
 * nothing else from it (conditional formats and charts come from patchXlsx).
 *
 * Invariant: reading the package back with SheetJS gives the same cells (type, value, formula,
 * number format), the same sheet names in order, the same ranges, merges and auto-filters; strings
 * are shared (one entry per distinct text); every part is listed in [Content_Types].xml and reached
 * through a relationship; styles.xml carries an empty <dxfs> for the patcher to append to.
 */
import * as XLSX from "xlsx";
import { writeZip, type PackagePart } from "./zipArchive";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Built-in number formats Excel knows by id (ECMA-376 §18.8.30); others get ids from 164. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\r": "&#13;",
};
const xmlEscape = (s: string) => (/[&<>"\r]/.test(s) ? s.replace(/[&<>"\r]/g, (ch) => XML_ESCAPES[ch]) : s);

/** Cell styles: one xf per number format used, xf 0 being General. */
class StyleTable {
  private readonly xfByFormat = new Map<string, number>([["General", 0]]);
  private readonly formats: { id: number; code: string }[] = [];
  private nextCustom = 164;

  xf(z: string | undefined): number {
    if (!z) return 0;
    let xf = this.xfByFormat.get(z);
    if (xf === undefined) {
      const id = BUILTIN_FORMATS[z] ?? this.nextCustom++;
      this.formats.push({ id, code: z });
      xf = this.formats.length;
      this.xfByFormat.set(z, xf);
    }
    return xf;
  }

  xml(): string {
    const custom = this.formats.filter((f) => f.id >= 164);
    const numFmts = custom.length
      ? `<numFmts count="${custom.length}">${custom.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${xmlEscape(f.code)}"/>`).join("")}</numFmts>`
      : "";
    const xfs = [
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
      ...this.formats.map(
        (f) => `<xf numFmtId="${f.id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
      ),
    ];
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">${numFmts}` +
      '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleMedium4"/></styleSheet>'
    );
  }
}

/** Shared strings: each distinct text once, cells refer to it by index. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((s) =>
      s !== s.trim()
        ? `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`
        : `<si><t>${xmlEscape(s)}</t></si>`,
    );
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items.join("")}</sst>`;
  }
}

function cellXml(ref: string, cell: XLSX.CellObject, styles: StyleTable, strings: SharedStrings): string {
  const xf = styles.xf(typeof cell.z === "string" ? cell.z : undefined);
  const s = xf ? ` s="${xf}"` : "";
  const f = cell.f ? `<f>${xmlEscape(cell.f)}</f>` : "";
  switch (cell.t) {
    case "n":
      return `<c r="${ref}"${s}>${f}<v>${cell.v as number}</v></c>`;
    case "b":
      return `<c r="${ref}"${s} t="b">${f}<v>${cell.v ? 1 : 0}</v></c>`;
    case "s":
      // A formula's cached text is stored inline (t="str"); a plain text cell is shared.
      if (f) return `<c r="${ref}"${s} t="str">${f}<v>${xmlEscape(String(cell.v ?? ""))}</v></c>`;
      return `<c r="${ref}"${s} t="s"><v>${strings.id(String(cell.v ?? ""))}</v></c>`;
    default:
      return f ? `<c r="${ref}"${s}>${f}</c>` : "";
  }
}

/** SheetJS's character width → Excel column width (max digit width 7 px, 5 px padding). */
const columnWidth = (wch: number) => Math.round(((wch * 7 + 5) / 7) * 256) / 256;

/** One sheet to write: cells row-major (0-based rows, then columns; gaps allowed) and its extras. */
export interface PackageSheet {
  name: string;
  rows: readonly (readonly (XLSX.CellObject | undefined)[] | undefined)[];
  cols?: XLSX.ColInfo[];
  merges?: XLSX.Range[];
  /** A1 range of the auto-filter, e.g. "A3:K120". */
  autofilter?: string;
}

/** A SheetJS workbook's sheets as PackageSheets (cells looked up by address: fine for small books). */
export function packageSheetsOf(wb: XLSX.WorkBook): PackageSheet[] {
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    const rows: XLSX.CellObject[][] = [];
    if (ws["!ref"]) {
      const range = XLSX.utils.decode_range(ws["!ref"]);
      for (let r = range.s.r; r <= range.e.r; r++)
        for (let c = range.s.c; c <= range.e.c; c++) {
          const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
          if (cell) (rows[r] ??= [])[c] = cell;
        }
    }
    return { name, rows, cols: ws["!cols"], merges: ws["!merges"], autofilter: ws["!autofilter"]?.ref };
  });
}

function worksheetXml(sheet: PackageSheet, styles: StyleTable, strings: SharedStrings): string {
  const letters: string[] = [];
  const letter = (c: number) => (letters[c] ??= XLSX.utils.encode_col(c));
  let maxC = 0;
  const body: string[] = [];
  sheet.rows.forEach((cells, r) => {
    if (!cells) return;
    const row = String(r + 1);
    let xml = "";
    cells.forEach((cell, c) => {
      if (!cell) return;
      xml += cellXml(letter(c) + row, cell, styles, strings);
      if (c > maxC) maxC = c;
    });
    if (!xml) return;
    body.push(`<row r="${row}">${xml}</row>`);
  });
  // Like SheetJS's !ref of a draft: from A1 to the last used row and column.
  const ref = `A1:${letter(maxC)}${Math.max(sheet.rows.length, 1)}`;
  const out: string[] = [
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><dimension ref="${ref}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>`,
  ];
  if (sheet.cols?.length) {
    out.push("<cols>");
    sheet.cols.forEach((c, i) => {
      if (c?.wch !== undefined)
        out.push(`<col min="${i + 1}" max="${i + 1}" width="${columnWidth(c.wch)}" customWidth="1"/>`);
    });
    out.push("</cols>");
  }
  out.push("<sheetData>", ...body, "</sheetData>");
  if (sheet.autofilter) out.push(`<autoFilter ref="${sheet.autofilter}"/>`);
  const merges = sheet.merges;
  if (merges?.length)
    out.push(
      `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${XLSX.utils.encode_range(m)}"/>`).join("")}</mergeCells>`,
    );
  out.push(
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
  );
  return out.join("");
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** The workbook as .xlsx bytes (deflate `level`, default 6). */
export function writeXlsxPackage(input: readonly PackageSheet[], level = 6): Buffer {
  return writeZip(xlsxPackageParts(input), level);
}

/** The workbook's parts, not zipped yet (for patchXlsxParts, which zips once after patching). */
export function xlsxPackageParts(input: readonly PackageSheet[]): PackagePart[] {
  const styles = new StyleTable();
  const strings = new SharedStrings();
  const sheets = input.map((sheet, i) => ({
    name: sheet.name,
    part: `worksheets/sheet${i + 1}.xml`,
    xml: worksheetXml(sheet, styles, strings),
  }));
  const filters = input
    .map((sheet, i) => ({ i, ref: sheet.autofilter }))
    .filter((f): f is { i: number; ref: string } => Boolean(f.ref))
    .map(({ i, ref }) => {
      const r = XLSX.utils.decode_range(ref);
      const abs = (c: number, row: number) => `$${XLSX.utils.encode_col(c)}$${row + 1}`;
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlEscape(`${quoteSheet(input[i].name)}!${abs(r.s.c, r.s.r)}:${abs(r.e.c, r.e.r)}`)}</definedName>`;
    });
  const workbook =
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>` +
    sheets
      .map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("") +
    `</sheets>${filters.length ? `<definedNames>${filters.join("")}</definedNames>` : ""}<calcPr calcId="191029"/></workbook>`;
  const n = sheets.length;
  const workbookRels =
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
    sheets
      .map((s, i) => `<Relationship Id="rId${i + 1}" Type="${NS_R}/worksheet" Target="${s.part}"/>`)
      .join("") +
    `<Relationship Id="rId${n + 1}" Type="${NS_R}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="${NS_R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const contentTypes =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets
      .map(
        (s) =>
          `<Override PartName="/xl/${s.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join("") +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>';
  const rootRels = `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const text = (name: string, xml: string): PackagePart => ({ name, data: xml });
  return [
    text("[Content_Types].xml", contentTypes),
    text("_rels/.rels", rootRels),
    text("xl/workbook.xml", workbook),
    text("xl/_rels/workbook.xml.rels", workbookRels),
    ...sheets.map((s) => text(`xl/${s.part}`, s.xml)),
    text("xl/styles.xml", styles.xml()),
    text("xl/sharedStrings.xml", strings.xml()),
  ];
}
