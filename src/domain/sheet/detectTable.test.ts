/**
 * Tables as communes lay them out, and the exact layout found for each (the whole object, so a
 * row or column read wrongly shows): title rows skipped, the "(1) (2) (3)" row passed over, each
 * column's role and header, the kind of table, and a close call between two value columns said.
 */
import { detectTable, type TableColumn, type TableKind, type TableLayout } from "./detectTable";
import { gridOfValues } from "./grid";

const layoutOf = (rows: (string | number | null)[][]) => detectTable(gridOfValues("Biểu 01", rows));

/** A layout of Biểu 01 with one header row at the top and data to `lastDataRow`. */
const underTopHeader = (kind: TableKind, lastDataRow: number, columns: TableColumn[]): TableLayout => ({
  sheet: "Biểu 01",
  kind,
  headerRows: [0],
  firstDataRow: 1,
  lastDataRow,
  columns,
});

describe("detectTable", () => {
  it("a self-assessment under its title, with a column-number row", () => {
    const expected: TableLayout = {
      sheet: "Biểu 01",
      kind: "criteria",
      headerRows: [2],
      columnNumberRow: 3,
      firstDataRow: 4,
      lastDataRow: 5,
      columns: [
        { col: 0, role: "no", header: "TT", confidence: 1 },
        { col: 1, role: "content", header: "Nội dung chỉ tiêu", confidence: 1 },
        { col: 2, role: "target", header: "Chỉ tiêu", confidence: 1 },
        { col: 3, role: "value", header: "Kết quả thực hiện", confidence: 1 },
        { col: 4, role: "selfAssessment", header: "Tự đánh giá", confidence: 1 },
      ],
    };
    expect(
      layoutOf([
        ["UBND XÃ SƠN HỒNG"],
        ["BIỂU TỰ ĐÁNH GIÁ NĂM 2023"],
        ["TT", "Nội dung chỉ tiêu", "Chỉ tiêu", "Kết quả thực hiện", "Tự đánh giá"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        ["1.1", "Có quy hoạch", "Đạt", "Đạt", "Đạt"],
        ["2.1", "Tỷ lệ đường", "100%", "95%", "Chưa đạt"],
      ]),
    ).toEqual(expected);
  });

  it("a checklist per village: each village column keeps its name", () => {
    expect(
      layoutOf([
        ["TT", "Nội dung", "Thôn 1", "Thôn 2"],
        ["1", "Có nhà văn hóa", "x", null],
        ["2", "Đường thôn", "x", "x"],
      ]),
    ).toEqual(
      underTopHeader("villages", 2, [
        { col: 0, role: "no", header: "TT" },
        { col: 1, role: "content", header: "Nội dung" },
        { col: 2, role: "village", header: "Thôn 1", unitName: "Thôn 1" },
        { col: 3, role: "village", header: "Thôn 2", unitName: "Thôn 2" },
      ]),
    );
  });

  it("marks in a Đạt and a Chưa đạt column", () => {
    expect(
      layoutOf([
        ["TT", "Nội dung", "Đạt", "Chưa đạt"],
        ["1.1", "Có quy hoạch", "x", null],
      ]),
    ).toEqual(
      underTopHeader("criteriaMarks", 1, [
        { col: 0, role: "no", header: "TT" },
        { col: 1, role: "content", header: "Nội dung" },
        { col: 2, role: "metMark", header: "Đạt" },
        { col: 3, role: "unmetMark", header: "Chưa đạt" },
      ]),
    );
  });

  it("two columns alike: one is read as the results, with no confidence, and the other is named", () => {
    const layout = layoutOf([
      ["TT", "Nội dung chỉ tiêu", "Số liệu", "Số liệu"],
      ["2.1", "Tỷ lệ đường", "95%", "96%"],
      ["2.2", "Tỷ lệ đường thôn", "80%", "81%"],
      ["2.3", "Tỷ lệ ngõ", "70%", "72%"],
    ]);
    expect(layout?.columns.filter((c) => c.role === "value")).toEqual([
      { col: 2, role: "value", header: "Số liệu", confidence: 0 },
    ]);
    expect(layout?.ambiguities).toEqual([{ col: 2, role: "value", otherCol: 3, confidence: 0 }]);
  });

  it("a letter with no table is no table", () => {
    expect(layoutOf([["Kính gửi: UBND huyện"], ["Xã báo cáo như sau"]])).toBeUndefined();
  });
});
