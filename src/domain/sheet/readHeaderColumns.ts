/**
 * The header block of a detected table, read column by column: whether a second header row sits
 * under the first (a vertical merge, or recognised words with an empty numbering cell), the
 * "(1) (2) (3)" column-number row, and each column's role, header text and the folded qualifier
 * (period, region, group) its parent and child cells give.
 * Invariant: fuzzy (typo-tolerant) matching runs only here, on the chosen header rows' cells.
 */
import type { Grid } from "./grid";
import { MergeIndex, textAt } from "./gridText";
import { foldVietnamese } from "./foldVietnamese";
import { groupOfText, headerPeriod, regionOfText, type VillageFigureRole } from "./inferColumnRoles";
import { recogniseHeader, type ColumnRole } from "./recogniseHeader";

/** "(1)", "(2)" … or 1, 2, 3 in consecutive columns: the column-number row under a header. */
export function isColumnNumberRow(grid: Grid, r: number): boolean {
  const row = grid.cells[r];
  if (!row) return false;
  let count = 0;
  let last = 0;
  for (const cell of row) {
    if (!cell || cell.v === null || cell.v === "") continue;
    const t = String(cell.v).trim();
    const m = /^\(?(\d{1,2})\)?$/.exec(t);
    if (!m) return false;
    const n = Number(m[1]);
    if (count > 0 && n !== last + 1 && !t.startsWith("(")) return false;
    last = n;
    count++;
  }
  return count >= 3;
}

const NAMING = new Set<ColumnRole>(["no", "criterion", "content"]);

export function isSubHeaderRow(grid: Grid, h: number, merges: MergeIndex): boolean {
  const next = grid.cells[h + 1];
  if (!next) return false;
  // A vertical merge from the header row down into the next row: the next row is header too.
  for (let c = 0; c < (grid.cells[h]?.length ?? 0); c++) {
    const m = merges.at(h, c);
    if (m && m.s.r === h && m.e.r >= h + 1) return true;
  }
  let recognised = 0;
  for (let c = 0; c < next.length; c++) {
    const cell = next[c];
    if (!cell || cell.v === null || cell.v === "") continue;
    if (typeof cell.v !== "string") return false;
    const m = recogniseHeader(cell.v, true);
    // "Thôn 1" under "Nội dung công việc" is a village's heading row of data, not a sub-header.
    if (m && NAMING.has(recogniseHeader(textAt(grid, h, c))?.role ?? "ignore")) continue;
    if (m) recognised++;
    else {
      const f = foldVietnamese(cell.v);
      if (
        f.length <= 40 &&
        (regionOfText(f) || groupOfText(f) || /^chung$|^chi tieu chung$/.test(f) || headerPeriod(f))
      )
        recognised++;
    }
  }
  // The numbering column of a sub-header row is empty (it belongs to the merged header above).
  return recognised > 0 && textAt(grid, h + 1, 0) === "";
}

/** The header text a column has at row r: its own, or the text of the merge it lies under. */
function headerTextAt(
  grid: Grid,
  merges: MergeIndex,
  r: number,
  c: number,
): { text: string; spansColumns: boolean } {
  const m = merges.at(r, c);
  if (m) return { text: textAt(grid, m.s.r, m.s.c), spansColumns: m.e.c > m.s.c };
  return { text: textAt(grid, r, c), spansColumns: false };
}

export interface HeaderColumn {
  col: number;
  role?: ColumnRole;
  header: string;
  unitName?: string;
  /** The figure of a village column: "Thôn 1" over "ĐK" | "TH", or "Đăng ký" over "Thôn 1" | "Thôn 2". */
  figure?: VillageFigureRole;
  /** Folded parent and child header texts, for period and region qualifiers. */
  qualifier: string;
}

export function headerColumns(
  grid: Grid,
  merges: MergeIndex,
  headerRows: number[],
  width: number,
): HeaderColumn[] {
  const h = headerRows[0];
  const two = headerRows.length === 2;
  const cols: HeaderColumn[] = [];
  let parentLeft = "";
  for (let c = 0; c < width; c++) {
    const parent = headerTextAt(grid, merges, h, c);
    // A CSV export loses merges: an empty parent cell under a two-row header continues the one on its left.
    const childCell = two ? textAt(grid, h + 1, c) : "";
    const parentText = parent.text !== "" ? parent.text : two && childCell !== "" ? parentLeft : "";
    // An unheaded column inside a lost merge ("Năm 2022" over "Kết quả" | blank) keeps its period.
    const qualifierParent = parent.text !== "" || merges.at(h, c) ? parentText : two ? parentLeft : "";
    if (parent.text !== "") parentLeft = parent.text;
    const childInMergeFromAbove = two && merges.at(h + 1, c)?.s.r === h;
    const child = childInMergeFromAbove ? "" : childCell;
    const pm = parentText ? recogniseHeader(parentText, true) : undefined;
    const cm = child ? recogniseHeader(child, true) : undefined;
    const childFolded = child ? foldVietnamese(child) : "";
    let role: ColumnRole | undefined;
    let unitName: string | undefined;
    let figure: VillageFigureRole | undefined;
    if (cm) {
      role = cm.role;
      unitName = cm.unitName;
      // "Kết quả thực hiện" over "Số liệu", a period ("Năm 2023") under "Kết quả": keep the parent's sense.
      if (pm && pm.role === "selfAssessment" && (role === "value" || role === "done"))
        role = "selfAssessment";
      const split = villageFigure(pm, cm);
      if (split) ({ role, unitName, figure } = split);
    } else if (child && pm && /^(nam|quy|thang|tuan|ky)\b|^\d{4}$/.test(childFolded)) {
      role = pm.role;
    } else if (child && pm && pm.role === "target") {
      // "Chỉ tiêu theo vùng" over "Bắc Trung Bộ": a target column of that region.
      role = "target";
    } else if (pm && (child === "" || !two)) {
      role = pm.role;
      unitName = pm.unitName;
    }
    // A column headed by a region ("Bắc Trung Bộ", under "Vùng") holds that region's targets.
    const own = childFolded || (parentText ? foldVietnamese(parentText) : "");
    if (!role && (regionOfText(own) || groupOfText(own) || /^(chi tieu |muc )?chung( ca nuoc)?$/.test(own)))
      role = "target";
    cols.push({
      col: c,
      ...(role ? { role } : {}),
      header: child && parentText ? `${parentText} / ${child}` : parentText || child,
      ...(unitName ? { unitName } : {}),
      ...(figure ? { figure } : {}),
      qualifier: `${qualifierParent ? foldVietnamese(qualifierParent) : ""} | ${childFolded}`,
    });
  }
  return cols;
}

const FIGURES = new Set<ColumnRole>(["plan", "done", "cumulative"]);

/**
 * A village's figure column in a two-row header, either way round: "Thôn 1" over "ĐK" | "TH", or
 * "Đăng ký" over "Thôn 1" | "Thôn 2" (and "Cộng" under a figure is the commune's own column).
 */
function villageFigure(
  pm: { role: ColumnRole; unitName?: string } | undefined,
  cm: { role: ColumnRole; unitName?: string },
): { role: ColumnRole; unitName?: string; figure?: VillageFigureRole } | undefined {
  if (!pm) return undefined;
  if (pm.role === "village" && FIGURES.has(cm.role))
    return { role: "village", unitName: pm.unitName, figure: cm.role as VillageFigureRole };
  if (FIGURES.has(pm.role) && cm.role === "village")
    return { role: "village", unitName: cm.unitName, figure: pm.role as VillageFigureRole };
  if (FIGURES.has(pm.role) && cm.role === "total") return { role: pm.role };
  return undefined;
}
