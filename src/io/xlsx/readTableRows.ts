/**
 * A plain table file (org units, user lists) → one record per row, keyed by the first row's
 * headers, lower-cased and trimmed. Read through readWorkbookFile so an administrator's file gets the
 * same size and shape limits, and the same one-line refusals, as a commune's workbook.
 */
import { textAt } from "../../domain/sheet/gridText";
import { readWorkbookFile } from "./readWorkbook";

export function readTableRows(file: string): Record<string, string>[] {
  const grid = readWorkbookFile(file).sheets[0];
  if (!grid || grid.rowCount === 0) return [];
  const headers = Array.from({ length: grid.colCount }, (_, c) => textAt(grid, 0, c).trim().toLowerCase());
  const rows: Record<string, string>[] = [];
  for (let r = 1; r < grid.rowCount; r++) {
    const row: Record<string, string> = Object.create(null);
    let filled = false;
    headers.forEach((h, c) => {
      if (!h) return;
      const text = textAt(grid, r, c).trim();
      row[h] = text;
      filled ||= text !== "";
    });
    if (filled) rows.push(row);
  }
  return rows;
}
