/**
 * The layout the reader found on a sheet, told the way a person checks it: 1-based rows, column
 * letters by role, the target column chosen among several and the periods side by side.
 * Invariant: only description — nothing here changes what is read.
 */
import { applicableTarget } from "./criteriaTableColumns";
import { columnsWithRole, type TableLayout } from "./detectTable";
import { toA1, type Grid } from "./grid";

export interface SheetLayout {
  sheet: string;
  kind: TableLayout["kind"] | "workVolumeByUnit";
  /** 1-based, as a person counts rows. */
  headerRows: number[];
  columnNumberRow?: number;
  firstDataRow: number;
  lastDataRow: number;
  /** Column letter by role ("value" → "E"); village columns by name. */
  columns: Record<string, string>;
  villages?: Record<string, string>;
  /** The target column used among several (general + regions): which, and for which region. */
  target?: { column: string; header: string; region?: string; group?: string };
  /** Periods side by side, oldest first, when the table has several. */
  periods?: string[];
  /** A sheet without its own header that continues the table of the sheet before it. */
  continues?: string;
}

/** The commune's region and group, which pick its column among several target columns. */
export interface Where {
  region?: string;
  group?: string;
}

/** A detected table on its sheet. */
export interface SheetTable {
  grid: Grid;
  layout: TableLayout;
}

export function letterOf(col: number): string {
  return toA1(0, col).replace(/\d+$/, "");
}

export function sheetLayout(
  grid: Grid,
  layout: TableLayout,
  lastRow: number,
  kind: SheetLayout["kind"],
  where: Where = {},
): SheetLayout {
  const columns: Record<string, string> = {};
  const villages: Record<string, string> = {};
  for (const c of layout.columns) {
    const letter = letterOf(c.col);
    if (c.role === "village") villages[c.unitName ?? c.header] = letter;
    else columns[c.role] ??= letter;
  }
  return {
    sheet: grid.sheet,
    kind,
    headerRows: layout.headerRows.map((r) => r + 1),
    ...(layout.columnNumberRow !== undefined ? { columnNumberRow: layout.columnNumberRow + 1 } : {}),
    firstDataRow: layout.firstDataRow + 1,
    lastDataRow: Math.max(lastRow, layout.firstDataRow - 1) + 1,
    columns,
    ...(Object.keys(villages).length ? { villages } : {}),
    ...targetAndPeriods(layout, where),
    ...(layout.continues ? { continues: layout.continues } : {}),
  };
}

function targetAndPeriods(layout: TableLayout, where: Where): Partial<SheetLayout> {
  const out: Partial<SheetLayout> = {};
  const targets = columnsWithRole(layout, "target");
  if (targets.length > 1) {
    const t = applicableTarget(layout, where.region, where.group)!;
    out.target = {
      column: letterOf(t.col),
      header: t.header,
      ...(t.region ? { region: t.region } : {}),
      ...(t.group ? { group: t.group } : {}),
    };
  }
  const periods = [...new Set(columnsWithRole(layout, "value").map((c) => c.period))];
  if (periods.length > 1 && !periods.includes(undefined)) out.periods = periods as string[];
  return out;
}
