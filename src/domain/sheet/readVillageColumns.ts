/**
 * Village checklists laid out across: rows are the criteria (items), one column per village
 * ("Thôn 1", "Thôn 2", "Xóm Đông" …), each cell a mark (Đạt, x, Chưa đạt) or a figure.
 * Invariant: each village becomes one ReportUnit whose values are the rows, in row order, each with
 * the cell of that village's column; the code is the item's numbering as written (villages keep
 * their own lists), or a row number when the list has none.
 */
import type { ReportUnit, ReportValue } from "../report";
import { type Finding, withPlacedParams } from "../review/finding";
import { toA1, type Grid } from "./grid";
import { textAt } from "./gridText";
import { columnOf, columnsWithRole, isFooterText, type TableLayout } from "./detectTable";
import { parseRowLabel } from "./parseRowLabel";
import { readIndicatorValue, readWorkbookTarget } from "./readIndicatorValue";

export interface VillageColumnsReading {
  units: ReportUnit[];
  findings: Finding[];
  lastRow: number;
}

export function readVillageColumns(grid: Grid, layout: TableLayout): VillageColumnsReading {
  const villages = columnsWithRole(layout, "village");
  const noC = columnOf(layout, "no");
  const nameC = columnOf(layout, "content") ?? columnOf(layout, "criterion");
  const targetC = columnOf(layout, "target");
  const units: ReportUnit[] = villages.map((v) => ({ name: v.unitName ?? v.header, values: [] }));
  const findings: Finding[] = [];
  let lastRow = layout.firstDataRow - 1;
  let ordinal = 0;
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    const noText = noC === undefined ? "" : textAt(grid, r, noC);
    const name = nameC === undefined ? "" : textAt(grid, r, nameC);
    if (!noText && !name) continue;
    const label = parseRowLabel(noText);
    if ((label.kind === "other" || label.kind === "none") && isFooterText(noText || name)) break;
    if (label.kind === "group") continue;
    const anyMark = villages.some((v) => textAt(grid, r, v.col) !== "");
    // A numbered item no village has met yet (marks only say "met") is still an item of the list.
    if (!anyMark && !(label.kind === "integer" && name)) continue;
    ordinal++;
    const code =
      label.kind === "integer"
        ? String(label.n)
        : label.kind === "indicator" || label.kind === "criterion"
          ? label.code
          : String(ordinal);
    const target = targetC !== undefined ? readWorkbookTarget(grid.cells[r]?.[targetC]) : undefined;
    villages.forEach((v, i) => {
      const cell = grid.cells[r]?.[v.col];
      const read = readIndicatorValue(cell, undefined, target);
      const value: ReportValue = {
        code,
        value: read.value,
        ...(read.unit ? { unit: read.unit } : {}),
        raw: read.raw,
        ...(target ? { workbookTarget: target, targetCell: toA1(r, targetC!) } : {}),
        ...(name ? { label: name } : {}),
        // A mark under a village (Đạt, x, Chưa đạt) is that village's assessment of the item.
        ...(typeof read.value === "boolean"
          ? {
              selfAssessment: read.value ? ("met" as const) : ("unmet" as const),
              selfAssessmentCell: toA1(r, v.col),
            }
          : {}),
        sheet: grid.sheet,
        cell: toA1(r, v.col),
      };
      units[i].values.push(value);
      if (read.problem) {
        const placed = {
          severity: "warning" as const,
          sheet: grid.sheet,
          cell: toA1(r, v.col),
          indicator: code,
        };
        findings.push(withPlacedParams({ ...read.problem, ...placed }, { village: units[i].name }));
      }
    });
    lastRow = r;
  }
  return { units, findings, lastRow };
}
