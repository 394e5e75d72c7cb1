/**
 * Finding the table in a sheet: the header row (one or two rows, merged or not), the optional
 * "(1) (2) (3)" column-number row, what each column holds, where data starts and ends, and which
 * kind of table it is (criteria self-assessment, per-village checklist, work volumes).
 * Invariant: the scan reads each cell of the first HEADER_SCAN_ROWS rows once with cheap prefix
 * matching; fuzzy (typo-tolerant) matching is only tried on the few cells of the chosen header
 * rows, so cost stays linear in the sheet size.
 */
import type { Grid } from "./grid";
import { MergeIndex, textAt } from "./gridText";
import { recogniseHeader, type ColumnRole } from "./recogniseHeader";
import { foldVietnamese } from "./foldVietnamese";
import { memoiseByText } from "./memoiseByText";

export const HEADER_SCAN_ROWS = 60;

export type TableKind = "criteria" | "criteriaMarks" | "villages" | "workVolume";

export interface TableColumn {
  col: number;
  role: ColumnRole;
  /** Header text as written (parent / child for two-row headers). */
  header: string;
  /** Village name for village columns. */
  unitName?: string;
}

export interface TableLayout {
  sheet: string;
  kind: TableKind;
  /** 0-based header rows (one or two). */
  headerRows: number[];
  columnNumberRow?: number;
  /** 0-based first and last rows that may hold data. */
  firstDataRow: number;
  lastDataRow: number;
  columns: TableColumn[];
}

interface RowScore {
  row: number;
  roles: Set<ColumnRole>;
}

function scoreRow(grid: Grid, r: number, fuzzy = false): RowScore {
  const roles = new Set<ColumnRole>();
  const row = grid.cells[r];
  if (!row) return { row: r, roles };
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell || typeof cell.v !== "string" || cell.v.length > 120) continue;
    const m = recogniseHeader(cell.v, fuzzy);
    if (m && m.role !== "ignore") roles.add(m.role);
  }
  return { row: r, roles };
}

function isHeaderCandidate(s: RowScore): boolean {
  const roles = s.roles;
  if (roles.size < 2) return false;
  const named = roles.has("content") || roles.has("criterion");
  const measured =
    roles.has("value") ||
    roles.has("selfAssessment") ||
    roles.has("target") ||
    roles.has("done") ||
    roles.has("plan") ||
    roles.has("metMark") ||
    roles.has("village");
  return (named || roles.has("no")) && (measured || (named && roles.has("no")));
}

/** "(1)", "(2)" … or 1, 2, 3 in consecutive columns: the column-number row under a header. */
function isColumnNumberRow(grid: Grid, r: number): boolean {
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

function isSubHeaderRow(grid: Grid, h: number, merges: MergeIndex): boolean {
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
    if (m) recognised++;
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

function resolveColumns(grid: Grid, merges: MergeIndex, headerRows: number[]): TableColumn[] {
  const h = headerRows[0];
  const two = headerRows.length === 2;
  const width = Math.max(grid.cells[h]?.length ?? 0, two ? (grid.cells[h + 1]?.length ?? 0) : 0);
  const cols: TableColumn[] = [];
  let parentLeft = "";
  for (let c = 0; c < width; c++) {
    const parent = headerTextAt(grid, merges, h, c);
    // A CSV export loses merges: an empty parent cell under a two-row header continues the one on its left.
    const parentText = parent.text !== "" ? parent.text : two ? parentLeft : "";
    if (parent.text !== "") parentLeft = parent.text;
    const childCell = two ? textAt(grid, h + 1, c) : "";
    const childInMergeFromAbove = two && merges.at(h + 1, c)?.s.r === h;
    const child = childInMergeFromAbove ? "" : childCell;
    const pm = parentText ? recogniseHeader(parentText, true) : undefined;
    const cm = child ? recogniseHeader(child, true) : undefined;
    let role: ColumnRole | undefined;
    let unitName: string | undefined;
    if (cm) {
      role = cm.role;
      unitName = cm.unitName;
      // "Kết quả thực hiện" over "Số liệu", a period ("Năm 2023") under "Kết quả": keep the parent's sense.
      if (pm && pm.role === "selfAssessment" && (role === "value" || role === "done"))
        role = "selfAssessment";
    } else if (child && pm && /^(nam|quy|thang|tuan|ky)\b|^\d{4}$/.test(foldVietnamese(child))) {
      role = pm.role;
    } else if (pm && (child === "" || !two)) {
      role = pm.role;
      unitName = pm.unitName;
    }
    if (!role || role === "ignore") continue;
    cols.push({
      col: c,
      role,
      header: child && parentText ? `${parentText} / ${child}` : parentText || child,
      ...(unitName ? { unitName } : {}),
    });
  }
  return disambiguateTargets(cols);
}

/**
 * "Chỉ tiêu" names both the indicator (its content) and its target. With two target-like columns and
 * no content column, the left one holds the indicators' names.
 */
function disambiguateTargets(cols: TableColumn[]): TableColumn[] {
  if (cols.some((c) => c.role === "content")) return cols;
  const targets = cols.filter((c) => c.role === "target");
  if (targets.length < 2) return cols;
  return cols.map((c) => (c === targets[0] ? { ...c, role: "content" as ColumnRole } : c));
}

function decideKind(cols: TableColumn[]): TableKind {
  const has = (r: ColumnRole) => cols.some((c) => c.role === r);
  const villages = cols.filter((c) => c.role === "village").length;
  const volume = [has("plan"), has("done"), has("cumulative"), has("unit")].filter(Boolean).length;
  if (volume >= 2 && !has("selfAssessment") && !has("target")) return "workVolume";
  if (villages >= 1 && !has("value"))
    return villages >= 2 && (has("unit") || has("done")) ? "workVolume" : "villages";
  if (has("metMark") || has("unmetMark")) return "criteriaMarks";
  return "criteria";
}

const FOOTER_PREFIXES = [
  "nguoi lap",
  "noi nhan",
  "tm.",
  "t/m",
  "tm ",
  "xac nhan",
  "chu tich",
  "truong thon",
  "ky ten",
  "tong hop:",
  "ghi chu:",
  "ket luan:",
  "so tieu chi dat",
  "ty le tieu chi dat",
  "tong so tieu chi",
  "muc tieu:",
  "kiem tra",
  "thu truong",
  "giam doc",
  "pho chu tich",
];

/** Whether a row's first text starts a footer (signatures, totals); remembered per text. */
export const isFooterText = memoiseByText((text: string): boolean => {
  const f = foldVietnamese(text);
  for (const p of FOOTER_PREFIXES) if (f.startsWith(p)) return true;
  return false;
});

function bestHeaderRow(grid: Grid, limit: number, fuzzy: boolean): RowScore | undefined {
  let best: RowScore | undefined;
  for (let r = 0; r < limit; r++) {
    const s = scoreRow(grid, r, fuzzy);
    if (!isHeaderCandidate(s)) continue;
    if (!best || s.roles.size > best.roles.size) best = s;
    if (s.roles.size >= 4) break;
  }
  if (best && fuzzy) return best;
  // A header found by exact words may still hold misspelt cells: score its row again with typos allowed.
  return best ? scoreRow(grid, best.row, true) : undefined;
}

/** Detects the table of one sheet, or undefined when the sheet holds none. */
export function detectTable(grid: Grid): TableLayout | undefined {
  const limit = Math.min(grid.cells.length, HEADER_SCAN_ROWS);
  // Exact words first (cheap); only a sheet where they find nothing is scanned again for typos.
  let best = bestHeaderRow(grid, limit, false);
  if (!best) best = bestHeaderRow(grid, limit, true);
  if (!best) return undefined;
  const merges = new MergeIndex(grid.merges);
  const h = best.row;
  const headerRows = isSubHeaderRow(grid, h, merges) ? [h, h + 1] : [h];
  let next = headerRows[headerRows.length - 1] + 1;
  let columnNumberRow: number | undefined;
  if (isColumnNumberRow(grid, next)) {
    columnNumberRow = next;
    next++;
  }
  const columns = resolveColumns(grid, merges, headerRows);
  const kind = decideKind(columns);
  return {
    sheet: grid.sheet,
    kind,
    headerRows,
    ...(columnNumberRow !== undefined ? { columnNumberRow } : {}),
    firstDataRow: next,
    lastDataRow: grid.cells.length - 1,
    columns,
  };
}

export function columnsWithRole(layout: TableLayout, role: ColumnRole): TableColumn[] {
  return layout.columns.filter((c) => c.role === role);
}

export function columnOf(layout: TableLayout, role: ColumnRole): number | undefined {
  const cols = columnsWithRole(layout, role);
  // Several period columns under one role: the last is the latest period.
  return cols.length ? cols[cols.length - 1].col : undefined;
}
