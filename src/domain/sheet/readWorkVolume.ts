/**
 * Work-volume reports: items with a unit, the plan, what was done this period, the cumulative total
 * and the stated share ("Tỷ lệ (%)"), grouped under Roman group rows; and the per-village split sheet
 * (one column per village, a total column) whose rows are matched to the items by name.
 * Invariant: every item keeps the cell of its "done" figure (or of its name when it has none);
 * numbers written as text the Vietnamese way ("5.615", "1,8 km", "16.850 m") read as numbers, and a
 * figure that cannot be read is reported, not zeroed.
 */
import type { WorkItem } from "../report";
import type { Finding, FindingParams } from "../review/finding";
import { toA1, type Grid } from "./grid";
import { cellText, textAt } from "./gridText";
import { columnOf, columnsWithRole, isFooterText, type TableLayout } from "./detectTable";
import { foldVietnamese, foldedTokens } from "./foldVietnamese";
import { tokenSimilarity } from "./indicatorCatalog";
import { cleanFloat, readCell } from "./parseCellValue";
import { parseRowLabel } from "./parseRowLabel";

export interface WorkItemCells {
  planCell?: string;
  cumulativeCell?: string;
  ratioCell?: string;
  label?: string;
}

export interface WorkVolumeReading {
  items: WorkItem[];
  cells: WorkItemCells[];
  findings: Finding[];
  lastRow: number;
}

interface NumberRead {
  value: number | null;
  unit?: string;
  problem?: FindingParams<"value/unreadable">;
}

function readNumber(grid: Grid, r: number, c: number | undefined, asPercent = false): NumberRead {
  if (c === undefined) return { value: null };
  const reading = readCell(grid.cells[r]?.[c]);
  switch (reading.kind) {
    case "empty":
      return { value: null };
    case "number": {
      // A ratio cell holds 0.8025 formatted as percent (read as 80.25) or a typed 80,25.
      const v =
        asPercent && !reading.percent && reading.value <= 1.5
          ? cleanFloat(reading.value * 100)
          : reading.value;
      return { value: v, ...(reading.unit ? { unit: reading.unit } : {}) };
    }
    default:
      return {
        value: null,
        problem: { raw: cellText(grid.cells[r]?.[c]).slice(0, 80), reason: reading.kind },
      };
  }
}

export function readWorkVolume(grid: Grid, layout: TableLayout): WorkVolumeReading {
  const col = (role: Parameters<typeof columnOf>[1]) => columnOf(layout, role);
  const noC = col("no");
  const nameC = col("content") ?? col("criterion");
  const unitC = col("unit");
  const planC = col("plan");
  const doneC = columnsWithRole(layout, "done")[0]?.col ?? col("value");
  const cumC = col("cumulative");
  const ratioC = col("ratio");
  const out: WorkVolumeReading = { items: [], cells: [], findings: [], lastRow: layout.firstDataRow - 1 };
  let group: string | undefined;
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    const noText = noC === undefined ? "" : textAt(grid, r, noC);
    const name = nameC === undefined ? "" : textAt(grid, r, nameC);
    const label = parseRowLabel(noText);
    if (!noText && !name) continue;
    if (
      (label.kind === "other" || label.kind === "none") &&
      (isFooterText(noText || name) || isFooterText(name))
    )
      break;
    if (label.kind === "group") {
      group = name ? `${noText}. ${name}` : noText;
      continue;
    }
    if (!name || ["tong", "tong cong", "cong", "tong so"].includes(foldVietnamese(name))) continue;
    const figures = [planC, doneC, cumC].map((c) => readNumber(grid, r, c));
    if (figures.every((f) => f.value === null) && !figures.some((f) => f.problem)) continue;
    const [plan, done, cumulative] = figures;
    const ratio = readNumber(grid, r, ratioC, true);
    const unitText = unitC !== undefined ? textAt(grid, r, unitC) : "";
    const unit = unitText || done.unit || cumulative.unit || plan.unit;
    const item: WorkItem = {
      name,
      ...(unit ? { unit } : {}),
      plan: plan.value,
      done: done.value,
      cumulative: cumulative.value,
      ...(ratioC !== undefined
        ? { ratio: ratio.value === null ? null : Math.round(ratio.value * 100) / 100 }
        : {}),
      ...(group ? { group } : {}),
      sheet: grid.sheet,
      cell: toA1(r, doneC ?? nameC!),
    };
    out.items.push(item);
    out.cells.push({
      ...(planC !== undefined ? { planCell: toA1(r, planC) } : {}),
      ...(cumC !== undefined ? { cumulativeCell: toA1(r, cumC) } : {}),
      ...(ratioC !== undefined ? { ratioCell: toA1(r, ratioC) } : {}),
      ...(noText ? { label: noText } : {}),
    });
    figures.forEach((f, i) => {
      const c = [planC, doneC, cumC][i];
      if (f.problem && c !== undefined) {
        out.findings.push({
          type: "value/unreadable",
          severity: "warning",
          sheet: grid.sheet,
          cell: toA1(r, c),
          params: { ...f.problem, item: name },
        });
      }
    });
    out.lastRow = r;
  }
  return out;
}

/**
 * A per-village split sheet: adds `byUnit` to the items whose names match (folded token similarity),
 * and reports rows that match no item.
 */
export function readVillageSplit(grid: Grid, layout: TableLayout, items: WorkItem[]): Finding[] {
  const findings: Finding[] = [];
  const villages = columnsWithRole(layout, "village");
  const nameC = columnOf(layout, "content") ?? columnOf(layout, "criterion");
  if (nameC === undefined || villages.length === 0) return findings;
  const itemTokens = items.map((i) => new Set(foldedTokens(i.name)));
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    const name = textAt(grid, r, nameC);
    if (!name) continue;
    if (isFooterText(name)) break;
    if (["tong", "tong cong", "cong", "tong so"].includes(foldVietnamese(name))) continue;
    const tokens = new Set(foldedTokens(name));
    let best = -1;
    let bestSim = 0;
    itemTokens.forEach((t, i) => {
      const s = tokenSimilarity(tokens, t);
      if (s > bestSim) {
        bestSim = s;
        best = i;
      }
    });
    if (best < 0 || bestSim < 0.6) {
      findings.push({
        type: "mapping/unmatched-row",
        severity: "warning",
        sheet: grid.sheet,
        cell: toA1(r, nameC),
        params: { row: r + 1, text: name.slice(0, 80), label: null, bestMatch: null, similarity: null },
      });
      continue;
    }
    const byUnit = villages.map((v) => ({
      name: v.unitName ?? v.header,
      value: readNumber(grid, r, v.col).value,
      sheet: grid.sheet,
      cell: toA1(r, v.col),
    }));
    items[best].byUnit = byUnit;
  }
  return findings;
}
