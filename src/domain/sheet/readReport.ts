/**
 * readReport: a workbook (its Grids) → the Report of DESIGN.md, the reader's findings, and the
 * layout it found. Each sheet's table is detected and read by its kind (criteria table, criterion
 * marks, village columns, work volumes, per-village split); the title block gives the org unit,
 * period and set hints; the caller (or the workbook's own "_ntm" settings) can override each.
 * Invariant: every value in the Report carries its sheet and cell; every data row that could not be
 * mapped, every indicator of the set that was not found, every duplicate and every unreadable or
 * ambiguous value is a finding with sheet and cell — nothing is dropped silently.
 */
import { getCriteriaSet } from "../criteria/registry";
import type { CommuneGroup, CriteriaSet, Region } from "../criteria/schema";
import type { CriterionAssessment, Report, ReportUnit, ReportValue, WorkItem } from "../report";
import type { Finding } from "../review/finding";
import { toA1, type Grid, type WorkbookGrids } from "./grid";
import { cellText, textAt } from "./gridText";
import { columnOf, columnsWithRole, detectTable, type TableLayout } from "./detectTable";
import { foldVietnamese } from "./foldVietnamese";
import { catalogOf, type IndicatorCatalog } from "./indicatorCatalog";
import { detectTitle, periodFromFileName, type TitleFacts } from "./detectTitle";
import { readCell } from "./parseCellValue";
import { readCriteriaTable, type RowMapping } from "./readCriteriaTable";
import { readVillageColumns } from "./readVillageColumns";
import { readVillageSplit, readWorkVolume, type WorkItemCells } from "./readWorkVolume";

export const WORK_VOLUME_SET_ID = "work-volume";

export interface ReadReportOptions {
  /** Criteria set id; overrides what the workbook says and what the title suggests. */
  setId?: string;
  orgUnit?: { name: string; code?: string };
  period?: string;
  region?: Region;
  group?: CommuneGroup;
  /** File name, for a period in it when the workbook names none ("xa-son-hong-2023.csv"). */
  fileName?: string;
  /** Where sets come from (tests, authored sets); defaults to the shipped registry. */
  getSet?: (id: string) => CriteriaSet | undefined;
}

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
}

export interface ReaderLayout {
  sheets: SheetLayout[];
  /** Where the set id came from. */
  setSource: "option" | "workbook" | "title" | "default";
  title: Omit<TitleFacts, "folded">;
  mappings: RowMapping[];
  workItemCells: WorkItemCells[];
}

export interface ReadReportResult {
  report: Report;
  findings: Finding[];
  layout: ReaderLayout;
}

interface SheetTable {
  grid: Grid;
  layout: TableLayout;
}

function titleLines(grid: Grid, upTo: number): string[] {
  const lines: string[] = [];
  for (let r = 0; r < Math.min(upTo, grid.cells.length); r++) {
    const row = grid.cells[r];
    if (!row) continue;
    for (const cell of row) {
      const t = cellText(cell);
      if (t) lines.push(t);
    }
  }
  return lines;
}

/** Which set the title words and tables point to, when nobody said. */
function guessSetId(title: TitleFacts, tables: SheetTable[]): string {
  const f = title.folded;
  const hasCriteriaTable = tables.some(
    (t) => t.layout.kind === "criteria" || t.layout.kind === "criteriaMarks" || t.layout.kind === "villages",
  );
  if (!hasCriteriaTable && tables.some((t) => t.layout.kind === "workVolume")) return WORK_VOLUME_SET_ID;
  if (/kieu mau/.test(f) && /(khu dan cu|kdc|\bthon\b|\bxom\b|\bban phat trien\b)/.test(f))
    return "ht-kdc-kieu-mau";
  if (/vuon mau/.test(f) && !/khu dan cu/.test(f)) return "ht-vuon-mau";
  if (/nang cao/.test(f)) {
    return /tieu chi 20|20 tieu chi|ha tinh|tinh ha tinh/.test(f) || maxCriterionLabel(tables) >= 20
      ? "ht-xa-ntm-nang-cao-20tc"
      : "vn-xa-ntm-nang-cao-2021-2025";
  }
  if (/kieu mau/.test(f)) return "vn-xa-ntm-kieu-mau-2021-2025";
  const year = Number((title.period ?? "").slice(0, 4));
  if (year >= 2026 || /2026 ?- ?2030/.test(f)) return "vn-xa-ntm-2026-2030";
  if (maxCriterionLabel(tables) >= 20) return "ht-xa-ntm-2021-2025";
  return "vn-xa-ntm-2021-2025";
}

/** The highest criterion number written in a numbering column ("20", "Tiêu chí 20", "20.1"). */
function maxCriterionLabel(tables: SheetTable[]): number {
  let max = 0;
  for (const { grid, layout } of tables) {
    const c = columnOf(layout, "no");
    if (c === undefined) continue;
    for (let r = layout.firstDataRow; r <= Math.min(layout.lastDataRow, layout.firstDataRow + 400); r++) {
      const m = /^(?:tieu chi |tc ?)?(\d{1,2})(?:[.,]\d{1,2})?\.?$/.exec(foldVietnamese(textAt(grid, r, c)));
      if (m) max = Math.max(max, Number(m[1]));
    }
  }
  return max;
}

function sheetLayout(
  grid: Grid,
  layout: TableLayout,
  lastRow: number,
  kind: SheetLayout["kind"],
): SheetLayout {
  const columns: Record<string, string> = {};
  const villages: Record<string, string> = {};
  for (const c of layout.columns) {
    const letter = toA1(0, c.col).replace(/\d+$/, "");
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
  };
}

/** "Tỷ lệ tiêu chí đạt: 33%" and "phấn đấu … ít nhất 80%" in the lines under a village checklist. */
function statedProgressBelow(
  grid: Grid,
  from: number,
): Pick<ReportUnit, "statedProgress" | "statedProgressSheet" | "statedProgressCell" | "goal"> {
  const out: Pick<ReportUnit, "statedProgress" | "statedProgressSheet" | "statedProgressCell" | "goal"> = {};
  for (let r = from; r < Math.min(grid.cells.length, from + 12); r++) {
    const row = grid.cells[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]);
      if (!t || t.length > 200) continue;
      const f = foldVietnamese(t);
      if (out.statedProgress === undefined && /ty le (tieu chi|hang muc|noi dung) dat/.test(f)) {
        const m = /(\d+(?:,\d+)?) ?%/.exec(t);
        const own = m ? Number(m[1].replace(",", ".")) : undefined;
        const right = readCell(row[c + 1]);
        const value = own ?? (right.kind === "number" ? right.value : undefined);
        if (value !== undefined) {
          out.statedProgress = value;
          out.statedProgressSheet = grid.sheet;
          out.statedProgressCell = toA1(r, own !== undefined ? c : c + 1);
        }
      } else if (out.goal === undefined && /(muc tieu|phan dau)/.test(f)) {
        const m = /(?:it nhat|toi thieu|tren|dat) (\d+(?:,\d+)?) ?%/.exec(f);
        if (m) out.goal = Number(m[1].replace(",", "."));
      }
    }
  }
  return out;
}

function catalogFor(set: CriteriaSet | undefined): IndicatorCatalog | undefined {
  // Villages and households keep their own lists: their items are read as written, not mapped
  // onto the province's themes.
  if (!set || set.level === "village" || set.level === "household") return undefined;
  return catalogOf(set);
}

interface Reading {
  values: ReportValue[];
  criteria: CriterionAssessment[];
  units: ReportUnit[];
  workItems: WorkItem[];
  workItemCells: WorkItemCells[];
  findings: Finding[];
  mappings: RowMapping[];
  sheets: SheetLayout[];
  /** Where a missing indicator would go: the numbering cell under the main criteria table. */
  missingAnchor?: { sheet: string; cell: string };
  indicatorTable: boolean;
}

function readTables(
  tables: SheetTable[],
  catalog: IndicatorCatalog | undefined,
  title: TitleFacts,
  villageSet: boolean,
): Reading {
  const out: Reading = {
    values: [],
    criteria: [],
    units: [],
    workItems: [],
    workItemCells: [],
    findings: [],
    mappings: [],
    sheets: [],
    indicatorTable: false,
  };
  const seen = new Map<string, string>();
  const splits: SheetTable[] = [];
  for (const t of tables) {
    const { grid, layout } = t;
    if (layout.kind === "workVolume") {
      if (columnsWithRole(layout, "village").length > 0 && columnOf(layout, "plan") === undefined) {
        splits.push(t);
        continue;
      }
      const wv = readWorkVolume(grid, layout);
      out.workItems.push(...wv.items);
      out.workItemCells.push(...wv.cells);
      out.findings.push(...wv.findings);
      out.sheets.push(sheetLayout(grid, layout, wv.lastRow, "workVolume"));
    } else if (layout.kind === "villages") {
      const vc = readVillageColumns(grid, layout);
      out.units.push(...vc.units);
      out.findings.push(...vc.findings);
      out.sheets.push(sheetLayout(grid, layout, vc.lastRow, "villages"));
    } else {
      const ct = readCriteriaTable(grid, layout, catalog, seen);
      out.findings.push(...ct.findings);
      out.mappings.push(...ct.mappings);
      out.criteria.push(...ct.criteria);
      out.sheets.push(sheetLayout(grid, layout, ct.lastRow, layout.kind));
      if (villageSet && ct.values.length > 0) {
        const name = title.village ?? (grid.sheet || title.orgUnit?.name || "");
        out.units.push({ name, values: ct.values, ...statedProgressBelow(grid, ct.lastRow + 1) });
      } else {
        out.values.push(...ct.values);
      }
      if (ct.values.length > 0 && columnOf(layout, "content") !== undefined && !out.missingAnchor) {
        out.indicatorTable = true;
        out.missingAnchor = { sheet: grid.sheet, cell: toA1(ct.lastRow + 1, columnOf(layout, "no") ?? 0) };
      }
    }
  }
  for (const { grid, layout } of splits) {
    out.findings.push(...readVillageSplit(grid, layout, out.workItems));
    out.sheets.push(sheetLayout(grid, layout, layout.lastDataRow, "workVolumeByUnit"));
  }
  return out;
}

function missingIndicatorFindings(catalog: IndicatorCatalog, reading: Reading): Finding[] {
  if (!reading.indicatorTable || !reading.missingAnchor) return [];
  const found = new Set(reading.values.map((v) => v.code));
  const assessed = new Set(reading.criteria.map((c) => c.code));
  const out: Finding[] = [];
  for (const c of catalog.criteria) {
    if (assessed.has(c.code)) continue;
    for (const ind of c.indicators) {
      if (found.has(ind.code)) continue;
      out.push({
        type: "mapping/missing-indicator",
        severity: "warning",
        sheet: reading.missingAnchor.sheet,
        cell: reading.missingAnchor.cell,
        indicator: ind.code,
        params: { name: ind.name, criterion: c.code },
      });
    }
  }
  return out;
}

export function readReport(workbook: WorkbookGrids, options: ReadReportOptions = {}): ReadReportResult {
  const props = workbook.properties ?? {};
  const getSet = options.getSet ?? getCriteriaSet;
  const tables: SheetTable[] = [];
  const lines: string[] = [];
  for (const grid of workbook.sheets) {
    const layout = detectTable(grid);
    if (layout) tables.push({ grid, layout });
    lines.push(...titleLines(grid, layout ? layout.headerRows[0] : 10));
  }
  const title = detectTitle(lines);
  const period =
    options.period ??
    props["ntm.period"] ??
    title.period ??
    (options.fileName ? periodFromFileName(options.fileName) : undefined);
  const titleWithPeriod: TitleFacts = { ...title, ...(period ? { period } : {}) };
  let setSource: ReaderLayout["setSource"] = "default";
  let setId: string;
  if (options.setId) {
    setId = options.setId;
    setSource = "option";
  } else if (props["ntm.set"]) {
    setId = props["ntm.set"];
    setSource = "workbook";
  } else {
    setId = guessSetId(titleWithPeriod, tables);
    setSource = setId === "vn-xa-ntm-2021-2025" ? "default" : "title";
  }
  const set = setId === WORK_VOLUME_SET_ID ? undefined : getSet(setId);
  const catalog = catalogFor(set);
  const villageSet = set?.level === "village" || (set === undefined && Boolean(title.village));
  const reading = readTables(tables, catalog, title, villageSet);
  const findings = [...reading.findings, ...(catalog ? missingIndicatorFindings(catalog, reading) : [])];

  const orgName = options.orgUnit?.name ?? props["ntm.orgUnit"] ?? title.orgUnit?.name;
  const orgCode = options.orgUnit?.code ?? props["ntm.orgCode"];
  const region = options.region ?? (props["ntm.region"] as Region | undefined);
  const group = options.group ?? (props["ntm.group"] as CommuneGroup | undefined);
  const report: Report = {
    setId,
    setVersion: set ? versionText(set) : null,
    ...(orgName ? { orgUnit: { name: orgName, ...(orgCode ? { code: orgCode } : {}) } } : {}),
    ...(period ? { period } : {}),
    ...(region ? { region } : {}),
    ...(group ? { group } : {}),
    values: reading.values,
    ...(reading.criteria.length ? { criteria: reading.criteria } : {}),
    ...(reading.units.length ? { units: reading.units } : {}),
    ...(reading.workItems.length ? { workItems: reading.workItems } : {}),
  };
  const { folded: _folded, ...titleOut } = titleWithPeriod;
  void _folded;
  return {
    report,
    findings,
    layout: {
      sheets: reading.sheets,
      setSource,
      title: titleOut,
      mappings: reading.mappings,
      workItemCells: reading.workItemCells,
    },
  };
}

function versionText(set: CriteriaSet): string {
  const v = set.version;
  const amendments = (v.amendments ?? []).map((a) => a.decision);
  return [v.decision, ...amendments].join(" + ");
}
