/**
 * Which criteria set a workbook follows when neither the person nor the workbook's settings say:
 * the title's words ("nâng cao", "kiểu mẫu", "khu dân cư"), the period, and the highest criterion
 * number written in the tables (Hà Tĩnh's sets have 20).
 * Invariant: always answers; the national 2021–2025 set (DEFAULT_SET_ID) when nothing points
 * elsewhere.
 */
import { DEFAULT_SET_ID } from "../criteria/registry";
import type { SheetTable } from "./describeSheetLayout";
import { columnOf } from "./detectTable";
import type { TitleFacts } from "./detectTitle";
import { foldVietnamese } from "./foldVietnamese";
import { textAt } from "./gridText";

export const WORK_VOLUME_SET_ID = "work-volume";

/** Which set the title words and tables point to, when nobody said. */
export function guessSetId(title: TitleFacts, tables: SheetTable[]): string {
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
  return DEFAULT_SET_ID;
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
