/**
 * Work-volume reports: items with a unit, the plan (or registration), what was done this period, the
 * cumulative total and the stated share ("Tỷ lệ (%)"), grouped under Roman group rows, with villages
 * as column or row groups (readVillageVolumes); and the per-village split sheet (one column per
 * village, a total column) whose rows are matched to the items by name.
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
import {
  foldVillageRows,
  isCommuneHeading,
  sumFigures,
  villageColumnsOf,
  villageHeading,
  type VillageColumns,
  type VillageRow,
} from "./readVillageVolumes";

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

const TOTAL_WORDS = ["tong", "tong cong", "cong", "tong so"];

/** The columns of a work-volume table, by what they hold. */
interface VolumeColumns {
  no?: number;
  name?: number;
  unit?: number;
  plan?: number;
  done?: number;
  cumulative?: number;
  ratio?: number;
  villages: VillageColumns[];
}

function volumeColumns(layout: TableLayout): VolumeColumns {
  const col = (role: Parameters<typeof columnOf>[1]) => columnOf(layout, role);
  return {
    no: col("no"),
    name: col("content") ?? col("criterion"),
    unit: col("unit"),
    plan: col("plan"),
    done: columnsWithRole(layout, "done")[0]?.col ?? col("value"),
    cumulative: col("cumulative"),
    ratio: col("ratio"),
    villages: villageColumnsOf(layout),
  };
}

/** One data row's figures as read: the commune's columns, then each village group's. */
interface RowFigures {
  own: NumberRead[];
  villages: { v: VillageColumns; figures: NumberRead[] }[];
  unitText: string;
  /** No figure at all (empty cells only). */
  none: boolean;
}

function rowFigures(grid: Grid, r: number, c: VolumeColumns): RowFigures {
  const own = [c.plan, c.done, c.cumulative].map((col) => readNumber(grid, r, col));
  const villages = c.villages.map((v) => ({
    v,
    figures: [v.plan, v.done, v.cumulative].map((col) => readNumber(grid, r, col)),
  }));
  const none = [...own, ...villages.flatMap((x) => x.figures)].every((f) => f.value === null && !f.problem);
  return { own, villages, unitText: c.unit !== undefined ? textAt(grid, r, c.unit) : "", none };
}

/** The item of a data row; a figure the commune has no column for is its village groups' sum. */
function itemOf(
  grid: Grid,
  r: number,
  c: VolumeColumns,
  name: string,
  group: string | undefined,
  f: RowFigures,
): WorkItem {
  const own = f.own.map((x) => x.value);
  if (f.villages.length) {
    const sums = sumFigures(
      f.villages.map(({ figures: [p, d, cu] }) => ({ plan: p.value, done: d.value, cumulative: cu.value })),
    );
    if (c.plan === undefined) own[0] = sums.plan;
    if (c.done === undefined) own[1] = sums.done;
    if (c.cumulative === undefined) own[2] = sums.cumulative;
  }
  const [plan, done, cumulative] = own;
  const ratio = readNumber(grid, r, c.ratio, true);
  const unit = f.unitText || f.own[1].unit || f.own[2].unit || f.own[0].unit;
  const withDone = c.villages.filter((v) => v.done !== undefined);
  // A village split of the plan (a registration: ĐK per village) or of the done figures, or both.
  const split = c.villages.filter((v) => v.done !== undefined || v.plan !== undefined);
  return {
    name,
    ...(unit ? { unit } : {}),
    plan,
    done,
    cumulative,
    ...(c.ratio !== undefined
      ? { ratio: ratio.value === null ? null : Math.round(ratio.value * 100) / 100 }
      : {}),
    ...(group ? { group } : {}),
    sheet: grid.sheet,
    cell: toA1(r, c.done ?? withDone[0]?.done ?? c.name!),
    ...(split.length
      ? {
          byUnit: split.map((v) => ({
            name: v.name,
            value: v.done === undefined ? null : readNumber(grid, r, v.done).value,
            ...(v.plan !== undefined ? { plan: readNumber(grid, r, v.plan).value } : {}),
            sheet: grid.sheet,
            cell: toA1(r, (v.done ?? v.plan)!),
          })),
        }
      : {}),
  };
}

export function readWorkVolume(grid: Grid, layout: TableLayout): WorkVolumeReading {
  const c = volumeColumns(layout);
  const out: WorkVolumeReading = { items: [], cells: [], findings: [], lastRow: layout.firstDataRow - 1 };
  const villageRows: VillageRow[] = [];
  let village: string | undefined;
  let group: string | undefined;
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    const noText = c.no === undefined ? "" : textAt(grid, r, c.no);
    const name = c.name === undefined ? "" : textAt(grid, r, c.name);
    const label = parseRowLabel(noText);
    if (!noText && !name) continue;
    if (
      (label.kind === "other" || label.kind === "none") &&
      (isFooterText(noText || name) || isFooterText(name))
    )
      break;
    const f = rowFigures(grid, r, c);
    const total = TOTAL_WORDS.includes(foldVietnamese(name)) || isCommuneHeading(name);
    // A heading row: "Thôn 1" starts that village's rows, "Toàn xã" / "Tổng cộng" the commune's own.
    if (f.none && !f.unitText) {
      const heading = villageHeading(noText, name);
      if (heading || total) {
        village = heading;
        group = undefined;
        continue;
      }
    }
    if (label.kind === "group") {
      group = name ? `${noText}. ${name}` : noText;
      continue;
    }
    if (!name || total || f.none) continue;
    const item = itemOf(grid, r, c, name, group, f);
    out.findings.push(...unreadable(grid, r, name, [c.plan, c.done, c.cumulative], f.own));
    for (const x of f.villages)
      out.findings.push(...unreadable(grid, r, name, [x.v.plan, x.v.done, x.v.cumulative], x.figures));
    out.lastRow = r;
    if (village) {
      villageRows.push({ village, item });
      continue;
    }
    out.items.push(item);
    out.cells.push({
      ...(c.plan !== undefined ? { planCell: toA1(r, c.plan) } : {}),
      ...(c.cumulative !== undefined ? { cumulativeCell: toA1(r, c.cumulative) } : {}),
      ...(c.ratio !== undefined ? { ratioCell: toA1(r, c.ratio) } : {}),
      ...(noText ? { label: noText } : {}),
    });
  }
  if (villageRows.length) {
    out.items = foldVillageRows(grid, out.items, villageRows, c.name!, c.done !== undefined).items;
    while (out.cells.length < out.items.length) out.cells.push({});
  }
  return out;
}

function unreadable(
  grid: Grid,
  r: number,
  item: string,
  cols: (number | undefined)[],
  figures: NumberRead[],
): Finding[] {
  return figures.flatMap((f, i) =>
    f.problem && cols[i] !== undefined
      ? [
          {
            type: "value/unreadable" as const,
            severity: "warning" as const,
            sheet: grid.sheet,
            cell: toA1(r, cols[i]!),
            params: { ...f.problem, item },
          },
        ]
      : [],
  );
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
