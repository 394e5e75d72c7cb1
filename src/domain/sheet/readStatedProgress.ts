/**
 * What a village checklist states about itself in the lines under it: the share of criteria met
 * it claims ("Tỷ lệ tiêu chí đạt: 33%") and the goal ("phấn đấu … ít nhất 80%"), so the check can
 * compare the claim with what the items show.
 * Invariant: the first statement of each kind within 12 rows wins; its cell is kept.
 */
import type { ReportUnit } from "../report";
import { toA1, type Grid } from "./grid";
import { cellText } from "./gridText";
import { foldVietnamese } from "./foldVietnamese";
import { readCell } from "./parseCellValue";

/** "Tỷ lệ tiêu chí đạt: 33%" and "phấn đấu … ít nhất 80%" in the lines under a village checklist. */
export function statedProgressBelow(
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
