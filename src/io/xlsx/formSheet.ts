/**
 * A sheet laid out as an administrative form in the house style (houseStyle.ts): cells by 0-based
 * row and column (row-major arrays the package writer walks directly), each with a house style;
 * formulas carry their cached value; the official header, title, column-number row and signature
 * block are placed by one call each; row heights are computed from the wrapped text so nothing is
 * cut when printed (a viewer that does not fit rows itself — Excel — shows the same).
 *
 * Invariant: every formula is written with the value it computes on the cells written (the caller
 * passes it); text from communes' files stays text (sanitizeText) and never becomes a formula.
 */
// Types only: the add-in paints forms too (addin/excel/paintFormSheet.ts) without loading SheetJS.
import type * as XLSX from "xlsx";
import {
  HOUSE_STYLES,
  MOTTO,
  NATION,
  NUMBER_FORMATS,
  placeDateLine,
  rowHeight,
  wrappedLines,
  type HouseStyleName,
  type PrintSetup,
  type SignatureBlock,
} from "./houseStyle";
import type { PackageSheet } from "./ooxml/writeXlsxPackage";

export type Value = string | number | boolean | null;

/**
 * Text from communes' files lands in cells: a leading "=", "+", "-" or "@" must stay text (it is
 * written as a string cell, never a formula), and control characters Excel rejects are dropped.
 */
export function sanitizeText(s: string): string {
  const clean = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
  return clean.length > 32767 ? clean.slice(0, 32767) : clean;
}

/** The number format a plain number gets in a table: one for whole numbers, one for decimals. */
const numberFormat = (n: number) => (Number.isInteger(n) ? NUMBER_FORMATS.integer : NUMBER_FORMATS.decimal);

export class FormSheet {
  readonly rows: XLSX.CellObject[][] = [];
  readonly merges: XLSX.Range[] = [];
  private readonly heights: (number | undefined)[] = [];
  private cols: number[] = [];
  private maxR = 0;
  private maxC = 0;

  set(r: number, c: number, v: Value, style: HouseStyleName = "cell", z?: string): void {
    if (v === null || v === undefined) {
      // A blank keeps its style: a form shows its grid, and a typed value gets the format.
      this.put(r, c, { t: "z", s: style, z } as XLSX.CellObject);
      return;
    }
    const cell: XLSX.CellObject =
      typeof v === "number"
        ? { t: "n", v, z: z ?? numberFormat(v) }
        : typeof v === "boolean"
          ? { t: "b", v }
          : { t: "s", v: sanitizeText(v) };
    if (z && cell.t !== "n") cell.z = z;
    cell.s = style;
    this.put(r, c, cell);
  }

  formula(r: number, c: number, f: string, cached: Value, style: HouseStyleName = "cell", z?: string): void {
    const cell: XLSX.CellObject =
      typeof cached === "number"
        ? { t: "n", v: cached, f, z: z ?? numberFormat(cached) }
        : typeof cached === "boolean"
          ? { t: "b", v: cached, f }
          : { t: "s", v: cached ?? "", f };
    if (z) cell.z = z;
    cell.s = style;
    this.put(r, c, cell);
  }

  row(r: number, values: Value[], c0 = 0, style: HouseStyleName = "cell"): void {
    values.forEach((v, i) => this.set(r, c0 + i, v, style));
  }

  /** Borders on every cell of a table block, empty ones too (a form shows its grid). */
  grid(r1: number, c1: number, r2: number, c2: number, style: HouseStyleName = "cell"): void {
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) if (!this.rows[r]?.[c]) this.set(r, c, null, style);
  }

  widths(wch: number[]): void {
    this.cols = wch;
  }

  width(c: number): number {
    return this.cols[c] ?? 9;
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 === r2 && c1 === c2) return;
    this.merges.push({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } });
  }

  /** At least `pt` points high. */
  height(r: number, pt: number): void {
    this.heights[r] = Math.max(this.heights[r] ?? 0, pt);
  }

  get lastRow(): number {
    return this.maxR;
  }

  /**
   * The two-column header on rows r and r+1: issuing body left (cols 0..split), national name and
   * motto right (split+1..last). Returns the next free row (the title's, given room above it by
   * its height rather than an empty row, so the table starts where readers of the old layout look).
   */
  officialHeader(r: number, issuer: string, lastCol: number, issuerLine2?: string): number {
    const split = this.splitCol(lastCol);
    this.set(r, 0, issuer, "issuer");
    this.merge(r, 0, r, split);
    this.set(r, split + 1, NATION, "nation");
    this.merge(r, split + 1, r, lastCol);
    if (issuerLine2) this.set(r + 1, 0, issuerLine2, "plain");
    this.merge(r + 1, 0, r + 1, split);
    this.set(r + 1, split + 1, MOTTO, "motto");
    this.merge(r + 1, split + 1, r + 1, lastCol);
    const issuerLines = wrappedLines(issuer, this.span(0, split));
    const nationLines = wrappedLines(NATION, this.span(split + 1, lastCol));
    this.height(r, rowHeight(Math.max(issuerLines, nationLines)));
    return r + 2;
  }

  /** A centred line over the whole table width (title, subtitle, note). */
  banner(r: number, text: string, lastCol: number, style: HouseStyleName): void {
    this.set(r, 0, text, style);
    this.merge(r, 0, r, lastCol);
    const spec = HOUSE_STYLES[style] as { size?: number };
    const size = spec.size ?? 11;
    // A title is set off from the header above and the table below by its own height.
    const room = style === "title" ? 22 : style === "note" ? 8 : 0;
    this.height(r, rowHeight(wrappedLines(text, this.span(0, lastCol), size), size) + room);
  }

  /** Table header (bold, centred, wrapped, bordered) and the (1) (2) (3) row under it; returns its row. */
  tableHeader(r: number, headers: string[], c0 = 0): number {
    headers.forEach((h, i) => this.set(r, c0 + i, h, "header"));
    headers.forEach((_, i) => this.set(r + 1, c0 + i, `(${i + 1})`, "columnNumber"));
    return r + 1;
  }

  /**
   * The place-and-date line and the two signatures under the table, from row r: the maker left,
   * the head of the body right. Returns the last row used.
   */
  signatures(r: number, block: SignatureBlock, lastCol: number, place: string | undefined): number {
    const split = this.splitCol(lastCol);
    this.set(r, split + 1, placeDateLine(place), "placeDate");
    this.merge(r, split + 1, r, lastCol);
    const t = r + 1;
    this.set(t, 0, block.left.title, "signTitle");
    this.merge(t, 0, t, split);
    this.set(t, split + 1, block.right.title, "signTitle");
    this.merge(t, split + 1, t, lastCol);
    const lines = Math.max(...[block.left.title, block.right.title].map((s) => s.split("\n").length));
    this.height(t, rowHeight(lines));
    this.set(t + 1, 0, block.left.note, "signNote");
    this.merge(t + 1, 0, t + 1, split);
    this.set(t + 1, split + 1, block.right.note, "signNote");
    this.merge(t + 1, split + 1, t + 1, lastCol);
    // Room to sign and stamp.
    this.height(t + 2, 60);
    this.set(t + 2, 0, null, "plain", "General");
    return t + 2;
  }

  /** The sheet for the package writer; row heights fitted to the wrapped text of every row. */
  toPackageSheet(
    name: string,
    extras: {
      print: PrintSetup;
      freeze?: { rows: number; cols: number };
      autofilter?: string;
      hidden?: boolean;
    },
  ): PackageSheet {
    return {
      name,
      rows: this.rows,
      cols: this.cols.map((wch) => ({ wch })),
      merges: this.merges,
      autofilter: extras.autofilter,
      rowHeights: this.fittedHeights(),
      freeze: extras.freeze,
      print: extras.print,
      hidden: extras.hidden,
    };
  }

  private fittedHeights(): (number | undefined)[] {
    // A text merged across one row wraps in the merged width; one merged down rows is left alone.
    const merged = new Map(
      this.merges.map((m) => [`${m.s.r},${m.s.c}`, m.s.r === m.e.r ? this.span(m.s.c, m.e.c) : 0]),
    );
    const out = this.heights.slice();
    this.rows.forEach((cells, r) => {
      if (!cells || out[r] !== undefined) return;
      let lines = 1;
      cells.forEach((cell, c) => {
        if (!cell || cell.t !== "s") return;
        const text = cell.v as string;
        const w = this.width(c);
        // Most cells ("Đạt", a name) fit one line: decided without building anything.
        if (text.length < w && !text.includes("\n")) return;
        const span = merged.get(`${r},${c}`);
        if (span === 0) return;
        const width = span ?? w;
        if (text.length < width && !text.includes("\n")) return;
        const bold = (HOUSE_STYLES[cell.s as HouseStyleName] as { bold?: boolean } | undefined)?.bold;
        // Bold letters are ≈8 % wider.
        lines = Math.max(lines, wrappedLines(text, bold ? width / 1.08 : width));
      });
      if (lines > 1) out[r] = rowHeight(lines);
    });
    return out;
  }

  /**
   * Last column of the left block: the issuing body takes about two fifths of the width, but the
   * national name on the right keeps the width of one line where the table allows.
   */
  private splitCol(lastCol: number): number {
    const total = this.span(0, lastCol);
    const rightNeeds = Math.min(40, total * 0.5);
    let w = 0;
    for (let c = 0; c < lastCol; c++) {
      w += this.width(c);
      if (w >= total * 0.4 || total - w - this.width(c + 1) < rightNeeds) return c;
    }
    return Math.max(0, lastCol - 1);
  }

  private span(c1: number, c2: number): number {
    let w = 0;
    for (let c = c1; c <= c2; c++) w += this.width(c);
    return w;
  }

  private put(r: number, c: number, cell: XLSX.CellObject): void {
    (this.rows[r] ??= [])[c] = cell;
    if (r > this.maxR) this.maxR = r;
    if (c > this.maxC) this.maxC = c;
  }
}
