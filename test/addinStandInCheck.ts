/**
 * A stand-in for the domain check in the add-in's flagging tests: it flags every self-assessment
 * cell (column E) of "Tự đánh giá" whose value (column C) is below 5, so those tests judge the
 * Excel plumbing (fills, links, comments, restore) on findings they know, not the criteria.
 */
import type { CellFlag } from "../src/addin/excel/writeFlags";
import type { WorkbookGrids } from "../src/domain/sheet/grid";

/** `detail`: a flag's message (and any indicator/criterion) for a value and its row's code cell. */
export function flagsBelowFive(
  grids: WorkbookGrids,
  detail: (value: number, code: unknown) => Pick<CellFlag, "message" | "indicator" | "criterion">,
): { flags: CellFlag[] } {
  const g = grids.sheets.find((s) => s.sheet === "Tự đánh giá")!;
  const flags: CellFlag[] = [];
  g.cells.forEach((row, r) => {
    const v = row?.[2]?.v;
    if (r >= 3 && typeof v === "number" && v < 5)
      flags.push({ sheet: g.sheet, cell: `E${r + 1}`, severity: "error", ...detail(v, row[0]?.v) });
  });
  return { flags };
}
