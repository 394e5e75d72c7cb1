/**
 * styles.xml of a written package: one xf per (house style, number format) pair used, xf 0 being
 * the house font with General; fonts, fills and borders each written once.
 * Invariant: every xf index handed out is written; styles.xml carries an empty <dxfs> for the
 * patcher to append conditional formats to.
 */
import { HOUSE_FONT, HOUSE_STYLES, type CellStyleSpec } from "../houseStyle";
import { NS_MAIN, XML_HEAD, xmlEscape } from "./packageXml";

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

/**
 * Cell styles: one xf per (house style, number format) pair used, xf 0 being the house font with
 * General. Fonts, fills and borders are the few the house styles need, each written once.
 */
export class StyleTable {
  private readonly xfByStyle = new Map<string, Map<string, number>>([["", new Map([["General", 0]])]]);
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly formats = new Map<string, number>();
  private readonly fonts = new Map<string, number>([[fontXml({}), 0]]);
  private readonly fills = new Map<string, number>([
    ['<fill><patternFill patternType="none"/></fill>', 0],
    ['<fill><patternFill patternType="gray125"/></fill>', 1],
  ]);
  private readonly borders = new Map<string, number>([
    ["<border><left/><right/><top/><bottom/><diagonal/></border>", 0],
  ]);
  private nextCustom = 164;

  xf(style: string | undefined, z: string | undefined): number {
    // Looked up for every cell (≈200,000 in a large summary): two map reads, no string built.
    let byFormat = this.xfByStyle.get(style ?? "");
    if (!byFormat) this.xfByStyle.set(style ?? "", (byFormat = new Map()));
    let xf = byFormat.get(z ?? "General");
    if (xf !== undefined) return xf;
    const spec: CellStyleSpec = (style && (HOUSE_STYLES as Record<string, CellStyleSpec>)[style]) || {};
    const code = spec.numFmt ?? z ?? "General";
    const numFmtId = this.formatId(code);
    const fontId = idOf(this.fonts, fontXml(spec));
    const fillId = spec.fill ? idOf(this.fills, fillXml(spec.fill)) : 0;
    const borderId = spec.border
      ? idOf(
          this.borders,
          '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>',
        )
      : 0;
    const align =
      spec.h || spec.v || spec.wrap
        ? `<alignment${spec.h ? ` horizontal="${spec.h}"` : ""}${spec.v ? ` vertical="${spec.v}"` : ""}${spec.wrap ? ' wrapText="1"' : ""}/>`
        : "";
    xf = this.xfs.length;
    this.xfs.push(
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
        `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}` +
        `${borderId ? ' applyBorder="1"' : ""}${align ? ` applyAlignment="1">${align}</xf>` : "/>"}`,
    );
    byFormat.set(z ?? "General", xf);
    return xf;
  }

  private formatId(code: string): number {
    if (code === "General") return 0;
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.formats.get(code);
    if (id === undefined) this.formats.set(code, (id = this.nextCustom++));
    return id;
  }

  xml(): string {
    const custom = [...this.formats];
    const numFmts = custom.length
      ? `<numFmts count="${custom.length}">${custom.map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`).join("")}</numFmts>`
      : "";
    const list = (m: Map<string, number>) => [...m.keys()].join("");
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">${numFmts}` +
      `<fonts count="${this.fonts.size}">${list(this.fonts)}</fonts>` +
      `<fills count="${this.fills.size}">${list(this.fills)}</fills>` +
      `<borders count="${this.borders.size}">${list(this.borders)}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleMedium4"/></styleSheet>'
    );
  }
}

function idOf(m: Map<string, number>, xml: string): number {
  let id = m.get(xml);
  if (id === undefined) m.set(xml, (id = m.size));
  return id;
}

function fontXml(s: CellStyleSpec): string {
  return (
    `<font>${s.bold ? "<b/>" : ""}${s.italic ? "<i/>" : ""}${s.underline ? "<u/>" : ""}` +
    `<sz val="${s.size ?? 11}"/><color theme="1"/><name val="${HOUSE_FONT}"/><family val="1"/><charset val="163"/></font>`
  );
}

function fillXml(kind: "header" | "total"): string {
  const rgb = kind === "header" ? "FFE7E6E6" : "FFF2F2F2";
  return `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
}
