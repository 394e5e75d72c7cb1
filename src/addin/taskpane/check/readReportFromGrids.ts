/**
 * Grids → Report + reader findings, composed from the domain sheet reader's parts (table detection,
 * title facts, criteria-table reading). It holds no reading rules of its own: it picks the set,
 * walks the sheets, and applies the clerk's manual row mappings by writing the chosen code into
 * the row's number cell of a copy of the grid, so the domain reader maps the row by code.
 */
import { getCriteriaSet } from "../../../domain/criteria/registry";
import type { CriteriaSet } from "../../../domain/criteria/schema";
import type { Report } from "../../../domain/report";
import type { Finding } from "../../../domain/review/finding";
import { columnOf, detectTable, type TableLayout } from "../../../domain/sheet/detectTable";
import { detectTitle } from "../../../domain/sheet/detectTitle";
import type { Grid, WorkbookGrids } from "../../../domain/sheet/grid";
import { cellText } from "../../../domain/sheet/gridText";
import { catalogOf } from "../../../domain/sheet/indicatorCatalog";
import { readCriteriaTable, type RowMapping } from "../../../domain/sheet/readCriteriaTable";

export const DEFAULT_SET_ID = "vn-xa-ntm-2021-2025";

export interface ReaderOutput {
  set: CriteriaSet;
  report: Report;
  findings: Finding[];
  mappings: RowMapping[];
}

/** "Sheet!row" (1-based row) → indicator code. */
export type ManualMappings = Record<string, string>;

function titleLines(grid: Grid, layout: TableLayout): string[] {
  const lines: string[] = [];
  for (let r = 0; r < layout.headerRows[0]; r++) {
    // Each cell is its own line: the two title blocks side by side ("UBND XÃ …" | "CỘNG HÒA …") are
    // separate statements.
    for (const cell of grid.cells[r] ?? []) {
      const text = cellText(cell);
      if (text) lines.push(text);
    }
  }
  return lines;
}

function withManualMappings(grid: Grid, layout: TableLayout, manual: ManualMappings): Grid {
  const col = columnOf(layout, "no") ?? columnOf(layout, "criterion");
  const rows = Object.entries(manual).filter(([k]) => k.startsWith(`${grid.sheet}!`));
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
}

export function readReportFromGrids(grids: WorkbookGrids, manual: ManualMappings = {}): ReaderOutput {
  const props = grids.properties ?? {};
  const set = getCriteriaSet(props["ntm.set"] ?? DEFAULT_SET_ID) ?? getCriteriaSet(DEFAULT_SET_ID)!;
  const catalog = catalogOf(set);
  const seen = new Map<string, string>();
  const report: Report = { setId: set.id, values: [], criteria: [] };
  const findings: Finding[] = [];
  const mappings: RowMapping[] = [];
  for (const raw of grids.sheets) {
    const layout = detectTable(raw);
    if (!layout || (layout.kind !== "criteria" && layout.kind !== "criteriaMarks")) continue;
    const grid = withManualMappings(raw, layout, manual);
    const title = detectTitle(titleLines(grid, layout));
    if (title.orgUnit && !report.orgUnit) report.orgUnit = { name: title.orgUnit.name };
    if (title.period && !report.period) report.period = title.period;
    const reading = readCriteriaTable(grid, layout, catalog, seen);
    report.values.push(...reading.values);
    report.criteria!.push(...reading.criteria);
    findings.push(...reading.findings);
    mappings.push(...reading.mappings);
  }
  if (props["ntm.orgUnit"]) report.orgUnit = { name: props["ntm.orgUnit"], ...(props["ntm.orgCode"] ? { code: props["ntm.orgCode"] } : {}) };
  else if (props["ntm.orgCode"] && report.orgUnit) report.orgUnit.code = props["ntm.orgCode"];
  if (props["ntm.period"]) report.period = props["ntm.period"];
  return { set, report, findings, mappings };
}
