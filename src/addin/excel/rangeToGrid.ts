/**
 * Loaded Excel range data → Grid. Invariant: the Grid is anchored at A1 whatever the used range's
 * origin (cells[r][c] is the cell at row r, column c of the sheet), so addresses the reader reports
 * are the addresses Excel shows; empty cells without a formula are left undefined.
 */
import type { Cell, CellValue, Grid, Range } from "../../domain/sheet/grid";
import { fromA1 } from "../../domain/sheet/grid";

export interface LoadedRange {
  /** 0-based origin of the block inside the sheet. */
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas?: unknown[][];
  numberFormat?: unknown[][];
}

function toValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** Writes a loaded block into `cells` (several blocks may fill one grid when a read is chunked). */
export function putBlock(cells: (Cell | undefined)[][], block: LoadedRange): number {
  let colCount = 0;
  block.values.forEach((row, i) => {
    const r = block.rowIndex + i;
    row.forEach((raw, j) => {
      const f = block.formulas?.[i]?.[j];
      const formula = typeof f === "string" && f.startsWith("=") ? f.slice(1) : undefined;
      const v = toValue(raw);
      if (v === null && !formula) return;
      const c = block.columnIndex + j;
      const cell: Cell = { v };
      if (formula) cell.f = formula;
      const z = block.numberFormat?.[i]?.[j];
      if (typeof z === "string" && z !== "General" && z !== "") cell.z = z;
      (cells[r] ??= [])[c] = cell;
      colCount = Math.max(colCount, c + 1);
    });
  });
  return colCount;
}

/** "Sheet1!A1:B2,Sheet1!D4:E5" (RangeAreas.address) → merged ranges. */
export function parseMergedAddress(address: string | undefined | null): Range[] {
  if (!address) return [];
  const out: Range[] = [];
  for (const part of address.split(",")) {
    const local = part.includes("!") ? part.slice(part.lastIndexOf("!") + 1) : part;
    const [a, b] = local.split(":");
    const s = fromA1(a);
    const e = fromA1(b ?? a);
    if (s && e) out.push({ s, e });
  }
  return out;
}

export function gridFromBlocks(sheet: string, blocks: LoadedRange[], mergedAddress?: string | null): Grid {
  const cells: (Cell | undefined)[][] = [];
  let colCount = 0;
  for (const b of blocks) colCount = Math.max(colCount, putBlock(cells, b));
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  return { sheet, rowCount: cells.length, colCount, cells, merges: parseMergedAddress(mergedAddress) };
}
