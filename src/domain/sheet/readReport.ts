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
import { applicableTarget, readCriteriaTable, type RowMapping } from "./readCriteriaTable";
import { readVillageColumns } from "./readVillageColumns";
import { detectVillageRows, readVillageRows } from "./readVillageRows";
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
  /** The target column used among several (general + regions): which, and for which region. */
  target?: { column: string; header: string; region?: string; group?: string };
  /** Periods side by side, oldest first, when the table has several. */
  periods?: string[];
  /** A sheet without its own header that continues the table of the sheet before it. */
  continues?: string;
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
    (t) =>
      t.layout.kind === "criteria" ||
      t.layout.kind === "criteriaMarks" ||
      t.layout.kind === "villages" ||
      t.layout.kind === "villageRows",
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

function letterOf(col: number): string {
  return toA1(0, col).replace(/\d+$/, "");
}

function sheetLayout(
  grid: Grid,
  layout: TableLayout,
  lastRow: number,
  kind: SheetLayout["kind"],
  where: Where = {},
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
    ...targetAndPeriods(layout, where),
    ...(layout.continues ? { continues: layout.continues } : {}),
  };
}

/** The commune's region and group, which pick its column among several target columns. */
interface Where {
  region?: string;
  group?: string;
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

/**
 * A sheet with no header of its own whose rows continue the criteria table of the sheet before it
 * ("Biểu 01 (tiếp)"): read with that table's columns when its rows hold data in them.
 */
function continuation(grid: Grid, prev: TableLayout): TableLayout | undefined {
  if (prev.kind !== "criteria") return undefined;
  const value = columnOf(prev, "value") ?? columnOf(prev, "selfAssessment");
  const name = columnOf(prev, "content") ?? columnOf(prev, "criterion");
  if (value === undefined || name === undefined) return undefined;
  let rows = 0;
  let fitting = 0;
  let first = -1;
  for (let r = 0; r < Math.min(grid.cells.length, 40); r++) {
    const row = grid.cells[r];
    if (!row || row.every((c) => cellText(c) === "")) continue;
    rows++;
    if (textAt(grid, r, name) !== "" && textAt(grid, r, value) !== "") {
      fitting++;
      if (first < 0) first = r;
    }
  }
  if (rows < 3 || fitting < rows / 2 || first < 0) return undefined;
  return {
    ...prev,
    sheet: grid.sheet,
    headerRows: [],
    firstDataRow: 0,
    lastDataRow: grid.cells.length - 1,
    continues: prev.sheet,
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
  where: Where,
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
    } else if (layout.kind === "villageRows") {
      const vr = readVillageRows(grid, layout);
      out.units.push(...vr.units);
      out.sheets.push(sheetLayout(grid, layout, vr.lastRow, "villageRows"));
    } else if (layout.kind === "villages") {
      const vc = readVillageColumns(grid, layout);
      out.units.push(...vc.units);
      out.findings.push(...vc.findings);
      out.sheets.push(sheetLayout(grid, layout, vc.lastRow, "villages"));
    } else {
      const ct = readCriteriaTable(grid, layout, catalog, seen, where);
      out.findings.push(
        ...ct.findings,
        ...ambiguityFindings(grid, layout),
        ...unknownTargetColumn(grid, layout, where),
      );
      out.mappings.push(...ct.mappings);
      out.criteria.push(...ct.criteria);
      out.sheets.push(sheetLayout(grid, layout, ct.lastRow, layout.kind, where));
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

function ambiguityFindings(grid: Grid, layout: TableLayout): Finding[] {
  return (layout.ambiguities ?? []).map((a) => ({
    type: "mapping/ambiguous-column" as const,
    severity: "warning" as const,
    sheet: grid.sheet,
    cell: toA1(layout.headerRows[0] ?? layout.firstDataRow, a.col),
    params: {
      role: a.role,
      column: letterOf(a.col),
      otherColumn: letterOf(a.otherCol),
      confidence: Math.round(a.confidence * 100) / 100,
    },
  }));
}

/**
 * Several region or group target columns but no region or group known for the commune (neither
 * stated in the title nor given): the general column was used, and the reviewer is told so. Only
 * the table's first sheet says it, once.
 */
function unknownTargetColumn(grid: Grid, layout: TableLayout, where: Where): Finding[] {
  if (layout.continues) return [];
  const targets = columnsWithRole(layout, "target");
  const byRegion = targets.some((t) => t.region && t.region !== "general");
  const byGroup = targets.some((t) => t.group);
  if ((!byRegion || where.region) && (!byGroup || where.group)) return [];
  const used = applicableTarget(layout, where.region, where.group);
  if (!used) return [];
  return [
    {
      type: "mapping/ambiguous-column",
      severity: "warning",
      sheet: grid.sheet,
      cell: toA1(layout.headerRows[0] ?? layout.firstDataRow, used.col),
      params: {
        role: "target",
        reason: byGroup ? "group-unknown" : "region-unknown",
        column: letterOf(used.col),
      },
    },
  ];
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
    const prev = tables[tables.length - 1];
    const layout =
      detectTable(grid) ?? (prev ? continuation(grid, prev.layout) : undefined) ?? detectVillageRows(grid);
    if (layout) tables.push({ grid, layout });
    if (!layout?.continues) lines.push(...titleLines(grid, layout ? layout.headerRows[0] : 10));
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
  const region =
    options.region ?? (props["ntm.region"] as Region | undefined) ?? (title.region as Region | undefined);
  const group =
    options.group ??
    (props["ntm.group"] as CommuneGroup | undefined) ??
    (title.group as CommuneGroup | undefined);
  const reading = readTables(tables, catalog, title, villageSet, {
    ...(region ? { region } : {}),
    ...(group ? { group } : {}),
  });
  orderByPeriod(reading.values, period);
  const findings = [...reading.findings, ...(catalog ? missingIndicatorFindings(catalog, reading) : [])];

  const orgName = options.orgUnit?.name ?? props["ntm.orgUnit"] ?? title.orgUnit?.name;
  const orgCode = options.orgUnit?.code ?? props["ntm.orgCode"];
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

/** Entries of the report's own period first (stable), so a reader of `values` by code sees that period. */
function orderByPeriod(values: ReportValue[], period: string | undefined): void {
  if (!values.some((v) => v.period !== undefined)) return;
  const own = (v: ReportValue) => v.period === undefined || v.period === period;
  const sorted = [...values.filter(own), ...values.filter((v) => !own(v))];
  values.splice(0, values.length, ...sorted);
}

function versionText(set: CriteriaSet): string {
  const v = set.version;
  const amendments = (v.amendments ?? []).map((a) => a.decision);
  return [v.decision, ...amendments].join(" + ");
}
