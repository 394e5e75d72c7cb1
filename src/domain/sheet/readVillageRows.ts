/**
 * Village matrices laid out down: one row per village ("Thôn 3", "Xóm 5", "Thôn Tân Lộc"), one
 * column per model-area item (headed by the item's name, "TC3" or its number), each cell a mark
 * (Đ / CĐ, Đạt / Chưa đạt, x or blank). The across orientation (items as rows) is
 * readVillageColumns.
 * Invariant: the table is recognised from content, not from header words — a column whose cells
 * below the header are village names, beside at least MIN_ITEMS columns of marks; each village
 * becomes one ReportUnit with one value per item column (its cell, the item's code as numbered
 * in its header or by its position), so progress per village is computed like any checklist.
 */
import type { ReportUnit, ReportValue } from "../report";
import { toA1, type Grid } from "./grid";
import { textAt } from "./gridText";
import { foldVietnamese } from "./foldVietnamese";
import { isFooterText, type TableLayout } from "./detectTable";
import { parseAssessmentWord } from "./parseAssessment";
import { headerCore, isVillageName } from "./recogniseHeader";

const SCAN_ROWS = 30;
const MIN_ITEMS = 3;

function isVillageCell(text: string): boolean {
  if (text === "" || text.length > 40) return false;
  return isVillageName(headerCore(foldVietnamese(text)));
}

function isMarkOrBlank(text: string): boolean {
  return text === "" || (text.length <= 20 && parseAssessmentWord(text) !== undefined);
}

/** The layout of a villages-down matrix in this sheet, or undefined. */
export function detectVillageRows(grid: Grid): TableLayout | undefined {
  const limit = Math.min(grid.cells.length - 1, SCAN_ROWS);
  for (let h = 0; h < limit; h++) {
    const header = grid.cells[h];
    if (!header || header.filter((c) => c && c.v !== null && c.v !== "").length < MIN_ITEMS + 1) continue;
    const width = header.length;
    // The village column: most of the next rows name a village there.
    let unitCol = -1;
    for (let c = 0; c < Math.min(width, 4) && unitCol < 0; c++) {
      let villages = 0;
      for (let r = h + 1; r <= Math.min(grid.cells.length - 1, h + 4); r++)
        if (isVillageCell(textAt(grid, r, c))) villages++;
      if (villages >= 2) unitCol = c;
    }
    if (unitCol < 0) continue;
    let last = h;
    for (let r = h + 1; r < grid.cells.length; r++) {
      const t = textAt(grid, r, unitCol);
      if (isVillageCell(t)) last = r;
      else if (t !== "" || isFooterText(textAt(grid, r, 0) || textAt(grid, r, 1))) break;
    }
    const items: number[] = [];
    let marked = 0;
    for (let c = unitCol + 1; c < width; c++) {
      if (textAt(grid, h, c) === "") continue;
      let marks = 0;
      let ok = true;
      for (let r = h + 1; r <= last && ok; r++) {
        const t = textAt(grid, r, c);
        if (!isMarkOrBlank(t)) ok = false;
        else if (t !== "") marks++;
      }
      // A headed column left blank for every village ("x" marks only what is met) is still an item.
      if (ok) items.push(c);
      if (ok && marks > 0) marked++;
    }
    if (marked < MIN_ITEMS) continue;
    return {
      sheet: grid.sheet,
      kind: "villageRows",
      headerRows: [h],
      firstDataRow: h + 1,
      lastDataRow: last,
      columns: [
        { col: unitCol, role: "content", header: textAt(grid, h, unitCol) },
        ...items.map((c) => ({ col: c, role: "value" as const, header: textAt(grid, h, c) })),
      ],
    };
  }
  return undefined;
}

/** "TC3", "Tiêu chí 3", "3", "3. Hàng rào xanh": the item number its header gives, if any. */
function itemCode(header: string, position: number): string {
  const m = /^(?:tc|tieu chi)?\s*(\d{1,2})(?:\b|[.):])/.exec(foldVietnamese(header));
  return m ? String(Number(m[1])) : String(position);
}

export function readVillageRows(grid: Grid, layout: TableLayout): { units: ReportUnit[]; lastRow: number } {
  const [unit, ...items] = layout.columns;
  const codes = items.map((c, k) => itemCode(c.header, k + 1));
  const units: ReportUnit[] = [];
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    const name = textAt(grid, r, unit.col);
    if (!isVillageCell(name)) continue;
    const values: ReportValue[] = items.map((c, k) => {
      const t = textAt(grid, r, c.col);
      const w = t === "" ? undefined : parseAssessmentWord(t);
      const cell = toA1(r, c.col);
      const v: ReportValue = { code: codes[k], value: w === undefined ? null : w, raw: t === "" ? null : t };
      if (c.header) v.label = c.header;
      if (w !== undefined) {
        v.selfAssessment = w ? "met" : "unmet";
        v.selfAssessmentCell = cell;
      }
      v.sheet = grid.sheet;
      v.cell = cell;
      return v;
    });
    units.push({ name: name.replace(/\s+/g, " "), values });
  }
  return { units, lastRow: layout.lastDataRow };
}
