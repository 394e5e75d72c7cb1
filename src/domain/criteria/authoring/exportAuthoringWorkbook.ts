/**
 * Writes a criteria set as an authoring workbook (Grids; src/io/xlsx turns them into a file).
 *
 * Invariant: compileAuthoringWorkbook(exportAuthoringWorkbook(set)) deep-equals set for every
 * valid set. Targets of an indicator go in its row's target columns when they share one source
 * (decision, article, verified) and only the general target has a hint; otherwise they go one per
 * row to the `targets` sheet, which can say everything.
 */
import type { Cell, CellValue, Grid, WorkbookGrids } from "../../sheet/grid";
import {
  COMMUNE_GROUPS,
  REGIONS,
  type CriteriaSet,
  type Indicator,
  type Rollup,
  type Target,
  type TargetTable,
} from "../schema";
import {
  CATEGORY_SEPARATOR,
  CRITERIA_COLUMNS,
  GROUP_COLUMNS,
  INDICATOR_COLUMNS,
  LINE_SEPARATOR,
  OP_OUT,
  SETTINGS_KEYS,
  SHEETS,
  SPECIAL_STATUS_COLUMNS,
  TARGET_COLUMNS,
  UNKNOWN_VALUE,
  targetColumn,
} from "./authoringLayout";
import { INSTRUCTIONS_SHEET, instructionRows } from "./authoringInstructions";

export function gridFromRows(sheet: string, rows: CellValue[][]): Grid {
  const colCount = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const cells = rows.map((r) => r.map((v): Cell | undefined => (v === null || v === "" ? undefined : { v })));
  return { sheet, rowCount: rows.length, colCount, cells, merges: [] };
}

export function rollupText(r: Rollup): string {
  if (r.rule === "atLeast") return `atLeast ${r.n}`;
  if (r.rule === "share") return r.goal === undefined ? "share" : `share ${r.goal}`;
  return "all";
}

/** Every target entry of an indicator with its axis name ("general", "BTB", "group1", "2023::BTB"). */
export function targetEntries(ind: Indicator): [string, Target][] {
  const out: [string, Target][] = [];
  const table = (t: TargetTable | undefined, prefix: string) => {
    if (!t) return;
    if (t.general) out.push([prefix === "" ? "general" : prefix.slice(0, -2), t.general]);
    for (const r of REGIONS) if (t.byRegion?.[r]) out.push([`${prefix}${r}`, t.byRegion[r]!]);
    for (const g of COMMUNE_GROUPS) if (t.byGroup?.[g]) out.push([`${prefix}group${g}`, t.byGroup[g]!]);
  };
  table(ind.targets, "");
  for (const year of Object.keys(ind.targets.byYear ?? {}).sort())
    table(ind.targets.byYear![year], `${year}::`);
  return out;
}

function sameProvenance(a: Target, b: Target): boolean {
  return (
    a.provenance.decision === b.provenance.decision &&
    a.provenance.article === b.provenance.article &&
    a.provenance.verified === b.provenance.verified
  );
}

function fitsRow(entries: [string, Target][]): boolean {
  return entries.every(
    ([axis, t]) => sameProvenance(t, entries[0][1]) && (axis === "general" || !t.unverifiedHint),
  );
}

const cellValue = (t: Target): CellValue => (t.value === null ? UNKNOWN_VALUE : t.value);

function settingsRows(set: CriteriaSet): CellValue[][] {
  const v = set.version;
  const values: Record<(typeof SETTINGS_KEYS)[number], CellValue> = {
    id: set.id,
    "title::vi": set.title.vi,
    "title::en": set.title.en ?? null,
    decision: v.decision,
    date: v.date ?? null,
    amendments:
      v.amendments?.map((a) => (a.date ? `${a.decision} (${a.date})` : a.decision)).join(LINE_SEPARATOR) ??
      null,
    level: set.level,
    appliesFrom: set.appliesFrom ?? null,
    appliesTo: set.appliesTo ?? null,
    regions: set.regions?.join(", ") ?? null,
    communeGroups: set.communeGroups?.join(", ") ?? null,
    rollup: rollupText(set.rollup),
    officialIndicatorCount: set.officialIndicatorCount ?? null,
    sources: set.sources?.join(LINE_SEPARATOR) ?? null,
    note: set.note ?? null,
  };
  return [["setting", "value"], ...SETTINGS_KEYS.map((k) => [k, values[k]])];
}

export function exportAuthoringWorkbook(set: CriteriaSet): WorkbookGrids {
  const indicators = set.criteria.flatMap((c) => c.indicators.map((i) => ({ criterion: c.code, i })));
  const rowEntries = new Map<Indicator, [string, Target][]>();
  const longRows: CellValue[][] = [];
  const axes = new Set<string>();
  for (const { i } of indicators) {
    const entries = targetEntries(i);
    if (fitsRow(entries)) {
      rowEntries.set(i, entries);
      for (const [axis] of entries) axes.add(axis);
    } else
      for (const [axis, t] of entries)
        longRows.push([
          i.code,
          axis,
          cellValue(t),
          t.provenance.decision,
          t.provenance.article ?? null,
          t.provenance.verified,
          t.unverifiedHint ?? null,
        ]);
  }
  // Target columns in a fixed order: general, regions, groups, then years each in the same order.
  const order = (a: string) => {
    const [y, rest] = a.includes("::") ? a.split("::") : /^\d{4}$/.test(a) ? [a, "general"] : ["", a];
    const inner =
      rest === "general" ? -1 : [...REGIONS, ...COMMUNE_GROUPS.map((g) => `group${g}`)].indexOf(rest);
    return `${y.padStart(4, " ")}:${String(inner + 1).padStart(3, "0")}`;
  };
  const targetAxes = [...axes].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const indicatorRows: CellValue[][] = [[...INDICATOR_COLUMNS, ...targetAxes.map(targetColumn)]];
  for (const { criterion, i } of indicators) {
    const entries = rowEntries.get(i);
    const first = entries?.[0]?.[1];
    const general = entries?.find(([a]) => a === "general")?.[1];
    const byAxis = new Map(entries ?? []);
    indicatorRows.push([
      criterion,
      i.code,
      i.name.vi,
      i.name.en ?? null,
      i.kind,
      i.unit ?? null,
      OP_OUT[i.op],
      i.categories?.join(CATEGORY_SEPARATOR) ?? null,
      i.derivedFrom
        ? i.derivedFrom.type === "set-met"
          ? `set-met ${i.derivedFrom.setId}`
          : `above-basis-target ${i.derivedFrom.setId} ${i.derivedFrom.indicator} ${i.derivedFrom.percentAbove}`
        : null,
      i.note ?? null,
      first?.provenance.decision ?? null,
      first?.provenance.article ?? null,
      first ? first.provenance.verified : null,
      general?.unverifiedHint ?? null,
      ...targetAxes.map((a) => (byAxis.has(a) ? cellValue(byAxis.get(a)!) : null)),
    ]);
  }
  const sheets: Grid[] = [
    // First, so a province opening the file reads what to write before it writes.
    gridFromRows(INSTRUCTIONS_SHEET, instructionRows(set)),
    gridFromRows(SHEETS.settings, settingsRows(set)),
    gridFromRows(SHEETS.groups, [
      [...GROUP_COLUMNS],
      ...(set.groups ?? []).map((g) => [g.code, g.name.vi, g.name.en ?? null]),
    ]),
    gridFromRows(SHEETS.specialStatus, [
      [...SPECIAL_STATUS_COLUMNS],
      ...(set.specialStatusRules ?? []).map((r) => [
        r.anyOf.join(", "),
        r.allOf?.join(", ") ?? null,
        r.useRegion,
        r.provenance.decision,
        r.provenance.article ?? null,
        r.provenance.verified,
        r.note ?? null,
      ]),
    ]),
    gridFromRows(SHEETS.criteria, [
      [...CRITERIA_COLUMNS],
      ...set.criteria.map((c) => [
        c.code,
        c.name.vi,
        c.name.en ?? null,
        c.group ?? null,
        rollupText(c.rollup),
        c.note ?? null,
      ]),
    ]),
    gridFromRows(SHEETS.indicators, indicatorRows),
    gridFromRows(SHEETS.targets, [[...TARGET_COLUMNS], ...longRows]),
  ];
  return { sheets };
}
