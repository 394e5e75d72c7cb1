/**
 * readReport: a workbook (its Grids) → the Report of DESIGN.md, the reader's findings, and the
 * layout it found. Each sheet's table is detected and read by its kind (criteria table, criterion
 * marks, village columns, work volumes, per-village split); the title block gives the org unit,
 * period and set hints; the caller (or the workbook's own "_ntm" settings) can override each.
 * Invariant: every value in the Report carries its sheet and cell; every data row that could not be
 * mapped, every indicator of the set that was not found, every duplicate and every unreadable or
 * ambiguous value is a finding with sheet and cell — nothing is dropped silently.
 */
import { DEFAULT_SET_ID, getCriteriaSet } from "../criteria/registry";
import { sheetLayout, type SheetLayout, type SheetTable, type Where } from "./describeSheetLayout";
import { guessSetId, WORK_VOLUME_SET_ID } from "./guessSetId";
import { statedProgressBelow } from "./readStatedProgress";
import { trustedSettings } from "./workbookSettings";
import { ambiguityFindings, missingIndicatorFindings, unknownTargetColumn } from "./tableFindings";
import {
  CommuneGroupSchema,
  RegionSchema,
  type CommuneGroup,
  type CriteriaSet,
  type Region,
} from "../criteria/schema";
import type { CriterionAssessment, Report, ReportUnit, ReportValue, WorkItem } from "../report";
import type { Finding } from "../review/finding";
import { toA1, type Grid, type WorkbookGrids } from "./grid";
import { cellText, textAt } from "./gridText";
import { columnOf, columnsWithRole, detectTable, volumesByTitle, type TableLayout } from "./detectTable";
import { catalogOf, type IndicatorCatalog } from "./indicatorCatalog";
import { detectTitle, periodFromFileName, type TitleFacts } from "./detectTitle";
import { readCriteriaTable, type RowMapping } from "./readCriteriaTable";
import { readVillageColumns } from "./readVillageColumns";
import { detectVillageRows, readVillageRows } from "./readVillageRows";
import { readVillageSplit, readWorkVolume, type WorkItemCells } from "./readWorkVolume";

export { WORK_VOLUME_SET_ID } from "./guessSetId";
export type { SheetLayout } from "./describeSheetLayout";

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
      if (isVillageSplit(layout)) {
        splits.push(t);
        continue;
      }
      readVolumes(out, grid, layout);
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
  // A village split with no main table to split (a result sheet kept per village) is the report itself.
  const alone = out.workItems.length === 0;
  for (const { grid, layout } of splits) {
    if (alone) {
      readVolumes(out, grid, layout);
      continue;
    }
    out.findings.push(...readVillageSplit(grid, layout, out.workItems));
    out.sheets.push(sheetLayout(grid, layout, layout.lastDataRow, "workVolumeByUnit"));
  }
  return out;
}

/**
 * A sheet of one done figure per village and none of the commune's own (the Hà Linh "Theo thôn"
 * sheet): the split of another sheet's items.
 */
function isVillageSplit(layout: TableLayout): boolean {
  const villages = columnsWithRole(layout, "village");
  return (
    villages.length > 0 &&
    villages.every((v) => (v.figure ?? "done") === "done") &&
    (["plan", "done", "cumulative"] as const).every((r) => columnOf(layout, r) === undefined)
  );
}

function readVolumes(out: Reading, grid: Grid, layout: TableLayout): void {
  const wv = readWorkVolume(grid, layout);
  out.workItems.push(...wv.items);
  out.workItemCells.push(...wv.cells);
  out.findings.push(...wv.findings);
  out.sheets.push(sheetLayout(grid, layout, wv.lastRow, "workVolume"));
}

export function readReport(workbook: WorkbookGrids, options: ReadReportOptions = {}): ReadReportResult {
  const { settings: props, findings: settingFindings } = trustedSettings(workbook.properties);
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
  if (!options.setId && !props.set)
    tables.forEach((t, i) => (tables[i] = { ...t, layout: volumesByTitle(t.layout, title.folded) }));
  const period =
    options.period ??
    props.period ??
    title.period ??
    (options.fileName ? periodFromFileName(options.fileName) : undefined);
  const titleWithPeriod: TitleFacts = { ...title, ...(period ? { period } : {}) };
  let setSource: ReaderLayout["setSource"] = "default";
  let setId: string;
  if (options.setId) {
    setId = options.setId;
    setSource = "option";
  } else if (props.set) {
    setId = props.set;
    setSource = "workbook";
  } else {
    setId = guessSetId(titleWithPeriod, tables);
    setSource = setId === DEFAULT_SET_ID ? "default" : "title";
  }
  const set = setId === WORK_VOLUME_SET_ID ? undefined : getSet(setId);
  const catalog = catalogFor(set);
  const villageSet = set?.level === "village" || (set === undefined && Boolean(title.village));
  // The title's words are mapped onto region and group codes by detectTitle; parsed here again so
  // only a real code picks a target column.
  const region = options.region ?? props.region ?? RegionSchema.safeParse(title.region).data;
  const group = options.group ?? props.group ?? CommuneGroupSchema.safeParse(title.group).data;
  const reading = readTables(tables, catalog, title, villageSet, {
    ...(region ? { region } : {}),
    ...(group ? { group } : {}),
  });
  orderByPeriod(reading.values, period);
  const findings = [
    ...settingFindings,
    ...reading.findings,
    ...(catalog ? missingIndicatorFindings(catalog, reading) : []),
  ];

  const orgName = options.orgUnit?.name ?? props.orgUnit ?? title.orgUnit?.name;
  const orgCode = options.orgUnit?.code ?? props.orgCode;
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
