/**
 * Findings about a table as a whole rather than a row: a column whose role was a close call, a
 * target column chosen without knowing the commune's region or group, and the set's indicators
 * that no row gave.
 * Invariant: each finding points at a cell a person can go to (the header cell, or the numbering
 * cell under the main criteria table for a missing indicator).
 */
import type { CriterionAssessment, ReportValue } from "../report";
import type { Finding } from "../review/finding";
import { applicableTarget } from "./criteriaTableColumns";
import { letterOf, type Where } from "./describeSheetLayout";
import { columnsWithRole, type TableLayout } from "./detectTable";
import { toA1, type Grid } from "./grid";
import type { IndicatorCatalog } from "./indicatorCatalog";

interface Reading {
  values: ReportValue[];
  criteria: CriterionAssessment[];
  /** Where a missing indicator would go: the numbering cell under the main criteria table. */
  missingAnchor?: { sheet: string; cell: string };
  indicatorTable: boolean;
}

export function ambiguityFindings(grid: Grid, layout: TableLayout): Finding[] {
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
export function unknownTargetColumn(grid: Grid, layout: TableLayout, where: Where): Finding[] {
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

export function missingIndicatorFindings(
  catalog: IndicatorCatalog,
  reading: Pick<Reading, "values" | "criteria" | "indicatorTable" | "missingAnchor">,
): Finding[] {
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
