/**
 * Finding the table in a sheet: the header row (one or two rows, merged or not), the optional
 * "(1) (2) (3)" column-number row, what each column holds, where data starts and ends, and which
 * kind of table it is (criteria self-assessment, per-village checklist, work volumes).
 * Invariant: the scan reads each cell of the first HEADER_SCAN_ROWS rows once with cheap prefix
 * matching; fuzzy (typo-tolerant) matching is only tried on the few cells of the chosen header
 * rows, so cost stays linear in the sheet size.
 */
import type { Grid } from "./grid";
import { MergeIndex } from "./gridText";
import { recogniseHeader, type ColumnRole } from "./recogniseHeader";
import { foldVietnamese } from "./foldVietnamese";
import {
  inferColumnRoles,
  profileColumns,
  regionOfText,
  groupOfText,
  PROFILE_ROWS,
  type Ambiguity,
  type ColumnCandidate,
  type InferredColumn,
} from "./inferColumnRoles";
import { headerColumns, isColumnNumberRow, isSubHeaderRow, type HeaderColumn } from "./readHeaderColumns";

export { isFooterText } from "./footerText";

export const HEADER_SCAN_ROWS = 60;

export type TableKind = "criteria" | "criteriaMarks" | "villages" | "villageRows" | "workVolume";

/** A column of a detected table; its role's confidence is known only where contents were profiled. */
export interface TableColumn extends Omit<InferredColumn, "confidence"> {
  confidence?: number;
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
  /** Name of the sheet whose table this headerless sheet continues. */
  continues?: string;
  /** Columns whose role was a close call between two candidates (reported, not guessed silently). */
  ambiguities?: Ambiguity[];
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

function fromHeaders(cols: HeaderColumn[]): TableColumn[] {
  const out: TableColumn[] = [];
  for (const c of cols) {
    if (!c.role || c.role === "ignore") continue;
    out.push({
      col: c.col,
      role: c.role,
      header: c.header,
      ...(c.unitName ? { unitName: c.unitName } : {}),
      ...(c.figure ? { figure: c.figure } : {}),
    });
  }
  return disambiguateTargets(out);
}

/**
 * "Chỉ tiêu" names both the indicator (its content) and its target. With two target-like columns and
 * no content column, the left one holds the indicators' names.
 */
function disambiguateTargets(cols: TableColumn[]): TableColumn[] {
  if (cols.some((c) => c.role === "content")) return cols;
  const targets = cols.filter((c) => c.role === "target");
  if (targets.length < 2) return cols;
  // A target column for a region or commune group ("Chỉ tiêu chung", "Nhóm 1") never holds names.
  const f = foldVietnamese(targets[0].header);
  if (regionOfText(f) || groupOfText(f) || /\bchung\b/.test(f)) return cols;
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

function bestHeaderRow(grid: Grid, limit: number, fuzzy: boolean): RowScore | undefined {
  let best: RowScore | undefined;
  for (let r = 0; r < limit; r++) {
    let s = scoreRow(grid, r, fuzzy);
    if (!isHeaderCandidate(s)) {
      // A two-row header may name the columns on one row and what is measured on the next
      // ("Nội dung" | "Năm 2022" over "Kết quả" | "Tự đánh giá").
      if (s.roles.size === 0 || r + 1 >= limit || !(s.roles.has("content") || s.roles.has("criterion")))
        continue;
      const below = scoreRow(grid, r + 1, fuzzy);
      const union: RowScore = { row: r, roles: new Set([...s.roles, ...below.roles]) };
      if (below.roles.size === 0 || !isHeaderCandidate(union)) continue;
      s = union;
    }
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
  let width = 0;
  for (const r of headerRows) width = Math.max(width, grid.cells[r]?.length ?? 0);
  const headerWidth = width;
  const profileEnd = Math.min(grid.cells.length - 1, next + PROFILE_ROWS - 1);
  for (let r = next; r <= profileEnd; r++) width = Math.max(width, grid.cells[r]?.length ?? 0);
  const heads = headerColumns(grid, merges, headerRows, width);
  let columns = fromHeaders(heads);
  const kind = decideKind(columns);
  let ambiguities: Ambiguity[] = [];
  if (kind === "criteria") {
    const inferred = inferCriteriaColumns(grid, heads, next, headerWidth, width);
    columns = inferred.columns;
    ambiguities = inferred.ambiguities;
  }
  return {
    sheet: grid.sheet,
    kind,
    headerRows,
    ...(columnNumberRow !== undefined ? { columnNumberRow } : {}),
    firstDataRow: next,
    lastDataRow: grid.cells.length - 1,
    columns,
    ...(ambiguities.length ? { ambiguities } : {}),
  };
}

/** Header roles checked, and completed, against what the columns hold (inferColumnRoles). */
function inferCriteriaColumns(
  grid: Grid,
  heads: HeaderColumn[],
  firstDataRow: number,
  headerWidth: number,
  width: number,
): { columns: TableColumn[]; ambiguities: Ambiguity[] } {
  // Naming columns are settled by their headers; only the others are profiled.
  const naming = new Set<number>();
  for (const h of heads)
    if (h.role === "no" || h.role === "criterion" || h.role === "content") naming.add(h.col);
  const profiles = profileColumns(grid, firstDataRow, grid.cells.length - 1, width, naming);
  const hidden = new Set(grid.hiddenCols ?? []);
  const qualifiers = new Map<number, string>();
  const candidates: ColumnCandidate[] = [];
  for (const h of heads) {
    if (h.role === "ignore") continue;
    qualifiers.set(h.col, h.qualifier);
    // Columns right of the header with neither header nor data are nothing.
    if (!h.role && h.col >= headerWidth && profiles[h.col].filled === 0) continue;
    candidates.push({
      col: h.col,
      ...(h.role ? { headerRole: h.role } : {}),
      header: h.header,
      ...(h.unitName ? { unitName: h.unitName } : {}),
      hidden: hidden.has(h.col),
    });
  }
  // Fixed header words first: "Chỉ tiêu" naming the indicator's content is settled before content.
  const fixed = disambiguateTargets(
    candidates
      .filter((c) => c.headerRole)
      .map((c) => ({ col: c.col, role: c.headerRole!, header: c.header })),
  );
  const byCol = new Map(candidates.map((c) => [c.col, c]));
  for (const f of fixed) byCol.get(f.col)!.headerRole = f.role;
  const inferred = inferColumnRoles(candidates, qualifiers, profiles);
  const columns: TableColumn[] = inferred.columns.map((c) => ({
    col: c.col,
    role: c.role,
    header: c.header,
    ...(c.unitName ? { unitName: c.unitName } : {}),
    ...(c.period ? { period: c.period } : {}),
    ...(c.region ? { region: c.region } : {}),
    ...(c.group ? { group: c.group } : {}),
    confidence: Math.round(c.confidence * 100) / 100,
  }));
  return { columns, ambiguities: inferred.ambiguities };
}

export function columnsWithRole(layout: TableLayout, role: ColumnRole): TableColumn[] {
  return layout.columns.filter((c) => c.role === role);
}

export function columnOf(layout: TableLayout, role: ColumnRole): number | undefined {
  const cols = columnsWithRole(layout, role);
  // Several period columns under one role: the last is the latest period.
  return cols.length ? cols[cols.length - 1].col : undefined;
}

/**
 * "Nội dung | ĐVT | Kết quả" is both a criteria table and a week's results: under a title about work
 * volumes ("BÁO CÁO KẾT QUẢ THỰC HIỆN KHỐI LƯỢNG TUẦN 14") and with no target or assessment column,
 * it is the results.
 */
export function volumesByTitle(layout: TableLayout, foldedTitle: string): TableLayout {
  if (layout.kind !== "criteria" || !/\bkhoi luong\b/.test(foldedTitle)) return layout;
  const has = (r: ColumnRole) => layout.columns.some((c) => c.role === r);
  const judged = has("target") || has("selfAssessment") || has("metMark") || has("unmetMark");
  return has("unit") && (has("value") || has("done")) && !judged ? { ...layout, kind: "workVolume" } : layout;
}
