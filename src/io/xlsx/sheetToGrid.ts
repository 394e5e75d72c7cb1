/**
 * A SheetJS worksheet (dense mode) as a host-neutral Grid.
 * Invariant: every Cell holds only CellValue types (text, number, boolean, null); error cells keep
 * the text Excel shows ("#DIV/0!") as their value so a reader can report them; text longer than
 * Excel's own limit is refused through onTooLong (Excel cannot make such a file); no property named
 * by file content is ever set on a shared prototype (cells are plain objects with fixed keys).
 */
import type * as XLSX from "xlsx";
import { toA1, type Cell, type CellValue, type Grid, type Range } from "../../domain/sheet/grid";

export interface SheetToGridOptions {
  maxCellTextLength: number;
  /** Called for a cell whose text is longer than maxCellTextLength; expected to throw. */
  onTooLong?: (a1: string, length: number) => never;
  /** Called with the number of cells kept, so the caller can enforce a workbook-wide cap. */
  countCells?: (n: number) => void;
  /** Alternatively, a counter the number of cells kept is added to (no closure per sheet). */
  counter?: { cells: number };
  /**
   * Hidden rows/columns found by the caller (hiddenRowsCols); when absent they come from the
   * sheet's `!rows`/`!cols` (a SheetJS read with `cellStyles`).
   */
  hidden?: { rows?: number[]; cols?: number[] };
}

/** Cuts text only when no onTooLong handler refused it first (a caller that raised the limit). */
function clipText(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) : s;
}

function textLength(c: XLSX.CellObject): number {
  const a = typeof c.v === "string" ? c.v.length : 0;
  const b = typeof c.f === "string" ? c.f.length : 0;
  return Math.max(a, b);
}

function cellValue(c: XLSX.CellObject, max: number): CellValue {
  switch (c.t) {
    case "n":
      return typeof c.v === "number" ? c.v : Number(c.v);
    case "b":
      return Boolean(c.v);
    case "s":
      return clipText(String(c.v ?? ""), max);
    case "e":
      return c.w ?? "#ERROR!";
    case "d":
      return c.v instanceof Date ? c.v.toISOString() : String(c.v);
    default:
      return null;
  }
}

function toCell(c: XLSX.CellObject, max: number): Cell | undefined {
  if (c.t === "z" && !c.f) return undefined;
  const cell: Cell = { v: cellValue(c, max) };
  if (typeof c.f === "string" && c.f !== "") cell.f = clipText(c.f, max);
  if (typeof c.z === "string" && c.z !== "General") cell.z = c.z;
  if (typeof c.w === "string" && c.t !== "s") cell.w = clipText(c.w, max);
  return cell;
}

function hiddenIndexes(list: ({ hidden?: boolean } | undefined)[] | undefined): number[] | undefined {
  if (!list) return undefined;
  const out: number[] = [];
  list.forEach((x, i) => {
    if (x && x.hidden) out.push(i);
  });
  return out.length > 0 ? out : undefined;
}

export function sheetToGrid(name: string, ws: XLSX.WorkSheet, opts: SheetToGridOptions): Grid {
  const data = (ws["!data"] ?? []) as (XLSX.CellObject[] | undefined)[];
  const cells: (Cell | undefined)[][] = [];
  let colCount = 0;
  let count = 0;
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    const row: (Cell | undefined)[] = [];
    if (src) {
      for (let c = 0; c < src.length; c++) {
        const sc = src[c];
        if (!sc) continue;
        if (opts.onTooLong && textLength(sc) > opts.maxCellTextLength)
          opts.onTooLong(toA1(r, c), textLength(sc));
        const cell = toCell(sc, opts.maxCellTextLength);
        if (!cell) continue;
        row[c] = cell;
        count++;
        if (c + 1 > colCount) colCount = c + 1;
      }
    }
    cells.push(row);
  }
  while (cells.length > 0 && cells[cells.length - 1].length === 0) cells.pop();
  opts.countCells?.(count);
  if (opts.counter) opts.counter.cells += count;
  const merges: Range[] = ((ws["!merges"] ?? []) as Range[]).map((m) => ({
    s: { r: m.s.r, c: m.s.c },
    e: { r: m.e.r, c: m.e.c },
  }));
  const grid: Grid = { sheet: name, rowCount: cells.length, colCount, cells, merges };
  const hiddenRows = opts.hidden
    ? opts.hidden.rows
    : hiddenIndexes(ws["!rows"] as { hidden?: boolean }[] | undefined);
  const hiddenCols = opts.hidden
    ? opts.hidden.cols
    : hiddenIndexes(ws["!cols"] as { hidden?: boolean }[] | undefined);
  if (hiddenRows) grid.hiddenRows = hiddenRows;
  if (hiddenCols) grid.hiddenCols = hiddenCols;
  return grid;
}

/** Rows of strings (a CSV) as a Grid; empty strings are empty cells. */
export function textRowsToGrid(
  rows: string[][],
  maxCellTextLength: number,
  onTooLong?: (a1: string, length: number) => never,
): Grid {
  let colCount = 0;
  const cells = rows.map((src, r) => {
    const row: (Cell | undefined)[] = [];
    src.forEach((s, c) => {
      if (s === "") return;
      if (onTooLong && s.length > maxCellTextLength) onTooLong(toA1(r, c), s.length);
      row[c] = { v: clipText(s, maxCellTextLength) };
      if (c + 1 > colCount) colCount = c + 1;
    });
    return row;
  });
  return { sheet: "", rowCount: cells.length, colCount, cells, merges: [] };
}
