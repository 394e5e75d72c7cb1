/**
 * Paints a house-style form (io/xlsx/formSheet.ts — the same layout, styles and texts the file
 * writers use) onto a sheet of the open workbook through Office.js, in the caller's batch: values
 * and formulas in one write, number formats in one, then one format call per rectangle of cells
 * sharing a style (a table is a handful of rectangles, not a call per cell).
 *
 * What ExcelApi 1.1 lacks is left out, never half-done: merges, widths and row heights need 1.2
 * (hostCapabilities().layout), frozen panes 1.7, the A4 page setup 1.9. Text stays text: every
 * string is written with Excel's text prefix, so "=…" from a commune's file or a code "0123"
 * is never turned into a formula or a number.
 */
import type { FormSheet } from "../../io/xlsx/formSheet";
import {
  DEFAULT_FONT_SIZE,
  FILL_COLOURS,
  FOOTER_CENTRE,
  HOUSE_FONT,
  HOUSE_STYLES,
  MARGINS,
  type CellStyleSpec,
  type HouseStyleName,
  type PrintSetup,
} from "../../io/xlsx/houseStyle";
import { columnLetters } from "../../domain/sheet/grid";
import { hostCapabilities } from "./hostCapabilities";

type FormCell = FormSheet["rows"][number][number];

/** How the sheet is viewed and printed, as the file writers take it. */
export interface FormView {
  print: PrintSetup;
  freeze?: { rows: number; cols: number };
}

const a1 = (r: number, c: number) => `${columnLetters(c)}${r + 1}`;

/** Excel's column width unit is the default font's digit (7 px); Office.js sets widths in points. */
export const widthInPoints = (wch: number) => Math.round((wch * 7 + 5) * 0.75 * 100) / 100;

/** What Office.js `formulas` takes for a cell: "=f" for a formula, "'text" for text, else the value. */
function entry(cell: FormCell | undefined): string | number | boolean {
  if (!cell || cell.t === "z") return "";
  if (cell.f) return `=${cell.f}`;
  if (cell.t === "s") return `'${String(cell.v ?? "")}`;
  return cell.v as number | boolean;
}

const styleOf = (cell: FormCell | undefined): HouseStyleName | undefined =>
  cell ? (cell.s as HouseStyleName | undefined) : undefined;

/** Rectangles of cells sharing a style: runs along each row, stacked while the next row repeats them. */
export function styleRectangles(
  rows: readonly (readonly (FormCell | undefined)[] | undefined)[],
): { r1: number; c1: number; r2: number; c2: number; style: HouseStyleName }[] {
  const done: { r1: number; c1: number; r2: number; c2: number; style: HouseStyleName }[] = [];
  let open = new Map<string, { r1: number; c1: number; r2: number; c2: number; style: HouseStyleName }>();
  rows.forEach((cells, r) => {
    const next = new Map<string, (typeof done)[number]>();
    let c = 0;
    const width = cells?.length ?? 0;
    while (c < width) {
      const style = styleOf(cells?.[c]);
      if (!style) {
        c++;
        continue;
      }
      let c2 = c;
      while (c2 + 1 < width && styleOf(cells?.[c2 + 1]) === style) c2++;
      const key = `${c},${c2},${style}`;
      const above = open.get(key);
      if (above && above.r2 === r - 1) {
        above.r2 = r;
        next.set(key, above);
        open.delete(key);
      } else next.set(key, { r1: r, c1: c, r2: r, c2, style });
      c = c2 + 1;
    }
    done.push(...open.values());
    open = next;
  });
  done.push(...open.values());
  return done;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center" } as const;
type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";
const EDGES: Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];

function queueStyle(range: Excel.Range, spec: CellStyleSpec, rows: number, cols: number): void {
  const f = range.format;
  f.font.name = HOUSE_FONT;
  f.font.size = spec.size ?? DEFAULT_FONT_SIZE;
  f.font.bold = spec.bold === true;
  f.font.italic = spec.italic === true;
  f.font.underline = spec.underline ? "Single" : "None";
  f.horizontalAlignment = spec.h ? H_ALIGN[spec.h] : "General";
  f.verticalAlignment = spec.v ? V_ALIGN[spec.v] : "Bottom";
  f.wrapText = spec.wrap === true;
  if (spec.fill) f.fill.color = `#${FILL_COLOURS[spec.fill]}`;
  if (!spec.border) return;
  const edges = [...EDGES];
  if (rows > 1) edges.push("InsideHorizontal");
  if (cols > 1) edges.push("InsideVertical");
  for (const e of edges) {
    const b = f.borders.getItem(e);
    b.style = "Continuous";
    b.weight = "Thin";
    b.color = "#000000";
  }
}

/**
 * Queues the form onto `ws` (an emptied or new sheet). Nothing here syncs: the caller does, once.
 */
export function queuePaintForm(ws: Excel.Worksheet, form: FormSheet, view: FormView): void {
  const caps = hostCapabilities();
  const sheet = form.toPackageSheet("", { print: view.print, freeze: view.freeze });
  const rows = sheet.rows;
  const lastRow = rows.length - 1;
  let lastCol = 0;
  for (let r = 0; r < rows.length; r++) lastCol = Math.max(lastCol, (rows[r]?.length ?? 0) - 1);
  if (lastRow < 0) return;
  // A sheet painted before keeps its merges through clear(), and a value cannot go into part of a
  // merged area: a new layout starts unmerged.
  if (caps.layout) ws.getRange().unmerge();
  const all = ws.getRange(`A1:${a1(lastRow, lastCol)}`);
  const grid = (fn: (cell: FormCell | undefined) => string | number | boolean) =>
    Array.from({ length: lastRow + 1 }, (_, r) =>
      Array.from({ length: lastCol + 1 }, (_, c) => fn(rows[r]?.[c])),
    );
  all.formulas = grid(entry);
  all.numberFormat = grid((cell) => {
    const style = styleOf(cell);
    return (
      (cell?.z as string | undefined) ??
      (style ? (HOUSE_STYLES[style] as CellStyleSpec).numFmt : undefined) ??
      "General"
    );
  }) as string[][];
  all.format.font.name = HOUSE_FONT;
  for (const x of styleRectangles(rows))
    queueStyle(
      ws.getRange(`${a1(x.r1, x.c1)}:${a1(x.r2, x.c2)}`),
      HOUSE_STYLES[x.style],
      x.r2 - x.r1 + 1,
      x.c2 - x.c1 + 1,
    );
  if (caps.layout) {
    for (const m of sheet.merges ?? []) ws.getRange(`${a1(m.s.r, m.s.c)}:${a1(m.e.r, m.e.c)}`).merge(false);
    (sheet.cols ?? []).forEach((col, c) => {
      if (col.wch)
        ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = widthInPoints(col.wch);
    });
    (sheet.rowHeights ?? []).forEach((pt, r) => {
      if (pt) ws.getRange(a1(r, 0)).format.rowHeight = pt;
    });
  }
  if (caps.freezePanes && view.freeze) {
    const { rows: fr, cols: fc } = view.freeze;
    if (fr > 0 && fc > 0) ws.freezePanes.freezeAt(`A1:${a1(fr - 1, fc - 1)}`);
    else if (fr > 0) ws.freezePanes.freezeRows(fr);
    else if (fc > 0) ws.freezePanes.freezeColumns(fc);
  }
  if (caps.pageLayout) queuePageLayout(ws, view.print, lastRow);
}

/**
 * A4, orientation, one page wide, margins, repeated header rows, print area, breaks, "Trang n/N".
 * @requires ExcelApi 1.9
 */
function queuePageLayout(ws: Excel.Worksheet, print: PrintSetup, lastRow: number): void {
  const p = ws.pageLayout;
  p.paperSize = "A4";
  p.orientation = print.landscape ? "Landscape" : "Portrait";
  p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  p.centerHorizontally = true;
  // Office.js margins are in points, the house style's (as OOXML's) in inches.
  p.leftMargin = MARGINS.left * 72;
  p.rightMargin = MARGINS.right * 72;
  p.topMargin = MARGINS.top * 72;
  p.bottomMargin = MARGINS.bottom * 72;
  p.headerMargin = MARGINS.header * 72;
  p.footerMargin = MARGINS.footer * 72;
  p.headersFooters.defaultForAllPages.centerFooter = FOOTER_CENTRE;
  if (print.titleRows) p.setPrintTitleRows(`$${print.titleRows[0] + 1}:$${print.titleRows[1] + 1}`);
  if (print.lastPrintedCol !== undefined) p.setPrintArea(`A1:${a1(lastRow, print.lastPrintedCol)}`);
  for (const r of print.rowBreaks ?? []) ws.horizontalPageBreaks.add(a1(r, 0));
}
