/**
 * One criteria table of the national commune set, read row by row: what each row became (its
 * mapping) and the exact findings the reader gives — a row it cannot place, an indicator given
 * twice, a share written as a fraction, a text where a result belongs — each with its cell.
 */
import { getCriteriaSet } from "../criteria/registry";
import type { Finding } from "../review/finding";
import { detectTable } from "./detectTable";
import { gridOfValues } from "./grid";
import { catalogOf } from "./indicatorCatalog";
import { NAME_MATCH_MIN } from "./matchIndicatorInOrder";
import { readCriteriaTable } from "./readCriteriaTable";

const catalog = catalogOf(getCriteriaSet("vn-xa-ntm-2021-2025")!);

function read(rows: (string | number | boolean | null)[][]) {
  const grid = gridOfValues("Biểu 01", [["TT", "Nội dung chỉ tiêu", "Kết quả thực hiện"], ...rows]);
  const layout = detectTable(grid)!;
  return readCriteriaTable(grid, layout, catalog);
}

/** A reader's warning about a value cell of Biểu 01, as the reader gives it. */
const warningAt = <F extends Finding>(f: Omit<F, "severity" | "sheet">) => ({
  severity: "warning",
  sheet: "Biểu 01",
  ...f,
});

describe("readCriteriaTable", () => {
  it("maps rows by code, with the cell of each value, and finds nothing in a clean table", () => {
    const r = read([
      ["1.1", "Có quy hoạch chung xây dựng xã được phê duyệt", "Đạt"],
      ["2.1", "Tỷ lệ đường xã được nhựa hóa", "100%"],
    ]);
    expect(r.findings).toEqual([]);
    expect(r.values.map((v) => [v.code, v.value, v.cell])).toEqual([
      ["1.1", true, "C2"],
      ["2.1", 100, "C3"],
    ]);
  });

  it("says which row it cannot place, with what it read there", () => {
    const r = read([
      ["1.1", "Có quy hoạch chung xây dựng xã được phê duyệt", "Đạt"],
      ["", "Số liệu cán bộ phụ trách văn phòng", 12],
    ]);
    expect(r.findings).toEqual([
      warningAt({
        type: "mapping/unmatched-row",
        cell: "A3",
        params: {
          row: 3,
          label: null,
          text: "Số liệu cán bộ phụ trách văn phòng",
          // Criterion 18's cadres come closest, too far to be taken.
          bestMatch: "18.1",
          similarity: expect.any(Number),
        },
      }),
    ]);
    const [f] = r.findings;
    expect(f.type === "mapping/unmatched-row" && f.params.similarity).toBeLessThan(NAME_MATCH_MIN);
    expect(r.values.map((v) => v.code)).toEqual(["1.1"]);
  });

  it("says each doubtful value at its cell: a second row of one indicator, a fraction, a text", () => {
    const r = read([
      ["2.1", "Tỷ lệ đường xã được nhựa hóa", "100%"],
      ["2.1", "Tỷ lệ đường xã được nhựa hóa", "90%"],
      ["2.2", "Tỷ lệ đường thôn được cứng hóa", 0.92],
      ["2.3", "Tỷ lệ đường ngõ, xóm sạch", "chưa thống kê"],
    ]);
    expect(r.findings).toEqual([
      // The second row names where the first was read, and is not read.
      warningAt({
        type: "mapping/duplicate-indicator",
        cell: "C3",
        indicator: "2.1",
        params: { first: "Biểu 01!C2", row: 3 },
      }),
      // A bare fraction where a share belongs is read as percent, and said.
      warningAt({
        type: "value/ambiguous",
        cell: "C4",
        indicator: "2.2",
        params: { raw: 0.92, reading: 92, reason: "fraction-as-percent" },
      }),
      warningAt({
        type: "value/unreadable",
        cell: "C5",
        indicator: "2.3",
        params: { raw: "chưa thống kê", reason: "text" },
      }),
    ]);
    expect(r.values.map((v) => [v.code, v.value])).toEqual([
      ["2.1", 100],
      ["2.2", 92],
      ["2.3", null],
    ]);
  });
});
