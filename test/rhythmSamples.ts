/** The sample work-volume report (Hà Linh, 11/2022) as the reader's work items, and variations of it. */
import * as fs from "node:fs";
import * as path from "node:path";
import type { WorkItem } from "../src/domain/report";
import { mulberry32 } from "../scripts/seededRandom";

const FILE = path.join(__dirname, "fixtures/samples/xa-ha-linh-2022-11-khoi-luong.expected.json");

export function haLinhItems(): WorkItem[] {
  const e = JSON.parse(fs.readFileSync(FILE, "utf8"));
  return e.workItems.map((w: any) => ({
    name: w.name,
    unit: w.unit,
    plan: w.plan,
    done: w.done,
    cumulative: w.cumulative,
    ratio: w.ratio,
    group: w.group,
    sheet: w.sheet,
    cell: w.cell,
    byUnit: w.byUnit,
  }));
}

export function haLinhCells(): { planCell?: string; cumulativeCell?: string }[] {
  const e = JSON.parse(fs.readFileSync(FILE, "utf8"));
  return e.workItems.map((w: any) => ({ planCell: w.planCell, cumulativeCell: w.cumulativeCell }));
}

/** A seeded generator (mulberry32): the same seed gives the same communes and weeks. */
export const seeded = mulberry32;

/**
 * One commune's week: the sample's items with this week's done scaled by the commune, plan the
 * week's registration, cumulative carried from `before` (so it never goes down).
 */
export function communeWeek(
  rand: () => number,
  before: Map<string, number> | undefined,
  villages = ["Thôn 1", "Thôn 2", "Thôn 3"],
): WorkItem[] {
  return haLinhItems().map((w) => {
    // A steady week: done within ±25 % of a fifth of the month, the plan registered a little above it.
    const done = Math.round((w.done ?? 0) * (0.15 + rand() * 0.1));
    const plan = Math.round(done * (1 + rand() * 0.3));
    const cumulative = (before?.get(w.name) ?? Math.round((w.cumulative ?? 0) / 4)) + done;
    before?.set(w.name, cumulative);
    const split = villages.map(() => Math.round(done / villages.length));
    split[0] += done - split.reduce((s, x) => s + x, 0);
    return {
      name: w.name,
      unit: w.unit,
      plan,
      done,
      cumulative,
      sheet: "Tuần",
      cell: w.cell,
      byUnit: villages.map((name, i) => ({ name, value: split[i] })),
    };
  });
}

/**
 * A commune's weekly result sheet as communes keep it: the official title block, "BÁO CÁO KẾT QUẢ
 * THỰC HIỆN KHỐI LƯỢNG TUẦN n NĂM y", TT | Nội dung công việc | ĐVT | Kế hoạch tuần | Thực hiện
 * tuần | Lũy kế, Roman group rows and Vietnamese number text in some cells ("5.615", "1,8 km").
 */
export function weekWorkbook(commune: string, week: string, items: readonly WorkItem[]): Buffer {
  const XLSX = require("xlsx") as typeof import("xlsx");
  const [year, w] = week.split("-W");
  const vn = (x: number | null | undefined, unit?: string) =>
    x == null
      ? null
      : x >= 1000 && x % 1 === 0
        ? x.toLocaleString("de-DE")
        : unit === "km"
          ? `${String(x).replace(".", ",")} km`
          : x;
  const rows: unknown[][] = [
    [`UBND ${commune.toUpperCase()}`, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    [null, null, null, "Độc lập - Tự do - Hạnh phúc"],
    [],
    [`BÁO CÁO KẾT QUẢ THỰC HIỆN KHỐI LƯỢNG TUẦN ${Number(w)} NĂM ${year}`],
    [],
    ["TT", "Nội dung công việc", "ĐVT", "Kế hoạch tuần", "Thực hiện tuần", "Lũy kế"],
  ];
  let group = "";
  let n = 0;
  for (const it of items) {
    if (it.group && it.group !== group) {
      group = it.group;
      const [roman, ...rest] = group.split(". ");
      rows.push([roman, rest.join(". ")]);
      n = 0;
    }
    rows.push([
      ++n,
      it.name,
      it.unit ?? "",
      vn(it.plan, it.unit),
      vn(it.done, it.unit),
      vn(it.cumulative, it.unit),
    ]);
  }
  rows.push([], [null, "Người lập biểu", null, null, "CHỦ TỊCH UBND XÃ"]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), `Tuan ${Number(w)}`);
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
}
