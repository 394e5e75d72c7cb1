/**
 * Authoring workbooks as files: write the Grids the domain exports into an .xlsx, and read an
 * .xlsx back into Grids (through the hardened reader) for the domain compiler.
 * Invariant: a cell's type survives the trip (numbers stay numbers, TRUE/FALSE stay booleans,
 * text stays text, including "?" and multi-line cells), so compile(export(set)) equals set.
 */
import * as XLSX from "xlsx";
import type { CriteriaSet } from "../../domain/criteria/schema";
import {
  compileAuthoringWorkbook,
  exportAuthoringWorkbook,
  type CompileResult,
} from "../../domain/criteria/authoring";
import type { Grid, WorkbookGrids } from "../../domain/sheet/grid";
import { readWorkbookBuffer, readWorkbookFile } from "./readWorkbook";

function gridToSheet(grid: Grid): XLSX.WorkSheet {
  const rows = grid.cells.map((r) => {
    const out: (string | number | boolean | null)[] = [];
    for (let c = 0; c < grid.colCount; c++) out.push(r[c]?.v ?? null);
    return out;
  });
  const ws = XLSX.utils.aoa_to_sheet(rows);
  // Readable columns: wide for names and notes, narrow for codes and targets.
  ws["!cols"] = Array.from({ length: grid.colCount }, (_, c) => {
    const longest = Math.max(0, ...rows.map((r) => String(r[c] ?? "").split("\n")[0].length));
    return { wch: Math.min(60, Math.max(8, longest + 1)) };
  });
  return ws;
}

export function authoringWorkbookFromGrids(book: WorkbookGrids): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const g of book.sheets) XLSX.utils.book_append_sheet(wb, gridToSheet(g), g.sheet);
  return wb;
}

/** The set as an .xlsx file's bytes. */
export function writeAuthoringWorkbookBuffer(set: CriteriaSet): Buffer {
  const wb = authoringWorkbookFromGrids(exportAuthoringWorkbook(set));
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
}

export function writeAuthoringWorkbookFile(set: CriteriaSet, filePath: string): void {
  const wb = authoringWorkbookFromGrids(exportAuthoringWorkbook(set));
  XLSX.writeFile(wb, filePath, { bookType: "xlsx", compression: true });
}

export function compileAuthoringWorkbookBuffer(data: Uint8Array, fileName: string): CompileResult {
  return compileAuthoringWorkbook(readWorkbookBuffer(data, fileName));
}

/** Throws WorkbookReadError when the file cannot be read; authoring mistakes come back as errors. */
export function compileAuthoringWorkbookFile(filePath: string): CompileResult {
  return compileAuthoringWorkbook(readWorkbookFile(filePath));
}
