/**
 * Grids → Report + reader findings through the domain reader (readReport), plus the one thing the
 * pane adds: the clerk's manual row mappings. A mapping is applied by writing the chosen code into
 * the row's number cell of a copy of the grid, so the domain reader maps the row by code with its
 * own rules; nothing here reads values.
 */
import { getCriteriaSet } from "../../../domain/criteria/registry";
import type { CriteriaSet } from "../../../domain/criteria/schema";
import type { Report } from "../../../domain/report";
import type { Finding } from "../../../domain/review/finding";
import { fromA1, type Grid, type WorkbookGrids } from "../../../domain/sheet/grid";
import type { RowMapping } from "../../../domain/sheet/readCriteriaTable";
import { readReport, type ReaderLayout } from "../../../domain/sheet/readReport";

export const DEFAULT_SET_ID = "vn-xa-ntm-2021-2025";

export interface ReaderOutput {
  set: CriteriaSet;
  report: Report;
  findings: Finding[];
  mappings: RowMapping[];
}

/** "Sheet!row" (1-based row) → indicator code. */
export type ManualMappings = Record<string, string>;

function numberColumn(layout: ReaderLayout, sheet: string): number | undefined {
  const cols = layout.sheets.find((s) => s.sheet === sheet)?.columns ?? {};
  const letter = cols.no ?? cols.criterion;
  return letter ? fromA1(`${letter}1`)?.c : undefined;
}

function withManualMappings(
  grids: WorkbookGrids,
  layout: ReaderLayout,
  manual: ManualMappings,
): WorkbookGrids {
  const sheets = grids.sheets.map((grid): Grid => {
    const rows = Object.entries(manual).filter(([k]) => k.startsWith(`${grid.sheet}!`));
    const col = numberColumn(layout, grid.sheet);
    if (col === undefined || rows.length === 0) return grid;
    const cells = grid.cells.slice();
    for (const [k, code] of rows) {
      const r = Number(k.slice(grid.sheet.length + 1)) - 1;
      if (!Number.isInteger(r) || r < 0 || r >= cells.length) continue;
      const row = (cells[r] ?? []).slice();
      row[col] = { v: code };
      cells[r] = row;
    }
    return { ...grid, cells };
  });
  return { ...grids, sheets };
}

export function readReportFromGrids(
  grids: WorkbookGrids,
  manual: ManualMappings = {},
  fileName?: string,
): ReaderOutput {
  const options = fileName ? { fileName } : {};
  let read = readReport(grids, options);
  if (Object.keys(manual).length) read = readReport(withManualMappings(grids, read.layout, manual), options);
  const set = getCriteriaSet(read.report.setId) ?? getCriteriaSet(DEFAULT_SET_ID)!;
  return { set, report: read.report, findings: read.findings, mappings: read.layout.mappings };
}
