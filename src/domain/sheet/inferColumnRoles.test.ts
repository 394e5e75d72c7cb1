/**
 * Column roles from content (issue 12 item 2), as a clerk would notice them: the assessment column
 * is found whatever its header says, results and assessments follow their content whichever order
 * the columns are in, and two equally likely result columns are reported instead of guessed.
 */
import fc from "fast-check";
import { gridOfValues, type Grid } from "./grid";
import { readReport } from "./readReport";

const ROWS: [string, string, string | number, string][] = [
  ["1.1", "Có quy hoạch chung xây dựng xã được phê duyệt", "Đạt", "Đạt"],
  ["2.1", "Tỷ lệ đường xã được nhựa hóa hoặc bê tông hóa", "≥ 90%", "Đạt"],
  ["2.2", "Tỷ lệ đường thôn, bản được cứng hóa", "≥ 80%", "Chưa đạt"],
  ["3.1", "Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động", "≥ 80%", "Đạt"],
  ["4.2", "Tỷ lệ hộ có đăng ký trực tiếp và được sử dụng điện thường xuyên", "≥ 95%", "Đạt"],
];
const VALUES: (string | number)[] = ["Có", 95.5, 70, 85, 99];

type Kind = "target" | "value" | "sa";

function grid(order: Kind[], headers: Record<Kind, string>, extraValue?: string): Grid {
  const head = [
    "TT",
    "Nội dung chỉ tiêu",
    ...order.map((k) => headers[k]),
    ...(extraValue ? [extraValue] : []),
  ];
  const rows: (string | number | null)[][] = [["UBND XÃ SƠN KIM"], ["BIỂU TỰ ĐÁNH GIÁ NĂM 2023"], [], head];
  ROWS.forEach(([code, name, target, sa], k) => {
    const byKind: Record<Kind, string | number> = { target, value: VALUES[k], sa };
    rows.push([code, name, ...order.map((o) => byKind[o]), ...(extraValue ? [VALUES[k]] : [])]);
  });
  return gridOfValues("Bieu", rows);
}

const letter = (k: number) => String.fromCharCode(65 + k);

describe("column roles from content", () => {
  it("takes a column of Đạt / Chưa đạt as the self-assessment whatever its header says", () => {
    for (const header of ["", "Ghi chú", "Cột 5", "Đ/CĐ", "Kết luận"]) {
      const g = grid(["target", "value", "sa"], { target: "Chỉ tiêu", value: "Kết quả", sa: header });
      const { report } = readReport({ sheets: [g] });
      const v = report.values.find((x) => x.code === "2.2");
      expect(v?.selfAssessment).toBe("unmet");
      expect(v?.selfAssessmentCell).toBe("E7");
      expect(v?.cell).toBe("D7");
    }
  });

  it("follows the content whatever order the columns are in and whatever the headers say", () => {
    const orders: Kind[][] = [
      ["target", "value", "sa"],
      ["value", "target", "sa"],
      ["sa", "value", "target"],
      ["target", "sa", "value"],
      ["value", "sa", "target"],
      ["sa", "target", "value"],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...orders),
        fc.constantFrom("Kết quả thực hiện", "Hiện trạng", "Số liệu", ""),
        fc.constantFrom("Tự đánh giá", "Đánh giá", "", "(5)"),
        (order, valueHeader, saHeader) => {
          const g = grid(order, { target: "Mức chuẩn", value: valueHeader, sa: saHeader });
          const { report } = readReport({ sheets: [g] });
          const at = (k: Kind) => letter(2 + order.indexOf(k));
          const v = report.values.find((x) => x.code === "2.1");
          expect(v?.cell).toBe(`${at("value")}6`);
          expect(v?.value).toBe(95.5);
          expect(v?.selfAssessmentCell).toBe(`${at("sa")}6`);
          expect(v?.targetCell).toBe(`${at("target")}6`);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("reports two equally likely result columns as ambiguous instead of guessing silently", () => {
    const g = grid(
      ["target", "value", "sa"],
      { target: "Chỉ tiêu", value: "Kết quả", sa: "Tự đánh giá" },
      "Kết quả",
    );
    const { findings } = readReport({ sheets: [g] });
    const f = findings.find((x) => x.type === "mapping/ambiguous-column");
    expect(f).toMatchObject({ sheet: "Bieu", params: { column: "D", otherColumn: "F" } });
  });

  it("uses the commune's region column when the title names its region, and says so when it does not", () => {
    const rows = (title: string) => {
      const g = grid(["target", "value", "sa"], {
        target: "Chỉ tiêu chung",
        value: "Kết quả",
        sa: "Tự đánh giá",
      });
      g.cells[2] = [{ v: title }];
      // A second target column for the region, right of the general one.
      g.cells[3].splice(3, 0, { v: "Bắc Trung Bộ" });
      for (let r = 4; r < g.cells.length; r++) g.cells[r].splice(3, 0, { v: "≥ 50%" });
      return g;
    };
    const stated = readReport({ sheets: [rows("(Áp dụng cho xã thuộc vùng Bắc Trung Bộ)")] });
    expect(stated.report.region).toBe("BTB");
    expect(stated.report.values.find((v) => v.code === "2.1")?.targetCell).toBe("D6");
    expect(stated.findings.filter((f) => f.type === "mapping/ambiguous-column")).toEqual([]);
    const unstated = readReport({ sheets: [rows("")] });
    expect(unstated.report.values.find((v) => v.code === "2.1")?.targetCell).toBe("C6");
    expect(unstated.findings).toContainEqual(
      expect.objectContaining({
        type: "mapping/ambiguous-column",
        params: expect.objectContaining({ reason: "region-unknown", column: "C" }),
      }),
    );
  });
});

describe("a column the header names as the result", () => {
  const withResults = (results: (string | number | null)[]): Grid => {
    const g = grid(["target", "value", "sa"], { target: "Chỉ tiêu", value: "Kết quả", sa: "Tự đánh giá" });
    results.forEach((v, k) => {
      g.cells[4 + k][3] = v === null ? undefined : { v };
    });
    return g;
  };

  it("stays the result column while it is blank (a template before the clerk types)", () => {
    const { report } = readReport({ sheets: [withResults([null, null, null, null, null])] });
    expect(report.values.map((v) => v.cell)).toEqual(["D5", "D6", "D7", "D8", "D9"]);
  });

  it("stays the result column when numbers sit beside a statement", () => {
    const { report } = readReport({ sheets: [withResults(["Có", 95.5, "Không có làng nghề", 85, 99])] });
    expect(report.values.find((v) => v.code === "2.1")).toMatchObject({ value: 95.5, cell: "D6" });
    expect(report.values.find((v) => v.code === "4.2")).toMatchObject({ value: 99, cell: "D9" });
  });
});
