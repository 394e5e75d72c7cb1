/**
 * Work volumes written per village inside one table, the two ways clerks lay them out:
 * - villages as column groups ("Thôn 1" over "ĐK" | "TH", or "Đăng ký" over "Thôn 1" | "Thôn 2");
 * - villages as row groups (a row "Thôn 1" or "I. Thôn Bắc", then that village's items).
 * The commune's figure is its own column or its own rows ("Toàn xã", "Tổng cộng") when the sheet
 * has them, else the sum of its villages' figures.
 * Invariant: a summed figure is null only when every village left it empty; every village figure
 * keeps its cell; an item is matched across villages by its folded name and unit, never by position.
 */
import type { WorkItem } from "../report";
import { toA1, type Grid } from "./grid";
import { columnsWithRole, type TableLayout } from "./detectTable";
import { foldVietnamese } from "./foldVietnamese";
import type { VillageFigureRole } from "./inferColumnRoles";
import { headerCore, isVillageName } from "./recogniseHeader";

export interface VillageColumns {
  name: string;
  plan?: number;
  done?: number;
  cumulative?: number;
}

/** The village column groups of a work-volume table, in sheet order. */
export function villageColumnsOf(layout: TableLayout): VillageColumns[] {
  const byName = new Map<string, VillageColumns>();
  for (const c of columnsWithRole(layout, "village")) {
    const name = c.unitName ?? c.header;
    let v = byName.get(name);
    if (!v) byName.set(name, (v = { name }));
    const figure: VillageFigureRole = c.figure ?? "done";
    v[figure] ??= c.col;
  }
  return [...byName.values()];
}

/** The village a heading row names ("Thôn 1", "I. Thôn Bắc", "Xóm Đông:"), or undefined. */
export function villageHeading(noText: string, name: string): string | undefined {
  for (const text of [name, noText]) {
    const core = headerCore(foldVietnamese(text)).replace(/[.:]+$/, "");
    if (core && isVillageName(core)) return text.trim().replace(/[.:]+$/, "");
  }
  return undefined;
}

/** "Toàn xã", "Tổng hợp toàn xã", "Cộng toàn xã": the rows after it are the commune's own. */
export function isCommuneHeading(name: string): boolean {
  return /^(tong hop |cong |tong cong |tong )?toan (xa|phuong|thi tran)\b/.test(foldVietnamese(name));
}

export type Figures = Pick<WorkItem, "plan" | "done" | "cumulative">;

/** The sum of the villages' figures, figure by figure (null where no village wrote one). */
export function sumFigures(parts: readonly Figures[]): Required<Figures> {
  const sum = (f: keyof Figures) => {
    const xs = parts.map((p) => p[f]).filter((x): x is number => typeof x === "number");
    return xs.length ? Math.round(xs.reduce((s, x) => s + x, 0) * 1e9) / 1e9 : null;
  };
  return { plan: sum("plan"), done: sum("done"), cumulative: sum("cumulative") };
}

/** An item read under a village's heading row. */
export interface VillageRow {
  village: string;
  item: WorkItem;
}

const itemKey = (w: WorkItem) => `${foldVietnamese(w.name)}|${foldVietnamese(w.unit ?? "")}`;

/**
 * Folds the items read under village headings into the commune's items: each village row adds to
 * `byUnit` of the commune item of the same name and unit; an item the commune rows do not have is
 * made from its villages' sums, with the cell of its name on the first village's row.
 * Returns the commune's items followed by the new ones, and for each whether it was summed.
 */
export function foldVillageRows(
  grid: Grid,
  commune: WorkItem[],
  rows: readonly VillageRow[],
  nameCol: number,
  /** Whether the sheet has done figures (a registration has none: no village split to keep). */
  withDone: boolean,
): { items: WorkItem[]; summed: boolean[] } {
  const items = [...commune];
  const summed = commune.map(() => false);
  const index = new Map(items.map((w, i) => [itemKey(w), i]));
  const parts = new Map<number, VillageRow[]>();
  for (const r of rows) {
    let i = index.get(itemKey(r.item));
    if (i === undefined) {
      const { name, unit, group } = r.item;
      const row = /(\d+)$/.exec(r.item.cell ?? "")?.[1];
      items.push({
        name,
        ...(unit ? { unit } : {}),
        ...(group ? { group } : {}),
        sheet: grid.sheet,
        ...(row ? { cell: toA1(Number(row) - 1, nameCol) } : {}),
      });
      summed.push(true);
      i = items.length - 1;
      index.set(itemKey(r.item), i);
    }
    parts.set(i, [...(parts.get(i) ?? []), r]);
  }
  for (const [i, ps] of parts) {
    const base = items[i];
    items[i] = {
      ...base,
      ...(summed[i] ? sumFigures(ps.map((p) => p.item)) : {}),
      // The villages' done figures, and their plans where the rows have them (a registration).
      ...(withDone || ps.some((p) => p.item.plan != null)
        ? {
            byUnit: ps.map((p) => ({
              name: p.village,
              value: p.item.done ?? null,
              ...(p.item.plan != null ? { plan: p.item.plan } : {}),
              sheet: grid.sheet,
              ...(p.item.cell ? { cell: p.item.cell } : {}),
            })),
          }
        : {}),
    };
  }
  return { items, summed };
}
