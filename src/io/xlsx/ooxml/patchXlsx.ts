/**
 * Adds to an .xlsx written by SheetJS (community edition) what SheetJS cannot write: list data
 * validations (drop-downs), conditional formatting (with its dxf styles) and clustered bar/column
 * charts (drawing + chart parts, relationships, content types).
 *
 * Invariant: every other part of the package is kept byte for byte; each new worksheet child is
 * inserted at its schema position (worksheetElementOrder.ts); cfRule priorities are unique per
 * sheet; dxf ids index the dxfs this patch appended to styles.xml; part names never collide with
 * parts already in the package.
 */
import { readZip, writeZip, type PackagePart } from "./zipArchive";
import { hasWorksheetChild, insertWorksheetChild } from "./worksheetElementOrder";
import { escapeXml, tagAttributes } from "./xmlText";
import { chartXml, type BarChart } from "./barChartXml";

export type { BarChart } from "./barChartXml";

export interface ListValidation {
  /** Cells, e.g. "F5:F60" (space-separated ranges allowed). */
  sqref: string;
  /** The choices; shown as a drop-down. Excel limits the joined list to 255 characters. */
  list: string[];
  promptTitle?: string;
  prompt?: string;
  errorTitle?: string;
  error?: string;
}

export interface DifferentialStyle {
  /** Fill colour, "RRGGBB". */
  fill?: string;
  /** Font colour, "RRGGBB". */
  font?: string;
  bold?: boolean;
}

export type ConditionalRule =
  | { type: "expression"; formula: string; style: DifferentialStyle; stopIfTrue?: boolean }
  | {
      type: "cellIs";
      operator:
        | "lessThan"
        | "lessThanOrEqual"
        | "greaterThan"
        | "greaterThanOrEqual"
        | "equal"
        | "notEqual"
        | "between"
        | "notBetween";
      formulas: string[];
      style: DifferentialStyle;
      stopIfTrue?: boolean;
    };

export interface ConditionalFormat {
  sqref: string;
  rules: ConditionalRule[];
}

export interface SheetPatch {
  sheet: string;
  validations?: ListValidation[];
  conditionalFormats?: ConditionalFormat[];
  charts?: BarChart[];
}

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** "'Sheet name'!$A$2:$A$20" from a sheet name and 0-based corners. */
export function sheetRange(sheet: string, r1: number, c1: number, r2: number, c2: number): string {
  const col = (c: number) => {
    let s = "";
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  return `'${sheet.replace(/'/g, "''")}'!$${col(c1)}$${r1 + 1}:$${col(c2)}$${r2 + 1}`;
}

class Package {
  private readonly parts: PackagePart[];
  constructor(parts: readonly PackagePart[]) {
    this.parts = parts.map((p) => ({ ...p }));
  }
  has(name: string): boolean {
    return this.parts.some((p) => p.name === name);
  }
  text(name: string): string | undefined {
    const p = this.parts.find((x) => x.name === name);
    if (p && typeof p.data !== "string") p.data = p.data.toString("utf8"); // decoded once
    return p?.data as string | undefined;
  }
  set(name: string, xml: string): void {
    const p = this.parts.find((x) => x.name === name);
    if (p) p.data = xml;
    else this.parts.push({ name, data: xml });
  }
  /** First free "prefix{n}suffix" part name. */
  freeName(prefix: string, suffix: string): { name: string; n: number } {
    for (let n = 1; ; n++)
      if (!this.has(`${prefix}${n}${suffix}`)) return { name: `${prefix}${n}${suffix}`, n };
  }
  addOverride(partName: string, contentType: string): void {
    const ct = this.text("[Content_Types].xml")!;
    if (ct.includes(`PartName="${partName}"`)) return;
    this.set(
      "[Content_Types].xml",
      ct.replace("</Types>", `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`),
    );
  }
  toBuffer(level?: number): Buffer {
    return writeZip(this.parts, level);
  }
}

/** Path of a worksheet part from its sheet name, through workbook.xml and its relationships. */
function worksheetPath(pkg: Package, sheet: string): string {
  const wb = pkg.text("xl/workbook.xml");
  const rels = pkg.text("xl/_rels/workbook.xml.rels");
  if (!wb || !rels) throw new Error("not an xlsx package (no workbook part)");
  const tag = (wb.match(/<sheet\s[^>]*>/g) ?? []).map(tagAttributes).find((a) => a.get("name") === sheet);
  if (!tag) throw new Error(`no sheet named "${sheet}"`);
  const rid = tag.get("r:id");
  const rel = (rels.match(/<Relationship\s[^>]*>/g) ?? [])
    .map(tagAttributes)
    .find((a) => a.get("Id") === rid);
  const target = rel?.get("Target");
  if (!target) throw new Error(`sheet "${sheet}" has no part`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** Adds a relationship to a part's .rels (creating it); returns the new rId. */
function addRelationship(pkg: Package, part: string, type: string, target: string): string {
  const relsPath = relsPathOf(part);
  const xml =
    pkg.text(relsPath) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;
  const used = new Set((xml.match(/Id="([^"]+)"/g) ?? []).map((s) => s.slice(4, -1)));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  pkg.set(
    relsPath,
    xml.replace(
      "</Relationships>",
      `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/></Relationships>`,
    ),
  );
  return id;
}

function dxfXml(s: DifferentialStyle): string {
  const font =
    s.font || s.bold
      ? `<font>${s.bold ? "<b/>" : ""}${s.font ? `<color rgb="FF${s.font.toUpperCase()}"/>` : ""}</font>`
      : "";
  const fill = s.fill
    ? `<fill><patternFill patternType="solid"><fgColor rgb="FF${s.fill.toUpperCase()}"/><bgColor rgb="FF${s.fill.toUpperCase()}"/></patternFill></fill>`
    : "";
  return `<dxf>${font}${fill}</dxf>`;
}

/** Appends dxfs to styles.xml; returns the id of the first one appended. */
function appendDxfs(pkg: Package, dxfs: string[]): number {
  let xml = pkg.text("xl/styles.xml");
  if (!xml) throw new Error("xlsx package has no styles part");
  const open = /<dxfs\b[^>]*?(\/?)>/.exec(xml);
  let first: number;
  if (!open) {
    first = 0;
    const el = `<dxfs count="${dxfs.length}">${dxfs.join("")}</dxfs>`;
    const before = ["<tableStyles", "<colors", "<extLst", "</styleSheet>"]
      .map((t) => xml!.indexOf(t))
      .find((i) => i >= 0)!;
    xml = xml.slice(0, before) + el + xml.slice(before);
  } else {
    const count = Number(tagAttributes(open[0]).get("count") ?? 0);
    first = count;
    if (open[1] === "/") {
      xml = xml.replace(open[0], `<dxfs count="${count + dxfs.length}">${dxfs.join("")}</dxfs>`);
    } else {
      const close = xml.indexOf("</dxfs>", open.index);
      xml = xml.slice(0, close) + dxfs.join("") + xml.slice(close);
      xml = xml.replace(open[0], `<dxfs count="${count + dxfs.length}">`);
    }
  }
  pkg.set("xl/styles.xml", xml);
  return first;
}

function validationsXml(list: ListValidation[]): string {
  const one = (v: ListValidation) => {
    const joined = v.list.map((s) => s.replace(/"/g, '""')).join(",");
    if (joined.length > 255) throw new Error(`drop-down list over 255 characters for ${v.sqref}`);
    const attrs = [
      `type="list"`,
      `allowBlank="1"`,
      `showInputMessage="${v.prompt ? 1 : 0}"`,
      `showErrorMessage="1"`,
      v.errorTitle ? `errorTitle="${escapeXml(v.errorTitle)}"` : "",
      v.error ? `error="${escapeXml(v.error)}"` : "",
      v.promptTitle ? `promptTitle="${escapeXml(v.promptTitle)}"` : "",
      v.prompt ? `prompt="${escapeXml(v.prompt)}"` : "",
      `sqref="${escapeXml(v.sqref)}"`,
    ].filter(Boolean);
    return `<dataValidation ${attrs.join(" ")}><formula1>${escapeXml(`"${joined}"`)}</formula1></dataValidation>`;
  };
  return `<dataValidations count="${list.length}">${list.map(one).join("")}</dataValidations>`;
}

function conditionalXml(formats: ConditionalFormat[], firstDxf: number, firstPriority: number): string {
  let dxf = firstDxf;
  let priority = firstPriority;
  return formats
    .map((cf) => {
      const rules = cf.rules
        .map((r) => {
          const stop = r.stopIfTrue ? ` stopIfTrue="1"` : "";
          const head = `<cfRule type="${r.type}" dxfId="${dxf++}" priority="${priority++}"${stop}`;
          if (r.type === "expression") return `${head}><formula>${escapeXml(r.formula)}</formula></cfRule>`;
          return `${head} operator="${r.operator}">${r.formulas.map((f) => `<formula>${escapeXml(f)}</formula>`).join("")}</cfRule>`;
        })
        .join("");
      return `<conditionalFormatting sqref="${escapeXml(cf.sqref)}">${rules}</conditionalFormatting>`;
    })
    .join("");
}

function maxPriority(sheetXml: string): number {
  let max = 0;
  for (const m of sheetXml.matchAll(/<cfRule\b[^>]*\bpriority="(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max;
}

function anchorXml(ch: BarChart, id: number, rid: string): string {
  const corner = (tag: string, p: { col: number; row: number }) =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor>${corner("from", ch.from)}${corner("to", ch.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="${escapeXml(`Chart ${id}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function addCharts(pkg: Package, sheetPart: string, sheetXml: string, charts: BarChart[]): string {
  if (hasWorksheetChild(sheetXml, "drawing"))
    throw new Error("sheet already has a drawing; adding charts to it is not supported");
  const drawing = pkg.freeName("xl/drawings/drawing", ".xml");
  const anchors: string[] = [];
  charts.forEach((ch, i) => {
    const chart = pkg.freeName("xl/charts/chart", ".xml");
    pkg.set(chart.name, chartXml(ch, 500000 + chart.n * 10));
    pkg.addOverride(`/${chart.name}`, "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    const rid = addRelationship(pkg, drawing.name, `${NS_REL}/chart`, `../charts/chart${chart.n}.xml`);
    anchors.push(anchorXml(ch, i + 1, rid));
  });
  pkg.set(
    drawing.name,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_REL}">${anchors.join("")}</xdr:wsDr>`,
  );
  pkg.addOverride(`/${drawing.name}`, "application/vnd.openxmlformats-officedocument.drawing+xml");
  const rid = addRelationship(pkg, sheetPart, `${NS_REL}/drawing`, `../drawings/drawing${drawing.n}.xml`);
  let xml = sheetXml;
  if (!/<worksheet\b[^>]*xmlns:r=/.test(xml))
    xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_REL}"`);
  return insertWorksheetChild(xml, "drawing", `<drawing r:id="${rid}"/>`);
}

/**
 * Asks the opening application to recompute every formula: SheetJS caches whatever value it was
 * given, and a template's counts must show the truth, not 0. calcPr follows sheets and definedNames
 * in CT_Workbook.
 */
function setFullCalcOnLoad(pkg: Package): void {
  let xml = pkg.text("xl/workbook.xml")!;
  const calc = /<calcPr\b[^>]*?\/?>/.exec(xml);
  if (calc) {
    if (!/fullCalcOnLoad=/.test(calc[0]))
      xml = xml.replace(calc[0], calc[0].replace("<calcPr", '<calcPr fullCalcOnLoad="1"'));
  } else {
    const anchor = ["</definedNames>", "</sheets>"]
      .map((t) => ({ t, i: xml.indexOf(t) }))
      .find((x) => x.i >= 0);
    if (!anchor) throw new Error("workbook part has no sheets");
    const at = anchor.i + anchor.t.length;
    xml = xml.slice(0, at) + '<calcPr calcId="191029" fullCalcOnLoad="1"/>' + xml.slice(at);
  }
  pkg.set("xl/workbook.xml", xml);
}

export interface PatchOptions {
  /** Set calcPr fullCalcOnLoad so Excel and LibreOffice recompute formulas when opening. */
  fullCalcOnLoad?: boolean;
  /** zlib deflate level of the re-packed parts (default 6); 1 packs a large summary ≈3× faster. */
  compressionLevel?: number;
}

export function patchXlsx(xlsx: Buffer, patches: SheetPatch[], options: PatchOptions = {}): Buffer {
  return patchXlsxParts(readZip(xlsx, "workbook.xlsx"), patches, options);
}

/** The same on a package not zipped yet (writeXlsxPackage's parts): packed once, after patching. */
export function patchXlsxParts(
  parts: readonly PackagePart[],
  patches: SheetPatch[],
  options: PatchOptions = {},
): Buffer {
  const pkg = new Package(parts);
  if (options.fullCalcOnLoad) setFullCalcOnLoad(pkg);
  for (const p of patches) {
    const part = worksheetPath(pkg, p.sheet);
    let xml = pkg.text(part);
    if (xml === undefined) throw new Error(`missing part ${part}`);
    if (p.conditionalFormats?.length) {
      const styles = p.conditionalFormats.flatMap((cf) => cf.rules.map((r) => dxfXml(r.style)));
      const first = appendDxfs(pkg, styles);
      xml = insertWorksheetChild(
        xml,
        "conditionalFormatting",
        conditionalXml(p.conditionalFormats, first, maxPriority(xml) + 1),
      );
    }
    if (p.validations?.length) {
      if (hasWorksheetChild(xml, "dataValidations"))
        throw new Error(`sheet "${p.sheet}" already has data validations`);
      xml = insertWorksheetChild(xml, "dataValidations", validationsXml(p.validations));
    }
    if (p.charts?.length) xml = addCharts(pkg, part, xml, p.charts);
    pkg.set(part, xml);
  }
  return pkg.toBuffer(options.compressionLevel);
}
